"""Assessed contributions to the ISU budget: the basis of each year's assessment, invoices and
credit notes (immutable once issued), payments, reminders and the log of e-mails sent."""

from decimal import Decimal

from django.conf import settings
from django.db import models


class UNScaleRate(models.Model):
    """A State's rate on the UN regular-budget scale for a scale period (e.g. 2025-2027)."""

    state = models.ForeignKey("parties.State", on_delete=models.CASCADE, related_name="un_rates")
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    rate_percent = models.DecimalField(max_digits=7, decimal_places=3)

    class Meta:
        ordering = ["first_year", "state__name"]
        constraints = [
            models.UniqueConstraint(fields=["state", "first_year"], name="un_rate_once_per_period"),
            models.CheckConstraint(
                condition=models.Q(rate_percent__gte=0), name="un_rate_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.first_year}-{self.last_year}: {self.rate_percent} %"


class AssessmentMethod(models.TextChoices):
    UN_SCALE = "un_scale", "UN scale of assessments adjusted to the States Parties"
    EQUAL = "equal", "Equal shares"
    PLEDGES = "pledges", "Recorded voluntary pledges"


class AssessmentBasis(models.Model):
    """How a year's budget is shared. Without a row the UN scale applies, with no bounds."""

    year = models.PositiveSmallIntegerField(unique=True)
    method = models.CharField(
        max_length=20, choices=AssessmentMethod.choices, default=AssessmentMethod.UN_SCALE
    )
    floor = models.DecimalField(
        "minimum contribution (CHF)",
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        help_text="The least any State pays; also what a State with no UN rate pays.",
    )
    ceiling_percent = models.DecimalField(
        "maximum share (%)",
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        help_text="No State pays more than this share of the budget.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year"]
        verbose_name_plural = "assessment bases"

    def __str__(self) -> str:
        return f"{self.year}: {self.get_method_display()}"


class SetRate(models.Model):
    """A rate the ISU sets for a State with no UN rate (Holy See, State of Palestine, ...)."""

    year = models.PositiveSmallIntegerField()
    state = models.ForeignKey("parties.State", on_delete=models.CASCADE, related_name="+")
    rate_percent = models.DecimalField(max_digits=7, decimal_places=3)

    class Meta:
        ordering = ["year", "state__name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "state"], name="set_rate_once_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.year}: {self.rate_percent} %"


class Pledge(models.Model):
    """A State's recorded voluntary pledge towards a year's budget (CHF)."""

    year = models.PositiveSmallIntegerField()
    state = models.ForeignKey("parties.State", on_delete=models.CASCADE, related_name="pledges")
    amount = models.DecimalField(max_digits=12, decimal_places=0)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "state__name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "state"], name="pledge_once_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="pledge_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.year}: CHF {self.amount}"


class Series(models.TextChoices):
    INVOICE = "invoice", "Invoice"
    CREDIT_NOTE = "credit_note", "Credit note"


class DocumentCounter(models.Model):
    """The last number used in a series and year. Issuing locks the row (select_for_update), so
    numbers are gapless even when invoices are issued concurrently."""

    series = models.CharField(max_length=20, choices=Series.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="one_counter_per_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class Invoice(models.Model):
    """A State's assessed contribution for a year. Written once by `invoice_issue`; never
    changed afterwards (a correction is a credit note)."""

    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(max_length=30, unique=True)
    state = models.ForeignKey("parties.State", on_delete=models.PROTECT, related_name="invoices")
    issue_date = models.DateField()
    due_date = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3, default="CHF")
    payment_reference = models.CharField(max_length=60, unique=True)
    method = models.CharField(max_length=20, choices=AssessmentMethod.choices)
    # The basis printed on the invoice: the budget, the State's rate and how it was applied.
    budget_total = models.DecimalField(max_digits=12, decimal_places=2)
    rate_percent = models.DecimalField(max_digits=7, decimal_places=3, null=True, blank=True)
    basis_note = models.CharField(max_length=200, blank=True)
    # Host and bank details as they were when issued, so reprints never change.
    host_name = models.CharField(max_length=200)
    host_address = models.CharField(max_length=300)
    bank_name = models.CharField(max_length=200)
    bank_account_holder = models.CharField(max_length=200)
    bank_iban = models.CharField(max_length=60)
    bank_bic = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["state", "year"], name="one_invoice_per_state_year"),
            models.UniqueConstraint(fields=["year", "sequence"], name="invoice_sequence_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="invoice_not_negative"),
        ]

    def __str__(self) -> str:
        return self.number


class CreditNote(models.Model):
    """Reduces what a State owes on an invoice, for a stated reason. Immutable once issued."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(max_length=30, unique=True)
    issue_date = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="credit_note_sequence"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="credit_note_positive"),
        ]

    def __str__(self) -> str:
        return self.number


class BankImport(models.Model):
    """One bank statement file imported at once (all rows or none)."""

    file_name = models.CharField(max_length=255)
    row_count = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=14, decimal_places=2)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.row_count} rows)"


class Payment(models.Model):
    """Money received from a State. Applied to an invoice when it names one; whatever exceeds
    what the State owes stays as a credit on its account."""

    state = models.ForeignKey("parties.State", on_delete=models.PROTECT, related_name="payments")
    invoice = models.ForeignKey(
        Invoice, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    received_on = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    reference = models.CharField(max_length=140, blank=True)
    # The bank's own transaction id, when the statement gives one: importing twice is refused.
    bank_transaction_id = models.CharField(max_length=80, null=True, blank=True, unique=True)
    bank_import = models.ForeignKey(
        BankImport, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["received_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.received_on}: CHF {self.amount}"


class ReminderLevel(models.Model):
    """When a reminder goes out, relative to the due date, and what it says. The subject and
    text are Django templates with `invoice`, `state`, `outstanding` and `level`."""

    name = models.CharField(max_length=100)
    offset_days = models.SmallIntegerField(
        unique=True, help_text="Days after the due date (negative: before it)."
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["offset_days"]

    def __str__(self) -> str:
        return self.name

    @property
    def mail_kind(self) -> str:
        return f"reminder:{self.pk}"


class SentMail(models.Model):
    """The idempotency log of e-mails about an invoice: one row per (invoice, kind), claimed
    before sending and kept locked until the message is handed over, so a retried or
    duplicated task never sends the same e-mail twice."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="sent_mails")
    kind = models.CharField(max_length=40, help_text="invoice, or reminder:<level id>")
    reminder_level = models.ForeignKey(
        ReminderLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipients = models.TextField(blank=True)
    subject = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "kind"], name="one_mail_per_invoice_kind")
        ]

    def __str__(self) -> str:
        return f"{self.invoice} {self.kind}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class IssueJob(models.Model):
    """A run of `issue_invoices` for a year: the page polls it for progress."""

    year = models.PositiveSmallIntegerField()
    send = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Issue {self.year} ({self.get_status_display()})"


class ItemOutcome(models.TextChoices):
    PENDING = "pending", "Pending"
    ISSUED = "issued", "Issued"
    ALREADY_ISSUED = "already_issued", "Already issued"
    FAILED = "failed", "Failed"


class IssueJobItem(models.Model):
    """One State in an issue job: its invoice and what happened to the e-mail."""

    job = models.ForeignKey(IssueJob, on_delete=models.CASCADE, related_name="items")
    state = models.ForeignKey("parties.State", on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    invoice = models.ForeignKey(
        Invoice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(
        max_length=20, choices=ItemOutcome.choices, default=ItemOutcome.PENDING
    )
    mail_result = models.CharField(max_length=200, blank=True)
    done = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "state"], name="one_item_per_state_per_job")
        ]

    def __str__(self) -> str:
        return f"{self.job_id}: {self.state_id}"
