"""Charts as reportlab.graphics drawings (vector, deterministic, no Qt).

Drawn from shapes rather than LinePlot because the summary chart needs two value axes (sum of
diameters in mm on the left, mean density in HU on the right) and shaded therapy-line bands
behind both, which LinePlot does not combine.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from gistdesk.reports.fonts import SANS, SANS_BOLD, register_fonts

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BAND_COLORS = (
    colors.HexColor("#dbe8f6"),
    colors.HexColor("#e3f1df"),
    colors.HexColor("#f6e8d6"),
    colors.HexColor("#ece0f3"),
    colors.HexColor("#f3dfe3"),
    colors.HexColor("#e0f0ef"),
)
BAR_COLORS = (
    colors.HexColor("#3f73b5"),
    colors.HexColor("#4d8f45"),
    colors.HexColor("#b7762d"),
    colors.HexColor("#7c4fa0"),
    colors.HexColor("#a8465a"),
    colors.HexColor("#2f8a86"),
)
SOD_COLOR = colors.HexColor("#1f4e8c")
HU_COLOR = colors.HexColor("#c0561b")
AXIS = colors.HexColor("#55606e")
GRID = colors.HexColor("#d5dae1")
FLAG_RED = colors.HexColor("#b3261e")


@dataclass(frozen=True, slots=True)
class ChartPoint:
    day: date
    sod_mm: float | None
    mean_hu: float | None


@dataclass(frozen=True, slots=True)
class Band:
    start: date
    end: date
    label: str


@dataclass(frozen=True, slots=True)
class Marker:
    day: date
    label: str


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1-2-5 steps)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks: list[float] = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 6))
        value += step
    return ticks


def _date_ticks(
    first: date,
    last: date,
    max_ticks: int = 8,
    max_year_ticks: int | None = None,
    month_abbr: Sequence[str] = _MONTH_ABBR,
) -> list[tuple[date, str]]:
    """Month ticks ("Jul 2022") at a spacing that keeps at most `max_ticks` labels, else year
    ticks ("2022"), which are narrower, at most `max_year_ticks` of them."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    years_max = max_ticks if max_year_ticks is None else max_year_ticks
    step = next((s for s in (1, 2, 3, 6) if months / s <= max_ticks), None) or next(
        (s for s in (12, 24, 60) if months / s <= years_max), 120
    )
    out: list[tuple[date, str]] = []
    year, month = first.year, first.month
    # Align to the step so ticks fall on Jan/Apr/Jul/Oct, Jan/Jul, or January.
    index = year * 12 + month - 1
    index += (-index) % step if step <= 12 else (-index) % 12
    while True:
        y, m = divmod(index, 12)
        tick = date(y, m + 1, 1)
        if tick > last:
            break
        if tick >= first:
            label = str(y) if step >= 12 else f"{month_abbr[m]} {y}"
            out.append((tick, label))
        index += step
    return out


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten a label to fit `width` (bands can be narrow)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def response_chart(
    points: Sequence[ChartPoint],
    bands: Sequence[Band],
    markers: Sequence[Marker],
    width: float,
    height: float,
    font_size: float = 7.5,
    flagged: Sequence[date] = (),
) -> Drawing:
    """Sum of diameters and mean density over time, therapy lines as shaded bands; scans
    with a progression-type flag get a red ring so they stand out."""
    register_fonts()
    drawing = Drawing(width, height)
    left, right, bottom, top = 40.0, 40.0, 34.0, 24.0
    x0, x1, y0, y1 = left, width - right, bottom, height - top
    days = (
        [p.day for p in points]
        + [b.start for b in bands]
        + [b.end for b in bands]
        + [m.day for m in markers]
    )
    if not days:
        drawing.add(
            String(
                width / 2,
                height / 2,
                "No scans recorded",
                fontName=SANS,
                fontSize=font_size + 1,
                textAnchor="middle",
                fillColor=AXIS,
            )
        )
        return drawing
    first = min(days).toordinal()
    last = max(days).toordinal()
    pad = max(10, (last - first) // 40)
    first, last = first - pad, last + pad

    def xpos(day: date) -> float:
        return x0 + (day.toordinal() - first) / (last - first) * (x1 - x0)

    sods = [p.sod_mm for p in points if p.sod_mm is not None]
    hus = [p.mean_hu for p in points if p.mean_hu is not None]
    sod_ticks = nice_ticks(0, max(sods) * 1.1 if sods else 100)
    hu_low = min(0.0, min(hus)) if hus else 0.0
    hu_ticks = nice_ticks(hu_low, max(hus) * 1.1 if hus else 100)

    def ypos(value: float, ticks: list[float]) -> float:
        return y0 + (value - ticks[0]) / (ticks[-1] - ticks[0]) * (y1 - y0)

    # Bands first, so lines and points sit on top.
    for i, band in enumerate(bands):
        bx0, bx1 = max(x0, xpos(band.start)), min(x1, xpos(band.end))
        if bx1 <= bx0:
            continue
        drawing.add(
            Rect(bx0, y0, bx1 - bx0, y1 - y0, fillColor=BAND_COLORS[i % 6], strokeColor=None)
        )
        drawing.add(
            String(
                bx0 + 3,
                y1 - font_size - 1,
                _fit(band.label, SANS, font_size - 0.5, bx1 - bx0 - 5),
                fontName=SANS,
                fontSize=font_size - 0.5,
                fillColor=BAR_COLORS[i % 6],
            )
        )
    for tick in sod_ticks:
        y = ypos(tick, sod_ticks)
        drawing.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(
            String(
                x0 - 4,
                y - font_size / 3,
                f"{tick:g}",
                fontName=SANS,
                fontSize=font_size,
                textAnchor="end",
                fillColor=SOD_COLOR,
            )
        )
    for tick in hu_ticks:
        y = ypos(tick, hu_ticks)
        drawing.add(
            String(
                x1 + 4,
                y - font_size / 3,
                f"{tick:g}",
                fontName=SANS,
                fontSize=font_size,
                fillColor=HU_COLOR,
            )
        )
    for marker in markers:
        x = xpos(marker.day)
        drawing.add(Line(x, y0, x, y1, strokeColor=AXIS, strokeWidth=0.7, strokeDashArray=[2, 2]))
        drawing.add(
            String(
                x + 2, y0 + 3, marker.label, fontName=SANS, fontSize=font_size - 1, fillColor=AXIS
            )
        )
    drawing.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=None, strokeColor=AXIS, strokeWidth=0.6))
    for tick_day, label in _date_ticks(date.fromordinal(first), date.fromordinal(last)):
        x = xpos(tick_day)
        drawing.add(Line(x, y0, x, y0 - 3, strokeColor=AXIS, strokeWidth=0.6))
        drawing.add(
            String(
                x,
                y0 - 4 - font_size,
                label,
                fontName=SANS,
                fontSize=font_size,
                textAnchor="middle",
                fillColor=AXIS,
            )
        )
    drawing.add(
        String(
            4,
            y1 + 11,
            "Sum of diameters (mm)",
            fontName=SANS_BOLD,
            fontSize=font_size,
            fillColor=SOD_COLOR,
        )
    )
    drawing.add(
        String(
            width - 4,
            y1 + 11,
            "Mean density (HU)",
            fontName=SANS_BOLD,
            fontSize=font_size,
            textAnchor="end",
            fillColor=HU_COLOR,
        )
    )
    _series(
        drawing,
        [(xpos(p.day), None if p.sod_mm is None else ypos(p.sod_mm, sod_ticks)) for p in points],
        SOD_COLOR,
        dashed=False,
    )
    _series(
        drawing,
        [(xpos(p.day), None if p.mean_hu is None else ypos(p.mean_hu, hu_ticks)) for p in points],
        HU_COLOR,
        dashed=True,
    )
    for p in points:
        if p.day in flagged and p.sod_mm is not None:
            drawing.add(
                Circle(
                    xpos(p.day),
                    ypos(p.sod_mm, sod_ticks),
                    4.5,
                    fillColor=None,
                    strokeColor=FLAG_RED,
                    strokeWidth=1.3,
                )
            )
    _legend(drawing, width, font_size, bool(flagged))
    return drawing


