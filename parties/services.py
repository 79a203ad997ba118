"""Writes to the States registry. Every function is atomic and raises DomainError on bad input."""

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from isu_portal.errors import DomainError
from parties.models import ConsentType, Contact, ContactKind, Region, State

DATA_DIR = Path(__file__).resolve().parent / "data"
PARTICIPANTS_FILE = DATA_DIR / "ccm_participants.csv"
STATE_CODES_FILE = DATA_DIR / "state_codes.csv"
WITHDRAWALS_FILE = DATA_DIR / "withdrawals.csv"

REQUIRED_COLUMNS = {"state", "signature", "consent_date", "consent_type"}


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _parse_date(value: str, *, line: int, column: str, errors: list[str]) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"line {line}: {column} {value!r} is not a date (expected YYYY-MM-DD)")
        return None


def _read_codes(path: Path) -> dict[str, tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            row["state"].strip(): (row["iso3"].strip(), row["region"].strip())
            for row in csv.DictReader(handle)
        }


def _read_withdrawals(path: Path) -> dict[str, tuple[date | None, date]]:
    result: dict[str, tuple[date | None, date]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            notified = date.fromisoformat(row["notified"]) if row["notified"].strip() else None
            result[row["state"].strip()] = (notified, date.fromisoformat(row["effective"]))
    return result


def _validated_rows(path: Path) -> list[dict]:
    """Reads and checks every row; raises DomainError listing every bad line."""
    codes = _read_codes(STATE_CODES_FILE)
    withdrawals = _read_withdrawals(WITHDRAWALS_FILE)
    regions = set(Region.values)
    consent_types = set(ConsentType.values)
    errors: list[str] = []
    rows: list[dict] = []
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise DomainError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise DomainError(f"line 1: missing column(s) {', '.join(sorted(missing))}")
            seen: dict[str, int] = {}
            for row in reader:
                line = reader.line_num
                name = (row.get("state") or "").strip()
                if not name:
                    errors.append(f"line {line}: the State's name is empty")
                    continue
                if name in seen:
                    errors.append(f"line {line}: {name} already appears on line {seen[name]}")
                    continue
                seen[name] = line
                iso3, region = (row.get("iso3") or "").strip(), (row.get("region") or "").strip()
                if not iso3 or not region:
                    iso3, region = codes.get(name, (iso3, region))
                if len(iso3) != 3 or not iso3.isalpha():
                    errors.append(f"line {line}: no ISO 3166 alpha-3 code known for {name}")
                if region not in regions:
                    errors.append(f"line {line}: no region known for {name}")
                signature = _parse_date(
                    row["signature"], line=line, column="signature", errors=errors
                )
                consent = _parse_date(
                    row["consent_date"], line=line, column="consent_date", errors=errors
                )
                consent_type = (row.get("consent_type") or "").strip().lower()
                if consent_type and consent_type not in consent_types:
                    errors.append(
                        f"line {line}: consent_type {consent_type!r} is not one of "
                        f"{', '.join(sorted(consent_types))}"
                    )
                if consent and not consent_type:
                    errors.append(f"line {line}: {name} has a consent date but no consent_type")
                if consent_type and not consent and not row["consent_date"].strip():
                    errors.append(f"line {line}: {name} has a consent_type but no consent date")
                if not signature and not consent and not row["signature"].strip():
                    errors.append(f"line {line}: {name} has neither a signature nor a consent date")
                if signature and consent and consent < signature:
                    errors.append(f"line {line}: {name} consented before signing")
                notified, effective = withdrawals.get(name, (None, None))
                rows.append(
                    {
                        "name": name,
                        "iso3": iso3.upper(),
                        "region": region,
                        "signature_date": signature,
                        "consent_date": consent,
                        "consent_type": consent_type,
                        "withdrawal_notified_date": notified,
                        "withdrawal_effective_date": effective,
                        "source_notes": (row.get("notes") or "").strip(),
                    }
                )
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DomainError(f"{path.name} is not a readable UTF-8 CSV file: {exc}") from exc
    iso_lines: dict[str, str] = {}
    for row in rows:
        other = iso_lines.setdefault(row["iso3"], row["name"])
        if other != row["name"]:
            errors.append(f"{row['name']} and {other} share the ISO code {row['iso3']}")
    if errors:
        raise DomainError(errors)
    if not rows:
        raise DomainError(f"{path.name} holds no States")
    return rows


@transaction.atomic
def participants_load(*, path: Path = PARTICIPANTS_FILE) -> LoadResult:
    """Creates or updates every State in the file. Either every row is valid and applied, or
    DomainError names each bad line and the database is left as it was."""
    rows = _validated_rows(Path(path))
    existing = {state.name: state for state in State.objects.all()}
    created = updated = unchanged = 0
    for row in rows:
        state = existing.get(row["name"])
        if state is None:
            State.objects.create(**row)
            created += 1
            continue
        changed = [field for field, value in row.items() if getattr(state, field) != value]
        if changed:
            for field in changed:
                setattr(state, field, row[field])
            state.save()
            updated += 1
        else:
            unchanged += 1
    return LoadResult(created=created, updated=updated, unchanged=unchanged)


def _contact_clean(*, kind: str, name: str, email: str) -> tuple[str, str]:
    errors = []
    name = name.strip()
    email = email.strip()
    if kind not in ContactKind.values:
        errors.append(f"unknown contact kind {kind!r}")
    if not name:
        errors.append("the contact's name is required")
    elif len(name) > 200:
        errors.append("the contact's name is longer than 200 characters")
    try:
        validate_email(email)
    except ValidationError:
        errors.append(f"{email!r} is not a valid e-mail address")
    if errors:
        raise DomainError(errors)
    return name, email


def contact_validate(
    *, state: State, kind: str, name: str, email: str, contact: Contact | None
) -> tuple[str, str]:
    """Checks a contact's values (the admin form uses it too); returns the cleaned name and
    address, or raises DomainError."""
    name, email = _contact_clean(kind=kind, name=name, email=email)
    others = Contact.objects.filter(state=state, email__iexact=email)
    if contact is not None:
        others = others.exclude(pk=contact.pk)
    if others.exists():
        raise DomainError(f"{state} already has a contact with the address {email}")
    return name, email


@transaction.atomic
def contact_create(
    *,
    state: State,
    kind: str,
    name: str,
    email: str,
    function: str = "",
    phone: str = "",
    address: str = "",
    receives_invoices: bool = True,
    receives_documents: bool = True,
) -> Contact:
    name, email = contact_validate(state=state, kind=kind, name=name, email=email, contact=None)
    return Contact.objects.create(
        state=state,
        kind=kind,
        name=name,
        email=email,
        function=function.strip(),
        phone=phone.strip(),
        address=address.strip(),
        receives_invoices=receives_invoices,
        receives_documents=receives_documents,
    )


@transaction.atomic
def contact_update(*, contact: Contact, **fields) -> Contact:
    allowed = {
        "kind",
        "name",
        "email",
        "function",
        "phone",
        "address",
        "receives_invoices",
        "receives_documents",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise DomainError(f"unknown field(s): {', '.join(sorted(unknown))}")
    merged = {f: getattr(contact, f) for f in allowed} | fields
    name, email = contact_validate(
        state=contact.state,
        kind=merged["kind"],
        name=merged["name"],
        email=merged["email"],
        contact=contact,
    )
    merged.update(name=name, email=email)
    for field, value in merged.items():
        setattr(contact, field, value.strip() if isinstance(value, str) else value)
    contact.save()
    return contact


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    contact.delete()


STATE_FIELDS = (
    "name",
    "iso3",
    "region",
    "signature_date",
    "consent_date",
    "consent_type",
    "withdrawal_notified_date",
    "withdrawal_effective_date",
    "source_notes",
)


def state_validate(values: dict, *, instance: State | None) -> None:
    """Checks a State's values (the admin form uses it too); normalises name and code."""
    errors = []
    name = (values.get("name") or "").strip()
    iso3 = (values.get("iso3") or "").strip().upper()
    if not name:
        errors.append("the State's name is required")
    if len(iso3) != 3 or not iso3.isalpha():
        errors.append("the ISO 3166 alpha-3 code must be three letters")
    if values.get("region") not in Region.values:
        errors.append(f"unknown region {values.get('region')!r}")
    if values.get("consent_type") and values["consent_type"] not in ConsentType.values:
        errors.append(f"unknown consent type {values['consent_type']!r}")
    if values.get("consent_date") and not values.get("consent_type"):
        errors.append("a consent date needs a consent type")
    signature, consent = values.get("signature_date"), values.get("consent_date")
    if signature and consent and consent < signature:
        errors.append("the consent date is before the signature date")
    effective = values.get("withdrawal_effective_date")
    if effective and (not consent or effective <= consent):
        errors.append("a withdrawal must take effect after consent")
    others = State.objects.exclude(pk=instance.pk) if instance else State.objects.all()
    if name and others.filter(name__iexact=name).exists():
        errors.append(f"a State named {name} already exists")
    if iso3 and others.filter(iso3=iso3).exists():
        errors.append(f"a State with the code {iso3} already exists")
    if errors:
        raise DomainError(errors)
    values["name"], values["iso3"] = name, iso3


@transaction.atomic
def state_create(**fields) -> State:
    values = {field: fields.get(field) for field in STATE_FIELDS if field in fields}
    values.setdefault("consent_type", "")
    values.setdefault("source_notes", "")
    state_validate(values, instance=None)
    return State.objects.create(**values)


@transaction.atomic
def state_update(*, state: State, **fields) -> State:
    unknown = set(fields) - set(STATE_FIELDS)
    if unknown:
        raise DomainError(f"unknown field(s): {', '.join(sorted(unknown))}")
    values = {field: getattr(state, field) for field in STATE_FIELDS} | fields
    state_validate(values, instance=state)
    for field, value in values.items():
        setattr(state, field, value)
    state.save()
    return state
