"""A server-rendered, accessible SVG bar chart: geometry computed here, drawn by a template."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 190
PLOT_WIDTH = 380
TOP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    text_y: int
    sponsored: int
    other: int
    sponsored_width: float
    other_x: float
    other_width: float
    total_x: float


def stacked_bars(rows: list[tuple[str, int, int]]) -> dict:
    """Horizontal bars, one per row (label, sponsored, not sponsored), scaled to the largest
    total; returns the bars and the drawing's size."""
    largest = max((s + o for _, s, o in rows), default=0) or 1
    scale = PLOT_WIDTH / largest
    bars = []
    for index, (label, sponsored, other) in enumerate(rows):
        y = TOP + index * (BAR_HEIGHT + GAP)
        sponsored_width = round(sponsored * scale, 1)
        other_width = round(other * scale, 1)
        bars.append(
            Bar(
                label=label,
                y=y,
                text_y=y + BAR_HEIGHT // 2 + 5,
                sponsored=sponsored,
                other=other,
                sponsored_width=sponsored_width,
                other_x=LABEL_WIDTH + sponsored_width,
                other_width=other_width,
                total_x=LABEL_WIDTH + sponsored_width + other_width + 6,
            )
        )
    return {
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + PLOT_WIDTH + 60,
        "height": TOP * 2 + max(len(rows), 1) * (BAR_HEIGHT + GAP),
        "legend_y": TOP * 2 + max(len(rows), 1) * (BAR_HEIGHT + GAP),
    }
