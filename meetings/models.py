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
    is_public = models.BooleanField(
        default=True, help_text="Listed on the public pages and in the calendar feed."
    )
    symbol_series = models.CharField(
        max_length=60,
        blank=True,
        help_text="Series of the meeting's document symbols, such as CCM/MSP; empty: by kind.",
    )
    description = models.TextField(blank=True)
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


# --- Agenda ------------------------------------------------------------------------------------

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]


def roman_numeral(n: int) -> str:
    """Lower-case roman numeral of `n` (1 -> "i"), as UN agendas number sub-items."""
    if n <= len(ROMAN):
        return ROMAN[n - 1]
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
    values += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for value, letters in values:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


class AgendaItem(models.Model):
    """An item (parent empty) or sub-item of a meeting's agenda. Numbers are never stored: they
    follow from `position` among siblings, so reordering renumbers everything consistently."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "parent_id", "position"]

    def __str__(self) -> str:
        return self.title


# --- Documents ---------------------------------------------------------------------------------


class DocumentKind(models.TextChoices):
    """What a symbol looks like (UN Editorial Manual): series documents and suffixed ones."""

    DOCUMENT = "document", "Document (CCM/MSP/2025/1)"
    WORKING_PAPER = "wp", "Working paper (/WP.1)"
    CONFERENCE_ROOM_PAPER = "crp", "Conference room paper (/CRP.1)"
    INFORMATION = "inf", "Information document (/INF/1)"
    LIMITED = "l", "Limited draft (/L.1)"
    REVISION = "rev", "Revision of a document (/Rev.1)"
    ADDENDUM = "add", "Addendum (/Add.1)"
    CORRIGENDUM = "corr", "Corrigendum (/Corr.1)"
    AMENDMENT = "amend", "Amendment (/Amend.1)"


# Kinds whose symbol extends another document's symbol.
SUFFIX_KINDS = {
    DocumentKind.REVISION: "Rev.",
    DocumentKind.ADDENDUM: "Add.",
    DocumentKind.CORRIGENDUM: "Corr.",
    DocumentKind.AMENDMENT: "Amend.",
}
# Kinds numbered in their own sequence within the meeting's series.
SERIES_KINDS = {
    DocumentKind.DOCUMENT: "",
    DocumentKind.WORKING_PAPER: "WP.",
    DocumentKind.CONFERENCE_ROOM_PAPER: "CRP.",
    DocumentKind.INFORMATION: "INF/",
    DocumentKind.LIMITED: "L.",
}


class Distribution(models.TextChoices):
    GENERAL = "general", "General"
    LIMITED = "limited", "Limited"
    RESTRICTED = "restricted", "Restricted"


class Language(models.TextChoices):
    ARABIC = "ar", "Arabic"
    CHINESE = "zh", "Chinese"
    ENGLISH = "en", "English"
    FRENCH = "fr", "French"
    RUSSIAN = "ru", "Russian"
    SPANISH = "es", "Spanish"


class FileType(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"
    XLSX = "xlsx", "Excel (XLSX)"


class SymbolCounter(models.Model):
    """The last number handed out under a symbol prefix ("CCM/MSP/2025/", "CCM/MSP/2025/WP.",
    "CCM/MSP/2025/3/Rev."). Allocation locks this row, so symbols are gapless and unique."""

    prefix = models.CharField(max_length=120, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}{self.last_number}"


def document_upload_to(instance, filename: str) -> str:
    # The stored name never comes from the uploader: it is the symbol, made path-safe.
    return f"meetings/documents/{instance.symbol.replace('/', '_')}.{instance.file_type}"


class MeetingDocument(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(max_length=10, choices=DocumentKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived",
        help_text="The document a revision, addendum, corrigendum or amendment belongs to.",
    )
    number = models.PositiveIntegerField()
    symbol = models.CharField(max_length=140, unique=True)
    title = models.CharField(max_length=500)
    document_date = models.DateField()
    languages = models.JSONField(default=list, help_text="Language codes the text exists in.")
    original_language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    distribution = models.CharField(
        max_length=12, choices=Distribution.choices, default=Distribution.GENERAL
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    is_public = models.BooleanField(default=True)
    file = models.FileField(upload_to=document_upload_to, blank=True)
    file_type = models.CharField(max_length=5, choices=FileType.choices, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    generated_url_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="URL name of a document the portal generates (e.g. the work plan PDF).",
    )
    generated_url_args = models.JSONField(default=list, blank=True)
    registered_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "number"],
                condition=models.Q(parent__isnull=True),
                name="meeting_document_unique_series_number",
            ),
            models.UniqueConstraint(
                fields=["parent", "kind", "number"],
                condition=models.Q(parent__isnull=False),
                name="meeting_document_unique_suffix_number",
            ),
            models.CheckConstraint(
                condition=~(models.Q(file="") & models.Q(generated_url_name="")),
                name="meeting_document_has_content",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"


# --- Records -----------------------------------------------------------------------------------


class SummaryRecord(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="summary_record")
    text = models.TextField()
    adopted_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Summary record of {self.meeting}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveIntegerField()
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="decision_unique_position")
        ]

    def __str__(self) -> str:
        return f"Decision {self.position}: {self.text[:60]}"


class FollowUpStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class FollowUpAction(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="Who acts: ISU, the President, ...")
    due_date = models.DateField()
    status = models.CharField(
        max_length=5, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


# --- Participants ------------------------------------------------------------------------------


class Gender(models.TextChoices):
    FEMALE = "female", "Woman"
    MALE = "male", "Man"
    OTHER = "other", "Another gender"
    UNDISCLOSED = "undisclosed", "Prefers not to say"


class ParticipantStatus(models.TextChoices):
    PENDING = "pending", "Awaiting approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"


class Participant(models.Model):
    """Someone registered for a meeting, on behalf of a State or of an organisation."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="participants")
    state = models.ForeignKey(
        "parties.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_participants",
    )
    organisation = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=200)
    function = models.CharField(max_length=200, blank=True)
    gender = models.CharField(max_length=12, choices=Gender.choices)
    email = models.EmailField()
    phone = models.CharField(max_length=50, blank=True)
    consent_public = models.BooleanField(
        "appears on the public list of participants", default=False
    )
    status = models.CharField(
        max_length=10, choices=ParticipantStatus.choices, default=ParticipantStatus.PENDING
    )
    registered_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "state__name", "organisation", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(state__isnull=False) & models.Q(organisation=""))
                | (models.Q(state__isnull=True) & ~models.Q(organisation="")),
                name="participant_state_xor_organisation",
            ),
            models.UniqueConstraint(
                fields=["meeting", "email"], name="participant_unique_email_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.delegation})"

    @property
    def delegation(self) -> str:
        return self.state.name if self.state_id else self.organisation
