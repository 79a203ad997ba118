from django.db import models
from simple_history.models import HistoricalRecords


class MeetingKind(models.TextChoices):
    MSP = "msp", "Meeting of States Parties"
    REVIEW_CONFERENCE = "review_conference", "Review Conference"
    COORDINATION_COMMITTEE = "coordination_committee", "Coordination Committee"
    ANALYSIS_GROUP = "analysis_group", "Analysis Group"
    COORDINATORS = "coordinators", "Coordinators' meeting"
    WORKING_GROUP = "working_group", "Working group meeting"
    WORKSHOP = "workshop", "Workshop"
    COUNTRY_COALITION = "country_coalition", "Country coalition meeting"
    SIDE_EVENT = "side_event", "Side event"


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid"
    ONLINE = "online", "Online"


class Meeting(models.Model):
    """A formal or informal meeting under the Convention."""

    kind = models.CharField(max_length=30, choices=MeetingKind.choices)
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Ordinal of numbered meetings: 12 for the 12MSP."
    )
    title = models.CharField(max_length=200, help_text="Twelfth Meeting of States Parties")
    short_name = models.CharField(max_length=40, unique=True, help_text="12MSP")
    city = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    format = models.CharField(
        max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    start_date = models.DateField()
    end_date = models.DateField()
    presidency = models.ForeignKey(
        "parties.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="presided_meetings",
        help_text="The State holding the Presidency for this meeting.",
    )
    presiding_officer = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.title

    @property
    def dates_display(self) -> str:
        """ "10-13 September 2024", as UN documents write meeting dates."""
        start, end = self.start_date, self.end_date
        if start == end:
            return f"{start.day} {start:%B %Y}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}-{end.day} {end:%B %Y}"
        if start.year == end.year:
            return f"{start.day} {start:%B} - {end.day} {end:%B %Y}"
        return f"{start.day} {start:%B %Y} - {end.day} {end:%B %Y}"
