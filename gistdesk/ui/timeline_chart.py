"""The patient timeline: tumor size and density over time, with treatment drawn beneath.

A QPainter widget (QtCharts lives in pyside6-addons and cannot draw lanes of therapy bands):
- sum of target diameters (left axis, mm) and mean target density (right axis, HU),
- one point per scan coloured by its RECIST overall response, flagged scans marked,
- therapy lines as coloured bands labelled with drug and dose, dose changes as ticks,
- procedures as dashed vertical markers.
Hovering a point shows the scan's numbers; clicking (or Left/Right keys) selects a scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from itertools import pairwise
from math import ceil, floor, hypot, log10

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gistdesk.clinical.types import Assessment, Flag, FlagCode, ScanAssessment
from gistdesk.core.labels import HELD, NOT_ALL_MEASURED, dose_text, id_list
from gistdesk.core.model import Case, Procedure, Review, Scan, TherapyLine
from gistdesk.core.reviews import review_in_force
from gistdesk.core.vocab import Modality, ProcedureKind
from gistdesk.ui.text import (
    LINE_COLORS,
    RESPONSE_COLORS,
    flag_color,
    flag_title,
    fmt_num,
    fmt_pct,
    words,
)

SOD_COLOR = QColor("#263238")
DENSITY_COLOR = QColor("#8e24aa")
GRID_COLOR = QColor("#e3e7ec")
REFERENCE_COLOR = QColor("#1565c0")
TREATED_COLOR = QColor("#78909c")
AXIS_TEXT = QColor("#4b5563")
LANE_H = 22
PROCEDURE_SHORT = {
    ProcedureKind.SURGERY: "Surgery",
    ProcedureKind.RFA: "RFA",
    ProcedureKind.MICROWAVE_ABLATION: "MWA",
    ProcedureKind.ETHANOL_ABLATION: "Ethanol",
    ProcedureKind.CRYOABLATION: "Cryo",
    ProcedureKind.TAE: "TAE",
    ProcedureKind.TACE: "TACE",
    ProcedureKind.RADIOEMBOLIZATION: "SIRT",
    ProcedureKind.SBRT: "SBRT",
    ProcedureKind.RADIATION: "RT",
}


def dose_labels_that_fit(
    label_end: float, ticks: list[float], widths: list[float], bar_right: float, gap: float = 6
) -> list[bool]:
    """Which dose-change labels to write on a therapy bar: each starts just right of its
    tick and is shown only whole, clear of the text before it (the drug's name or the
    previous dose) and ending before the next tick or the bar's end."""
    shown: list[bool] = []
    free_x = label_end + gap
    for n, (tick, width) in enumerate(zip(ticks, widths, strict=True)):
        until = ticks[n + 1] if n + 1 < len(ticks) else bar_right
        fits = tick + 4 >= free_x and tick + 4 + width <= until - 3
        shown.append(fits)
        if fits:
            free_x = tick + 4 + width + gap
    return shown


# Qt's dash patterns, in pen widths (QPen::dashPattern()).
_DASHES = {Qt.PenStyle.DashLine: (4.0, 2.0), Qt.PenStyle.DotLine: (1.0, 2.0)}


def dash_segments(points: list[QPointF], pattern: tuple[float, ...]) -> list[QLineF]:
    """The dashes ("on" pieces) of a polyline for a dash pattern in pixels, the pattern
    running on across the corners as QPainter's dasher does."""
    dashes: list[QLineF] = []
    index, left, on = 0, pattern[0], True
    xy = [(point.x(), point.y()) for point in points]
    for (ax, ay), (bx, by) in pairwise(xy):
        dx, dy = bx - ax, by - ay
        length = hypot(dx, dy)
        done = 0.0
        while length - done > 1e-9:
            step = min(left, length - done)
            if on:
                t0, t1 = done / length, (done + step) / length
                dashes.append(QLineF(ax + dx * t0, ay + dy * t0, ax + dx * t1, ay + dy * t1))
            done += step
            left -= step
            if left <= 1e-9:
                index = (index + 1) % len(pattern)
                left, on = pattern[index], not on
    return dashes


