"""Print actions, isolated so the PDF builders (gistdesk.reports) plug in at one place."""

from __future__ import annotations

import importlib.util

from PySide6.QtWidgets import QWidget

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.ui import dialogs


def reports_available() -> bool:
    return importlib.util.find_spec("gistdesk.reports") is not None


def print_summary(parent: QWidget | None, case: Case, assessment: Assessment) -> None:
    """The clinician summary PDF (DESIGN.md section 5)."""
    _not_yet(parent, "clinician summary")


def print_handout(parent: QWidget | None, case: Case, assessment: Assessment) -> None:
    """The plain-language patient handout PDF (DESIGN.md section 5)."""
    _not_yet(parent, "patient handout")


def _not_yet(parent: QWidget | None, what: str) -> None:
    dialogs.show_info(
        parent, "Printing not available yet",
        f"The {what} PDF is not available in this version of gistdesk yet.\n"
        "Nothing was printed.",
    )
