"""Live refresh and "record in use" for a main window.

Every second a QTimer asks the repository what was committed since the last look
(`changes_since`; on SQLite one `PRAGMA data_version` when nothing changed, on PostgreSQL
LISTEN/NOTIFY behind the same call). When a colleague changed patients, the list is read
again, and the open patient too when its revision moved; an open form is never touched: it
keeps what is being typed, shows a notice, and its save is checked against the revision it
was opened with (a conflict then offers to reload and re-apply).

The open patient is marked as in use by this user on this workstation (`mark_in_use`, again
every 10 s as a heartbeat) and the patient view shows who else has it open.
"""

from __future__ import annotations

import logging
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel

from gistdesk.storage.contract import Changes, RecordInUse
from gistdesk.storage.errors import StorageError
from gistdesk.ui.forms import is_case_form

if TYPE_CHECKING:
    from gistdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

POLL_MS = 1000
HEARTBEAT_TICKS = 10  # mark_in_use again every 10 s (marks without one for 30 s are gone)
IN_USE_TICKS = 3  # ask who else has the patient open every 3 s


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def workstation_name() -> str:
    try:
        return socket.gethostname() or "workstation"
    except OSError:
        return "workstation"


def in_use_text(others: list[RecordInUse]) -> str:
    if not others:
        return ""
    people = [
        tr("LiveRefresh", "{0} on {1} since {2}").format(
            o.display_name or o.username,
            o.workstation,
            o.since_utc.astimezone().strftime("%H:%M"),
        )
        for o in others
    ]
    return tr("LiveRefresh", "Also open for editing: {0}").format("; ".join(people))


class LiveRefresh(QObject):
    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.workstation = workstation_name()
        self.cursor = self._start_cursor()
        self.ticks = 0
        self.marked: str | None = None
        self.in_use = QLabel()
        self.in_use.setObjectName("recordInUse")
        self.in_use.setTextFormat(Qt.TextFormat.PlainText)
        self.in_use.setWordWrap(True)
        self.in_use.hide()
        self._placed = False  # the label goes under the patient header once a patient is open
        if window.controller.record_number is not None:
            self._place_label()
        window.controller.case_changed.connect(self._on_case_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def _start_cursor(self) -> int:
        try:
            return self.window.repository.change_cursor()
        except StorageError:
            return 0

    def reset(self) -> None:
        """Another database was opened (or restored) in this window."""
        self.marked = None
        self.cursor = self._start_cursor()
        self._on_case_changed()

    def stop(self) -> None:
        self.timer.stop()
        self._release()

    # -- polling ----------------------------------------------------------------------------
    def tick(self) -> None:
        window = self.window
        if window.locked:
            self._release()
            return
        if window.controller.busy:
            return  # the connection is in use by a save or an open on a worker thread
        self.ticks += 1
        try:
            changes = window.repository.changes_since(self.cursor)
        except StorageError as exc:  # busy, or signed out meanwhile: try again next second
            log.info("change poll failed: %s", type(exc).__name__)
            return
        self.cursor = changes.cursor
        if changes.any:
            self.apply(changes)
        rn = window.controller.record_number
        if rn is not None and self.ticks % HEARTBEAT_TICKS == 0:
            self._mark(rn)
        if rn is not None and self.ticks % IN_USE_TICKS == 0:
            self._show_in_use(rn)

    def apply(self, changes: Changes) -> None:
        """Show colleagues' committed changes: the list, and the open patient when it moved."""
        window, controller = self.window, self.window.controller
        rn = controller.record_number
        window.list_model.refresh()
        if rn is None:
            return
        if rn not in changes.record_numbers() and not changes.other:
            window.select_in_list(rn)
            return
        try:
            current = window.repository.revision(rn)
        except KeyError:  # deleted by someone else
            current = None
        except StorageError:
            return
        if current == controller.revision:
            window.select_in_list(rn)
            return
        notes = [n for n in changes.patients if n.record_number == rn]
        who = notes[-1].username if notes else tr("LiveRefresh", "someone else")
        if current is None:
            notice = tr("LiveRefresh", "Patient {0} was deleted by {1}.").format(rn, who)
            controller.close_case()
        else:
            notice = tr(
                "LiveRefresh", "Patient {0} was changed by {1}; showing the saved version."
            ).format(rn, who)
            try:
                controller.open(rn)
            except (StorageError, KeyError):
                return
            window.select_in_list(rn)
        window.statusBar().showMessage(notice, 10_000)
        form = QApplication.activeModalWidget()
        if is_case_form(form) and form.isVisible():
            form.show_notice(
                notice
                + "\n"
                + tr(
                    "LiveRefresh",
                    "Your form is kept as it is; when you save, you are asked how to go on "
                    "if your entries meet the change.",
                )
            )

    # -- record in use ----------------------------------------------------------------------
    def _place_label(self) -> None:
        """Put the label under the patient header. Only once a patient is open: the patient
        view is built then, never for the start (issue 16)."""
        if self._placed:
            return
        self._placed = True
        view = self.window.patient_view
        layout = view.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(view.header) + 1, self.in_use)

    def _on_case_changed(self) -> None:
        rn = self.window.controller.record_number
        if rn == self.marked:
            return
        self._release()
        if rn is not None and not self.window.locked:
            self._mark(rn)
            self._show_in_use(rn)
        else:
            self.in_use.hide()

    def _mark(self, rn: str) -> None:
        try:
            self.window.repository.mark_in_use(rn, self.workstation)
            self.marked = rn
        except StorageError as exc:
            log.info("record-in-use mark failed: %s", type(exc).__name__)

    def _release(self) -> None:
        if self.marked is None:
            return
        try:
            self.window.repository.release_in_use(self.marked)
        except StorageError as exc:  # the mark runs out by itself
            log.info("record-in-use release failed: %s", type(exc).__name__)
        self.marked = None
        self.in_use.hide()

    def _show_in_use(self, rn: str) -> None:
        try:
            text = in_use_text(self.window.repository.in_use_by_others(rn))
        except StorageError:
            return
        self._place_label()
        if text == self.in_use.text() and self.in_use.isVisibleTo(self.window) == bool(text):
            return  # unchanged: touching the label re-lays out the view (and counts as input)
        self.in_use.setText(text)
        self.in_use.setVisible(bool(text))
