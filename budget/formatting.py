"""Amounts written the way the ISU writes them: 497'138 (apostrophe between thousands)."""

from decimal import Decimal

from budget.arithmetic import round_franc

SEPARATOR = "'"


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return SEPARATOR.join(groups)


def format_chf(amount: Decimal | int | None, *, places: int = 0, signed: bool = False) -> str:
    """`Decimal("497138.00")` -> "497'138"; `Decimal("72856.40")` -> "72'856" (whole francs,
    half up, as in the document) or "72'856.40" with places=2. `signed` writes "+" before a
    positive amount (for variances). None gives "" so templates can show their own dash.
    Floats are refused: money is never a float."""
    if amount is None:
        return ""
    if isinstance(amount, float):
        raise TypeError("format_chf takes a Decimal or an int, not a float")
    if places not in (0, 2):
        raise ValueError("places is 0 (whole francs) or 2 (centimes)")
    value = Decimal(amount)
    value = round_franc(value) if places == 0 else value.quantize(Decimal("0.01"))
    negative = value < 0
    whole, _, fraction = f"{abs(value):f}".partition(".")
    text = _group(whole) + (f".{fraction}" if places else "")
    if negative and value != 0:
        return f"-{text}"
    if signed and value > 0:
        return f"+{text}"
    return text


def format_percent(value: Decimal | None, *, signed: bool = False) -> str:
    """`Decimal("20.00")` -> "20%", `Decimal("-3.5")` -> "-3.5%"; None gives ""."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    if signed and value > 0:
        text = f"+{text}"
    return f"{text}%"
