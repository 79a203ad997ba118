"""Document symbols: sequenced per series, gapless, unique even under concurrent registration."""

import os
import threading
from datetime import date

import pytest
from django.db import connection, connections

from isu_portal.errors import DomainError
from meetings import services
from meetings.models import MeetingDocument, SymbolCounter
from tests.factories import ISUStaffFactory, MeetingFactory
from tests.meetings.factories import pdf_upload

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def register(meeting, kind="document", parent=None, **extra):
    fields = {
        "meeting": meeting,
        "kind": kind,
        "parent": parent,
        "title": extra.pop("title", f"A {kind}"),
        "document_date": date(2025, 6, 14),
        "languages": ["en"],
        "generated_url_name": "meetings:list",
    }
    return services.document_register(**fields | extra)


def test_documents_are_numbered_in_sequence_per_series(meeting):
    first, second = register(meeting), register(meeting)
    wp1, wp2 = register(meeting, "wp"), register(meeting, "wp")
    inf = register(meeting, "inf")
    rev1 = register(meeting, "rev", parent=second)
    rev2 = register(meeting, "rev", parent=second)
    corr = register(meeting, "corr", parent=first)
    lim = register(meeting, "l")
    assert [d.symbol for d in (first, second, wp1, wp2, inf, rev1, rev2, corr, lim)] == [
        "CCM/MSP/2025/1",
        "CCM/MSP/2025/2",
        "CCM/MSP/2025/WP.1",
        "CCM/MSP/2025/WP.2",
        "CCM/MSP/2025/INF/1",
        "CCM/MSP/2025/2/Rev.1",
        "CCM/MSP/2025/2/Rev.2",
        "CCM/MSP/2025/1/Corr.1",
        "CCM/MSP/2025/L.1",
    ]


def test_series_follows_the_kind_and_year_of_the_meeting(db):
    conference = MeetingFactory(
        kind="review_conference",
        short_name="3RC",
        start_date=date(2026, 9, 1),
        end_date=date(2026, 9, 4),
    )
    assert register(conference).symbol == "CCM/CONF/2026/1"


def test_two_meetings_of_one_year_share_the_series(db):
    one = MeetingFactory(short_name="A1", start_date=date(2025, 3, 1), end_date=date(2025, 3, 1))
    two = MeetingFactory(short_name="A2", start_date=date(2025, 9, 1), end_date=date(2025, 9, 2))
    assert register(one).symbol == "CCM/MSP/2025/1"
    assert register(two).symbol == "CCM/MSP/2025/2"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"title": "  "}, "needs a title"),
        ({"document_date": None}, "needs its date"),
        ({"languages": []}, "at least one language"),
        ({"languages": ["en", "xx"]}, "Unknown language"),
        ({"original_language": "fr"}, "original language"),
        ({"kind": "rev"}, "needs the document it belongs to"),
        ({"generated_url_name": "no-such-page"}, "no generated document"),
        ({"generated_url_name": ""}, "either an uploaded file"),
        ({"file": pdf_upload()}, "not both"),
    ],
)
def test_bad_input_uses_up_no_number(meeting, extra, message):
    register(meeting)
    with pytest.raises(DomainError, match=message):
        register(meeting, **extra)
    assert MeetingDocument.objects.count() == 1
    assert register(meeting).symbol == "CCM/MSP/2025/2"  # no gap


def test_a_revision_of_another_meetings_document_is_refused(meeting):
    other = MeetingFactory(short_name="OTHER")
    parent = register(other)
    with pytest.raises(DomainError, match="another meeting"):
        register(meeting, "rev", parent=parent)
    assert not MeetingDocument.objects.filter(kind="rev").exists()


@pytest.mark.skipif(not ON_POSTGRES, reason="row locks are meaningful only on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_gapless_symbols():
    """Ten staff register at the same instant: every symbol distinct, 1..10 without a gap."""
    assert connection.vendor == "postgresql"
    meeting = MeetingFactory(
        short_name="13MSP", start_date=date(2025, 9, 16), end_date=date(2025, 9, 19)
    )
    staff = ISUStaffFactory()
    workers = 10
    barrier = threading.Barrier(workers)
    symbols, errors = [], []
    lock = threading.Lock()

    def work(index):
        try:
            barrier.wait(timeout=10)
            document = register(meeting, title=f"Paper {index}", registered_by=staff)
            with lock:
                symbols.append(document.symbol)
        except Exception as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(symbols, key=lambda s: int(s.rsplit("/", 1)[1])) == [
        f"CCM/MSP/2025/{n}" for n in range(1, workers + 1)
    ]
    assert SymbolCounter.objects.get(prefix="CCM/MSP/2025/").last_number == workers
    assert MeetingDocument.objects.count() == workers


def test_revisions_revise_the_original_and_corrigenda_may_correct_a_revision(meeting):
    original = register(meeting)
    rev1 = register(meeting, "rev", parent=original)
    with pytest.raises(DomainError, match="against CCM/MSP/2025/1"):
        register(meeting, "rev", parent=rev1)
    assert register(meeting, "rev", parent=original).symbol == "CCM/MSP/2025/1/Rev.2"
    assert register(meeting, "corr", parent=rev1).symbol == "CCM/MSP/2025/1/Rev.1/Corr.1"
