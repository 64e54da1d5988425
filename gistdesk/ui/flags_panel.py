"""The flags panel: every flag of the assessment, coloured by kind.

Flags still waiting for the team (a scan flag without a review, or with `re_image`) and the
case alerts come first, newest first; flags the team has dealt with fold away under
"Reviewed" (shown on request). Each card shows the reason in words, the criteria and
numbers, for a progression the options to discuss, and the review in force (decision, who,
when, note). Selecting a flag (click, or arrows) selects its scan; R reviews it (the
"Review flag…" action, added by the main window).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.clinical.types import SCAN_FLAG_CODES, Assessment, Flag, FlagCode
from gistdesk.core.model import Case, Review
from gistdesk.core.reviews import awaits_decision, review_in_force
from gistdesk.core.vocab import Intent, ReviewDecision
from gistdesk.storage.worklists import ADJUVANT_ENDING_DAYS
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.review_dialog import decision_words
from gistdesk.ui.text import flag_color, flag_title, option_label, words

Index = QModelIndex | QPersistentModelIndex
FlagRole = Qt.ItemDataRole.UserRole + 1


# The numbers behind a flag, in words with their unit (anything else: its key in words).
NUMBER_LABELS: dict[str, tuple[str, str]] = {
    "sum_mm": (QT_TRANSLATE_NOOP("FlagsPanel", "Sum of target diameters"), "mm"),
    "baseline_mm": (QT_TRANSLATE_NOOP("FlagsPanel", "Sum at baseline"), "mm"),
    "nadir_mm": (QT_TRANSLATE_NOOP("FlagsPanel", "Smallest sum (nadir)"), "mm"),
    "nadir_scan": (QT_TRANSLATE_NOOP("FlagsPanel", "Nadir scan"), ""),
    "reference_mm": (QT_TRANSLATE_NOOP("FlagsPanel", "Sum at the reference scan"), "mm"),
    "reference_scan": (QT_TRANSLATE_NOOP("FlagsPanel", "Reference scan"), ""),
    "change_vs_reference_pct": (
        QT_TRANSLATE_NOOP("FlagsPanel", "Change vs reference"),
        "%",
    ),
    "adjuvant_days": (QT_TRANSLATE_NOOP("FlagsPanel", "Adjuvant therapy (days)"), ""),
    "preoperative_days": (QT_TRANSLATE_NOOP("FlagsPanel", "Before surgery (days)"), ""),
    "next_scan_due": (QT_TRANSLATE_NOOP("FlagsPanel", "Next scan due"), ""),
    "change_vs_baseline_pct": (QT_TRANSLATE_NOOP("FlagsPanel", "Change vs baseline"), "%"),
    "change_vs_nadir_pct": (QT_TRANSLATE_NOOP("FlagsPanel", "Change vs nadir"), "%"),
    "density_change_pct": (QT_TRANSLATE_NOOP("FlagsPanel", "Density change"), "%"),
    "density_change_vs_nadir_pct": (
        QT_TRANSLATE_NOOP("FlagsPanel", "Density change vs nadir"),
        "%",
    ),
    "suv_change_pct": (QT_TRANSLATE_NOOP("FlagsPanel", "SUVmax change"), "%"),
    "days": (QT_TRANSLATE_NOOP("FlagsPanel", "Days"), ""),
    "days_on_line": (QT_TRANSLATE_NOOP("FlagsPanel", "Days on this line"), ""),
    "days_since_scan": (QT_TRANSLATE_NOOP("FlagsPanel", "Days since the last scan"), ""),
    "interval_days": (QT_TRANSLATE_NOOP("FlagsPanel", "Scan interval (days)"), ""),
    "required_days": (QT_TRANSLATE_NOOP("FlagsPanel", "Advised duration (days)"), ""),
    "mg_per_day": (QT_TRANSLATE_NOOP("FlagsPanel", "Dose"), "mg/day"),
}


def number_rows(numbers: Mapping[str, float | str | None]) -> list[tuple[str, str]]:
    """(label, value with unit) for each known number, in a readable order."""
    rows: list[tuple[str, str]] = []
    for key, value in numbers.items():
        if value is None:
            continue
        label, unit = NUMBER_LABELS.get(key, (key.replace("_", " "), ""))
        if isinstance(value, float):
            shown = f"{value:+.1f}" if unit == "%" else f"{value:.1f}".rstrip("0").rstrip(".")
        else:
            shown = str(value)
        text = QCoreApplication.translate("FlagsPanel", label) if key in NUMBER_LABELS else label
        rows.append((text, f"{shown} {unit}".strip() if unit != "%" else f"{shown}%"))
    return rows


def numbers_table(numbers: Mapping[str, float | str | None]) -> str:
    return numbers_html(number_rows(numbers))


def numbers_html(rows: list[tuple[str, str]]) -> str:
    if not rows:
        return ""
    cells = "".join(
        f"<tr><td style='color:#4b5563; padding-right:8px'>{escape(label)}</td>"
        f"<td align='right'>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def flag_review(flag: Flag, case: Case | None) -> Review | None:
    """The review in force for the flag's scan (with its note), from the case."""
    if case is None or flag.code not in SCAN_FLAG_CODES:
        return None
    return review_in_force(case.reviews, flag.scan)


