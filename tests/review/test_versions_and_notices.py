"""Frozen versions cannot change; each notice reaches each recipient at most once."""

import pytest
from django.core import mail

from review import notices, services, tasks
from review.models import ImmutableError, NoticeDelivery, PlanVersion
from review.snapshot import content_hash
from tests.callbacks import app_callbacks

pytestmark = pytest.mark.django_db


def test_a_version_cannot_be_saved_again_or_deleted(plan, staff):
    version = services.plan_submit(plan=plan, user=staff).version
    version.content = {"title": "forged"}
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        version.delete()
    fresh = PlanVersion.objects.get(pk=version.pk)
    assert fresh.content["title"] == plan.title
    assert content_hash(fresh.content) == fresh.content_hash


def test_admin_shows_versions_read_only(client_for, superuser, plan, staff):
    version = services.plan_submit(plan=plan, user=staff).version
    client = client_for(superuser)
    url = f"/admin/review/planversion/{version.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"content_hash": "0" * 64})
    assert response.status_code == 403
    assert PlanVersion.objects.get(pk=version.pk).content_hash == version.content_hash


def test_submission_mails_each_committee_member_once(
    plan, staff, member, member2, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.plan_submit(plan=plan, user=staff)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "member2@cc.example.org",
        "member@cc.example.org",
    ]
    assert "version 1 submitted" in mail.outbox[0].subject
    # Enqueued again (a duplicate message) and run again (a retry): nothing more is sent.
    assert tasks.send_transition_notices.delay(entry.pk).get() == 0
    assert tasks.send_transition_notices.apply(args=[entry.pk]).get() == 0
    assert len(mail.outbox) == 2
    assert NoticeDelivery.objects.filter(event_key=f"transition:{entry.pk}").count() == 2


def test_a_failed_send_is_retried_for_the_missing_recipient_only(
    plan, staff, member, member2, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("SMTP server went away")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky)
    entry = None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        entry = services.plan_submit(plan=plan, user=staff)
    notice = notices.notice_for_transition(entry)
    with pytest.raises(OSError):
        notices.deliver(notice)
    assert len(mail.outbox) == 1
    # The retry sends to the one address that failed, not again to the first.
    assert notices.deliver(notice) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(notice.recipients)
    assert len(app_callbacks(callbacks)) == 1


def test_no_mail_when_the_transition_is_refused(plan, member, django_capture_on_commit_callbacks):
    from isu_portal.errors import DomainError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        services.plan_submit(plan=plan, user=member)
    assert mail.outbox == []
    assert not NoticeDelivery.objects.exists()


def test_circulation_mails_the_document_contacts_of_states_parties(
    settings, plan, staff, member, party_contacts, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    services.plan_submit(plan=plan, user=staff)
    services.plan_endorse(plan=plan, user=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_circulate(plan=plan, user=staff)
    assert [m.to for m in mail.outbox] == [["mission@nor.example.org"]]
    assert f"https://portal.example.org/workplans/{plan.year}/document.pdf" in mail.outbox[0].body


def test_changes_requested_and_endorsement_mail_the_isu(
    plan, staff, member, django_capture_on_commit_callbacks
):
    services.plan_submit(plan=plan, user=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_request_changes(plan=plan, user=member, reason="Shorter, please.")
    assert [m.to for m in mail.outbox] == [["staff@isu.example.org"]]
    assert "Shorter, please." in mail.outbox[0].body
    services.plan_revise(plan=plan, user=staff)
    services.plan_submit(plan=plan, user=staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_endorse(plan=plan, user=member)
    assert [m.to for m in mail.outbox] == [["staff@isu.example.org"]]
    assert "version 2 endorsed" in mail.outbox[0].subject


def test_comment_mails_the_others_once(plan, staff, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_add(plan=plan, user=member, body="Clarify (a).")
    assert [m.to for m in mail.outbox] == [["staff@isu.example.org"]]
    tasks.send_comment_notices.delay(comment.pk)
    assert len(mail.outbox) == 1
