"""Services: optimistic locking, history, positions, bad input and the copy to next year."""

import pytest

from isu_portal.errors import DomainError
from workplan import services
from workplan.models import (
    TEXT_MAX_LENGTH,
    Activity,
    LetteredItem,
    Outcome,
    Paragraph,
    PlanStatus,
    Section,
    WorkPlan,
)
from workplan.parts import KINDS
from workplan.selectors import plan_counts, plan_document

pytestmark = pytest.mark.django_db


def _snapshot(plan):
    return (
        plan_counts(plan=plan),
        list(
            Activity.objects.filter(output__outcome__plan=plan)
            .order_by("id")
            .values_list("id", "text", "position", "version")
        ),
        list(
            Paragraph.objects.filter(section__plan=plan)
            .order_by("id")
            .values_list("id", "text", "position", "version")
        ),
    )


def test_update_bumps_version_and_records_history(plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    updated = services.part_update(
        part=activity, text="Assist the presidency in every aspect.", version=1, user=isu_user
    )
    assert updated.version == 2
    records = list(activity.history.order_by("history_date", "history_id"))
    assert [r.text for r in records] == [
        "Assist the presidency in all aspects to achieve the objectives of the Convention.",
        "Assist the presidency in every aspect.",
    ]
    assert records[-1].history_user == isu_user
    assert records[-1].history_change_reason == "edited"


def test_stale_version_is_refused_and_shows_newer_text(plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    first_editor_copy = Activity.objects.get(pk=activity.pk)
    second_editor_copy = Activity.objects.get(pk=activity.pk)
    services.part_update(part=first_editor_copy, text="First editor's text.", version=1)
    before = _snapshot(plan_2025)
    with pytest.raises(DomainError) as error:
        services.part_update(
            part=second_editor_copy, text="Second editor's text.", version=1, user=isu_user
        )
    assert error.value.field == "version"
    assert "First editor's text." in error.value.messages[0]
    assert "version 2" in error.value.messages[0]
    assert _snapshot(plan_2025) == before
    assert Activity.objects.get(pk=activity.pk).text == "First editor's text."


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "is required"), ("   ", "is required"), ("x" * (TEXT_MAX_LENGTH + 1), "the limit is")],
)
def test_bad_text_changes_nothing(plan_2025, isu_user, activities_of, text, message):
    activity = activities_of()[0]
    output = activity.output
    before = _snapshot(plan_2025)
    with pytest.raises(DomainError, match=message):
        services.part_update(part=activity, text=text, version=1, user=isu_user)
    with pytest.raises(DomainError, match=message):
        services.activity_create(output=output, text=text, user=isu_user)
    assert _snapshot(plan_2025) == before


def test_create_at_position_renumbers(plan_2025, isu_user, activities_of):
    output = activities_of()[0].output
    new = services.activity_create(output=output, text="A new second activity.", position=2)
    texts = [a.text for a in activities_of()]
    assert texts[1] == "A new second activity."
    assert [a.position for a in activities_of()] == [1, 2, 3, 4, 5]
    assert new.history.count() == 1
    with pytest.raises(DomainError, match="impossible"):
        services.activity_create(output=output, text="Too far.", position=7)
    assert len(activities_of()) == 5


def test_move_and_impossible_move(plan_2025, isu_user, activities_of):
    first, second, third, fourth = activities_of()
    services.part_move(part=fourth, position=1, user=isu_user)
    assert [a.pk for a in activities_of()] == [fourth.pk, first.pk, second.pk, third.pk]
    moved = Activity.objects.get(pk=fourth.pk)
    assert moved.history.first().history_change_reason == "moved from 4 to 1"
    before = _snapshot(plan_2025)
    for position in (0, 5, -1, "x"):
        with pytest.raises(DomainError):
            services.part_move(part=moved, position=position, user=isu_user)
    with pytest.raises(DomainError, match="changed by someone else"):
        services.part_move(part=moved, position=2, version=1, user=isu_user)
    assert _snapshot(plan_2025) == before


def test_paragraph_numbers_follow_through_the_document(plan_2025, isu_user):
    premise = Section.objects.get(plan=plan_2025, position=2)
    services.paragraph_create(section=premise, text="A new first premise.", position=1)
    document = plan_document(plan=plan_2025)
    assert [p.number for p in document.paragraphs] == list(range(1, 21))
    assert document.paragraphs[1].text == "A new first premise."
    # Paragraph 13 of the document (J) is now 14, and the expected outcomes run 15 to 20.
    assert document.sections[3].direct_paragraphs[0].number == 15
    services.part_delete(part=document.paragraphs[1])
    assert [p.number for p in plan_document(plan=plan_2025).paragraphs] == list(range(1, 20))