def draw_polyline(p: QPainter, points: list[QPointF]) -> None:
    """A polyline in the painter's pen, drawn as separate segments: for a pen wider than
    a pixel, QPainter strokes a whole path (or polyline) through its outline, several
    times slower than drawing its segments (whose square caps close the corners).
    Dashed or dotted: the dashes, the pattern running on across the corners."""
    pen = p.pen()
    pattern = _DASHES.get(pen.style())
    if pattern is None:
        p.drawLines([QLineF(a, b) for a, b in pairwise(points)])
        return
    width = max(1.0, pen.widthF())
    solid = QPen(pen)
    solid.setStyle(Qt.PenStyle.SolidLine)
    p.setPen(solid)
    p.drawLines(dash_segments(points, tuple(v * width for v in pattern)))
    p.setPen(pen)


@dataclass(frozen=True)
class ScanPoint:
    scan: Scan
    assessed: ScanAssessment | None
    sod: float | None
    density: float | None
    flags: tuple[Flag, ...]
    role: str = "follow-up"  # follow-up, baseline, off therapy
    unmeasured: tuple[str, ...] = ()  # target lesions left unmeasured: no sum is plotted
    reference: bool = False  # later scans are compared with this one (DESIGN.md section 4)
    treated: tuple[str, ...] = ()  # lesions left out of this scan's reading (local therapy)
    review: Review | None = None  # the team's review in force for this scan

    @property
    def response(self) -> str | None:
        return self.assessed.recist.overall.value if self.assessed else None


def scan_points(case: Case, assessment: Assessment | None) -> list[ScanPoint]:
    """One point per scan. Assessed follow-ups use the engine's numbers; other scans
    (baselines, scans off therapy) show the sum and mean density of the lesions marked
    target on that scan."""
    points: list[ScanPoint] = []
    flags_by_scan: dict[date, list[Flag]] = {}
    if assessment:
        for flag in assessment.flags:
            if flag.scan is not None:
                flags_by_scan.setdefault(flag.scan, []).append(flag)
    baselines = {line.baseline_scan for line in assessment.lines} if assessment else set()
    references = reference_scans(assessment)
    for scan in case.scans_by_date():
        assessed = assessment.scan(scan.date) if assessment else None
        role = "follow-up" if assessed else "baseline" if scan.date in baselines else "off therapy"
        targets = [lesion for lesion in scan.lesions if lesion.target]
        sod: float | None = None
        density: float | None = None
        if assessed is not None:
            sod = assessed.recist.sum_mm
            density = assessed.choi.mean_density_hu
        unmeasured = tuple(t.lesion_id for t in targets if t.longest_diameter_mm is None)
        if unmeasured:
            sod = None  # unmeasured is not 0 mm: an incomplete sum is no sum
        elif sod is None and targets:
            sod = float(sum(t.longest_diameter_mm or 0 for t in targets))
        if density is None and scan.modality is Modality.CT:
            values = [t.density_hu for t in targets if t.density_hu is not None]
            density = sum(values) / len(values) if values else None
        points.append(
            ScanPoint(
                scan,
                assessed,
                sod,
                density,
                tuple(flags_by_scan.get(scan.date, ())),
                role,
                unmeasured,
                reference=scan.date in references,
                treated=assessed.treated_lesions if assessed else (),
                review=review_in_force(case.reviews, scan.date),
            )
        )
    return points


def reference_scans(assessment: Assessment | None) -> set[date]:
    """Every scan some reading compares with: the lines' baselines and later references,
    and each assessed scan's reference (e.g. one carried over a treatment break)."""
    if assessment is None:
        return set()
    days: set[date] = set()
    for line in assessment.lines:
        days.update(line.references)
        if line.baseline_scan is not None:
            days.add(line.baseline_scan)
    days.update(s.reference_scan for s in assessment.scans if s.reference_scan is not None)
    return days


def treated_series(case: Case) -> list[tuple[str, date, list[tuple[date, float]]]]:
    """For each lesion a procedure treated: its id, the first such procedure's date, and its
    diameters from that date on (drawn apart from the sum: it has left the reading)."""
    first: dict[str, date] = {}
    for procedure in case.procedures:
        for lesion_id in procedure.lesions:
            if lesion_id not in first or procedure.date < first[lesion_id]:
                first[lesion_id] = procedure.date
    series: list[tuple[str, date, list[tuple[date, float]]]] = []
    for lesion_id in sorted(first):
        values: list[tuple[date, float]] = []
        for scan in case.scans_by_date():
            lesion = scan.lesion(lesion_id)
            if (
                scan.date >= first[lesion_id]
                and lesion is not None
                and lesion.longest_diameter_mm is not None
            ):
                values.append((scan.date, float(lesion.longest_diameter_mm)))
        series.append((lesion_id, first[lesion_id], values))
    return series