def is_reviewed(flag: Flag, case: Case | None) -> bool:
    """A scan flag the team has dealt with (DESIGN.md section 4, "Review state on flags")."""
    return flag.code in SCAN_FLAG_CODES and not awaits_decision(flag_review(flag, case))


def review_html(flag: Flag, case: Case | None) -> str:
    tr = QCoreApplication.translate
    if flag.code not in SCAN_FLAG_CODES:
        return ""
    review = flag_review(flag, case)
    if review is None:
        return (
            "<div style='margin-top:3px; color:#b45309; font-weight:600'>"
            f"{tr('FlagsPanel', 'Awaiting the team’s review')}</div>"
        )
    waiting = review.decision is ReviewDecision.RE_IMAGE
    color = "#b45309" if waiting else "#166534"
    label = tr("FlagsPanel", "Re-image requested") if waiting else tr("FlagsPanel", "Reviewed")
    note = f": {escape(review.note)}" if review.note else ""
    return (
        f"<div style='margin-top:3px; color:{color}'><b>{label}</b> — "
        f"{escape(decision_words(review.decision))}, {escape(review.by)}, "
        f"{review.date.isoformat()}{note}</div>"
    )


@dataclass(frozen=True)
class CardText:
    """A flag's card: rich text above its numbers, the numbers (label, value with unit),
    rich text below them (the options, the source). The numbers are drawn as a grid by the
    delegate: a rich-text table cost most of a card's layout time."""

    top: str
    numbers: tuple[tuple[str, str], ...]
    bottom: str
    bottom_gap: float = 0.0  # the bottom's top margin (a document drops its first one)


def flag_html(flag: Flag, case: Case | None) -> str:
    """The card text of one flag, whole (the numbers as a table)."""
    card = flag_card(flag, case)
    table = numbers_html(list(card.numbers))
    middle = f"<div style='margin-top:3px'>{table}</div>" if table else ""
    return card.top + middle + card.bottom


def flag_card(flag: Flag, case: Case | None) -> CardText:
    """The card of one flag, in its three parts."""
    tr = QCoreApplication.translate
    color = flag_color(flag.code.value)
    where = ""
    if flag.line_index is not None and case and flag.line_index < len(case.therapy_lines):
        line = case.therapy_lines[flag.line_index]
        where = f" · {escape(line.drug.value)} ({escape(line.intent.value)})"
    when = (
        tr("FlagsPanel", "scan {0}").format(flag.scan.isoformat())
        if flag.scan
        else flag.date.isoformat()
    )
    parts = [
        f"<div style='color:{color}; font-weight:600; font-size:11pt'>"
        f"{escape(flag_title(flag))}</div>",
        f"<div style='color:#4b5563'>{escape(when)}{where}</div>",
        review_html(flag, case),
        f"<div style='margin-top:3px'>{escape(flag.reason)}</div>",
    ]
    facts: list[str] = []
    if flag.code is FlagCode.PROGRESSION:
        if flag.criteria:
            facts.append(
                f"<b>{tr('FlagsPanel', 'Criteria:')}</b> {escape(', '.join(flag.criteria))}"
            )
        lesions = f" ({escape(', '.join(flag.lesions))})" if flag.lesions else ""
        facts.append(f"<b>{tr('FlagsPanel', 'Extent:')}</b> {escape(words(flag.extent))}{lesions}")
        resistance = tr("FlagsPanel", "Resistance:")
        # Resistance is named on the first TKI line only (DESIGN.md section 4); null on a
        # later line is not "off therapy".
        if flag.resistance:
            facts.append(f"<b>{resistance}</b> {escape(words(flag.resistance))}")
        elif flag.line_index is None:
            facts.append(f"<b>{resistance}</b> {tr('FlagsPanel', 'off therapy')}")
    if flag.code is FlagCode.FALSE_PROGRESSION:
        facts.append(
            f"<b>{tr('FlagsPanel', 'Basis:')}</b> {escape(', '.join(words(b) for b in flag.basis))}"
        )
        if flag.early_first_line:
            facts.append(
                tr(
                    "FlagsPanel",
                    "early on the first TKI line (when false progression is most common)",
                )
            )
    if facts:
        parts.append("<div style='margin-top:3px'>" + "<br>".join(facts) + "</div>")
    below: list[str] = []
    if flag.options:
        items = "".join(f"<li>{escape(option_label(o))}</li>" for o in flag.options)
        below.append(
            f"<div style='margin-top:3px'><b>{tr('FlagsPanel', 'Options to discuss:')}"
            "</b></div>"
            f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>"
        )
    if flag.source:
        below.append(
            f"<div style='color:#6b7280; font-size:8pt'>"
            f"{tr('FlagsPanel', 'Source:')} {escape(flag.source)}</div>"
        )
    return CardText(
        "".join(parts),
        tuple(number_rows(flag.numbers)),
        "".join(below),
        3.0 if flag.options else 0.0,
    )


