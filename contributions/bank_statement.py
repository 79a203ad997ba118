"""Reading a bank statement (CSV or XLSX) into checked rows. Pure: no database.

Columns are found by name, case-insensitively: a date (`date`, `value date`, `booking date`),
an `amount` (or `credit`), a `reference` (or `payment reference`, `remittance information`) and,
optionally, the bank's `transaction id` (or `bank reference`), which prevents importing the same
transaction twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import tablib

COLUMN_NAMES = {
    "date": ("date", "value date", "booking date", "received on"),
    "amount": ("amount", "amount (chf)", "credit", "credit amount"),
    "reference": ("reference", "payment reference", "remittance information", "communication"),
    "transaction_id": ("transaction id", "bank reference", "transaction reference"),
}
REQUIRED = ("date", "amount", "reference")
# A year of a trust fund's credits is a few hundred kB; anything far larger is not a statement
# and would only tie up a worker while it is parsed.
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class StatementRow:
    line: int
    received_on: date
    amount: Decimal
    reference: str
    transaction_id: str


def normalise_reference(value: str) -> str:
    """References match whatever the spacing and case the bank kept."""
    return "".join(str(value).split()).upper()


def _dataset(content: bytes, file_name: str) -> tablib.Dataset:
    name = file_name.lower()
    if len(content) > MAX_BYTES:
        raise ValueError(
            f"{file_name} is {len(content):,} bytes; a bank statement may be at most "
            f"{MAX_BYTES:,} bytes"
        )
    try:
        if name.endswith(".xlsx"):
            return tablib.Dataset().load(content, format="xlsx")
        if name.endswith(".csv"):
            text = content.decode("utf-8-sig")
            return tablib.Dataset().load(text, format="csv")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{file_name} is not a UTF-8 CSV file") from exc
    except Exception as exc:  # tablib raises many kinds of errors on unreadable files
        raise ValueError(f"{file_name} cannot be read: {exc}") from exc
    raise ValueError(f"{file_name}: only .csv and .xlsx bank statements can be imported")


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    return None


def _amount(value) -> Decimal | None:
    text = str(value if value is not None else "").strip().replace("'", "").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    text = text.replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount <= 0 or amount.as_tuple().exponent < -2:
        return None
    return amount.quantize(Decimal("0.01"))


def statement_read(*, content: bytes, file_name: str) -> tuple[list[StatementRow], list[str]]:
    """The rows of a statement and the problems found (one message per bad line, numbered as
    in the file, the header being line 1). Raises ValueError when the file cannot be read."""
    dataset = _dataset(content, file_name)
    headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    positions: dict[str, int] = {}
    for key, names in COLUMN_NAMES.items():
        for index, header in enumerate(headers):
            if header in names:
                positions[key] = index
                break
    missing = [key for key in REQUIRED if key not in positions]
    if missing:
        raise ValueError(
            f"{file_name}: missing column(s) {', '.join(missing)} (found: {', '.join(headers)})"
        )
    rows: list[StatementRow] = []
    errors: list[str] = []
    for offset, record in enumerate(dataset, start=2):
        if all(cell in (None, "") for cell in record):
            continue
        received_on = _date(record[positions["date"]])
        amount = _amount(record[positions["amount"]])
        reference = str(record[positions["reference"]] or "").strip()
        transaction = (
            str(record[positions["transaction_id"]] or "").strip()
            if "transaction_id" in positions
            else ""
        )
        problems = []
        if received_on is None:
            problems.append(f"date {record[positions['date']]!r} is not a date")
        if amount is None:
            problems.append(
                f"amount {record[positions['amount']]!r} is not a positive amount in CHF"
            )
        if not reference:
            problems.append("the payment reference is empty")
        if problems:
            errors.append(f"line {offset}: " + "; ".join(problems))
            continue
        rows.append(
            StatementRow(
                line=offset,
                received_on=received_on,
                amount=amount,
                reference=reference,
                transaction_id=transaction,
            )
        )
    seen: dict[str, int] = {}
    for row in rows:
        if row.transaction_id:
            if row.transaction_id in seen:
                errors.append(
                    f"line {row.line}: transaction {row.transaction_id} already appears on "
                    f"line {seen[row.transaction_id]}"
                )
            seen.setdefault(row.transaction_id, row.line)
    return rows, errors