def line_tooltip(line: TherapyLine) -> str:
    end = line.end.isoformat() if line.end else "ongoing"
    rows = [
        f"<b>{escape(line.drug.value)}</b> ({escape(line.intent.value)}), "
        f"{line.start.isoformat()} – {end}"
    ]
    if line.stop_reason is not None:
        rows.append(f"Stopped: {escape(words(line.stop_reason.value))}")
    for dose in sorted(line.doses, key=lambda d: d.date):
        schedule = f", {escape(dose.schedule)}" if dose.schedule else ""
        rows.append(f"{dose.date.isoformat()}: {dose_text(dose.mg_per_day)}{schedule}")
    return "<br>".join(rows)


def procedure_tooltip(procedure: Procedure) -> str:
    rows = [
        f"<b>{escape(words(procedure.kind.value).capitalize())}</b> {procedure.date.isoformat()}"
    ]
    if procedure.organ:
        rows.append(f"Organ: {escape(procedure.organ)}")
    if procedure.margin is not None:
        rows.append(f"Margin: {procedure.margin.value}")
    if procedure.note:
        rows.append(escape(procedure.note[:200]))
    return "<br>".join(rows)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round-numbered axis ticks covering [low, high]."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** floor(log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = floor(low / step) * step
    last = ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, 6))
        value += step
    return ticks


def month_ticks(start: date, end: date) -> list[date]:
    span_months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if span_months <= 8 else 3 if span_months <= 30 else 6 if span_months <= 60 else 12
    year, month = start.year, start.month
    ticks: list[date] = []
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > end:
            return ticks
        if (month - 1) % step == 0:
            ticks.append(day)


