"""The open patient: header, timeline chart, and tabs of lines, scans, procedures and side
effects. Everything is redrawn from (Case, Assessment); nothing is kept only here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.clinical.types import (
    SCAN_FLAG_CODES,
    Assessment,
    FlagCode,
    FollowUp,
    FollowUpBasis,
    LineSummary,
)
from gistdesk.core.labels import ADJUVANT_LABELS, NIH_LABELS, NOT_ALL_MEASURED
from gistdesk.core.model import Case, DoseChange, Lesion, Procedure, SideEffect, TherapyLine
from gistdesk.core.vocab import Intent
from gistdesk.ui.review_dialog import decision_words
from gistdesk.ui.table_model import Column, ColumnFitter, RowsModel, T
from gistdesk.ui.text import (
    COLOR_FALSE_PROGRESSION,
    RESPONSE_COLORS,
    age_on,
    flag_color,
    fmt_date,
    fmt_dose,
    fmt_num,
    fmt_pct,
    mutation_label,
    site_label,
    words,
)
from gistdesk.ui.timeline_chart import ScanPoint, TimelineChart, scan_points


@dataclass(frozen=True)
class LineRow:
    index: int
    line: TherapyLine
    summary: LineSummary | None


@dataclass(frozen=True)
class LesionRow:
    lesion: Lesion
    previous: Lesion | None
    treated: bool = False  # left out of this scan's reading (a procedure treated it)

    @property
    def change_pct(self) -> float | None:
        now = self.lesion.longest_diameter_mm
        before = self.previous.longest_diameter_mm if self.previous else None
        if now is None or before is None or before == 0:
            return None
        return (now - before) / before * 100


def _yes(value: bool) -> str:
    return "yes" if value else ""


def _line_label(row: LineRow) -> str:
    if row.summary and row.summary.line_number:
        return f"line {row.summary.line_number}"
    return row.line.intent.value


def _response_color(value: str | None) -> str | None:
    return RESPONSE_COLORS.get(value) if value else None


LINE_COLUMNS: list[Column[LineRow]] = [
    Column("Drug", lambda r: r.line.drug.value),
    Column("Intent", lambda r: r.line.intent.value),
    Column("Line", _line_label),
    Column("Start", lambda r: fmt_date(r.line.start)),
    Column("End", lambda r: fmt_date(r.line.end) if r.line.end else "ongoing"),
    Column(
        "Dose now",
        lambda r: fmt_dose(d.mg_per_day) if (d := r.line.last_dose()) else "—",
        align_right=True,
    ),
    Column("Stop reason", lambda r: words(r.line.stop_reason.value) if r.line.stop_reason else ""),
    Column("Baseline scan", lambda r: fmt_date(r.summary.baseline_scan) if r.summary else "—"),
    Column(
        "Best RECIST",
        lambda r: (r.summary.best_response_recist or "—") if r.summary else "—",
        color=lambda r: _response_color(r.summary.best_response_recist) if r.summary else None,
    ),
    Column(
        "Best Choi",
        lambda r: (r.summary.best_response_choi or "—") if r.summary else "—",
        color=lambda r: _response_color(r.summary.best_response_choi) if r.summary else None,
    ),
]
DOSE_COLUMNS: list[Column[DoseChange]] = [
    Column("Date", lambda d: fmt_date(d.date)),
    Column("Dose", lambda d: fmt_dose(d.mg_per_day), align_right=True),
    Column("Schedule", lambda d: d.schedule),
]


def _false_progression(p: ScanPoint) -> bool:
    return any(f.code is FlagCode.FALSE_PROGRESSION for f in p.flags)


def _recist(p: ScanPoint) -> str:
    text = p.assessed.recist.overall.value if p.assessed else "—"
    # RECIST calls PD on size alone; a density response may make it a false progression
    # (Choi 2007): say so in the cell itself, not only in the Flags column.
    return f"{text} (false progression?)" if _false_progression(p) else text


def _choi(p: ScanPoint) -> str:
    text = p.assessed.choi.response.value if p.assessed else "—"
    return f"{text} (false progression?)" if _false_progression(p) else text


def _sum(p: ScanPoint) -> str:
    if p.sod is None and p.unmeasured:
        return NOT_ALL_MEASURED
    return fmt_num(p.sod)


def _color_recist(p: ScanPoint) -> str | None:
    return COLOR_FALSE_PROGRESSION if _false_progression(p) else _response_color(p.response)


def _role(p: ScanPoint) -> str:
    return f"{p.role}, reference" if p.reference and p.role != "baseline" else p.role


SCAN_COLUMNS: list[Column[ScanPoint]] = [
    Column("Date", lambda p: fmt_date(p.scan.date)),
    Column("Modality", lambda p: p.scan.modality.value),
    Column("Role", _role, color=lambda p: "#1565c0" if p.reference else None),
    Column(
        "Reference",
        lambda p: fmt_date(p.assessed.reference_scan) if p.assessed else "—",
    ),
    Column("Treated", lambda p: ", ".join(p.treated), color=lambda p: "#546e7a"),
    Column(
        "Sum (mm)",
        _sum,
        align_right=True,
        tooltip=lambda p: ", ".join(p.unmeasured) + " not measured" if p.unmeasured else "",
    ),
    Column(
        "vs reference",  # the change against the scan's reference (DESIGN.md section 4)
        lambda p: fmt_pct(p.assessed.recist.change_vs_baseline_pct) if p.assessed else "—",
        align_right=True,
    ),
    Column(
        "vs nadir",
        lambda p: fmt_pct(p.assessed.recist.change_vs_nadir_pct) if p.assessed else "—",
        align_right=True,
    ),
    Column("RECIST", _recist, color=_color_recist),
    Column(
        "Choi",
        _choi,
        color=lambda p: (
            COLOR_FALSE_PROGRESSION
            if _false_progression(p)
            else _response_color(p.assessed.choi.response.value if p.assessed else None)
        ),
    ),
    Column(
        "Density",
        lambda p: fmt_pct(p.assessed.choi.density_change_pct) if p.assessed else "—",
        align_right=True,
    ),
    Column(
        "PET",
        lambda p: (
            words(p.assessed.pet.response.value) if p.assessed and p.assessed.pet.response else "—"
        ),
    ),
    Column("Non-target", lambda p: words(p.scan.non_target.value)),
    Column(
        "Flags",
        lambda p: ", ".join(words(f.code.value) for f in p.flags),
        color=lambda p: flag_color(p.flags[0].code.value) if p.flags else None,
    ),
    Column("Review", lambda p: _review_text(p)),
]


def _review_text(p: ScanPoint) -> str:
    review = p.review
    if review is None:
        return "to review" if any(f.code in SCAN_FLAG_CODES for f in p.flags) else ""
    return f"{decision_words(review.decision)} ({review.by}, {review.date.isoformat()})"


LESION_COLUMNS: list[Column[LesionRow]] = [
    Column("Lesion", lambda r: r.lesion.lesion_id),
    Column("Treated", lambda r: _yes(r.treated), color=lambda r: "#546e7a" if r.treated else None),
    Column("Organ", lambda r: r.lesion.organ),
    Column("Target", lambda r: _yes(r.lesion.target)),
    Column("Node", lambda r: _yes(r.lesion.lymph_node)),
    Column("Diameter (mm)", lambda r: fmt_num(r.lesion.longest_diameter_mm), align_right=True),
    Column(
        "Previous (mm)",
        lambda r: fmt_num(r.previous.longest_diameter_mm) if r.previous else "—",
        align_right=True,
    ),
    Column(
        "Change",
        lambda r: fmt_pct(r.change_pct),
        align_right=True,
        color=lambda r: "#c62828" if (r.change_pct or 0) >= 20 else None,
    ),
    Column("Density (HU)", lambda r: fmt_num(r.lesion.density_hu), align_right=True),
    Column(
        "Prev. HU",
        lambda r: fmt_num(r.previous.density_hu) if r.previous else "—",
        align_right=True,
    ),
    Column("SUVmax", lambda r: fmt_num(r.lesion.suv_max), align_right=True),
    Column(
        "New", lambda r: _yes(r.lesion.new), color=lambda r: "#c62828" if r.lesion.new else None
    ),
    Column("Hypodense", lambda r: _yes(r.lesion.hypodense)),
    Column(
        "Nodule",
        lambda r: _yes(r.lesion.intratumoral_nodule),
        color=lambda r: "#c62828" if r.lesion.intratumoral_nodule else None,
    ),
]
PROCEDURE_COLUMNS: list[Column[Procedure]] = [
    Column("Date", lambda p: fmt_date(p.date)),
    Column("Procedure", lambda p: words(p.kind.value)),
    Column("Organ", lambda p: p.organ or ""),
    Column("Margin", lambda p: p.margin.value if p.margin else ""),
    Column("Treated lesions", lambda p: ", ".join(p.lesions)),
    Column("Note", lambda p: p.note.replace("\n", " ")),
]
SIDE_EFFECT_COLUMNS: list[Column[SideEffect]] = [
    Column("Date", lambda s: fmt_date(s.date)),
    Column("Term", lambda s: s.term),
    Column(
        "CTCAE grade",
        lambda s: str(s.grade),
        align_right=True,
        color=lambda s: "#c62828" if s.grade >= 3 else None,
    ),
    Column("Drug", lambda s: s.drug or ""),
    Column("Action", lambda s: words(s.action.value)),
]


def make_table(model: RowsModel[T], name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    # Every column as wide as its text (no "false progres…"); a wide table scrolls. The
    # widths are measured once per fill from the model's texts (fit_columns): the header's
    # ResizeToContents asked every cell of every column for its size at each layout.
    view.horizontalHeader().setStretchLastSection(False)
    view.setWordWrap(False)
    ColumnFitter(view, model)  # a child of the view: refits after every fill
    return view


def previous_lesions(case: Case, day: date) -> dict[str, Lesion]:
    earlier = [scan for scan in case.scans if scan.date < day]
    if not earlier:
        return {}
    previous = max(earlier, key=lambda scan: scan.date)
    return {lesion.lesion_id: lesion for lesion in previous.lesions}


def fmt_long_date(day: date) -> str:
    """'12 May 2024' (English month names, as the clinic's letters)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def interval_words(days: int) -> str:
    """The follow-up interval as a clinician says it: 120 days is 'every 4 months'."""
    if days == 365:
        return "every year"
    months = round(days / 30.44)
    return f"every {months} months" if months > 1 else f"every {days} days"


def follow_up_text(case: Case, follow_up: FollowUp | None, today: date) -> str:
    """'next scan due 12 May 2024 (every 4 months after adjuvant imatinib)' (plain text),
    or 'no routine scan' when the guidelines set no interval (DESIGN.md section 4)."""
    if follow_up is None:
        return "no routine scan due"
    line = (
        case.therapy_lines[follow_up.line_index]
        if follow_up.line_index is not None and follow_up.line_index < len(case.therapy_lines)
        else None
    )
    drug = line.drug.value if line is not None else ""
    basis = follow_up.basis
    if basis is FollowUpBasis.ON_TREATMENT:
        why = f"on {drug}" if drug else "on treatment"
    elif basis is FollowUpBasis.LONG_TERM_STABLE:
        why = f"after 3 years on {drug}" if drug else "after 3 years on treatment"
    elif basis is FollowUpBasis.ADJUVANT:
        why = f"on adjuvant {drug}" if drug else "on adjuvant therapy"
    elif basis is FollowUpBasis.TREATMENT_BREAK:
        why = "during a treatment break"
    elif basis is FollowUpBasis.LONG_BREAK:
        why = "5 years or more after stopping treatment"
    else:
        adjuvant = [
            ln
            for ln in case.therapy_lines
            if ln.intent is Intent.ADJUVANT and ln.end is not None and ln.end <= today
        ]
        last = max(adjuvant, key=lambda ln: ln.end or ln.start) if adjuvant else None
        why = f"after adjuvant {last.drug.value}" if last is not None else "after surgery"
    when = fmt_long_date(follow_up.next_scan_due)
    if follow_up.next_scan_due < today:
        return f"next scan overdue since {when} ({interval_words(follow_up.interval_days)} {why})"
    return f"next scan due {when} ({interval_words(follow_up.interval_days)} {why})"


class PatientHeader(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("patientHeader")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_case(self, case: Case, assessment: Assessment | None, today: date) -> None:
        p, t = case.patient, case.tumor
        name = escape(f"{p.family_name}, {p.given_name}" if p.given_name else p.family_name)
        age = age_on(p.birth_date, today)
        bits = [self.tr("Record <b>{0}</b>").format(escape(p.record_number))]
        if age is not None:
            bits.append(self.tr("{0} years").format(age))
        if p.sex:
            bits.append(escape(QCoreApplication.translate("Sex", p.sex.value)))
        if p.birth_date:
            bits.append(self.tr("born {0}").format(p.birth_date.isoformat()))
        rupture = (
            self.tr("unknown")
            if t.rupture is None
            else self.tr("yes")
            if t.rupture
            else self.tr("no")
        )
        tumor = [
            self.tr("Diagnosed <b>{0}</b>").format(fmt_date(t.diagnosis_date)),
            self.tr("site <b>{0}</b>").format(escape(site_label(t.primary_site))),
            self.tr("size <b>{0}</b>").format(fmt_num(t.size_cm, "cm")),
            self.tr("mitoses <b>{0}</b>").format(fmt_num(t.mitoses_per_5mm2))
            + ("/5 mm²" if t.mitoses_per_5mm2 is not None else ""),
            self.tr("rupture <b>{0}</b>").format(rupture),
            self.tr("mutation <b>{0}</b>").format(escape(mutation_label(t.mutation))),
            self.tr("extent <b>{0}</b>").format(escape(words(t.extent.value if t.extent else None)))
            + (f" ({escape(', '.join(t.metastatic_sites))})" if t.metastatic_sites else ""),
        ]
        risk = assessment.risk if assessment else None
        if risk is None:
            risk_text = self.tr("Recurrence risk: <i>not computable (size or mitoses missing)</i>")
        else:
            afip = risk.afip
            afip_text = (
                f"{afip.risk_percent:g}% ({words(afip.category)})"
                if afip.risk_percent is not None
                else words(afip.category)
            )
            nih = NIH_LABELS.get(risk.nih_modified, risk.nih_modified)
            risk_text = (
                self.tr("Recurrence risk: modified NIH <b>{0}</b>").format(nih) + " · "
                f"AFIP <b>{escape(afip_text)}</b> · "
                f"{escape(ADJUVANT_LABELS.get(risk.adjuvant, words(risk.adjuvant)))}"
            )
        follow_up = assessment.follow_up if assessment else None
        due = follow_up_text(case, follow_up, today)
        overdue = follow_up is not None and follow_up.next_scan_due < today
        due_html = (
            f"<span style='color:#c62828; font-weight:600'>{escape(due)}</span>"
            if overdue
            else escape(due)
        )
        bits.append(due_html)
        self.setText(
            f"<div style='font-size:15pt; font-weight:600'>{name}</div>"
            f"<div style='color:#374151'>{' · '.join(bits)}</div>"
            f"<div style='margin-top:2px'>{' · '.join(tumor)}</div>"
            f"<div style='margin-top:2px'>{risk_text}</div>"
        )


def _tool_row(actions: list[QAction]) -> QHBoxLayout:
    row = QHBoxLayout()
    for action in actions:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        row.addWidget(button)
    row.addStretch(1)
    return row


def _master_detail_tab(
    actions: list[QAction],
    orientation: Qt.Orientation,
    master: QWidget,
    caption: QLabel,
    detail: QWidget,
) -> tuple[QWidget, QSplitter]:
    """A tab page: its tool buttons above a list (`master`) split from a captioned
    detail table that shows the selected row."""
    page = QWidget()
    box = QVBoxLayout(page)
    box.addLayout(_tool_row(actions))
    split = QSplitter(orientation)
    split.addWidget(master)
    detail_box = QWidget()
    detail_layout = QVBoxLayout(detail_box)
    detail_layout.setContentsMargins(0, 0, 0, 0)
    caption.setObjectName("subTitle")
    detail_layout.addWidget(caption)
    detail_layout.addWidget(detail)
    split.addWidget(detail_box)
    box.addWidget(split)
    return page, split


def _position(entries: tuple[T, ...], row: T | None) -> int | None:
    """Where a table row (the very object from the case) is in the case's tuple; the tables
    are sorted by date, the case keeps the order entered."""
    if row is None:
        return None
    return next((i for i, entry in enumerate(entries) if entry is row), None)


class PatientView(QWidget):
    scan_selected = Signal(object)  # date or None
    entry_selected = Signal()  # a line, dose, procedure or side effect was (de)selected

    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.assessment: Assessment | None = None
        self.today = date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        self.header = PatientHeader()
        layout.addWidget(self.header)

        self.chart = TimelineChart()
        self.chart.scan_clicked.connect(self.select_scan)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")

        self.lines_model: RowsModel[LineRow] = RowsModel(LINE_COLUMNS, self)
        self.doses_model: RowsModel[DoseChange] = RowsModel(DOSE_COLUMNS, self)
        self.lines_table = make_table(self.lines_model, "linesTable")
        self.doses_table = make_table(self.doses_model, "dosesTable")
        self.lines_table.selectionModel().selectionChanged.connect(self._on_line_selected)
        self.dose_caption = QLabel(self.tr("Dose history"))
        lines_tab, split = _master_detail_tab(
            [
                actions[k]
                for k in ("add_line", "edit_line", "add_dose", "edit_dose", "delete_dose")
                if k in actions
            ],
            Qt.Orientation.Horizontal,
            self.lines_table,
            self.dose_caption,
            self.doses_table,
        )
        split.setSizes([720, 260])
        self.tabs.addTab(lines_tab, self.tr("Therapy &lines"))

        self.scans_model: RowsModel[ScanPoint] = RowsModel(SCAN_COLUMNS, self)
        self.lesions_model: RowsModel[LesionRow] = RowsModel(LESION_COLUMNS, self)
        self.scans_table = make_table(self.scans_model, "scansTable")
        self.lesions_table = make_table(self.lesions_model, "lesionsTable")
        self.scans_table.selectionModel().selectionChanged.connect(self._on_scan_row)
        # Enter or a double click on a scan opens it for editing.
        self.scans_table.activated.connect(
            lambda _i: actions["edit_scan"].trigger() if "edit_scan" in actions else None
        )
        self.lesions_caption = QLabel(self.tr("Lesions: select a scan"))
        scans_tab, scans_split = _master_detail_tab(
            [
                actions[k]
                for k in ("add_scan", "edit_scan", "delete_scan", "review_flag")
                if k in actions
            ],
            Qt.Orientation.Vertical,
            self.scans_table,
            self.lesions_caption,
            self.lesions_table,
        )
        scans_split.setStretchFactor(0, 3)  # the scans list gets most of the height
        scans_split.setStretchFactor(1, 2)
        scans_split.setSizes([300, 200])
        self.tabs.addTab(scans_tab, self.tr("&Scans"))

        self.procedures_model: RowsModel[Procedure] = RowsModel(PROCEDURE_COLUMNS, self)
        self.procedures_table = make_table(self.procedures_model, "proceduresTable")
        proc_tab = QWidget()
        box = QVBoxLayout(proc_tab)
        box.addLayout(
            _tool_row(
                [
                    actions[k]
                    for k in ("add_procedure", "edit_procedure", "delete_procedure")
                    if k in actions
                ]
            )
        )
        box.addWidget(self.procedures_table)
        self.tabs.addTab(proc_tab, self.tr("&Procedures"))

        self.side_effects_model: RowsModel[SideEffect] = RowsModel(SIDE_EFFECT_COLUMNS, self)
        self.side_effects_table = make_table(self.side_effects_model, "sideEffectsTable")
        se_tab = QWidget()
        box = QVBoxLayout(se_tab)
        box.addLayout(
            _tool_row(
                [
                    actions[k]
                    for k in ("add_side_effect", "edit_side_effect", "delete_side_effect")
                    if k in actions
                ]
            )
        )
        box.addWidget(self.side_effects_table)
        self.tabs.addTab(se_tab, self.tr("Side &effects"))
        # Selecting an entry enables its Edit and Delete; Enter or a double click edits it.
        for table, edit in (
            (self.doses_table, "edit_dose"),
            (self.procedures_table, "edit_procedure"),
            (self.side_effects_table, "edit_side_effect"),
        ):
            table.selectionModel().selectionChanged.connect(lambda *_: self.entry_selected.emit())
            if edit in actions:
                table.activated.connect(lambda _i, a=actions[edit]: a.trigger())

        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.addWidget(self.chart)
        self.vsplit.addWidget(self.tabs)
        # Chart and tables share the height evenly: at 1600x900 the scans table still
        # shows six or more rows.
        self.vsplit.setStretchFactor(0, 1)
        self.vsplit.setStretchFactor(1, 1)
        self.chart.setMinimumHeight(200)
        layout.addWidget(self.vsplit, 1)

    # -- data -----------------------------------------------------------------------------
    def show_case(self, case: Case, assessment: Assessment | None, today: date) -> None:
        """Fill every part from (case, assessment). The selection it restores (or makes)
        is not signalled: the caller updates its actions from the new case once."""
        blocked = self.blockSignals(True)
        try:
            self._fill(case, assessment, today)
        finally:
            self.blockSignals(blocked)

    def _fill(self, case: Case, assessment: Assessment | None, today: date) -> None:
        selected_scan = self.selected_scan()
        selected_line = self.selected_line()
        self.case, self.assessment, self.today = case, assessment, today
        self.header.show_case(case, assessment, today)
        points = scan_points(case, assessment)  # once, for the chart and the scans table
        self.chart.set_data(case, assessment, points)
        summaries = {s.index: s for s in assessment.lines} if assessment else {}
        self.lines_model.set_rows(
            [LineRow(i, line, summaries.get(i)) for i, line in enumerate(case.therapy_lines)]
        )
        self.scans_model.set_rows(points)
        self.procedures_model.set_rows(sorted(case.procedures, key=lambda p: p.date))
        self.side_effects_model.set_rows(sorted(case.side_effects, key=lambda s: s.date))
        if selected_line is not None and selected_line < len(case.therapy_lines):
            self.lines_table.selectRow(selected_line)
        elif case.therapy_lines:
            self.lines_table.selectRow(len(case.therapy_lines) - 1)
        else:
            # No line: no dose history, and no caption left from the previous patient.
            self.lines_table.clearSelection()
            self.doses_model.set_rows([])
            self.dose_caption.setText(self.tr("Dose history"))
        scan_days = [p.scan.date for p in points]
        if selected_scan in scan_days:
            self.select_scan(selected_scan)
        elif scan_days:
            self.select_scan(scan_days[-1])
        else:
            self.lesions_model.set_rows([])

    def selected_line(self) -> int | None:
        rows = self.lines_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    @staticmethod
    def _selected_row(table: QTableView, model: RowsModel[T]) -> T | None:
        rows = table.selectionModel().selectedRows()
        return model.row_value(rows[0].row()) if rows else None

    def selected_dose(self) -> tuple[int, int] | None:
        """(line index, dose index in that line) of the selected dose change."""
        line = self.selected_line()
        if self.case is None or line is None or line >= len(self.case.therapy_lines):
            return None
        dose = _position(
            self.case.therapy_lines[line].doses,
            self._selected_row(self.doses_table, self.doses_model),
        )
        return None if dose is None else (line, dose)

    def selected_procedure_index(self) -> int | None:
        """Position of the selected procedure in case.procedures."""
        if self.case is None:
            return None
        return _position(
            self.case.procedures, self._selected_row(self.procedures_table, self.procedures_model)
        )

    def selected_side_effect_index(self) -> int | None:
        """Position of the selected side effect in case.side_effects."""
        if self.case is None:
            return None
        return _position(
            self.case.side_effects,
            self._selected_row(self.side_effects_table, self.side_effects_model),
        )

    def selected_scan(self) -> date | None:
        rows = self.scans_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.scans_model.row_value(rows[0].row()).scan.date

    def selected_scan_index(self) -> int | None:
        """Position of the selected scan in case.scans (for editing)."""
        day = self.selected_scan()
        if self.case is None or day is None:
            return None
        for index, scan in enumerate(self.case.scans):
            if scan.date == day:
                return index
        return None

    def select_scan(self, day: date | None) -> None:
        """Select a scan everywhere: the scans table, its lesions, the chart."""
        for row, point in enumerate(self.scans_model.rows):
            if point.scan.date == day:
                self.scans_table.selectRow(row)
                self.scans_table.scrollTo(self.scans_model.index(row, 0))
                return

    def show_scans_tab(self) -> None:
        self.tabs.setCurrentIndex(1)

    def _on_scan_row(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        day = self.selected_scan()
        self.chart.set_selected_scan(day)
        if day is None or self.case is None:
            self.lesions_model.set_rows([])
            self.lesions_caption.setText(self.tr("Lesions: select a scan"))
        else:
            point = next(p for p in self.scans_model.rows if p.scan.date == day)
            before = previous_lesions(self.case, day)
            self.lesions_model.set_rows(
                [
                    LesionRow(
                        lesion, before.get(lesion.lesion_id), lesion.lesion_id in point.treated
                    )
                    for lesion in point.scan.lesions
                ]
            )
            self.lesions_caption.setText(
                self.tr("Lesions on {0} ({1}), change vs the previous scan").format(
                    day.isoformat(), point.scan.modality.value
                )
            )
        self.scan_selected.emit(day)

    def _on_line_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.selected_line()
        if index is None or self.case is None or index >= len(self.case.therapy_lines):
            self.doses_model.set_rows([])
            self.dose_caption.setText(self.tr("Dose history"))
            self.entry_selected.emit()
            return
        line = self.case.therapy_lines[index]
        self.doses_model.set_rows(sorted(line.doses, key=lambda d: d.date))
        self.dose_caption.setText(
            self.tr("Dose history: {0}, from {1}").format(line.drug.value, line.start.isoformat())
        )
        self.entry_selected.emit()
