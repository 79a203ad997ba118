"""The expected access of every URL of the portal, for the six kinds of visitor.

One entry per URL name ("namespace:name", as `reverse` takes it). Each entry says:
- `get`: the status each role gets on GET (LOGIN = redirect to the sign-in page);
- `kwargs`: how to fill the URL's parameters from the test world (object URLs use State B's
  objects, so that delegate A is tried on another State's invoice, participant, application...);
- `writes`: for URLs that change data, {method: roles that must NOT be able to}; those roles
  get 401/403/404 (or are sent to sign in) and no row of the database changes. Every API route
  whose view accepts a writing method must list that method here.

A new URL without an entry here fails tests/quality/test_access_matrix.py: add its entry.
"""

from dataclasses import dataclass, field

ROLES = ("anonymous", "delegate_a", "delegate_b", "committee", "isu", "admin")
SIGNED_IN = ROLES[1:]
STAFF = ("isu", "admin")
NON_STAFF = ("anonymous", "delegate_a", "delegate_b", "committee")

OK = 200
LOGIN = "login"  # 302 to the sign-in page
FOUND = 302  # any other redirect
DENIED = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
UNAUTHORISED = 401  # the API without credentials


def roles(default, **overrides):
    """{role: expected} with `default` for every role not overridden."""
    return {role: overrides.get(role, default) for role in ROLES}


@dataclass(frozen=True)
class Entry:
    get: dict
    kwargs: object = None  # callable(world) -> dict, or None for URLs without parameters
    writes: dict = field(default_factory=dict)  # {"post": (roles refused), ...}


def _k(**fixed):
    """kwargs builder: each value is a callable(world) or a constant."""

    def build(world):
        return {key: (value(world) if callable(value) else value) for key, value in fixed.items()}

    return build


