"""Inline SVG bar charts for the HTML report: per indicator a bar for the baseline and each following year,
and a line at the target. Plain SVG text, no script, no font from the internet, every label escaped."""

from __future__ import annotations

from html import escape

from b2c_cli.figures import Value
from b2c_cli.i18n import numbers as num
from b2c_cli.report.table import EsgTable, Row

WIDTH, HEIGHT = 330, 165
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 16, 38
BAR_COLOUR, TARGET_COLOUR, AXIS_COLOUR = "#2f6f8f", "#c0392b", "#888888"


def row_chart(row: Row, table: EsgTable, target_label: str) -> str:
    """The chart for one row of the ESG table, as an <svg> element."""
    percent = row.indicator.kind != "count"
    points = [
        (column.label.split(" (")[0], _level(value) if value else None, text)
        for column, value, text in zip(table.columns, row.values, row.texts, strict=True)
    ]
    target = float(row.figures.target.value) if row.figures.target else None
    top = 100.0 if percent else max([v for _, v, _ in points if v is not None] + [target or 0, 1]) * 1.15
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(points), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(row.indicator.name)}">',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        f'stroke="{AXIS_COLOUR}" stroke-width="1"/>',
    ]
    for tick in (0, 0.5, 1):
        y = TOP + plot_h * (1 - tick)
        label = (
            num.percent(int(top * tick), table.lang) if percent else num.number(round(top * tick), table.lang)
        )
        parts.append(
            f'<text x="{LEFT - 4}" y="{y + 3:.1f}" font-size="9" text-anchor="end" fill="#555">{label}</text>'
        )
    for index, (label, level, text) in enumerate(points):
        x = LEFT + slot * index + slot * 0.2
        width = slot * 0.6
        if level is not None:
            height = plot_h * min(level / top, 1)
            y = TOP + plot_h - height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'fill="{BAR_COLOUR}"/>'
            )
            parts.append(
                f'<text x="{x + width / 2:.1f}" y="{y - 3:.1f}" font-size="10" '
                f'text-anchor="middle">{escape(text)}</text>'
            )
        parts.append(
            f'<text x="{x + width / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    if target is not None:
        y = TOP + plot_h * (1 - min(target / top, 1))
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{TARGET_COLOUR}" '
            f'stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{y - 4:.1f}" font-size="9" text-anchor="end" '
            f'fill="{TARGET_COLOUR}">{escape(target_label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _level(value: Value) -> float | None:
    """The bar's height: the percentage, or the count."""
    if value.share is not None:
        return float(value.share * 100)
    return float(value.number) if value.number is not None else None
