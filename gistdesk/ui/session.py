"""Who is signed in, what they may do, and the automatic lock after inactivity.

The repository is the authority on permissions (its mutations refuse the wrong role); the
window asks it (`can`) only to disable what would be refused anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from gistdesk.storage.auth import Role, User
from gistdesk.storage.contract import Repository
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

DEFAULT_IDLE_MINUTES = 10
ROLE_NAMES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
    Role.CLINICIAN: QT_TRANSLATE_NOOP("Roles", "Clinician"),
    Role.NURSE: QT_TRANSLATE_NOOP("Roles", "Nurse"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Roles", "Viewer"),
}


# The repository contract covers sign-in and permissions; the old name stays for imports.
SecureRepository = Repository


def role_name(role: Role | str) -> str:
    try:
        return QCoreApplication.translate("Roles", ROLE_NAMES[Role(role)])
    except ValueError:
        return str(role)


def describe_user(user: User | None) -> str:
    if user is None:
        return QCoreApplication.translate("Roles", "nobody signed in")
    return f"{user.display_name or user.username} ({role_name(user.role)})"


# Input that counts as activity: keys, clicks, wheel, touch and moving the mouse.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter: each key or mouse input restarts a single-shot
    timer; when it runs out, `idle` is emitted (the window locks)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        self._installed = False

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(max(1, interval_ms))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.timer.start()

    def pause(self) -> None:
        """Stop counting (while locked: nothing more to lock)."""
        self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False