class TimelineChart(QWidget):
    scan_clicked = Signal(object)  # date of the scan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Timeline chart"))
        self.case: Case | None = None
        self.assessment: Assessment | None = None
        self.points: list[ScanPoint] = []
        self.selected: date | None = None
        self._hover: date | None = None
        self._xy: dict[date, QPointF] = {}
        self._areas: list[tuple[QRectF, str]] = []  # therapy bands and procedure markers

    def sizeHint(self) -> QSize:
        return QSize(760, 320)

    def set_data(
        self,
        case: Case | None,
        assessment: Assessment | None,
        points: list[ScanPoint] | None = None,
    ) -> None:
        """`points`: scan_points(case, assessment) when the caller has them already."""
        self.case = case
        self.assessment = assessment
        if points is None:
            points = scan_points(case, assessment) if case else []
        self.points = points
        if self.selected not in {p.scan.date for p in self.points}:
            self.selected = None
        self.update()

    def set_selected_scan(self, day: date | None) -> None:
        self.selected = day
        self.update()

    # -- geometry -------------------------------------------------------------------------
    def _date_range(self) -> tuple[date, date]:
        assert self.case is not None
        days = [p.scan.date for p in self.points]
        days += [line.start for line in self.case.therapy_lines]
        days += [line.end for line in self.case.therapy_lines if line.end]
        days += [p.date for p in self.case.procedures]
        if self.assessment and any(line.end is None for line in self.case.therapy_lines):
            days.append(max(self.assessment.as_of, max(days)))
        first, last = min(days), max(days)
        pad = max(timedelta(days=20), (last - first) / 25)
        return first - pad, last + pad

    def _lanes(self) -> list[int]:
        """A lane for each line so overlapping lines do not draw over each other."""
        assert self.case is not None
        lanes: list[int] = []
        ends: list[date] = []
        for line in self.case.therapy_lines:
            end = line.end or date.max
            for lane, lane_end in enumerate(ends):
                if line.start >= lane_end:
                    ends[lane] = end
                    lanes.append(lane)
                    break
            else:
                ends.append(end)
                lanes.append(len(ends) - 1)
        return lanes

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.case is None or (
            not self.points and not self.case.therapy_lines and not self.case.procedures
        ):
            painter.setPen(AXIS_TEXT)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "No scans or treatments recorded yet"
            )
            painter.end()
            return
        self._paint_chart(painter)
        painter.end()

    def _paint_chart(self, p: QPainter) -> None:
        assert self.case is not None
        self._areas = []
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        fm = QFontMetrics(small)
        lanes = self._lanes()
        lane_count = max(lanes, default=-1) + 1
        left, right, top = 58.0, 58.0, 44.0
        bottom = 26.0 + lane_count * LANE_H + (6 if lane_count else 0)
        plot = QRectF(
            left,
            top,
            max(50.0, self.width() - left - right),
            max(40.0, self.height() - top - bottom),
        )
        first, last = self._date_range()
        span = max(1, (last - first).days)

        def x_of(day: date) -> float:
            return plot.left() + (day - first).days / span * plot.width()

        treated = treated_series(self.case)
        sods = [pt.sod for pt in self.points if pt.sod is not None]
        sods += [v for _, _, values in treated for _, v in values]
        dens = [pt.density for pt in self.points if pt.density is not None]
        sod_ticks = nice_ticks(0, max(sods, default=50) * 1.1)
        den_ticks = nice_ticks(min(0.0, *dens) if dens else 0, max(dens, default=100) * 1.1)

        def y_sod(v: float) -> float:
            return (
                plot.bottom() - (v - sod_ticks[0]) / (sod_ticks[-1] - sod_ticks[0]) * plot.height()
            )

        def y_den(v: float) -> float:
            return (
                plot.bottom() - (v - den_ticks[0]) / (den_ticks[-1] - den_ticks[0]) * plot.height()
            )

        # Therapy lines: a faint band in the plot, a labelled bar in the lanes below.
        p.setFont(small)
        lane_top = plot.bottom() + 24
        for index, line in enumerate(self.case.therapy_lines):
            color = QColor(LINE_COLORS[index % len(LINE_COLORS)])
            x0 = x_of(line.start)
            x1 = x_of(line.end) if line.end else plot.right()
            faint = QColor(color)
            faint.setAlpha(22)
            p.fillRect(QRectF(x0, plot.top(), max(1.0, x1 - x0), plot.height()), faint)
            bar = QRectF(x0, lane_top + lanes[index] * LANE_H, max(2.0, x1 - x0), LANE_H - 4)
            self._areas.append((bar, line_tooltip(line)))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(bar, 3, 3)
            first_dose = line.doses[0].mg_per_day if line.doses else None
            label = line.drug.value + (f" {fmt_num(first_dose)} mg" if first_dose else "")
            if line.intent.value != "advanced":
                label += f" ({line.intent.value})"
            p.setPen(QColor("#ffffff"))
            label = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(bar.width()) - 8)
            p.drawText(
                bar.adjusted(5, 0, -3, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            # Dose changes: notches on the bar's edges (never through the drug's name), each
            # with its new dose where the whole number fits before the next change; a cut
            # number would mislead, so it is left to the tooltip.
            p.setPen(QPen(QColor("#ffffff"), 2))
            changes = sorted(line.doses[1:], key=lambda d: d.date)
            ticks = [x_of(d.date) for d in changes]
            texts = [
                f"→ {HELD}" if d.mg_per_day == 0 else f"→ {fmt_num(d.mg_per_day)}" for d in changes
            ]
            shown = dose_labels_that_fit(
                bar.left() + 5 + fm.horizontalAdvance(label),
                ticks,
                [fm.horizontalAdvance(t) for t in texts],
                bar.right(),
            )
            for xd, text, show in zip(ticks, texts, shown, strict=True):
                p.drawLine(QPointF(xd, bar.top()), QPointF(xd, bar.top() + 4))
                p.drawLine(QPointF(xd, bar.bottom() - 4), QPointF(xd, bar.bottom()))
                if show:
                    p.drawText(
                        QRectF(xd + 4, bar.top(), fm.horizontalAdvance(text) + 2, bar.height()),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        text,
                    )

        # Grid and axes.
        p.setPen(QPen(GRID_COLOR, 1))
        for tick in sod_ticks:
            y = y_sod(tick)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(QPen(QColor("#9aa5b1"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(plot)
        p.setPen(AXIS_TEXT)
        for tick in sod_ticks:
            p.drawText(
                QRectF(0, y_sod(tick) - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{tick:g}",
            )
        p.setPen(DENSITY_COLOR)
        for tick in den_ticks:
            p.drawText(
                QRectF(plot.right() + 6, y_den(tick) - 8, right - 6, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{tick:g}",
            )
        p.setPen(AXIS_TEXT)
        for tick_day in month_ticks(first, last):
            x = x_of(tick_day)
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            text = str(tick_day.year) if tick_day.month == 1 else tick_day.strftime("%b")
            p.drawText(
                QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignCenter, text
            )
        # Axis titles and legend.
        p.save()
        p.translate(12, plot.center().y())
        p.rotate(-90)
        half = plot.height() / 2
        p.drawText(
            QRectF(-half, -10, 2 * half, 16),
            Qt.AlignmentFlag.AlignCenter,
            fm.elidedText(
                "Sum of target diameters (mm)", Qt.TextElideMode.ElideRight, int(2 * half)
            ),
        )
        p.restore()
        p.save()
        p.setPen(DENSITY_COLOR)
        p.translate(self.width() - 10, plot.center().y())
        p.rotate(90)
        p.drawText(
            QRectF(-half, -10, 2 * half, 16),
            Qt.AlignmentFlag.AlignCenter,
            fm.elidedText("Mean density (HU)", Qt.TextElideMode.ElideRight, int(2 * half)),
        )
        p.restore()
        self._paint_legend(p, plot, fm)

        # Procedures: dashed verticals labelled at the top.
        for procedure in sorted(self.case.procedures, key=lambda pr: pr.date):
            x = x_of(procedure.date)
            self._areas.append(
                (QRectF(x - 5, plot.top(), 10, plot.height()), procedure_tooltip(procedure))
            )
            p.setPen(QPen(QColor("#37474f"), 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(QColor("#37474f"))
            p.setBrush(QColor("#37474f"))
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x - 4, plot.top()),
                        QPointF(x + 4, plot.top()),
                        QPointF(x, plot.top() + 6),
                    ]
                )
            )
            text = PROCEDURE_SHORT.get(procedure.kind, words(procedure.kind.value))
            p.drawText(QRectF(x + 3, plot.top() + 2, 80, 14), Qt.AlignmentFlag.AlignLeft, text)

        # Density (dashed, right axis) then size (solid, left axis).
        den_points = [
            (pt, QPointF(x_of(pt.scan.date), y_den(pt.density)))
            for pt in self.points
            if pt.density is not None
        ]
        p.setPen(QPen(DENSITY_COLOR, 1.6, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for run in self._runs("density"):
            draw_polyline(p, [QPointF(x_of(pt.scan.date), y_den(v)) for pt, v in run])
        p.setPen(QPen(DENSITY_COLOR, 1.2))
        p.setBrush(QColor("#ffffff"))
        for _, xy in den_points:
            p.drawRect(QRectF(xy.x() - 3, xy.y() - 3, 6, 6))

        # Treated lesions, apart from the sum (they left the reading): grey, dotted, crosses.
        for lesion_id, _since, values in treated:
            pts = [QPointF(x_of(day), y_sod(v)) for day, v in values]
            p.setPen(QPen(TREATED_COLOR, 1.4, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            if len(pts) > 1:
                draw_polyline(p, pts)
            p.setPen(QPen(TREATED_COLOR, 1.6))
            for point in pts:
                p.drawLine(point + QPointF(-4, -4), point + QPointF(4, 4))
                p.drawLine(point + QPointF(-4, 4), point + QPointF(4, -4))
            if pts:
                label = f"{lesion_id} treated"
                p.setPen(TREATED_COLOR)
                p.drawText(
                    QRectF(pts[-1].x() + 6, pts[-1].y() - 8, fm.horizontalAdvance(label) + 4, 16),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                for (day, _), point in zip(values, pts, strict=True):
                    self._areas.append(
                        (
                            QRectF(point.x() - 5, point.y() - 5, 10, 10),
                            f"{escape(lesion_id)} (treated) on {day.isoformat()}: "
                            f"{fmt_num(dict(values)[day], 'mm')}; left out of the sum",
                        )
                    )

        p.setPen(QPen(SOD_COLOR, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for run in self._runs("sod"):
            draw_polyline(p, [QPointF(x_of(pt.scan.date), y_sod(v)) for pt, v in run])
        self._xy = {}
        for pt in self.points:
            x = x_of(pt.scan.date)
            y = y_sod(pt.sod) if pt.sod is not None else plot.bottom() - 8
            self._xy[pt.scan.date] = QPointF(x, y)
            response = pt.response
            fill = QColor(RESPONSE_COLORS[response]) if response else QColor("#ffffff")
            radius = 6.0 if pt.scan.date in (self.selected, self._hover) else 5.0
            if pt.scan.date == self.selected:
                p.setPen(QPen(QColor("#1565c0"), 2.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(x, y), radius + 4, radius + 4)
            if pt.reference:
                self._paint_reference(p, QPointF(x, y), radius, fm)
            p.setPen(QPen(SOD_COLOR, 1.5))
            p.setBrush(fill)
            p.drawEllipse(QPointF(x, y), radius, radius)
            for n, flag in enumerate(pt.flags):
                self._paint_flag(p, QPointF(x + n * 12, y - radius - 4), flag)

    def _runs(self, attribute: str) -> list[list[tuple[ScanPoint, float]]]:
        """Consecutive scans that have the value: the line breaks where a scan lacks it
        (no target lesions, not measured), rather than drawing across the gap."""
        runs: list[list[tuple[ScanPoint, float]]] = [[]]
        for pt in self.points:
            value = getattr(pt, attribute)
            if value is None:
                if runs[-1]:
                    runs.append([])
            else:
                runs[-1].append((pt, value))
        return [run for run in runs if len(run) > 1]

    @staticmethod
    def _paint_reference(p: QPainter, at: QPointF, radius: float, fm: QFontMetrics) -> None:
        """A reference scan: a diamond around its point and "ref" below it."""
        d = radius + 5
        p.setPen(QPen(REFERENCE_COLOR, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - d),
                    QPointF(at.x() + d, at.y()),
                    QPointF(at.x(), at.y() + d),
                    QPointF(at.x() - d, at.y()),
                ]
            )
        )
        p.setPen(REFERENCE_COLOR)
        p.drawText(
            QRectF(at.x() - 20, at.y() + d + 1, 40, fm.height()),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "ref",
        )

    def _paint_flag(self, p: QPainter, foot: QPointF, flag: Flag) -> None:
        """A small pennant on a pole above the scan point."""
        color = QColor(flag_color(flag.code.value))
        p.setPen(QPen(color.darker(120), 1.5))
        top = QPointF(foot.x(), foot.y() - 13)
        p.drawLine(foot, top)
        p.setBrush(color)
        p.drawPolygon(
            QPolygonF([top, QPointF(top.x() + 8, top.y() + 3), QPointF(top.x(), top.y() + 6)])
        )

    def _paint_legend(self, p: QPainter, plot: QRectF, fm: QFontMetrics) -> None:
        x = plot.left()
        y = 8.0
        h = float(fm.height())

        def text(label: str, color: QColor = AXIS_TEXT) -> None:
            nonlocal x
            p.setPen(color)
            p.drawText(
                QRectF(x, y, fm.horizontalAdvance(label) + 2, h),
                Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += fm.horizontalAdvance(label) + 14

        def room(icon: float, label: str) -> None:
            """Start a second legend line when the next item would run off the widget."""
            nonlocal x, y
            if x + icon + fm.horizontalAdvance(label) > self.width() - 6:
                x = plot.left()
                y += h + 3

        p.setPen(QPen(SOD_COLOR, 2))
        p.drawLine(QPointF(x, y + h / 2), QPointF(x + 18, y + h / 2))
        x += 22
        text("Sum of target diameters")
        p.setPen(QPen(DENSITY_COLOR, 1.6, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, y + h / 2), QPointF(x + 18, y + h / 2))
        x += 22
        text("Mean density", DENSITY_COLOR)
        for code in ("CR", "PR", "SD", "PD"):
            p.setPen(QPen(SOD_COLOR, 1))
            p.setBrush(QColor(RESPONSE_COLORS[code]))
            p.drawEllipse(QPointF(x + 5, y + h / 2), 5, 5)
            x += 13
            text(code)
        room(13, "baseline / off therapy")
        p.setPen(QPen(SOD_COLOR, 1))
        p.setBrush(QColor("#ffffff"))
        p.drawEllipse(QPointF(x + 5, y + h / 2), 5, 5)
        x += 13
        text("baseline / off therapy")
        room(16, "flag")
        self._paint_flag(p, QPointF(x + 2, y + h + 3), _LEGEND_FLAG)
        x += 16
        text("flag")
        room(16, "reference")
        p.setPen(QPen(REFERENCE_COLOR, 1.4))
        p.setBrush(Qt.BrushStyle.NoBrush)
        c = QPointF(x + 6, y + h / 2)
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(c.x(), c.y() - 6),
                    QPointF(c.x() + 6, c.y()),
                    QPointF(c.x(), c.y() + 6),
                    QPointF(c.x() - 6, c.y()),
                ]
            )
        )
        x += 16
        text("reference", REFERENCE_COLOR)
        room(14, "treated lesion")
        p.setPen(QPen(TREATED_COLOR, 1.6))
        c = QPointF(x + 5, y + h / 2)
        p.drawLine(c + QPointF(-4, -4), c + QPointF(4, 4))
        p.drawLine(c + QPointF(-4, 4), c + QPointF(4, -4))
        x += 14
        text("treated lesion", TREATED_COLOR)

    # -- interaction ----------------------------------------------------------------------
    def _point_at(self, pos: QPointF) -> date | None:
        best: tuple[float, date] | None = None
        for day, xy in self._xy.items():
            distance = (xy.x() - pos.x()) ** 2 + (xy.y() - pos.y()) ** 2
            if distance <= 12**2 and (best is None or distance < best[0]):
                best = (distance, day)
        return best[1] if best else None

    def scan_tooltip(self, day: date) -> str:
        point = next(pt for pt in self.points if pt.scan.date == day)
        rows = [f"<b>{day.isoformat()}</b> — {point.scan.modality.value}"]
        if point.unmeasured:
            missing = escape(id_list(list(point.unmeasured)))  # ids are typed text
            rows.append(f"Sum of target diameters: {NOT_ALL_MEASURED} ({missing} not measured)")
        else:
            rows.append(f"Sum of target diameters: {fmt_num(point.sod, 'mm')}")
        if point.density is not None:
            rows.append(f"Mean density: {fmt_num(round(point.density, 1), 'HU')}")
        assessed = point.assessed
        if assessed is None:
            rows.append("Not a follow-up on a therapy line (baseline or off therapy)")
        else:
            r, c = assessed.recist, assessed.choi
            rows.append(
                f"RECIST 1.1: <b>{r.overall.value}</b> (target {r.target.value}); "
                f"vs baseline {fmt_pct(r.change_vs_baseline_pct)}, "
                f"vs nadir {fmt_pct(r.change_vs_nadir_pct)}"
            )
            rows.append(
                f"Choi: <b>{c.response.value}</b>; size {fmt_pct(c.size_change_pct)}, "
                f"density {fmt_pct(c.density_change_pct)}"
            )
            if assessed.pet.response is not None:
                rows.append(
                    f"PET: {words(assessed.pet.response.value)} "
                    f"({fmt_pct(assessed.pet.suv_change_pct)} SUVmax)"
                )
        if assessed is not None and assessed.reference_scan is not None:
            rows.append(f"Compared with the reference scan of {assessed.reference_scan}")
        if point.reference:
            rows.append("<b>Reference</b>: later scans are compared with this one")
        if point.treated:
            rows.append(f"Treated lesions left out: {escape(', '.join(point.treated))}")
        new = [lesion.lesion_id for lesion in point.scan.new_lesions]
        if new:
            rows.append(f"New lesions: {escape(', '.join(new))}")  # ids are typed text
        for flag in point.flags:
            rows.append(
                f"<span style='color:{flag_color(flag.code.value)}'>⚑ "
                f"{escape(flag_title(flag))}</span>"
            )
        return "<br>".join(rows)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self._point_at(event.position())
        if day != self._hover:
            self._hover = day
            self.update()
        text = self.scan_tooltip(day) if day is not None else self.area_tooltip(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def area_tooltip(self, pos: QPointF) -> str:
        """The therapy line or procedure under the mouse, in words ("" for none)."""
        for rect, text in reversed(self._areas):
            if rect.contains(pos):
                return text
        return ""

    def leaveEvent(self, event: object) -> None:
        self._hover = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._point_at(event.position())
        if day is not None:
            self.set_selected_scan(day)
            self.scan_clicked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        days = [pt.scan.date for pt in self.points]
        if not days or event.key() not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            super().keyPressEvent(event)
            return
        if self.selected in days:
            step = -1 if event.key() == Qt.Key.Key_Left else 1
            index = min(max(days.index(self.selected) + step, 0), len(days) - 1)
        else:
            index = len(days) - 1
        self.set_selected_scan(days[index])
        self.scan_clicked.emit(days[index])


_LEGEND_FLAG = Flag(FlagCode.PROGRESSION, date(2000, 1, 1), None, None, "", "")
