"""Invalid input is refused with a message naming the field, and nothing is saved."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.forms.line_form import TherapyLineForm
from gistdesk.ui.forms.patient_form import PatientForm
from gistdesk.ui.forms.scan_form import ScanForm
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import TODAY, load
from tests.ui.drive import FormDriver, click_save


@pytest.fixture
def opened(window: MainWindow, repo: SqliteRepository) -> MainWindow:
    case = load("limited_progression_secondary")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    return window


def test_negative_diameter_is_refused(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = repo.load_case("EX-003")
    seen: dict[str, Any] = {}

    def fill(form: ScanForm) -> None:
        form.date.clear()
        qtbot.keyClicks(form.date, "2024-05-02")
        m = form.grid_model
        for row in range(m.rowCount()):
            m.set_text(row, "longest_diameter_mm", "20")
        m.set_text(1, "longest_diameter_mm", "-4")
        click_save(qtbot, form)
        seen["visible"] = form.isVisible()
        seen["message"] = form.problem_messages()
        item = m.item(1, 4)
        seen["highlighted"] = item is not None and item.background().color().name()
        # Correcting the value clears the problem and saves.
        m.set_text(1, "longest_diameter_mm", "4")
        click_save(qtbot, form)
        seen["after_fix"] = form.isVisible()

    FormDriver(monkeypatch, qtbot).then(fill)
    opened.actions_by_name["add_scan"].trigger()
    assert seen["visible"] is True
    assert "Lesion L2, longest diameter (mm): must be >= 0, got -4" in seen["message"]
    assert seen["highlighted"] == "#ffd6d6"
    assert seen["after_fix"] is False
    assert len(repo.load_case("EX-003").scans) == len(before.scans) + 1


def test_end_before_start_is_refused(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = repo.load_case("EX-003")
    seen: dict[str, Any] = {}

    def fill(form: TherapyLineForm) -> None:
        qtbot.keyClicks(form.start, "2024-03-01")
        qtbot.keyClicks(form.end, "2024-02-01")
        click_save(qtbot, form)
        seen["message"] = form.problem_messages()
        seen["end_invalid"] = form.end.property("invalid")
        seen["start_invalid"] = form.start.property("invalid")
        seen["visible"] = form.isVisible()
        form.reject()

    FormDriver(monkeypatch, qtbot).then(fill)
    monkeypatch.setattr("gistdesk.ui.dialogs.ask_confirm", lambda *a, **k: True)
    opened.actions_by_name["add_line"].trigger()
    assert seen["visible"] is True
    assert "End: is before the start (2024-02-01 < 2024-03-01)" in seen["message"]
    assert seen["end_invalid"] is True and not seen["start_invalid"]
    assert repo.load_case("EX-003") == before


def test_empty_record_number_is_refused(
    window: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fill(form: PatientForm) -> None:
        qtbot.keyClicks(form.family_name, "Nobody")
        click_save(qtbot, form)
        seen["message"] = form.problem_messages()
        seen["invalid"] = form.record_number.property("invalid")
        seen["visible"] = form.isVisible()
        form.reject()

    FormDriver(monkeypatch, qtbot).then(fill)
    monkeypatch.setattr("gistdesk.ui.dialogs.ask_confirm", lambda *a, **k: True)
    window.actions_by_name["new_patient"].trigger()
    assert seen["visible"] is True
    assert "Record number: is required" in seen["message"]
    assert seen["invalid"] is True
    assert repo.count_patients() == 0


def fill_required(form: PatientForm) -> None:
    """What every new patient needs besides the record number (issue 14, defect 9)."""
    from gistdesk.core.vocab import Site

    form.family_name.setText(form.family_name.text() or "Nordmann")
    form.birth_date.setText("1960-02-03")
    form.diagnosis_date.setText("2020-01-10")
    form.site.set_value(Site.STOMACH)


def test_text_that_is_not_a_date_or_number(app: object, qtbot: Any) -> None:
    saved: list[object] = []
    form = PatientForm(None, saved.append, TODAY)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.record_number, "X1")
    fill_required(form)
    form.birth_date.clear()
    qtbot.keyClicks(form.birth_date, "31/02/1960")
    assert form.try_save() is False
    assert "Birth date: “31/02/1960” is not a date" in form.problem_messages()
    form.birth_date.setText("1960-02-03")
    qtbot.keyClicks(form.size_cm, "big")
    assert form.try_save() is False
    assert "Size: “big” is not a number" in form.problem_messages()
    form.size_cm.setText("4,5")  # a decimal comma is accepted
    assert form.try_save() is True
    assert saved and saved[0].tumor.size_cm == 4.5  # type: ignore[attr-defined]


def test_future_date_is_refused(app: object, qtbot: Any) -> None:
    case = load("responder")
    saved: list[object] = []
    form = ScanForm(case, saved.append, today=TODAY)
    qtbot.addWidget(form)
    form.date.setText((TODAY + timedelta(days=30)).isoformat())
    assert form.try_save() is False
    assert "Scan date: is in the future" in form.problem_messages()
    assert form.date.property("invalid") is True
    assert saved == []


def test_closing_a_dirty_form_asks_first(
    app: object, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = {"discard": False}

    def ask(_parent: object, title: str, _text: str, **_k: object) -> bool:
        asked.append(title)
        return answer["discard"]

    monkeypatch.setattr("gistdesk.ui.dialogs.ask_confirm", ask)
    form = PatientForm(None, lambda c: None, TODAY)
    qtbot.addWidget(form)
    form.show()
    form.reject()  # nothing typed: closes without asking
    assert asked == [] and not form.isVisible()

    form = PatientForm(None, lambda c: None, TODAY)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.family_name, "Half typed")
    form.close()  # the window's close button
    assert asked == ["Unsaved changes"] and form.isVisible()
    answer["discard"] = True
    form.reject()
    assert not form.isVisible()


def test_dose_is_prefilled_per_drug_until_typed(app: object, qtbot: Any) -> None:
    from gistdesk.core.vocab import Drug

    form = TherapyLineForm(load("responder"), lambda c: None, today=TODAY)
    qtbot.addWidget(form)
    form.drug.set_value(Drug.SUNITINIB)
    assert form.dose.text() == "50"
    form.drug.set_value(Drug.REGORAFENIB)
    assert form.dose.text() == "160"
    form.dose.clear()
    qtbot.keyClicks(form.dose, "120")
    form.drug.set_value(Drug.RIPRETINIB)
    assert form.dose.text() == "120"


def test_a_record_number_in_use_is_refused_on_its_field(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fill(form: PatientForm) -> None:
        qtbot.keyClicks(form.record_number, "EX-003")  # already in the clinic
        fill_required(form)
        form.family_name.setText("Other")
        click_save(qtbot, form)
        seen["message"] = form.problem_messages()
        seen["invalid"] = form.record_number.property("invalid")
        form._dirty = False
        form.reject()

    FormDriver(monkeypatch, qtbot).then(fill)
    opened.actions_by_name["new_patient"].trigger()
    assert "Record number: EX-003 is already another patient's record number" in seen["message"]
    assert seen["invalid"] is True
    assert repo.load_case("EX-003").patient.family_name != "Other"


def test_messages_show_typed_text_as_typed(app: object, qtbot: Any) -> None:
    form = PatientForm(None, lambda c: None, TODAY)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.size_cm, "<b>big</b>")
    assert form.try_save() is False
    assert "“<b>big</b>” is not a number" in form.message.text()
    from PySide6.QtCore import Qt

    assert form.message.textFormat() == Qt.TextFormat.PlainText
