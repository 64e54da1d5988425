"""Drive modal forms in tests: each opened dialog is handed to the next filler function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gistdesk.ui import dialogs

Filler = Callable[[Any], None]


class FormDriver:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
        self.fillers: list[Filler] = []
        self.opened: list[QDialog] = []
        self.qtbot = qtbot
        monkeypatch.setattr(dialogs, "run_dialog", self._run)

    def then(self, filler: Filler) -> FormDriver:
        self.fillers.append(filler)
        return self

    def _run(self, dialog: QDialog) -> int:
        self.opened.append(dialog)
        dialog.show()
        filler = self.fillers.pop(0)
        filler(dialog)
        if dialog.isVisible():  # the filler did not finish it: the user pressed Escape
            dialog.hide()
        return dialog.result()


def click_save(qtbot: Any, form: Any) -> None:
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
