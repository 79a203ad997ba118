"""The editable parts of a plan, described once so that services, views, the API and the admin
treat paragraphs, lettered items, outcomes, outputs, activities and summary items alike."""

from dataclasses import dataclass

from django.db import models

from workplan.models import (
    Activity,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    SummaryItem,
    WorkPlan,
)


@dataclass(frozen=True)
class PartKind:
    slug: str  # used in URLs: /workplans/2025/activity/12/edit/
    model: type[models.Model]
    label: str
    parent_label: str
    # Path from the part to its plan, for queries (`output__outcome__plan`) ...
    plan_path: str
    taggable: bool = False

    def plan_id_of(self, part) -> int:
        obj = part
        for step in self.plan_path.split("__")[:-1]:
            obj = getattr(obj, step)
        return obj.plan_id

    def siblings(self, part) -> models.QuerySet:
        """The parts that share this part's container, in order."""
        return self.model.objects.filter(**self.container_filter(part)).order_by("position", "id")

    def container_filter(self, part) -> dict:
        if self.model is Paragraph:
            return {"section_id": part.section_id, "subsection_id": part.subsection_id}
        if self.model is LetteredItem:
            return {"paragraph_id": part.paragraph_id}
        if self.model is Outcome:
            return {"plan_id": part.plan_id}
        if self.model is Output:
            return {"outcome_id": part.outcome_id}
        if self.model is Activity:
            return {"output_id": part.output_id}
        if self.model is SummaryItem:
            return {"plan_id": part.plan_id, "kind": part.kind}
        raise AssertionError(self.model)


PARAGRAPH = PartKind("paragraph", Paragraph, "paragraph", "section", "section__plan")
LETTERED_ITEM = PartKind(
    "item", LetteredItem, "lettered item", "paragraph", "paragraph__section__plan", taggable=True
)
OUTCOME = PartKind("outcome", Outcome, "outcome", "plan", "plan")
OUTPUT = PartKind("output", Output, "output", "outcome", "outcome__plan")
ACTIVITY = PartKind("activity", Activity, "activity", "output", "output__outcome__plan", True)
SUMMARY_ITEM = PartKind("summary", SummaryItem, "summary item", "plan", "plan")

KINDS = {
    kind.slug: kind for kind in (PARAGRAPH, LETTERED_ITEM, OUTCOME, OUTPUT, ACTIVITY, SUMMARY_ITEM)
}


def kind_of(part) -> PartKind:
    for kind in KINDS.values():
        if isinstance(part, kind.model):
            return kind
    raise TypeError(f"{type(part).__name__} is not a part of a work plan")


def plan_of(part) -> WorkPlan:
    kind = kind_of(part)
    return WorkPlan.objects.get(pk=kind.plan_id_of(part))
