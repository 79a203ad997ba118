"""Reference tables the portal ships with: the Convention's articles, the Lausanne Action Plan's
action numbers and the thematic areas of the ISU's work (section III's sub-sections)."""

from django.db import transaction

from workplan.models import ConventionArticle, LapAction, ThematicArea

CONVENTION_ARTICLES = {
    1: "General obligations and scope of application",
    2: "Definitions",
    3: "Storage and stockpile destruction",
    4: "Clearance and destruction of cluster munition remnants and risk reduction education",
    5: "Victim assistance",
    6: "International cooperation and assistance",
    7: "Transparency measures",
    8: "Facilitation and clarification of compliance",
    9: "National implementation measures",
    10: "Settlement of disputes",
    11: "Meetings of States Parties",
    12: "Review Conferences",
    13: "Amendments",
    14: "Costs and administrative tasks",
    15: "Signature",
    16: "Ratification, acceptance, approval or accession",
    17: "Entry into force",
    18: "Provisional application",
    19: "Reservations",
    20: "Duration and withdrawal",
    21: "Relations with States not party to this Convention",
    22: "Depositary",
    23: "Authentic texts",
}

# The Lausanne Action Plan (2021-2026) has 50 numbered actions; their titles are not carried.
LAP_ACTION_COUNT = 50

# (code, name, article number or None), in the order of section III's sub-sections A to J.
THEMATIC_AREAS = [
    ("presidency", "Presidency and Coordination Committee", None),
    ("universalization", "Universalization", None),
    ("stockpile-destruction", "Article 3: stockpile destruction and retention", 3),
    ("clearance", "Article 4: clearance and risk reduction education", 4),
    ("victim-assistance", "Article 5: victim assistance", 5),
    ("cooperation-assistance", "Article 6: international cooperation and assistance", 6),
    ("transparency", "Article 7: transparency measures", 7),
    ("national-implementation", "Article 9: national implementation measures", 9),
    ("communication", "Communication", None),
    ("other-support", "Other implementation support", None),
]


@transaction.atomic
def reference_tables_load() -> None:
    """Creates or refreshes the tag and thematic-area tables; safe to run any number of times."""
    for number, title in CONVENTION_ARTICLES.items():
        ConventionArticle.objects.update_or_create(number=number, defaults={"title": title})
    existing = set(LapAction.objects.values_list("number", flat=True))
    LapAction.objects.bulk_create(
        [LapAction(number=n) for n in range(1, LAP_ACTION_COUNT + 1) if n not in existing]
    )
    articles = {a.number: a for a in ConventionArticle.objects.all()}
    for position, (code, name, article) in enumerate(THEMATIC_AREAS, start=1):
        ThematicArea.objects.update_or_create(
            code=code,
            defaults={"name": name, "article": articles.get(article), "position": position},
        )
