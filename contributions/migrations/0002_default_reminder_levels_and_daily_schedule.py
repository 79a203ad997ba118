"""The default reminder levels (30 days before the due date, on it, 30 and 90 days after) and
the daily django-celery-beat task that sends the reminders due."""

from django.conf import settings
from django.db import migrations

LEVELS = [
    (
        -30,
        "Due in 30 days",
        "Reminder: contribution {{ invoice.number }} is due on {{ invoice.due_date|date:'j F Y' }}",
    ),
    (0, "Due today", "Contribution {{ invoice.number }} is due today"),
    (30, "30 days overdue", "Overdue: contribution {{ invoice.number }} (30 days)"),
    (90, "90 days overdue", "Second notice: contribution {{ invoice.number }} is 90 days overdue"),
]
BODY = (
    "Dear colleagues,\n\n"
    "This is a reminder from the Implementation Support Unit of the Convention on Cluster "
    "Munitions about invoice {{ invoice.number }} of {{ invoice.issue_date|date:'j F Y' }}, "
    "{{ state.name }}'s assessed contribution to the ISU budget {{ invoice.year }}, due on "
    "{{ invoice.due_date|date:'j F Y' }}.\n\n"
    "Amount outstanding: CHF {{ outstanding }}\n"
    "Payment reference: {{ invoice.payment_reference }}\n\n"
    "The statement of account of {{ state.name }} is attached. If the payment has been made "
    "in the meantime, please disregard this message.\n\n"
    "With best regards,\nImplementation Support Unit, Convention on Cluster Munitions\n"
)
TASK_NAME = "Send due contribution reminders"


def create(apps, schema_editor):
    ReminderLevel = apps.get_model("contributions", "ReminderLevel")
    for offset, name, subject in LEVELS:
        ReminderLevel.objects.get_or_create(
            offset_days=offset, defaults={"name": name, "subject": subject, "body": BODY}
        )
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour=str(getattr(settings, "CONTRIBUTIONS_REMINDER_HOUR", 7)),
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone=settings.TIME_ZONE,
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={"task": "contributions.send_due_reminders", "crontab": schedule},
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()
    apps.get_model("contributions", "ReminderLevel").objects.filter(
        offset_days__in=[level[0] for level in LEVELS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