def _series(
    drawing: Drawing, xy: list[tuple[float, float | None]], color: colors.Color, dashed: bool
) -> None:
    """A line through the known values (gaps stay gaps), with a marker on each."""
    segment: list[float] = []
    segments: list[list[float]] = []
    for x, y in xy:
        if y is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        segment += [x, y]
    if segment:
        segments.append(segment)
    for seg in segments:
        if len(seg) >= 4:
            drawing.add(
                PolyLine(
                    seg,
                    strokeColor=color,
                    strokeWidth=1.2,
                    strokeDashArray=[3, 2] if dashed else None,
                )
            )
    for x, y in xy:
        if y is None:
            continue
        if dashed:
            drawing.add(
                Rect(
                    x - 1.8,
                    y - 1.8,
                    3.6,
                    3.6,
                    fillColor=colors.white,
                    strokeColor=color,
                    strokeWidth=0.9,
                )
            )
        else:
            drawing.add(Circle(x, y, 2.0, fillColor=color, strokeColor=color))


def _legend(drawing: Drawing, width: float, font_size: float, flagged: bool) -> None:
    y = 4.0
    x = width / 2 - (195 if flagged else 150)
    drawing.add(Line(x, y + 3, x + 18, y + 3, strokeColor=SOD_COLOR, strokeWidth=1.2))
    drawing.add(Circle(x + 9, y + 3, 2.0, fillColor=SOD_COLOR, strokeColor=SOD_COLOR))
    drawing.add(
        String(
            x + 22,
            y,
            "Sum of target diameters (RECIST)",
            fontName=SANS,
            fontSize=font_size,
            fillColor=AXIS,
        )
    )
    x += 165
    drawing.add(
        Line(x, y + 3, x + 18, y + 3, strokeColor=HU_COLOR, strokeWidth=1.2, strokeDashArray=[3, 2])
    )
    drawing.add(
        Rect(
            x + 7.2,
            y + 1.2,
            3.6,
            3.6,
            fillColor=colors.white,
            strokeColor=HU_COLOR,
            strokeWidth=0.9,
        )
    )
    drawing.add(
        String(
            x + 22,
            y,
            "Mean target density, CT (Choi)",
            fontName=SANS,
            fontSize=font_size,
            fillColor=AXIS,
        )
    )
    if flagged:
        x += 150
        drawing.add(
            Circle(x + 9, y + 3, 4.0, fillColor=None, strokeColor=FLAG_RED, strokeWidth=1.3)
        )
        drawing.add(
            String(x + 18, y, "flagged scan", fontName=SANS, fontSize=font_size, fillColor=AXIS)
        )