def test_delete_renumbers_and_is_recorded(plan_2025, isu_user):
    paragraph = Paragraph.objects.get(section__plan=plan_2025, section__position=1)
    items = list(paragraph.items.order_by("position"))
    services.part_delete(part=items[2], user=isu_user)
    assert list(paragraph.items.order_by("position").values_list("position", flat=True)) == [
        1, 2, 3, 4, 5, 6,
    ]  # fmt: skip
    record = LetteredItem.history.filter(id=items[2].pk).latest("history_date")
    assert record.history_type == "-"
    assert record.history_user == isu_user


def test_only_drafts_are_editable(plan_2025, isu_user, activities_of):
    WorkPlan.objects.filter(pk=plan_2025.pk).update(status=PlanStatus.ENDORSED)
    activity = activities_of()[0]
    before = _snapshot(plan_2025)
    with pytest.raises(DomainError, match="only a draft"):
        services.part_update(part=activity, text="Changed.", version=1, user=isu_user)
    with pytest.raises(DomainError, match="only a draft"):
        services.activity_create(output=activity.output, text="New.", user=isu_user)
    with pytest.raises(DomainError, match="only a draft"):
        services.part_delete(part=activity, user=isu_user)
    assert _snapshot(plan_2025) == before


def test_committee_cannot_edit_through_services(plan_2025, committee_user, activities_of):
    activity = activities_of()[0]
    with pytest.raises(DomainError, match="may not edit"):
        services.part_update(part=activity, text="Changed.", version=1, user=committee_user)
    assert Activity.objects.get(pk=activity.pk).text == activity.text


def test_tags_are_validated(plan_2025, isu_user, activities_of):
    activity = activities_of()[0]
    with pytest.raises(DomainError, match="Unknown Convention article"):
        services.part_update(part=activity, text=activity.text, version=1, articles=[99])
    updated = services.part_update(
        part=activity, text=activity.text, version=1, articles=[3, 4], lap_actions=[12]
    )
    assert updated.version == 2
    assert sorted(a.number for a in updated.articles.all()) == [3, 4]
    assert [a.number for a in updated.lap_actions.all()] == [12]
    assert updated.history.first().history_change_reason == (
        "edited; tags now: articles 3, 4; LAP actions 12"
    )


def test_copy_to_next_year(plan_2025, isu_user):
    copy = services.plan_copy_to_next_year(source=plan_2025, user=isu_user)
    assert copy.year == 2026
    assert copy.status == PlanStatus.DRAFT
    assert copy.title == "Implementation Support Unit 2026 Work Plan and Budget"
    assert plan_counts(plan=copy) == plan_counts(plan=plan_2025)
    document = plan_document(plan=copy)
    assert document.sections[1].title == "Premise of the 2026 Work Plan"
    assert [p.number for p in document.paragraphs] == list(range(1, 20))
    assert copy.meeting.short_name == "13MSP"
    original = plan_document(plan=plan_2025)
    assert [a.text for o in document.outcomes for p in o.output_list for a in p.activity_list] == [
        a.text for o in original.outcomes for p in o.output_list for a in p.activity_list
    ]
    tagged = Activity.objects.get(output__outcome__plan=copy, text__startswith="Target")
    assert sorted(a.number for a in tagged.articles.all()) == [3, 4]
    with pytest.raises(DomainError, match="already exists"):
        services.plan_copy_to_next_year(source=plan_2025, user=isu_user)
    assert WorkPlan.objects.count() == 2
    # The copy is independent: editing it leaves the 2025 plan as it was.
    outcome = Outcome.objects.get(plan=copy, position=1)
    services.part_update(part=outcome, text="Changed in 2026.", version=1)
    assert Outcome.objects.get(plan=plan_2025, position=1).text != "Changed in 2026."


def test_copy_refused_to_delegates(plan_2025, delegate_a):
    with pytest.raises(DomainError):
        services.plan_copy_to_next_year(source=plan_2025, user=delegate_a)
    assert WorkPlan.objects.count() == 1


def test_plan_update_with_version(plan_2025, isu_user):
    services.plan_update(plan=plan_2025, version=plan_2025.version, symbol="CCM/MSP/2024/3/Rev.1")
    with pytest.raises(DomainError, match="changed by someone else"):
        services.plan_update(plan=plan_2025, version=plan_2025.version, symbol="X")
    assert WorkPlan.objects.get(pk=plan_2025.pk).symbol == "CCM/MSP/2024/3/Rev.1"


def test_plan_create_has_standard_sections(isu_user):
    plan = services.plan_create(year=2031, user=isu_user)
    assert [s.title for s in plan_document(plan=plan).sections][4] == (
        "2031 Outcomes, outputs and activities"
    )
    with pytest.raises(DomainError, match="already exists"):
        services.plan_create(year=2031, user=isu_user)


def test_every_kind_knows_its_plan(plan_2025):
    for kind in KINDS.values():
        part = kind.model.objects.filter(**{kind.plan_path: plan_2025}).first()
        assert kind.plan_id_of(part) == plan_2025.pk
