"""Geometry of the budget page's bar chart (this year against last, by category), computed
in Python so the SVG is rendered by the server and readable without JavaScript."""

from __future__ import annotations

from decimal import Decimal

from budget.arithmetic import round_franc
from budget.formatting import format_chf

WIDTH = 720
LABEL_WIDTH = 250
VALUE_WIDTH = 90
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 18
TOP = 36


def _nice_maximum(value: Decimal) -> Decimal:
    """The smallest 1, 2 or 5 x 10^n at or above value, so the scale reads well."""
    if value <= 0:
        return Decimal("1")
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def comparison_chart(rows, *, current_year: int, previous_year: int | None) -> dict:
    """Bars for each row (`.label`, `.current`, `.previous`): one for this year and, when a
    previous year is shown, one for last year. Widths are proportional to the amounts."""
    series = [("current", current_year)]
    if previous_year is not None:
        series.append(("previous", previous_year))
    largest = max(
        (
            round_franc(getattr(row, name))
            for row in rows
            for name, _ in series
            if getattr(row, name) is not None
        ),
        default=Decimal("0"),
    )
    scale_max = _nice_maximum(largest)
    plot_width = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    groups = []
    y = TOP
    for row in rows:
        bars = []
        for index, (name, year) in enumerate(series):
            amount = getattr(row, name)
            value = round_franc(amount) if amount is not None else None
            width = float(Decimal(plot_width) * value / scale_max) if value is not None else 0.0
            bars.append(
                {
                    "series": name,
                    "year": year,
                    "y": y + index * (BAR_HEIGHT + BAR_GAP),
                    "width": round(width, 1),
                    "value": value,
                    "text": f"CHF {format_chf(value)}" if value is not None else "no line",
                    "text_x": LABEL_WIDTH + round(width, 1) + 6,
                }
            )
        group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        groups.append({"label": row.label, "label_y": y + group_height / 2 + 5, "bars": bars})
        y += group_height + GROUP_GAP
    ticks = [
        {
            "x": round(LABEL_WIDTH + plot_width * step / 4, 1),
            "text": format_chf(scale_max * step / 4),
        }
        for step in range(5)
    ]
    height = y + 10
    summary = "; ".join(
        f"{row.label}: "
        + ", ".join(
            f"{year} CHF {format_chf(getattr(row, name))}"
            if getattr(row, name) is not None
            else f"{year} none"
            for name, year in series
        )
        for row in rows
    )
    return {
        "width": WIDTH,
        "height": height,
        "label_width": LABEL_WIDTH,
        "plot_bottom": height - 10,
        "bar_height": BAR_HEIGHT,
        "groups": groups,
        "ticks": ticks,
        "series": [{"name": name, "year": year} for name, year in series],
        "description": summary or "No cost lines yet.",
        "empty": not rows,
    }
