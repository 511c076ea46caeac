"""Charts as inline SVG, drawn at build time: no script, no network, printable.

Each chart carries a <title> and <desc> for screen readers, and the page always
shows the same numbers as a table next to it. Every label is HTML-escaped.
"""

from __future__ import annotations

import html

# The labels' font and colour, once on the chart: SVG passes them down to every <text>
# (bars and points take their colour from the stylesheet's classes).
TEXT = "font-family='sans-serif' font-size='12' fill='currentColor'"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]], width: int = 560) -> str:
    """Horizontal bars, one per row, labelled with their value."""
    bar_h, gap, label_w = 16, 6, 150
    height = len(rows) * (bar_h + gap) + 10
    peak = max((v for _, v in rows), default=0) or 1
    scale = (width - label_w - 40) / peak
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='100%' "
        f"xmlns='http://www.w3.org/2000/svg' aria-labelledby='{chart_id}-t {chart_id}-d' {TEXT}>",
        f"<title id='{chart_id}-t'>{_e(title)}</title>",
        f"<desc id='{chart_id}-d'>{_e('；'.join(f'{label} {value}' for label, value in rows))}</desc>",
    ]
    for k, (label, value) in enumerate(rows):
        y = 5 + k * (bar_h + gap)
        parts.append(f"<text x='{label_w - 6}' y='{y + 12}' text-anchor='end'>"
                     f"{_e(label)}</text>")
        parts.append(f"<rect x='{label_w}' y='{y}' width='{max(value * scale, 1):.1f}' height='{bar_h}' "
                     f"class='chart-bar'/>")
        parts.append(f"<text x='{label_w + value * scale + 4:.1f}' y='{y + 12}'>"
                     f"{value}</text>")
    parts.append("</svg>")
    return "".join(parts)


def line_chart(chart_id: str, title: str, unit: str, points: list[tuple[int, float, str, str]], width: int = 420,
               height: int = 200) -> str:
    """Values across years: (year, value, label shown at the point, note under the year or "")."""
    noted = any(p[3] for p in points)
    left, right, top, bottom = 48, 20, 16, 44 if noted else 30
    height += bottom - 30
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    y_min, y_max = min(0.0, min(values)), max(values) * 1.15 or 1.0
    x_span = (max(years) - min(years)) or 1

    def x(year: int) -> float:
        return left + (year - min(years)) / x_span * (width - left - right)

    def y(value: float) -> float:
        return top + (1 - (value - y_min) / (y_max - y_min)) * (height - top - bottom)

    path = " ".join(f"{'M' if k == 0 else 'L'}{x(yr):.1f},{y(v):.1f}" for k, (yr, v, _, _) in enumerate(points))
    parts = [
        f"<svg class='chart' role='img' viewBox='0 0 {width} {height}' width='{width}' "
        f"xmlns='http://www.w3.org/2000/svg' aria-labelledby='{chart_id}-t {chart_id}-d' {TEXT}>",
        f"<title id='{chart_id}-t'>{_e(title)}</title>",
        f"<desc id='{chart_id}-d'>{_e('；'.join(f'{yr}年 {label}' + (f'（{note}）' if note else '') for yr, _, label, note in points))}</desc>",
        f"<line x1='{left}' y1='{height - bottom}' x2='{width - right}' y2='{height - bottom}' class='chart-axis'/>",
        f"<line x1='{left}' y1='{top}' x2='{left}' y2='{height - bottom}' class='chart-axis'/>",
        f"<text x='{left - 6}' y='{top + 4}' text-anchor='end'>{_e(unit)}</text>",
        f"<path d='{path}' class='chart-line' fill='none'/>",
    ]
    for yr, v, label, note in points:
        parts.append(f"<circle cx='{x(yr):.1f}' cy='{y(v):.1f}' r='4' class='chart-point'/>")
        parts.append(f"<text x='{x(yr):.1f}' y='{y(v) - 8:.1f}' text-anchor='middle'>"
                     f"{_e(label)}</text>")
        parts.append(f"<text x='{x(yr):.1f}' y='{height - bottom + 16}' text-anchor='middle'>"
                     f"{yr}</text>")
        if note:
            parts.append(f"<text x='{x(yr):.1f}' y='{height - bottom + 32}' text-anchor='middle' font-size='10'>"
                         f"{_e(note)}</text>")
    parts.append("</svg>")
    return "".join(parts)