def adjuvant_ending(case: Case, today: date) -> date | None:
    """The end of the last-ending adjuvant line when it falls within the Adjuvant ending
    worklist's window (the same rule as the worklist: storage/worklists.py)."""
    ends = [line.end for line in case.therapy_lines if line.intent is Intent.ADJUVANT and line.end]
    end = max(ends) if ends else None
    if end is None or not today <= end <= today + timedelta(days=ADJUVANT_ENDING_DAYS):
        return None
    return end


class FlagsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Flag] = []
        self.reviewed: list[Flag] = []  # dealt with by the team, shown when unfolded
        self.show_reviewed = False
        self.open_count = 0
        self.case: Case | None = None
        self._cards: dict[int, CardText] = {}  # id(flag) -> its card, while shown

    def card(self, row: int) -> CardText:
        """The card of the flag on `row` (worked out once per fill)."""
        flag = self.items[row]
        card = self._cards.get(id(flag))
        if card is None:
            card = self._cards[id(flag)] = flag_card(flag, self.case)
        return card

    def set_assessment(self, case: Case | None, assessment: Assessment | None) -> None:
        self.beginResetModel()
        self._cards = {}
        self.case = case
        flags = list(assessment.flags) if assessment else []
        # Newest first; within a day the engine's order (code, line) is kept.
        ordered = sorted(flags, key=lambda f: f.date, reverse=True)
        self.reviewed = [f for f in ordered if is_reviewed(f, case)]
        waiting = [f for f in ordered if not is_reviewed(f, case)]
        # Scan flags awaiting a decision first, then the case alerts.
        waiting.sort(key=lambda f: f.code not in SCAN_FLAG_CODES)
        self.open_count = len(waiting)
        self.items = waiting + (self.reviewed if self.show_reviewed else [])
        self.endResetModel()

    def set_show_reviewed(self, show: bool) -> None:
        self.show_reviewed = show
        self.set_assessment_items()

    def set_assessment_items(self) -> None:
        self.beginResetModel()
        waiting = self.items[: self.open_count]
        self.items = waiting + (self.reviewed if self.show_reviewed else [])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        flag = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{flag_title(flag)} — {flag.date.isoformat()}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{flag_title(flag)}, {flag.date.isoformat()}. {flag.reason}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("FlagsPanel", "Select to show its scan")
                if flag.scan
                else None
            )
        if role == FlagRole:
            return flag
        return None


NUMBER_LABEL_COLOR = QColor("#4b5563")
TEXT_COLOR = QColor("#1f2933")


