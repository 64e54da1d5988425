"""Review a flagged scan: the team's decision (DESIGN.md section 4, "Reviews") with a note.

Made for three keystrokes from the flags panel: R opens it (MainWindow), a digit 1-4 (or the
arrow keys) chooses the decision, Ctrl+Enter saves. Nothing is preselected: a decision is
always chosen on purpose. Earlier reviews of the scan are listed; a new one supersedes them
(reviews are never edited).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.clinical.types import Flag
from gistdesk.core.model import Case, Review
from gistdesk.core.problems import InvalidCaseError
from gistdesk.core.reviews import reviews_of
from gistdesk.core.vocab import ReviewDecision
from gistdesk.storage.errors import StorageError
from gistdesk.ui.forms.fields import DateField, FieldError
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.text import flag_title, option_label

# In the order of the digits that choose them.
DECISIONS: tuple[tuple[ReviewDecision, str, str], ...] = (
    (
        ReviewDecision.PROGRESSION_CONFIRMED,
        QT_TRANSLATE_NOOP("ReviewDialog", "&1  Progression confirmed"),
        QT_TRANSLATE_NOOP(
            "ReviewDialog",
            "The team accepts progression on this scan; it becomes the new reference.",
        ),
    ),
    (
        ReviewDecision.NOT_PROGRESSION,
        QT_TRANSLATE_NOOP("ReviewDialog", "&2  Not progression"),
        QT_TRANSLATE_NOOP(
            "ReviewDialog",
            "This scan does not show progression (e.g. pseudoprogression, biopsy).",
        ),
    ),
    (
        ReviewDecision.RE_IMAGE,
        QT_TRANSLATE_NOOP("ReviewDialog", "&3  Re-image before deciding"),
        QT_TRANSLATE_NOOP(
            "ReviewDialog", "Another scan first; the flag stays open on the To review list."
        ),
    ),
    (
        ReviewDecision.NEW_REFERENCE,
        QT_TRANSLATE_NOOP("ReviewDialog", "&4  New reference from this scan"),
        QT_TRANSLATE_NOOP(
            "ReviewDialog",
            "Later scans are compared with this one (e.g. after local therapy or a break).",
        ),
    ),
)

DECISION_WORDS: dict[ReviewDecision, str] = {
    ReviewDecision.PROGRESSION_CONFIRMED: QT_TRANSLATE_NOOP("Review", "progression confirmed"),
    ReviewDecision.NOT_PROGRESSION: QT_TRANSLATE_NOOP("Review", "not progression"),
    ReviewDecision.RE_IMAGE: QT_TRANSLATE_NOOP("Review", "re-image before deciding"),
    ReviewDecision.NEW_REFERENCE: QT_TRANSLATE_NOOP("Review", "new reference"),
}


def decision_words(decision: ReviewDecision) -> str:
    return QCoreApplication.translate("Review", DECISION_WORDS[decision])


def review_line(review: Review) -> str:
    """'not progression — dr.keller, 2024-03-12: note' (plain text)."""
    note = f": {review.note}" if review.note else ""
    return f"{decision_words(review.decision)} — {review.by}, {review.date.isoformat()}{note}"


ReviewSaver = Callable[[Review], None]


class ReviewDialog(QDialog):
    """Records one review of the scan `scan` by `reviewer` through `save` (which raises
    StorageError, e.g. PermissionDeniedError, with nothing saved)."""

    def __init__(
        self,
        case: Case,
        scan: date,
        flag: Flag | None,
        reviewer: str,
        save: ReviewSaver,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setModal(True)
        self.case, self.scan, self.flag = case, scan, flag
        self.reviewer, self.saver = reviewer, save
        self.today = today or date.today()
        self.saved_review: Review | None = None
        self.setWindowTitle(self.tr("Review the scan of {0}").format(scan.isoformat()))
        layout = QVBoxLayout(self)

        about = QLabel(self._about_html())
        about.setObjectName("reviewAbout")
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        layout.addWidget(about)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons_by_decision: dict[ReviewDecision, QRadioButton] = {}
        for number, (decision, label, hint) in enumerate(DECISIONS, start=1):
            button = QRadioButton(self.tr(label))
            button.setObjectName(f"decision_{decision.value}")
            button.setToolTip(self.tr(hint))
            self.group.addButton(button, number)
            self.buttons_by_decision[decision] = button
            layout.addWidget(button)
            explain = QLabel(self.tr(hint))
            explain.setObjectName("hint")
            explain.setWordWrap(True)
            explain.setContentsMargins(24, 0, 0, 4)
            layout.addWidget(explain)
            # The digit chooses even when the focus is elsewhere (not in the note).
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.activated.connect(button.click)
        self.group.idToggled.connect(lambda *_: self._update_save())

        form = QFormLayout()
        self.note = QPlainTextEdit()
        self.note.setObjectName("reviewNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(56)
        self.note.setPlaceholderText(self.tr("e.g. tumor board 12 March: continue 800 mg"))
        self.date = DateField(self.today)
        self.date.setObjectName("reviewDate")
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Decided on:"), self.date)
        by = QLabel(escape(reviewer))
        by.setObjectName("reviewBy")
        form.addRow(self.tr("By:"), by)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("formErrors")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button.setText(self.tr("Save review"))
        self.save_button.setToolTip(self.tr("Save the review (Ctrl+Enter)"))
        self.button_box.accepted.connect(self.try_save)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.try_save)
        self._update_save()
        self.setMinimumWidth(460)
        # Focus on the choices: arrows move between them, digits pick one.
        first = self.buttons_by_decision[DECISIONS[0][0]]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def save_button(self) -> QPushButton:
        button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def _about_html(self) -> str:
        parts: list[str] = []
        if self.flag is not None:
            parts.append(f"<div style='font-weight:600'>{escape(flag_title(self.flag))}</div>")
            parts.append(f"<div>{escape(self.flag.reason)}</div>")
            if self.flag.options:
                items = ", ".join(escape(option_label(o)) for o in self.flag.options)
                parts.append(
                    f"<div style='margin-top:3px'><b>{self.tr('Options to discuss:')}</b> "
                    f"{items}</div>"
                )
        earlier = reviews_of(self.case.reviews, self.scan)
        if earlier:
            rows = "".join(f"<li>{escape(review_line(r))}</li>" for r in earlier)
            parts.append(
                f"<div style='margin-top:3px'><b>{self.tr('Earlier reviews of this scan')}"
                f"</b> ({self.tr('the new one supersedes them')}):</div><ul>{rows}</ul>"
            )
        if not parts:
            parts.append(self.tr("No flag on this scan."))
        return "".join(parts)

    def decision(self) -> ReviewDecision | None:
        number = self.group.checkedId()
        return DECISIONS[number - 1][0] if number > 0 else None

    def choose(self, decision: ReviewDecision) -> None:
        self.buttons_by_decision[decision].click()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.decision() is not None)

    def problems(self) -> list[str]:
        """Every problem at once (empty: the review can be saved)."""
        found: list[str] = []
        if self.decision() is None:
            found.append(self.tr("Choose a decision (1-4)."))
        try:
            day = self.date.date_value("date", required=True)
        except FieldError as exc:
            found.append(str(exc))
        else:
            if day is not None and day < self.scan:
                found.append(self.tr("The review cannot be dated before the scan."))
            if day is not None and day > self.today:
                found.append(self.tr("The review cannot be dated after today."))
        return found

    def build_review(self) -> Review:
        decision = self.decision()
        day = self.date.date_value("date", required=True)
        assert decision is not None and day is not None
        return Review(self.scan, decision, day, self.reviewer, self.note.toPlainText().strip())

    def try_save(self) -> None:
        problems = self.problems()
        if problems:
            self._show_message("\n".join(problems))
            return
        review = self.build_review()
        try:
            self.saver(review)
        except (StorageError, InvalidCaseError) as exc:
            self._show_message(self.tr("The review was not saved: {0}").format(exc))
            return
        self.saved_review = review
        self.accept()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