TABLE: dict[str, Entry] = {
    "admin:index": Entry(
        get=roles(FOUND, isu=OK, admin=OK),
    ),
    "api-docs": Entry(
        get=roles(OK),
    ),
    "api-redoc": Entry(
        get=roles(OK),
    ),
    "api-schema": Entry(
        get=roles(OK),
    ),
    "api-token": Entry(
        get=roles(NOT_ALLOWED),
    ),
    "api-workplan-activities-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-activities-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["activity"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-activities-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["activity"].pk),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-copy": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-items-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-items-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["item"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-items-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["item"].pk),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-list": Entry(
        get=roles(OK, anonymous=DENIED),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-outcomes-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-outcomes-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["outcome"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-outcomes-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["outcome"].pk),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-outputs-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-outputs-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["output"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-outputs-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["output"].pk),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-paragraphs-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-paragraphs-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["paragraph"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-paragraphs-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["paragraph"].pk),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-summary-items-create": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "api-workplan-summary-items-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["summary"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "api-workplan-summary-items-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["summary"].pk),
        writes={"post": NON_STAFF},
    ),
    "budget-detail": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
    ),
    "budget-envelopes": Entry(
        get=roles(OK),
        writes={"post": NON_STAFF},
    ),
    "budget-in-kind": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget-in-kind-item": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["in_kind"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "budget-line": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["line"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "budget-lines": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget-list": Entry(
        get=roles(OK),
    ),
    "budget-note": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["note"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "budget-note-move": Entry(
        get=roles(NOT_FOUND, committee=NOT_ALLOWED, isu=NOT_ALLOWED, admin=NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["note"].pk),
        writes={"post": NON_STAFF},
    ),
    "budget-notes": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget-parameters": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"put": NON_STAFF},
    ),
    "budget-position": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["position"].pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "budget-positions": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget:detail": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
    ),
    "budget:envelope-set": Entry(
        get=roles(NOT_ALLOWED),
        writes={"post": NON_STAFF},
    ),
    "budget:export": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
    ),
    "budget:in-kind-create": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget:item-delete": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year, kind="lines", pk=lambda w: w.parts["line"].pk),
        writes={"post": NON_STAFF},
    ),
    "budget:item-edit": Entry(
        get=roles(NOT_FOUND, committee=DENIED, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, kind="lines", pk=lambda w: w.parts["line"].pk),
        writes={"post": NON_STAFF},
    ),
    "budget:item-history": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, kind="lines", pk=lambda w: w.parts["line"].pk),
    ),
    "budget:line-create": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget:note-create": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget:note-move": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year, pk=lambda w: w.parts["note"].pk),
        writes={"post": NON_STAFF},
    ),
    "budget:overview": Entry(
        get=roles(OK),
    ),
    "budget:parameters-edit": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "budget:position-create": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "contact-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=NOT_FOUND),
        kwargs=_k(pk=lambda w: w.contact_b.pk),
        writes={"patch": NON_STAFF, "delete": NON_STAFF},
    ),
    "contact-list": Entry(
        get=roles(OK, anonymous=DENIED),
        writes={"post": NON_STAFF},
    ),
    "contributions:assessment": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "contributions:bank-import": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        writes={"post": NON_STAFF},
    ),
    "contributions:credit-note-create": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(number=lambda w: w.invoice_b.number),
        writes={"post": NON_STAFF},
    ),
    "contributions:credit-note-pdf": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(number=lambda w: w.credit_note_b.number),
    ),
    "contributions:invoice-detail": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(number=lambda w: w.invoice_b.number),
    ),
    "contributions:invoice-list": Entry(
        get=roles(OK, anonymous=LOGIN, committee=DENIED),
    ),
    "contributions:invoice-pdf": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(number=lambda w: w.invoice_b.number),
    ),
    "contributions:issue": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(year=lambda w: w.plan.year),
        writes={"post": NON_STAFF},
    ),
    "contributions:job-detail": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(pk=lambda w: w.job.pk),
    ),
    "contributions:overview": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
    ),
    "contributions:payment-create": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        writes={"post": NON_STAFF},
    ),
    "contributions:receivables": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
    ),
    "contributions:statement-pdf": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(iso3=lambda w: w.state_b.iso3),
    ),
    "credit-note-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(pk=lambda w: w.credit_note_b.pk),
    ),
    "credit-note-list": Entry(
        get=roles(OK, anonymous=DENIED, committee=DENIED),
    ),
    "healthz": Entry(
        get=roles(OK),
    ),
    "home": Entry(
        get=roles(OK),
    ),
    "invoice-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(pk=lambda w: w.invoice_b.pk),
    ),
    "invoice-list": Entry(
        get=roles(OK, anonymous=DENIED, committee=DENIED),
    ),
    "login": Entry(
        get=roles(FOUND, anonymous=OK),
    ),
    "logout": Entry(
        get=roles(NOT_ALLOWED),
    ),
    "meeting-detail": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"patch": NON_STAFF},
    ),
    "meeting-document-detail": Entry(
        get=roles(OK),
        kwargs=_k(pk=lambda w: w.document.pk),
    ),
    "meeting-document-list": Entry(
        get=roles(OK),
        writes={"post": NON_STAFF},
    ),
    "meeting-list": Entry(
        get=roles(OK),
        writes={"post": NON_STAFF},
    ),
    "meetings:agenda-add": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:agenda-delete": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.agenda_item.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:agenda-move": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.agenda_item.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:calendar": Entry(
        get=roles(OK),
    ),
    "meetings:create": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        writes={"post": NON_STAFF},
    ),
    "meetings:deadline-delete": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(pk=lambda w: w.deadline.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:deadlines": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        writes={"post": NON_STAFF},
    ),
    "meetings:decision-add": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:detail": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:document-edit": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.document.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:document-file": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.document.pk),
    ),
    "meetings:document-register": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:documents": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:edit": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:follow-up-add": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:follow-up-complete": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(pk=lambda w: w.follow_up.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:follow-ups": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
    ),
    "meetings:list": Entry(
        get=roles(OK),
    ),
    "meetings:participant-decide": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.participant_b.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:participant-edit": Entry(
        get=roles(NOT_FOUND, anonymous=LOGIN, delegate_b=DENIED, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.participant_b.pk),
        writes={"post": ("anonymous", "delegate_a", "delegate_b", "committee")},
    ),
    "meetings:participant-export-csv": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:participant-export-xlsx": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:participant-register": Entry(
        get=roles(OK, anonymous=LOGIN, committee=DENIED),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": ("anonymous", "committee")},
    ),
    "meetings:participants": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:records": Entry(
        get=roles(OK),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:report": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=DENIED, delegate_b=DENIED),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:sponsorship": Entry(
        get=roles(OK, anonymous=LOGIN, committee=DENIED),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
    ),
    "meetings:sponsorship-application": Entry(
        get=roles(OK, anonymous=LOGIN, delegate_a=NOT_FOUND, committee=NOT_FOUND),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.application_b.pk),
    ),
    "meetings:sponsorship-apply": Entry(
        get=roles(OK, anonymous=LOGIN, committee=DENIED),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": ("anonymous", "committee")},
    ),
    "meetings:sponsorship-budget": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "meetings:sponsorship-decide": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.application_b.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:sponsorship-grant-letter": Entry(
        get=roles(NOT_FOUND, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.application_b.pk),
    ),
    "meetings:sponsorship-score": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name, pk=lambda w: w.application_b.pk),
        writes={"post": NON_STAFF},
    ),
    "meetings:summary-save": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(short_name=lambda w: w.meeting.short_name),
        writes={"post": NON_STAFF},
    ),
    "participant-decision": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED, committee=DENIED),
        kwargs=_k(pk=lambda w: w.participant_b.pk),
        writes={"post": NON_STAFF},
    ),
    "participant-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(pk=lambda w: w.participant_b.pk),
    ),
    "participant-list": Entry(
        get=roles(OK, anonymous=DENIED, committee=DENIED),
        writes={"post": ("anonymous", "committee")},
    ),
    "parties:contact-create": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(iso3=lambda w: w.state_b.iso3),
        writes={"post": NON_STAFF},
    ),
    "parties:contact-delete": Entry(
        get=roles(NOT_ALLOWED, anonymous=LOGIN),
        kwargs=_k(iso3=lambda w: w.state_b.iso3, pk=lambda w: w.contact_b.pk),
        writes={"post": NON_STAFF},
    ),
    "parties:contact-edit": Entry(
        get=roles(DENIED, anonymous=LOGIN, isu=OK, admin=OK),
        kwargs=_k(iso3=lambda w: w.state_b.iso3, pk=lambda w: w.contact_b.pk),
        writes={"post": NON_STAFF},
    ),
    "parties:state-detail": Entry(
        get=roles(OK, anonymous=LOGIN),
        kwargs=_k(iso3=lambda w: w.state_b.iso3),
    ),
    "parties:state-list": Entry(
        get=roles(OK, anonymous=LOGIN),
    ),
    "password_change": Entry(
        get=roles(OK, anonymous=LOGIN),
    ),
    "password_change_done": Entry(
        get=roles(OK, anonymous=LOGIN),
    ),
    "password_reset": Entry(
        get=roles(OK),
    ),
    "password_reset_complete": Entry(
        get=roles(OK),
    ),
    "password_reset_confirm": Entry(
        get=roles(OK),
        kwargs=_k(uidb64="MQ", token="set-password"),
    ),
    "password_reset_done": Entry(
        get=roles(OK),
    ),
    "payment-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(pk=lambda w: w.payment_b.pk),
    ),
    "payment-list": Entry(
        get=roles(OK, anonymous=DENIED, committee=DENIED),
    ),
    "sponsorship-application-decision": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED, committee=DENIED),
        kwargs=_k(pk=lambda w: w.application_b.pk),
        writes={"post": NON_STAFF},
    ),
    "sponsorship-application-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(pk=lambda w: w.application_b.pk),
    ),
    "sponsorship-application-list": Entry(
        get=roles(OK, anonymous=DENIED, committee=DENIED),
        writes={"post": ("anonymous", "committee")},
    ),
    "sponsorship-application-score": Entry(
        get=roles(NOT_ALLOWED, anonymous=DENIED, committee=DENIED),
        kwargs=_k(pk=lambda w: w.application_b.pk),
        writes={"post": NON_STAFF},
    ),
    "state-detail": Entry(
        get=roles(OK, anonymous=DENIED),
        kwargs=_k(iso3=lambda w: w.state_b.iso3),
        writes={"patch": NON_STAFF},
    ),
    "state-list": Entry(
        get=roles(OK, anonymous=DENIED),
        writes={"post": NON_STAFF},
    ),
    "statement-detail": Entry(
        get=roles(OK, anonymous=DENIED, delegate_a=NOT_FOUND, committee=DENIED),
        kwargs=_k(iso3=lambda w: w.state_b.iso3),
    ),
    "workplan:copy": Entry(
        get=roles(NOT_ALLOWED),
        writes={"post": NON_STAFF},
    ),
    "workplan:detail": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year),
    ),
    "workplan:list": Entry(
        get=roles(OK),
    ),
    "workplan:part-create": Entry(
        get=roles(NOT_FOUND, committee=DENIED, isu=OK, admin=OK),
        kwargs=_k(
            year=lambda w: w.plan.year,
            kind="activity",
            parent=lambda w: f"output-{w.parts['output'].pk}",
        ),
        writes={"post": NON_STAFF},
    ),
    "workplan:part-delete": Entry(
        get=roles(NOT_FOUND, committee=DENIED, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, kind="activity", pk=lambda w: w.parts["activity"].pk),
        writes={"post": NON_STAFF},
    ),
    "workplan:part-edit": Entry(
        get=roles(NOT_FOUND, committee=DENIED, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, kind="activity", pk=lambda w: w.parts["activity"].pk),
        writes={"post": NON_STAFF},
    ),
    "workplan:part-history": Entry(
        get=roles(NOT_FOUND, committee=OK, isu=OK, admin=OK),
        kwargs=_k(year=lambda w: w.plan.year, kind="activity", pk=lambda w: w.parts["activity"].pk),
    ),
    "workplan:part-move": Entry(
        get=roles(NOT_ALLOWED),
        kwargs=_k(year=lambda w: w.plan.year, kind="activity", pk=lambda w: w.parts["activity"].pk),
        writes={"post": NON_STAFF},
    ),
}


