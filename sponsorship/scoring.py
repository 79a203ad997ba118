"""The priority score of a sponsorship application: ONE place for the criteria and weights.

The criteria come from the 2025 work plan (CCM/MSP/2024/3), outcomes table, output "Increased
gender-balanced and diverse participation from States because of a well-functioning
sponsorship programme":
  - "Prioritize participation of women and cluster munitions victims in meetings of the
    Convention"                                   -> WOMAN, SURVIVOR
  - "Target participation of State parties with impending article 3 and 4 obligations"
                                                  -> IMPENDING_DEADLINE
  - "Facilitate and encourage participation in CCM meetings of under-represented regions"
                                                  -> UNDER_REPRESENTED_REGION
and from universalization (paragraph 5(f): "Make available resources and tools to Signatory
States and States not Parties to facilitate the ratification or accession process"):
  - a State not Party (a signatory or a non-signatory) taking part in a meeting is treated as
    considering accession                          -> CONSIDERING_ACCESSION

Each criterion met adds its weight; the score is the sum. Staff may adjust a score with a
recorded reason (services.score_adjust); the computed score is kept beside it.
Which regions are under-represented and how far ahead a deadline counts as impending are
settings (SPONSORSHIP_UNDER_REPRESENTED_REGIONS, SPONSORSHIP_DEADLINE_HORIZON_YEARS).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from meetings.models import Gender
from parties.models import ParticipationStatus

WOMAN = "woman"
SURVIVOR = "survivor"
IMPENDING_DEADLINE = "impending_deadline"
UNDER_REPRESENTED_REGION = "under_represented_region"
CONSIDERING_ACCESSION = "considering_accession"

WEIGHTS = {
    WOMAN: 3,
    SURVIVOR: 3,
    IMPENDING_DEADLINE: 3,
    UNDER_REPRESENTED_REGION: 2,
    CONSIDERING_ACCESSION: 2,
}

LABELS = {
    WOMAN: "Woman delegate",
    SURVIVOR: "Cluster munition survivor",
    IMPENDING_DEADLINE: "State Party with an Article 3 or 4 deadline in the coming years",
    UNDER_REPRESENTED_REGION: "State from an under-represented region",
    CONSIDERING_ACCESSION: "State not Party considering accession",
}

NOT_PARTY_STATUSES = {ParticipationStatus.SIGNATORY, ParticipationStatus.NOT_PARTY}


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    met: bool
    points: int


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def score_breakdown(
    *,
    gender: str,
    is_survivor: bool,
    state,
    on: date,
    deadlines: Iterable[date],
    under_represented_regions: Iterable[str],
    horizon_years: int,
) -> list[Criterion]:
    """Every criterion, met or not, with the points it gives, for the applicant's State as it
    stands on `on` (the meeting's first day)."""
    status = state.status_on(on)
    horizon_end = _add_years(on, horizon_years)
    met = {
        WOMAN: gender == Gender.FEMALE,
        SURVIVOR: bool(is_survivor),
        IMPENDING_DEADLINE: status == ParticipationStatus.STATE_PARTY
        and any(on <= deadline <= horizon_end for deadline in deadlines),
        UNDER_REPRESENTED_REGION: state.region in set(under_represented_regions),
        CONSIDERING_ACCESSION: status in NOT_PARTY_STATUSES,
    }
    return [
        Criterion(key, LABELS[key], met[key], WEIGHTS[key] if met[key] else 0) for key in WEIGHTS
    ]


def score_total(criteria: Iterable[Criterion]) -> int:
    return sum(criterion.points for criterion in criteria)