class CardLayout:
    """One card laid out at one text width: its rich text above and below (documents) and
    its numbers as a grid drawn directly: labels (wrapped when narrow) in a column,
    values right-aligned in the next, as the table of flag_html looked."""

    CELL = 1  # padding around each cell
    GAP = 8  # between a label and its value
    MARGIN = 3  # above the numbers

    def __init__(self, card: CardText, width: float, font: QFont) -> None:
        self.top = self._document(card.top, width, font)
        self.bottom = self._document(card.bottom, width, font) if card.bottom else None
        self.font = font
        metrics = QFontMetricsF(font)
        self.rows: list[tuple[QRectF, str, QRectF, str]] = []  # label rect, label, value...
        y = self.top.size().height()
        if card.numbers:
            y += self.MARGIN
            value_w = max(metrics.horizontalAdvance(v) for _, v in card.numbers)
            label_w = max(metrics.horizontalAdvance(label) for label, _ in card.numbers)
            label_w = max(40.0, min(label_w, width - value_w - self.GAP - 3 * self.CELL))
            value_x = self.CELL + label_w + self.GAP + self.CELL
            wrap = Qt.TextFlag.TextWordWrap
            line_h = metrics.height()
            for label, value in card.numbers:
                h = line_h
                if metrics.horizontalAdvance(label) > label_w:  # wraps: measure the lines
                    box = metrics.boundingRect(QRectF(0, 0, label_w, 1e6), wrap, label)
                    h = max(box.height(), line_h)
                self.rows.append(
                    (
                        QRectF(self.CELL, y + self.CELL, label_w, h),
                        label,
                        QRectF(value_x, y + self.CELL, value_w, metrics.height()),
                        value,
                    )
                )
                y += h + 2 * self.CELL
        if self.bottom is not None:
            y += card.bottom_gap
        self.bottom_y = y
        self.height = y + (self.bottom.size().height() if self.bottom else 0.0)

    @staticmethod
    def _document(html: str, width: float, font: QFont) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter) -> None:
        """At the painter's origin (the card's text corner)."""
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, TEXT_COLOR)
        self.top.documentLayout().draw(painter, context)
        if self.rows:
            painter.setFont(self.font)
            label_flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
            value_flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            painter.setPen(NUMBER_LABEL_COLOR)
            for label_rect, label, _, _ in self.rows:
                painter.drawText(label_rect, label_flags, label)
            painter.setPen(TEXT_COLOR)
            for _, _, value_rect, value in self.rows:
                painter.drawText(value_rect, value_flags, value)
        if self.bottom is not None:
            painter.translate(0, self.bottom_y)
            self.bottom.documentLayout().draw(painter, context)
            painter.translate(0, -self.bottom_y)


