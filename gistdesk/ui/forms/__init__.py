"""Case forms: one dialog per file, all built on `base.CaseForm`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    from gistdesk.ui.forms.base import CaseForm


def is_case_form(widget: object) -> TypeGuard[CaseForm]:
    """Whether `widget` is a case form, without importing the forms: none exists before the
    first one is built, and the window's start does not load them (issue 16)."""
    base = sys.modules.get("gistdesk.ui.forms.base")
    return base is not None and isinstance(widget, base.CaseForm)
