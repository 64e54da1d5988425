"""Next scan due: the header's sentence from the engine's follow_up, the Scan due column and
the Scan overdue worklist's order."""

from __future__ import annotations

from datetime import date

import pytest

from gistdesk.clinical.types import FollowUp, FollowUpBasis
from gistdesk.core.model import Case, Patient, TherapyLine
from gistdesk.core.vocab import Drug, Intent, StopReason
from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.patient_list import COL_DUE
from gistdesk.ui.patient_view import follow_up_text, interval_words
from tests.ui.conftest import load


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (120, "every 4 months"),
        (183, "every 6 months"),
        (210, "every 7 months"),
        (365, "every year"),
    ],
)
def test_interval_words_for_each_guideline_interval(days: int, words: str) -> None:
    assert interval_words(days) == words


def _follow_up(basis: FollowUpBasis, due: date, line: int | None = None) -> FollowUp:
    return FollowUp(120, due, basis, date(2024, 1, 13), line)


def test_after_adjuvant_imatinib_names_the_drug() -> None:
    case = Case(
        Patient("R-1", "A", "B"),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB,
                Intent.ADJUVANT,
                date(2020, 1, 1),
                date(2023, 1, 1),
                StopReason.COMPLETED,
            ),
        ),
    )
    text = follow_up_text(
        case, _follow_up(FollowUpBasis.AFTER_SURGERY, date(2024, 5, 12)), date(2024, 3, 1)
    )
    assert text == "next scan due 12 May 2024 (every 4 months after adjuvant imatinib)"


def test_due_today_is_not_overdue_and_the_day_after_is() -> None:
    case = Case(Patient("R-1", "A", "B"))
    due = date(2024, 5, 12)
    basis = FollowUpBasis.TREATMENT_BREAK
    assert follow_up_text(case, _follow_up(basis, due), due).startswith("next scan due")
    later = follow_up_text(case, _follow_up(basis, due), date(2024, 5, 13))
    assert later.startswith("next scan overdue since 12 May 2024")


def test_no_interval_says_no_routine_scan() -> None:
    assert follow_up_text(Case(Patient("R-1", "A", "B")), None, date(2024, 1, 1)) == (
        "no routine scan due"
    )


def test_header_column_and_overdue_order(window: MainWindow, repo: SqliteRepository) -> None:
    for name in ("responder", "limited_progression_secondary", "mutation_alerts_overdue"):
        repo.save_case(load(name))
    window.list_model.refresh()
    rows = repo.list_patients(worklist=Worklist.SCAN_OVERDUE, sort=SortKey.SCAN_DUE)
    dues = [r.next_scan_due for r in rows]
    assert len(rows) >= 2 and None not in dues and dues == sorted(dues)  # type: ignore[type-var]
    window.select_worklist(1)  # Scan overdue: sorted by the due date, the longest first
    assert window.list_model.sort_key is SortKey.SCAN_DUE and not window.list_model.descending
    shown = [
        window.list_model.data(window.list_model.index(r, COL_DUE))
        for r in range(window.list_model.rowCount())
    ]
    assert shown == [d.isoformat() for d in dues if d is not None]
    window.open_patient(rows[0].record_number)
    assert "next scan overdue since" in window.patient_view.header.text()