# --- Official documents of the plan (the world's 2025 plan is a draft: staff and Committee) -----
# and the review of the world's 2026 plan, under Committee review with versions 1 and 2. Who may
# fire which transition is proved by tests/review (a refused transition answers 400 with the
# rule's message); here the outsiders' refusals are checked.
_DRAFT_READERS = roles(OK, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND)
_POST_ONLY = roles(NOT_ALLOWED)
_OUTSIDERS = ("anonymous", "delegate_a", "delegate_b")
_PLAN_YEAR = _k(year=lambda w: w.plan.year)
_REVIEW_YEAR = _k(year=lambda w: w.review_plan.year)
_REVIEW_COMMENT = _k(year=lambda w: w.review_plan.year, pk=lambda w: w.comment.pk)
_REVIEW_ACTION = _k(year=lambda w: w.review_plan.year, action="endorse")

TABLE.update(
    {
        "reporting:workplan-document": Entry(get=_DRAFT_READERS, kwargs=_PLAN_YEAR),
        "reporting:workplan-pdf": Entry(get=_DRAFT_READERS, kwargs=_PLAN_YEAR),
        "reporting:workplan-docx": Entry(get=_DRAFT_READERS, kwargs=_PLAN_YEAR),
        "review:awaiting": Entry(
            get=roles(OK, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND)
        ),
        "review:overview": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "review:versions": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "review:redline": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "review:redline-pdf": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "review:comments": Entry(
            get=_DRAFT_READERS, kwargs=_REVIEW_YEAR, writes={"post": _OUTSIDERS}
        ),
        "review:comment-reply": Entry(
            get=_POST_ONLY, kwargs=_REVIEW_COMMENT, writes={"post": _OUTSIDERS}
        ),
        "review:comment-resolve": Entry(
            get=_POST_ONLY, kwargs=_REVIEW_COMMENT, writes={"post": _OUTSIDERS}
        ),
        "review:transition": Entry(
            get=_POST_ONLY, kwargs=_REVIEW_ACTION, writes={"post": _OUTSIDERS}
        ),
        "api-review-awaiting": Entry(
            get=roles(OK, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND)
        ),
        "api-review-status": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "api-review-versions": Entry(get=_DRAFT_READERS, kwargs=_REVIEW_YEAR),
        "api-review-version": Entry(
            get=_DRAFT_READERS, kwargs=_k(year=lambda w: w.review_plan.year, number=1)
        ),
        # The API redline needs ?old=&new=; without them a reviewer is told so (400).
        "api-review-redline": Entry(
            get=roles(400, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
            kwargs=_REVIEW_YEAR,
        ),
        "api-review-comments": Entry(
            get=_DRAFT_READERS, kwargs=_REVIEW_YEAR, writes={"post": _OUTSIDERS}
        ),
        "api-review-comment-resolve": Entry(
            get=roles(NOT_ALLOWED, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
            kwargs=_REVIEW_COMMENT,
            writes={"post": _OUTSIDERS},
        ),
        "api-review-transition": Entry(
            get=roles(NOT_ALLOWED, anonymous=NOT_FOUND, delegate_a=NOT_FOUND, delegate_b=NOT_FOUND),
            kwargs=_REVIEW_ACTION,
            writes={"post": _OUTSIDERS},
        ),
    }
)
