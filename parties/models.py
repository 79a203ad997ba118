from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from parties import treaty


class Region(models.TextChoices):
    AFRICA = "africa", "Africa"
    AMERICAS = "americas", "Americas"
    ASIA_PACIFIC = "asia_pacific", "Asia-Pacific"
    EUROPE = "europe", "Europe"
    MENA = "mena", "Middle East and North Africa"


class ConsentType(models.TextChoices):
    RATIFICATION = "ratification", "Ratification"
    ACCESSION = "accession", "Accession"
    ACCEPTANCE = "acceptance", "Acceptance"
    APPROVAL = "approval", "Approval"
    SUCCESSION = "succession", "Succession"


class ParticipationStatus(models.TextChoices):
    STATE_PARTY = "state_party", "State Party"
    SIGNATORY = "signatory", "Signatory"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NOT_PARTY = "not_party", "State not Party"


class StateQuerySet(models.QuerySet):
    def parties_on(self, day: date):
        """States bound by the Convention on `day`: consent given, no withdrawal in effect."""
        return self.filter(consent_date__lte=day).exclude(withdrawal_effective_date__lte=day)

    def signatories_on(self, day: date):
        return self.filter(signature_date__lte=day).exclude(consent_date__lte=day)


class State(models.Model):
    """A participant in the Convention (or a State not Party that the ISU works with)."""

    name = models.CharField(max_length=120, unique=True)
    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, unique=True)
    region = models.CharField(max_length=20, choices=Region.choices)
    signature_date = models.DateField(null=True, blank=True)
    consent_date = models.DateField(
        "ratification or accession", null=True, blank=True, help_text="Date of deposit."
    )
    consent_type = models.CharField(max_length=20, choices=ConsentType.choices, blank=True)
    withdrawal_notified_date = models.DateField(null=True, blank=True)
    withdrawal_effective_date = models.DateField(null=True, blank=True)
    source_notes = models.TextField(blank=True)

    objects = StateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def entry_into_force(self) -> date | None:
        return treaty.entry_into_force(self.consent_date) if self.consent_date else None

    @property
    def initial_report_due(self) -> date | None:
        eif = self.entry_into_force
        return treaty.initial_report_due(eif) if eif else None

    def status_on(self, day: date) -> str:
        if self.withdrawal_effective_date and self.withdrawal_effective_date <= day:
            return ParticipationStatus.WITHDRAWN
        if self.consent_date and self.consent_date <= day:
            return ParticipationStatus.STATE_PARTY
        if self.signature_date and self.signature_date <= day:
            return ParticipationStatus.SIGNATORY
        return ParticipationStatus.NOT_PARTY

    def is_party_on(self, day: date) -> bool:
        return self.status_on(day) == ParticipationStatus.STATE_PARTY


class ContactKind(models.TextChoices):
    MISSION = "mission", "Permanent mission"
    FOCAL_POINT = "focal_point", "National focal point"
    FINANCE = "finance", "Finance / contributions"
    OTHER = "other", "Other"


class Contact(models.Model):
    """Someone the ISU writes to on behalf of a State (invoices, circulation, notices)."""

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    name = models.CharField(max_length=200)
    function = models.CharField(max_length=200, blank=True)
    email = models.EmailField()
    phone = models.CharField(max_length=50, blank=True)
    address = models.TextField(blank=True)
    receives_invoices = models.BooleanField(default=True)
    receives_documents = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "email"], name="contact_unique_email_per_state"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}> ({self.state})"
