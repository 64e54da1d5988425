"""Input widgets for the forms: typed dates, numbers with units, vocabulary combos.

Each reads its value or raises FieldError with a message a user can act on, so a form can
refuse input before the core validation even runs (text that is not a date at all).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

E = TypeVar("E", bound=StrEnum)

_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class FieldError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def parse_date(text: str, today: date | None = None) -> date | None:
    """A typed date: 2024-03-05, 20240305, 5.3.2024 / 5/3/2024 (day first), or `t` for today.

    Returns None for empty text; raises ValueError for text that is not a date.
    """
    text = text.strip()
    if not text:
        return None
    if text.lower() in ("t", "today"):
        return today or date.today()
    match = _COMPACT.match(text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = _DMY.match(text)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    return date.fromisoformat(text)


def parse_number(text: str) -> float | int | None:
    """A typed number (a decimal comma is accepted); an int stays an int. None when empty."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


class DateField(QLineEdit):
    """A date you type (ISO by default); empty means unknown / not given."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 2024-03-05 or 5.3.2024"))
        self.setToolTip(self.tr("Type a date: 2024-03-05, 20240305, 5.3.2024, or t for today"))
        self.setMinimumWidth(180)
        self.setMaximumWidth(200)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText("" if value is None else value.isoformat())

    def date_value(self, path: str, required: bool = False) -> date | None:
        try:
            value = parse_date(self.text())
        except ValueError:
            raise FieldError(
                path,
                self.tr(
                    "“{0}” is not a date (type e.g. 2024-03-05, 20240305, 5.3.2024 or t)"
                ).format(self.text().strip()),
            ) from None
        if value is None and required:
            raise FieldError(path, QCoreApplication.translate("FieldError", "is required"))
        return value


class NumberField(QLineEdit):
    def __init__(self, value: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(110)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_number(value)

    def set_number(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")

    def number_value(self, path: str, required: bool = False) -> float | None:
        try:
            value = parse_number(self.text())
        except ValueError:
            raise FieldError(
                path, self.tr("“{0}” is not a number").format(self.text().strip())
            ) from None
        if value is None and required:
            raise FieldError(path, QCoreApplication.translate("FieldError", "is required"))
        return value


def with_unit(field: QWidget, unit: str) -> QWidget:
    """The field with its unit shown right after it (mm, cm, mg/day...)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field)
    label = QLabel(unit)
    label.setObjectName("unit")
    row.addWidget(label)
    row.addStretch(1)
    return box


class EnumCombo(QComboBox, Generic[E]):
    """A combo over a vocabulary, optionally with an empty choice meaning `not given`.
    The words are translated in `context` ("Sex" apart: German "divers", not "andere")."""

    def __init__(
        self,
        enum: type[E],
        labels: dict[E, str] | None = None,
        none_label: str | None = None,
        parent: QWidget | None = None,
        context: str = "Vocabulary",
    ) -> None:
        super().__init__(parent)
        self._members: list[E | None] = []
        if none_label is not None:
            self.addItem(none_label)
            self._members.append(None)
        for member in enum:
            text = labels.get(member, member.value) if labels else member.value
            self.addItem(QCoreApplication.translate(context, text.replace("_", " ")))
            self._members.append(member)

    def value(self) -> E | None:
        index = self.currentIndex()
        return self._members[index] if index >= 0 else None

    def set_value(self, member: E | None) -> None:
        if member in self._members:
            self.setCurrentIndex(self._members.index(member))
