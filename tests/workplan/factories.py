"""Factories of the work plan's parts (the 2025 plan itself comes from its loader)."""

import factory

from tests.factories import WorkPlanFactory
from workplan.models import (
    Activity,
    LetteredItem,
    Outcome,
    Output,
    Paragraph,
    Section,
    SectionKind,
    SubSection,
)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(WorkPlanFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    kind = SectionKind.PARAGRAPHS
    position = factory.Sequence(lambda n: n + 1)


class SubSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubSection

    section = factory.SubFactory(SectionFactory)
    title = factory.Sequence(lambda n: f"Support {n}")
    position = factory.Sequence(lambda n: n + 1)


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    section = factory.SubFactory(SectionFactory)
    text = factory.Sequence(lambda n: f"Paragraph text {n}.")
    position = factory.Sequence(lambda n: n + 1)


class LetteredItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetteredItem

    paragraph = factory.SubFactory(ParagraphFactory)
    text = factory.Sequence(lambda n: f"Item text {n};")
    position = factory.Sequence(lambda n: n + 1)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    plan = factory.SubFactory(WorkPlanFactory)
    text = factory.Sequence(lambda n: f"Outcome {n}.")
    position = factory.Sequence(lambda n: n + 1)


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Output

    outcome = factory.SubFactory(OutcomeFactory)
    text = factory.Sequence(lambda n: f"Output {n}.")
    position = factory.Sequence(lambda n: n + 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    output = factory.SubFactory(OutputFactory)
    text = factory.Sequence(lambda n: f"Activity {n}.")
    position = factory.Sequence(lambda n: n + 1)
