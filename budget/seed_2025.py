"""The 2025 budget exactly as section VI of CCM/MSP/2024/3 reads (copied here: runtime code
never reads the shared seed). Salaries is typed (the positions' individual costs are not in
the document); Social charges is derived at 20% of it: 364'282.00 x 20% = 72'856.40, printed
72'856; the total is 497'138."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from budget.models import (
    CATEGORY_ORDER,
    BudgetNote,
    BudgetParameters,
    CostCategory,
    CostLine,
    InKindContribution,
    NoteKind,
    StaffPosition,
)
from budget.services import budget_recompute, travel_note_text

COST_LINES_2025 = [
    (
        CostCategory.SALARIES,
        Decimal("364282.00"),
        "The Director and Implementation Support Specialist working at 100% and the "
        "Implementation Support Assistant at 50%.",
    ),
    (
        CostCategory.SOCIAL_CHARGES,
        None,  # derived: 20% of salaries
        "Estimated cost (at 20% of salary) dependent on staff age, social status and prevailing "
        "provider fee rates charged. Charges include mandatory accident and travel insurance.",
    ),
    (
        CostCategory.COMMUNICATION,
        Decimal("20000.00"),
        "Website maintenance, promotional material, publications, consultancies, etc.",
    ),
    (
        CostCategory.TRAVEL,
        Decimal("27000.00"),
        "Staff travel for participation in meetings and missions as required",
    ),
    (
        CostCategory.OTHER,
        Decimal("13000.00"),
        "Consultancies, room rentals, workshops, catering, etc.",
    ),
]

SOCIAL_CHARGES_RATE_2025 = Decimal("20.00")
LONG_HAUL_FLIGHTS_2025 = 6
SHORT_OR_MEDIUM_HAUL_FLIGHTS_2025 = 4

POSITIONS_2025 = [
    ("Director", Decimal("100.00")),
    ("Implementation Support Specialist", Decimal("100.00")),
    ("Implementation Support Assistant", Decimal("50.00")),
]

IN_KIND_2025 = [
    (
        "Administrative Expenses",
        "GICHD",
        "Covers costs such as rent of office, internal control system, administration of "
        "sponsorship programme, HR management, etc.",
    )
]

# (text, written from the travel plan)
BUDGET_NOTES_2025 = [
    (
        "Plans for an increase in implementation support costs on account of intensified "
        "universalisation activities.",
        False,
    ),
    (None, True),
]

ASSUMPTIONS_2025 = [
    "States Parties ensure that the funding level is commensurate to the agreed ISU work plan "
    "for the year.",
    "The ISU remains at, as a minimum, the current staff capacity of a Director and "
    "Implementation Support Specialist working at 100% and an Implementation Support "
    "Assistant at 50%.",
    "All key partners and relevant actors, including the ISU itself continue to collaborate "
    "closely and carry out roles as expected, given the small size of the ISU which requires "
    "its actions to be efficient and cost-effective, and with regards to the latter, introduce "
    "or amend, as necessary management measures for increased efficiency and effectiveness.",
    "The GICHD in-kind contribution will be availed at levels corresponding to the approved "
    "annual work plan of the ISU.",
]

TOTAL_2025 = Decimal("497138")


@transaction.atomic
def budget_2025_load(*, plan) -> None:
    """Creates whatever part of the 2025 budget the plan lacks, as the document reads.
    Idempotent, and it never overwrites: a part the plan already has (perhaps edited by the
    ISU) is left as it is, so running it again changes nothing."""
    parameters, _ = BudgetParameters.objects.get_or_create(
        plan=plan,
        defaults={
            "social_charges_rate": SOCIAL_CHARGES_RATE_2025,
            "long_haul_flights": LONG_HAUL_FLIGHTS_2025,
            "short_or_medium_haul_flights": SHORT_OR_MEDIUM_HAUL_FLIGHTS_2025,
        },
    )
    for category, amount, note in COST_LINES_2025:
        CostLine.objects.get_or_create(
            plan=plan,
            category=category,
            defaults={
                "amount": amount if amount is not None else Decimal("0.00"),
                "note": note,
                "position": CATEGORY_ORDER[category],
            },
        )
    if not StaffPosition.objects.filter(plan=plan).exists():
        for index, (title, share) in enumerate(POSITIONS_2025):
            StaffPosition.objects.create(
                plan=plan, title=title, share_of_time=share, position=index
            )
    if not InKindContribution.objects.filter(plan=plan).exists():
        for index, (item, provider, description) in enumerate(IN_KIND_2025):
            InKindContribution.objects.create(
                plan=plan, item=item, provider=provider, description=description, position=index
            )
    if not BudgetNote.objects.filter(plan=plan, kind=NoteKind.NOTE).exists():
        for index, (text, from_travel_plan) in enumerate(BUDGET_NOTES_2025):
            BudgetNote.objects.create(
                plan=plan,
                kind=NoteKind.NOTE,
                text=travel_note_text(parameters) if from_travel_plan else text,
                from_travel_plan=from_travel_plan,
                position=index,
            )
    if not BudgetNote.objects.filter(plan=plan, kind=NoteKind.ASSUMPTION).exists():
        for index, text in enumerate(ASSUMPTIONS_2025):
            BudgetNote.objects.create(
                plan=plan, kind=NoteKind.ASSUMPTION, text=text, position=index
            )
    budget_recompute(plan=plan)
