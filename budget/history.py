"""Who changed a budget item, when, and what it read before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from budget.formatting import format_chf, format_percent

IGNORED = {"id", "plan", "version", "history_id", "history_date", "history_change_reason"}
MONEY_FIELDS = {"amount", "annual_cost"}
PERCENT_FIELDS = {"share_of_time", "social_charges_rate"}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    when: datetime
    who: str
    action: str
    changes: list[Change]


def _shown(field: str, value) -> str:
    if value is None or value == "":
        return "—"
    if field in MONEY_FIELDS:
        return f"CHF {format_chf(value, places=2)}"
    if field in PERCENT_FIELDS:
        return format_percent(value)
    return str(value)


def history_rows(item) -> list[HistoryRow]:
    """The item's history, newest first, each change with its before and after. One query,
    whatever the length of the history (records are compared in memory)."""
    records = list(item.history.select_related("history_user").order_by("history_date", "pk"))
    fields = [
        f.name
        for f in item._meta.concrete_fields
        if f.name not in IGNORED and not f.name.endswith("_id")
    ]
    rows = []
    previous = None
    for record in records:
        changes = []
        for field in fields:
            after = getattr(record, field if field != "plan" else "plan_id", None)
            before = getattr(previous, field, None) if previous is not None else None
            if previous is None or before != after:
                if previous is None and after in (None, ""):
                    continue
                changes.append(
                    Change(
                        field=item._meta.get_field(field).verbose_name,
                        before="" if previous is None else _shown(field, before),
                        after=_shown(field, after),
                    )
                )
        user = record.history_user
        rows.append(
            HistoryRow(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else "the system",
                action={"+": "created", "~": "changed", "-": "deleted"}[record.history_type],
                changes=changes,
            )
        )
        previous = record
    return list(reversed(rows))
