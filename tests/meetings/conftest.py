import pytest

from tests.factories import MeetingFactory


@pytest.fixture
def meeting(db):
    """The 13MSP as the reference loader describes it (public, Geneva, CCM/MSP series)."""
    from datetime import date

    return MeetingFactory(
        short_name="13MSP",
        number=13,
        title="Thirteenth Meeting of States Parties",
        start_date=date(2025, 9, 16),
        end_date=date(2025, 9, 19),
        venue="Palais des Nations",
        symbol_series="CCM/MSP",
    )
