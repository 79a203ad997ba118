"""Rendered official documents, stored under a hash of everything they show.

A file is written once per distinct content and never deleted by rendering: an unchanged plan
is served from its stored file, a changed plan gets a new file, and the review workflow's
versions can keep pointing at the file they were circulated with."""

from pathlib import Path

from django.db import models


class DocumentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"


class RenderedDocument(models.Model):
    plan = models.ForeignKey(
        "workplan.WorkPlan", on_delete=models.CASCADE, related_name="rendered_documents"
    )
    kind = models.CharField(max_length=10, choices=DocumentKind.choices)
    # sha256 of the rendered HTML, the kind, the stylesheets and fonts and the renderer version.
    hash = models.CharField(max_length=64, unique=True)
    # reporting.selectors.workplan_data_fingerprint of the data last seen rendering to this
    # content: finds the stored file without rendering the HTML.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    # Relative to settings.DOCUMENTS_ROOT.
    path = models.CharField(max_length=300)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["plan", "kind", "-created_at"], name="rendered_plan_kind")]

    def __str__(self) -> str:
        return f"{self.plan} {self.kind} {self.hash[:12]}"

    @property
    def absolute_path(self):
        from django.conf import settings

        return Path(str(settings.DOCUMENTS_ROOT)) / self.path
