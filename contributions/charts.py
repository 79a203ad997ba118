"""A server-rendered, accessible SVG bar chart: geometry computed here, drawn by a template."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    series: str
    value: Decimal
    x: float
    y: float
    width: float
    height: float


def _nice_max(value: Decimal) -> Decimal:
    if value <= 0:
        return Decimal("1")
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = magnitude * Decimal(str(step))
        if top >= value:
            return top
    return magnitude * 10


def grouped_bars(
    groups: list[tuple[str, list[tuple[str, Decimal]]]],
    *,
    width: int = 640,
    height: int = 260,
    margin_left: int = 80,
    margin_bottom: int = 30,
) -> dict:
    """Bars for each (label, [(series, value), ...]) group, scaled to a round maximum."""
    top = _nice_max(max((v for _, values in groups for _, v in values), default=Decimal("0")))
    plot_w, plot_h = width - margin_left - 10, height - margin_bottom - 10
    group_w = plot_w / max(len(groups), 1)
    bars = []
    for index, (label, values) in enumerate(groups):
        bar_w = group_w * 0.8 / max(len(values), 1)
        for position, (series, value) in enumerate(values):
            h = float(value / top) * plot_h if top else 0
            bars.append(
                Bar(
                    label=label,
                    series=series,
                    value=value,
                    x=margin_left + index * group_w + group_w * 0.1 + position * bar_w,
                    y=10 + plot_h - h,
                    width=bar_w - 2,
                    height=h,
                )
            )
    ticks = [{"value": top * i / 4, "y": 10 + plot_h - plot_h * i / 4} for i in range(5)]
    labels = [
        {"text": label, "x": margin_left + (i + 0.5) * group_w}
        for i, (label, _) in enumerate(groups)
    ]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "axis_x": margin_left,
        "base_y": 10 + plot_h,
        "right": width - 10,
    }