class CardLayouts:
    """Laid-out cards by (card, width, font): a card is laid out once, then measured and
    painted from the same layout, also when the patient is opened again with the same
    flags. Bounded: the least recently used go first."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._layouts: OrderedDict[tuple[CardText, float, str], CardLayout] = OrderedDict()

    def get(self, card: CardText, width: float, font: QFont) -> CardLayout:
        key = (card, width, font.key())
        layout = self._layouts.get(key)
        if layout is not None:
            self._layouts.move_to_end(key)
            return layout
        layout = self._layouts[key] = CardLayout(card, width, font)
        while len(self._layouts) > self.size:
            self._layouts.popitem(last=False)
        return layout

    def clear(self) -> None:
        self._layouts.clear()

    def __len__(self) -> int:
        return len(self._layouts)


class FlagDelegate(QStyledItemDelegate):
    """Paints a flag as a card: a coloured bar on the left and its text (CardLayout)."""

    PAD = 8
    BAR = 5

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.layouts = CardLayouts()

    def _layout(self, index: Index, width: float) -> CardLayout:
        model = index.model()
        assert isinstance(model, FlagsModel)
        return self.layouts.get(
            model.card(index.row()),
            max(80.0, width - 2 * self.PAD - self.BAR - 4),
            self.view.font(),
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # A card spans the viewport's width (the rect paint() gets), inset 2 px on each
        # side: measured at the very width it is painted at, so one layout serves both.
        width = self.view.viewport().width()
        layout = self._layout(index, width - 4)
        return QSize(width - 4, int(layout.height) + 2 * self.PAD + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        assert isinstance(model, FlagsModel)
        flag = model.items[index.row()]
        rect = QRectF(option.rect).adjusted(2, 3, -2, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # Reviewed flags (below the open ones) are drawn in grey: the team has dealt with them.
        reviewed = index.row() >= model.open_count
        color = QColor("#9ca3af" if reviewed else flag_color(flag.code.value))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(color)
        tint.setAlpha(40 if selected else 14)
        painter.setPen(color if selected else QColor("#d5dbe3"))
        painter.setBrush(tint)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), self.BAR, rect.height()), 2, 2)
        layout = self._layout(index, rect.width())
        painter.setClipRect(rect)
        painter.translate(rect.left() + self.BAR + self.PAD, rect.top() + self.PAD)
        layout.paint(painter)
        painter.restore()


class FlagsPanel(QWidget):
    flag_selected = Signal(object)  # the Flag
    scan_selected = Signal(object)  # date of the flag's scan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Flags"))
        self.title.setObjectName("panelTitle")
        layout.addWidget(self.title)
        self.model = FlagsModel(self)
        self.view = QListView()
        self.view.setObjectName("flagsList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(FlagDelegate(self.view))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on: a scroll bar appearing later would narrow the cards after their
        # heights were measured.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Flags"))
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.view.clicked.connect(self._on_clicked)
        layout.addWidget(self.view, 1)
        self.review_row = QHBoxLayout()
        self.review_button = QToolButton()
        self.review_button.setObjectName("reviewFlagButton")
        self.review_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.review_button.hide()  # until the main window gives it its action
        self.review_row.addWidget(self.review_button)
        self.review_row.addStretch(1)
        self.reviewed_toggle = QToolButton()
        self.reviewed_toggle.setObjectName("reviewedToggle")
        self.reviewed_toggle.setCheckable(True)
        self.reviewed_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.reviewed_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.reviewed_toggle.toggled.connect(self._on_reviewed_toggled)
        self.review_row.addWidget(self.reviewed_toggle)
        layout.addLayout(self.review_row)
        # The worklists' notes (Adjuvant ending): the panel says why the patient is listed.
        self.worklist_note = QLabel()
        self.worklist_note.setObjectName("worklistNote")
        self.worklist_note.setWordWrap(True)
        self.worklist_note.hide()
        layout.insertWidget(1, self.worklist_note)
        self.empty = QLabel(self.tr("No flags: nothing for the team to review."))
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        note = QLabel(self.tr("Flags support the GIST team's review; they are not orders."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)

    def set_assessment(self, case: Case | None, assessment: Assessment | None) -> None:
        current = self.current_flag()
        self.model.set_assessment(case, assessment)
        self._update_counts()
        ending = adjuvant_ending(case, assessment.as_of) if case and assessment else None
        if ending is None:
            self.worklist_note.hide()
        else:
            self.worklist_note.setText(
                self.tr(
                    "Adjuvant therapy ends on {0} (in {1} days): on the Adjuvant ending worklist."
                ).format(ending.isoformat(), (ending - assessment.as_of).days)  # type: ignore[union-attr]
            )
            self.worklist_note.show()
        if current is not None:  # keep the same flag selected after a save
            for row, flag in enumerate(self.model.items):
                if (flag.code, flag.scan, flag.date) == (current.code, current.scan, current.date):
                    self.view.setCurrentIndex(self.model.index(row, 0))
                    break

    def set_review_action(self, action: QAction) -> None:
        """The main window's "Review flag…" action: a button under the cards, and its
        shortcut (R) while the focus is in this panel."""
        self.review_button.setDefaultAction(action)
        self.review_button.show()
        self.addAction(action)

    def _update_counts(self) -> None:
        waiting, reviewed = self.model.open_count, len(self.model.reviewed)
        self.title.setText(
            self.tr("Flags ({0} open)").format(waiting) if waiting or reviewed else self.tr("Flags")
        )
        self.empty.setVisible(waiting + reviewed == 0)
        self.empty.setText(
            self.tr("No flags: nothing for the team to review.") if waiting + reviewed == 0 else ""
        )
        self.reviewed_toggle.setVisible(reviewed > 0)
        self.reviewed_toggle.setText(self.tr("Reviewed ({0})").format(reviewed))

    def _on_reviewed_toggled(self, shown: bool) -> None:
        self.reviewed_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.model.set_show_reviewed(shown)

    def flags(self) -> list[Flag]:
        """The flags shown, in order (reviewed ones only while unfolded)."""
        return list(self.model.items)

    def current_flag(self) -> Flag | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def select_flag(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _on_clicked(self, index: QModelIndex) -> None:
        self._on_current(index, QModelIndex())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        flag = self.model.items[current.row()]
        self.flag_selected.emit(flag)
        if flag.scan is not None:
            self.scan_selected.emit(flag.scan)