# ---- handout timeline ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineRow:
    label: str
    start: date
    end: date
    ongoing: bool


def treatment_timeline(
    rows: Sequence[TimelineRow],
    events: Sequence[Marker],
    scans: Sequence[date],
    first: date,
    last: date,
    width: float,
    font_size: float = 11,
    events_label: str = "Other treatments",
    scans_label: str = "Scans",
    month_abbr: Sequence[str] = _MONTH_ABBR,
) -> Drawing:
    """A simple picture for a patient: one bar per medicine, diamonds for procedures, dots
    for scans, years along the bottom. Labels are ASCII drug names and plain words."""
    register_fonts()
    row_h = font_size * 2.1
    label_w = (
        max(
            [stringWidth(r.label, SANS_BOLD, font_size) for r in rows]
            + [
                stringWidth(events_label, SANS_BOLD, font_size),
                stringWidth(scans_label, SANS_BOLD, font_size),
            ]
        )
        + 10
    )
    n_rows = len(rows) + (1 if events else 0) + 1
    axis_h = font_size * 2.2
    height = n_rows * row_h + axis_h + 4
    drawing = Drawing(width, height)
    x0, x1 = float(label_w), width - 8
    lo, hi = first.toordinal(), max(last.toordinal(), first.toordinal() + 30)
    pad = max(15, (hi - lo) // 30)
    lo, hi = lo - pad, hi + pad

    def xpos(day: date) -> float:
        return x0 + (day.toordinal() - lo) / (hi - lo) * (x1 - x0)

    y = height - row_h
    for i, row in enumerate(rows):
        drawing.add(
            String(
                0,
                y + row_h * 0.3,
                row.label,
                fontName=SANS_BOLD,
                fontSize=font_size,
                fillColor=AXIS,
            )
        )
        bx0, bx1 = xpos(row.start), max(xpos(row.end), xpos(row.start) + 3)
        color = BAR_COLORS[i % 6]
        drawing.add(
            Rect(
                bx0,
                y + row_h * 0.2,
                bx1 - bx0,
                row_h * 0.5,
                fillColor=color,
                strokeColor=None,
                rx=3,
                ry=3,
            )
        )
        if row.ongoing:
            tip = y + row_h * 0.45
            drawing.add(
                Polygon(
                    [bx1, tip + row_h * 0.35, bx1 + row_h * 0.4, tip, bx1, tip - row_h * 0.35],
                    fillColor=color,
                    strokeColor=None,
                )
            )
        y -= row_h
    if events:
        drawing.add(
            String(
                0,
                y + row_h * 0.3,
                events_label,
                fontName=SANS_BOLD,
                fontSize=font_size,
                fillColor=AXIS,
            )
        )
        for event in events:
            x, cy, r = xpos(event.day), y + row_h * 0.45, row_h * 0.3
            drawing.add(
                Polygon(
                    [x, cy + r, x + r, cy, x, cy - r, x - r, cy],
                    fillColor=colors.HexColor("#a8465a"),
                    strokeColor=None,
                )
            )
        y -= row_h
    drawing.add(
        String(
            0, y + row_h * 0.3, scans_label, fontName=SANS_BOLD, fontSize=font_size, fillColor=AXIS
        )
    )
    # Many scans over many years: smaller dots so they stay dots.
    radius = row_h * (0.16 if len(scans) <= 30 else 0.09)
    for day in scans:
        drawing.add(
            Circle(
                xpos(day),
                y + row_h * 0.45,
                radius,
                fillColor=colors.HexColor("#55606e"),
                strokeColor=None,
            )
        )
    axis_y = y
    drawing.add(Line(x0, axis_y, x1, axis_y, strokeColor=AXIS, strokeWidth=0.8))
    # As many date labels as fit without crowding at this type size.
    gap = 2.5 * font_size
    fit = int((x1 - x0) / (stringWidth("Sep 2023", SANS, font_size) + gap))
    fit_years = int((x1 - x0) / (stringWidth("2023", SANS, font_size) + gap))
    for tick, label in _date_ticks(
        date.fromordinal(lo),
        date.fromordinal(hi),
        max_ticks=max(2, min(fit, 8)),
        max_year_ticks=max(2, min(fit_years, 10)),
        month_abbr=month_abbr,
    ):
        x = xpos(tick)
        # Grid behind the bars: inserted first in drawing order.
        drawing.insert(0, Line(x, axis_y, x, height - 2, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(
            String(
                x,
                axis_y - font_size - 2,
                label,
                fontName=SANS,
                fontSize=font_size,
                textAnchor="middle",
                fillColor=AXIS,
            )
        )
    return drawing
