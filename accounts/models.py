from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in. A delegate is linked to exactly one State."""

    state = models.ForeignKey(
        "parties.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegates",
        help_text="The State this user represents as a delegate; empty for ISU and Committee.",
    )
    function = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
