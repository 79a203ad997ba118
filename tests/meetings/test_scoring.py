"""The priority criteria of the Sponsorship Programme (sponsorship/scoring.py)."""

from datetime import date

import pytest

from sponsorship import scoring
from tests.factories import StateFactory

MEETING_DAY = date(2025, 9, 16)
WEIGHTS = scoring.WEIGHTS


def score(state, *, gender="male", survivor=False, deadlines=(), regions=("africa",), years=3):
    criteria = scoring.score_breakdown(
        gender=gender,
        is_survivor=survivor,
        state=state,
        on=MEETING_DAY,
        deadlines=list(deadlines),
        under_represented_regions=regions,
        horizon_years=years,
    )
    return scoring.score_total(criteria), {c.key for c in criteria if c.met}


@pytest.fixture
def party(db):
    return StateFactory(iso3="PTY", region="europe", consent_date=date(2010, 1, 1))


def test_nothing_met_scores_zero(party):
    assert score(party) == (0, set())


def test_women_and_survivors(party):
    assert score(party, gender="female") == (WEIGHTS["woman"], {"woman"})
    total, met = score(party, gender="female", survivor=True)
    assert total == WEIGHTS["woman"] + WEIGHTS["survivor"] and met == {"woman", "survivor"}


@pytest.mark.parametrize(
    ("deadline", "counts"),
    [
        (date(2026, 8, 1), True),
        (date(2028, 9, 16), True),  # the last day of the three-year horizon
        (date(2028, 9, 17), False),  # beyond it
        (date(2024, 8, 1), False),  # already passed
    ],
)
def test_impending_article_3_or_4_deadline(party, deadline, counts):
    total, met = score(party, deadlines=[deadline])
    assert ("impending_deadline" in met) is counts
    assert total == (WEIGHTS["impending_deadline"] if counts else 0)


def test_deadline_counts_only_for_a_state_party(db):
    withdrawn = StateFactory(
        iso3="WDN", consent_date=date(2011, 1, 1), withdrawal_effective_date=date(2025, 3, 6)
    )
    _, met = score(withdrawn, deadlines=[date(2026, 1, 1)])
    assert "impending_deadline" not in met


def test_under_represented_region_is_configurable(db):
    african = StateFactory(iso3="AFR", region="africa", consent_date=date(2010, 1, 1))
    assert score(african, regions=("africa",))[1] == {"under_represented_region"}
    assert score(african, regions=("americas",))[1] == set()


@pytest.mark.parametrize(
    ("signature", "consent", "met"),
    [
        (date(2008, 12, 3), None, True),  # signatory
        (None, None, True),  # not party, never signed
        (None, date(2026, 1, 1), True),  # joins only after the meeting
        (None, date(2015, 1, 1), False),  # a State Party
    ],
)
def test_states_not_parties_considering_accession(db, signature, consent, met):
    state = StateFactory(
        iso3="NSP", region="europe", signature_date=signature, consent_date=consent
    )
    assert ("considering_accession" in score(state)[1]) is met


def test_weights_add_up(db):
    state = StateFactory(iso3="ALL", region="africa", consent_date=date(2010, 1, 1))
    total, met = score(state, gender="female", survivor=True, deadlines=[date(2026, 1, 1)])
    assert met == {"woman", "survivor", "impending_deadline", "under_represented_region"}
    assert total == sum(WEIGHTS[key] for key in met)
