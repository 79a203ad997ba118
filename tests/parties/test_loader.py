from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from parties.models import ParticipationStatus, State
from parties.services import participants_load

END_2024 = date(2024, 12, 31)


@pytest.mark.django_db
def test_loads_112_parties_and_12_signatories_at_end_of_2024(participants):
    assert State.objects.count() == 124
    assert State.objects.parties_on(END_2024).count() == 112
    assert State.objects.signatories_on(END_2024).count() == 12
    assert set(State.objects.signatories_on(END_2024).values_list("iso3", flat=True)) == {
        "AGO",
        "CAF",
        "CYP",
        "COD",
        "DJI",
        "HTI",
        "IDN",
        "JAM",
        "KEN",
        "LBR",
        "TZA",
        "UGA",
    }


@pytest.mark.django_db
def test_lithuania_withdrawal_takes_effect_on_6_march_2025(participants):
    lithuania = State.objects.get(iso3="LTU")
    assert lithuania.withdrawal_effective_date == date(2025, 3, 6)
    assert lithuania.status_on(date(2025, 3, 5)) == ParticipationStatus.STATE_PARTY
    assert lithuania.status_on(date(2025, 3, 6)) == ParticipationStatus.WITHDRAWN
    assert State.objects.parties_on(date(2025, 3, 6)).count() == 111


@pytest.mark.django_db
def test_south_sudan_dates(participants):
    south_sudan = State.objects.get(name="South Sudan")
    assert south_sudan.iso3 == "SSD"
    assert south_sudan.consent_type == "accession"
    assert south_sudan.consent_date == date(2023, 8, 3)
    assert south_sudan.entry_into_force == date(2024, 2, 1)
    assert south_sudan.initial_report_due == date(2024, 7, 30)


@pytest.mark.django_db
def test_signatory_has_no_entry_into_force(participants):
    indonesia = State.objects.get(iso3="IDN")
    assert indonesia.entry_into_force is None
    assert indonesia.status_on(END_2024) == ParticipationStatus.SIGNATORY


@pytest.mark.django_db
def test_loader_is_idempotent(participants):
    before = list(State.objects.order_by("pk").values())
    result = participants_load()
    assert (result.created, result.updated, result.unchanged) == (0, 0, 124)
    assert list(State.objects.order_by("pk").values()) == before


@pytest.mark.django_db
def test_loader_updates_changed_rows(tmp_path, participants):
    source = tmp_path / "p.csv"
    source.write_text(
        "state,signature,consent_date,consent_type,notes\nIndonesia,2008-12-03,2026-01-15,ratification,test\n"
    )
    result = participants_load(path=source)
    assert (result.created, result.updated) == (0, 1)
    assert State.objects.get(iso3="IDN").consent_date == date(2026, 1, 15)


BAD_FILE = """state,signature,consent_date,consent_type,notes
France,2008-12-03,2009-09-25,ratification,ok
Atlantis,2008-12-03,2009-01-01,ratification,unknown code
Germany,2008-12-03,2009-13-08,ratification,bad month
Italy,2008-12-03,2011-09-21,conquest,bad type
,2008-12-03,,,no name
France,2008-12-03,2009-09-25,ratification,duplicate
"""


@pytest.mark.django_db
def test_malformed_file_is_rejected_with_line_numbers_and_changes_nothing(tmp_path, participants):
    before = list(State.objects.order_by("pk").values())
    source = tmp_path / "bad.csv"
    source.write_text(BAD_FILE)
    with pytest.raises(CommandError) as excinfo:
        call_command("load_participants", "--file", str(source), stdout=StringIO())
    message = str(excinfo.value)
    assert "nothing was changed" in message
    assert "line 3: no ISO 3166 alpha-3 code known for Atlantis" in message
    assert "line 4: consent_date '2009-13-08' is not a date" in message
    assert "line 5: consent_type 'conquest'" in message
    assert "line 6: the State's name is empty" in message
    assert "line 7: France already appears on line 2" in message
    assert list(State.objects.order_by("pk").values()) == before


@pytest.mark.django_db
def test_file_without_required_columns_is_rejected(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("name,date\nFrance,2009-01-01\n")
    with pytest.raises(CommandError, match="missing column"):
        call_command("load_participants", "--file", str(source), stdout=StringIO())
    assert State.objects.count() == 0


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("load_participants", "--file", str(tmp_path / "nope.csv"), stdout=StringIO())


@pytest.mark.django_db
def test_command_reports_counts():
    out = StringIO()
    call_command("load_participants", stdout=out)
    assert "124 States: 124 created, 0 updated, 0 unchanged." in out.getvalue()
