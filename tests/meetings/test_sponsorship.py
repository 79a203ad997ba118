"""Applications, score adjustments, decisions against the budget, grant letters."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from isu_portal.errors import DomainError
from sponsorship import selectors, services
from sponsorship.models import ScoreAdjustment, SponsorshipApplication, SponsorshipBudget
from tests.meetings.factories import ObligationDeadlineFactory, ParticipantFactory


@pytest.fixture
def applicant(meeting, state_b):
    return ParticipantFactory(meeting=meeting, state=state_b, name="Khamla S.", gender="female")


def apply(participant, by, items=None, **extra):
    return services.application_submit(
        participant=participant,
        national_role=extra.pop("national_role", "Clearance operator focal point"),
        items=items
        if items is not None
        else [("flight", 1, "1500"), ("dsa", 4, "1000.50"), ("nights", 4, "800")],
        submitted_by=by,
        **extra,
    )


def test_application_gets_its_computed_score(applicant, delegate_b, settings):
    settings.SPONSORSHIP_UNDER_REPRESENTED_REGIONS = ["asia_pacific"]
    ObligationDeadlineFactory(state=applicant.state, article=4, deadline=date(2027, 8, 1))
    application = apply(applicant, delegate_b, is_survivor=True)
    # woman 3 + survivor 3 + impending deadline 3 + under-represented region 2
    assert application.computed_score == application.score == 11
    assert application.requested_total == Decimal("3300.50")


def test_delegate_applies_only_for_own_state(applicant, delegate_a):
    with pytest.raises(PermissionDenied):
        apply(applicant, delegate_a)
    assert SponsorshipApplication.objects.count() == 0


def test_delegate_cannot_apply_through_the_page_for_another_state(
    meeting, applicant, client_for, delegate_a
):
    response = client_for(delegate_a).post(
        reverse("meetings:sponsorship-apply", args=["13MSP"]),
        {"participant": applicant.pk, "national_role": "x", "flight_estimate": "100"},
    )
    assert response.status_code == 400
    assert SponsorshipApplication.objects.count() == 0


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "at least one item"),
        ([("flight", 1, "-5")], "negative"),
        ([("flight", 1, "abc")], "amount in CHF"),
        ([("taxi", 1, "5")], "Unknown item"),
        ([("dsa", 0, "5")], "at least 1"),
        ([("flight", 1, "5"), ("flight", 1, "6")], "twice"),
    ],
)
def test_bad_applications_change_nothing(applicant, delegate_b, items, message):
    with pytest.raises(DomainError, match=message):
        apply(applicant, delegate_b, items=items)
    assert SponsorshipApplication.objects.count() == 0


def test_participants_not_approved_cannot_apply(meeting, isu_user, state_a):
    person = ParticipantFactory(meeting=meeting, state=state_a, status="rejected")
    with pytest.raises(DomainError, match="did not approve"):
        apply(person, isu_user)
    assert SponsorshipApplication.objects.count() == 0


def test_organisation_participants_are_not_sponsored(meeting, isu_user):
    person = ParticipantFactory(meeting=meeting, state=None, organisation="ICRC")
    with pytest.raises(DomainError, match="organisations"):
        apply(person, isu_user)


def test_score_adjustment_is_recorded_with_its_reason(applicant, delegate_b, isu_user, settings):
    settings.SPONSORSHIP_UNDER_REPRESENTED_REGIONS = []
    application = apply(applicant, delegate_b)
    with pytest.raises(DomainError, match="reason"):
        services.score_adjust(
            application=application, new_score=9, reason=" ", adjusted_by=isu_user
        )
    services.score_adjust(
        application=application,
        new_score=9,
        reason="Only expert on Article 4",
        adjusted_by=isu_user,
    )
    application.refresh_from_db()
    change = ScoreAdjustment.objects.get()
    assert (application.score, application.computed_score) == (9, 3)
    assert (change.previous_score, change.new_score, change.adjusted_by) == (3, 9, isu_user)


def test_awards_total_against_the_budget(meeting, applicant, state_a, delegate_b, isu_user):
    other = ParticipantFactory(meeting=meeting, state=state_a, gender="male")
    first, second = apply(applicant, delegate_b), apply(other, isu_user)
    with pytest.raises(DomainError, match="budget before awarding"):
        services.application_decide(
            application=first, status="awarded", awards={"flight": "1500"}, decided_by=isu_user
        )
    services.budget_set(meeting=meeting, amount="3000")
    services.application_decide(
        application=first,
        status="awarded",
        awards={"flight": "1500", "dsa": "1000.50"},
        decided_by=isu_user,
    )
    position = selectors.budget_position(meeting=meeting)
    assert (position.awarded, position.remaining) == (Decimal("2500.50"), Decimal("499.50"))
    with pytest.raises(DomainError, match=r"exceed the sponsorship budget .* by CHF 1000.50"):
        services.application_decide(
            application=second, status="awarded", awards={"flight": "1500"}, decided_by=isu_user
        )
    second.refresh_from_db()
    assert second.status == "submitted"
    assert selectors.budget_position(meeting=meeting).awarded == Decimal("2500.50")
    with pytest.raises(DomainError, match="more than the estimate"):
        services.application_decide(
            application=second, status="awarded", awards={"flight": "1500.01"}, decided_by=isu_user
        )
    with pytest.raises(DomainError, match="cannot be less"):
        services.budget_set(meeting=meeting, amount="2500")
    assert SponsorshipBudget.objects.get().amount == Decimal("3000.00")
    # Declining releases the money.
    services.application_decide(application=first, status="declined", decided_by=isu_user)
    assert selectors.budget_position(meeting=meeting).awarded == Decimal("0.00")
    services.application_decide(
        application=second, status="waiting_list", decided_by=isu_user, note="If funds allow"
    )
    second.refresh_from_db()
    assert (second.status, second.decision_note) == ("waiting_list", "If funds allow")


def test_grant_letter(meeting, applicant, delegate_b, delegate_a, isu_user, client_for):
    application = apply(applicant, delegate_b)
    url = reverse("meetings:sponsorship-grant-letter", args=["13MSP", application.pk])
    assert client_for(isu_user).get(url).status_code == 404  # not awarded yet
    services.budget_set(meeting=meeting, amount="5000")
    services.application_decide(
        application=application,
        status="awarded",
        awards={"flight": "1500", "nights": "800"},
        decided_by=isu_user,
    )
    response = client_for(delegate_b).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Khamla S." in text and "Thirteenth Meeting of States Parties" in text
    assert "2'300.00" in text
    assert client_for(delegate_a).get(url).status_code == 404  # another State's


def test_delegate_cannot_see_or_decide_another_states_application(
    meeting, applicant, delegate_b, delegate_a, client_for
):
    application = apply(applicant, delegate_b)
    detail = reverse("meetings:sponsorship-application", args=["13MSP", application.pk])
    decide = reverse("meetings:sponsorship-decide", args=["13MSP", application.pk])
    assert client_for(delegate_a).get(detail).status_code == 404
    assert client_for(delegate_a).post(decide, {"status": "declined"}).status_code == 404
    assert client_for(delegate_b).post(decide, {"status": "declined"}).status_code == 403
    application.refresh_from_db()
    assert application.status == "submitted"
    own_list = client_for(delegate_a).get(reverse("meetings:sponsorship", args=["13MSP"]))
    assert "Khamla" not in own_list.content.decode()


def test_staff_decide_through_the_page(meeting, applicant, delegate_b, isu_user, client_for):
    application = apply(applicant, delegate_b)
    services.budget_set(meeting=meeting, amount="100")
    url = reverse("meetings:sponsorship-decide", args=["13MSP", application.pk])
    response = client_for(isu_user).post(url, {"status": "awarded", "award_flight": "1500"})
    assert response.status_code == 400
    assert "would exceed the sponsorship budget" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_chf_format():
    from meetings.templatetags.meeting_format import chf

    assert [chf(v) for v in (Decimal("497138"), 3000, "1000.5", None)] == [
        "497'138.00",
        "3'000.00",
        "1'000.50",
        "—",
    ]
