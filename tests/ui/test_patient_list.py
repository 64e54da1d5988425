"""The patient list at clinic scale (issue 16): the count label never counts every match,
pages arrive by fetchMore as inserted rows, the list updates after a keystroke, and the
list view paints each row from the model's formatted cells."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette

from gistdesk.core.model import Case, Patient
from gistdesk.storage.demo import generate_cases
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.patient_list import (
    COL_AGE,
    COUNT_AT_MOST,
    FIRST_PAGE,
    PAGE,
    READ_AHEAD,
    PatientListModel,
)
from tests.ui.conftest import TODAY

CAP = 100  # the count's cap in these tests (the app's is COUNT_AT_MOST)


def add_patients(repo: SqliteRepository, n: int, family: str = "") -> None:
    cases = list(generate_cases(n, 5, TODAY))
    if family:
        cases = [
            dataclasses.replace(c, patient=dataclasses.replace(c.patient, family_name=family))
            for c in cases
        ]
    repo.insert_new_cases(cases, user="clin")


def window_with(
    qtbot: Any,
    repo: SqliteRepository,
    settings: QSettings,
    cap: int = CAP,
    search: Callable[[], SqliteRepository] | None = None,
) -> MainWindow:
    previous = PatientListModel.count_at_most
    PatientListModel.count_at_most = cap  # read when the first page is fetched
    try:
        win = MainWindow(
            repo, settings, "test.sqlite", "clin", today=lambda: TODAY, search_repository=search
        )
    finally:
        PatientListModel.count_at_most = previous
    win.list_model.count_at_most = cap
    qtbot.addWidget(win)
    return win


def search_connection(
    path: Path, patch: Callable[[SqliteRepository], None]
) -> Callable[[], SqliteRepository]:
    """The app's search connection (ui.app.search_opener), `patch`ed when it opens: a test
    wraps a method to see, slow or fail what the search thread asks."""
    from gistdesk.ui.app import search_opener

    def open_for_search() -> SqliteRepository:
        searching = search_opener(path)()
        assert isinstance(searching, SqliteRepository)
        patch(searching)
        return searching

    return open_for_search


def offset_of(args: tuple[Any, ...], kwargs: dict[str, Any], at: int = 4) -> int:
    """The offset passed to list_patients (positional `at`, or by keyword)."""
    return int(args[at] if len(args) > at else kwargs.get("offset", 0))


def test_the_app_counts_at_most_a_thousand() -> None:
    assert COUNT_AT_MOST == 1000 and PatientListModel.count_at_most == COUNT_AT_MOST


@pytest.mark.parametrize(
    ("patients", "label"),
    [
        (FIRST_PAGE, f"{FIRST_PAGE} patients shown"),  # exactly one page: nothing more
        (FIRST_PAGE + 1, f"{FIRST_PAGE} of {FIRST_PAGE + 1} patients shown"),
        (CAP, f"{FIRST_PAGE} of {CAP} patients shown"),  # at the cap: still exact
        (CAP + 1, f"{FIRST_PAGE} of more than {CAP} patients shown"),  # past it: a bound
    ],
)
def test_count_label_wording_at_the_page_and_the_cap(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings, patients: int, label: str
) -> None:
    add_patients(repo, patients)
    win = window_with(qtbot, repo, settings)
    assert win.count_label.text() == label


def test_scrolling_past_the_cap_keeps_an_honest_bound(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + PAGE + 1)
    win = window_with(qtbot, repo, settings)
    win.list_model.fetchMore()
    shown = FIRST_PAGE + PAGE
    # More than the cap loaded, one row still below: "more than" what is shown.
    assert win.count_label.text() == f"{shown} of more than {shown} patients shown"
    win.list_model.fetchMore()
    assert win.count_label.text() == f"{shown + 1} patients shown"
    assert not win.list_model.canFetchMore()


def test_the_window_never_counts_on_the_ui_thread(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings, tmp_path: Path
) -> None:
    """A typed search is counted with its first page on the search thread, bounded."""
    add_patients(repo, CAP + 20, family="Moreau")
    counted_on: list[tuple[str, int | None]] = []

    def patch(searching: SqliteRepository) -> None:
        count = searching.count_patients

        def spy(*args: Any, **kwargs: Any) -> int:
            counted_on.append((threading.current_thread().name, kwargs.get("at_most")))
            return count(*args, **kwargs)

        searching.count_patients = spy  # type: ignore[method-assign]

    open_for_search = search_connection(repo.path, patch)

    ui_count = repo.count_patients
    ui_counts: list[object] = []

    def ui_spy(*args: Any, **kwargs: Any) -> int:
        ui_counts.append(kwargs.get("at_most"))
        return ui_count(*args, **kwargs)

    win = window_with(qtbot, repo, settings, search=open_for_search)
    repo.count_patients = ui_spy  # type: ignore[method-assign]
    try:
        qtbot.keyClicks(win.search, "mor")
        model = win.list_model
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
        assert win.count_label.text() == f"{FIRST_PAGE} of more than {CAP} patients shown"
        assert counted_on and all(
            name == "gistdesk-search" and at_most == CAP + 1 for name, at_most in counted_on
        )
        assert ui_counts == []  # nothing counted on the UI thread's connection
    finally:
        win.close()


def test_a_typed_search_shows_its_rows_before_their_count(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    """The first page is in the list (and painted) without waiting for the count; until the
    count comes, the label gives only what is known: more than the rows shown."""
    add_patients(repo, FIRST_PAGE + 20, family="Moreau")
    release = threading.Event()

    def patch(searching: SqliteRepository) -> None:
        count = searching.count_patients

        def slow_count(*args: Any, **kwargs: Any) -> int:
            release.wait(10)
            return count(*args, **kwargs)

        searching.count_patients = slow_count  # type: ignore[method-assign]

    win = window_with(qtbot, repo, settings, search=search_connection(repo.path, patch))
    model = win.list_model
    try:
        qtbot.keyClicks(win.search, "mor")
        qtbot.waitUntil(lambda: not model.searching, timeout=5000)
        assert model.rowCount() == FIRST_PAGE and model.counting
        assert win.count_label.text() == f"{FIRST_PAGE} of more than {FIRST_PAGE} patients shown"
        release.set()
        qtbot.waitUntil(lambda: not model.counting, timeout=5000)
        assert win.count_label.text() == f"{FIRST_PAGE} of {FIRST_PAGE + 20} patients shown"
    finally:
        release.set()
        win.close()


def test_a_count_for_a_list_no_longer_shown_is_dropped(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    cases = list(generate_cases(2 * FIRST_PAGE + 25, 5, TODAY))
    families = ["Moreau"] * (FIRST_PAGE + 20) + ["Zoller"] * (FIRST_PAGE + 5)
    repo.insert_new_cases(
        [
            dataclasses.replace(c, patient=dataclasses.replace(c.patient, family_name=f))
            for c, f in zip(cases, families, strict=True)
        ],
        user="clin",
    )
    from gistdesk.ui.app import search_opener

    win = window_with(qtbot, repo, settings, search=search_opener(repo.path))
    model = win.list_model
    try:
        qtbot.keyClicks(win.search, "mor")
        qtbot.waitUntil(lambda: not model.searching, timeout=5000)
        stale = model._shown_generation
        assert stale is not None
        win.search.setText("zol")
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
        model._on_total(stale, FIRST_PAGE + 20)  # Moreau's count, arriving late
        assert model.total == FIRST_PAGE + 5
        assert win.count_label.text() == f"{FIRST_PAGE} of {FIRST_PAGE + 5} patients shown"
    finally:
        win.close()


def test_a_burst_of_keys_counts_and_reads_ahead_for_its_last_list_only(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + PAGE + 20, family="Moreau")
    done: list[tuple[str, str, int]] = []  # (what, query, offset) on the search connection

    def patch(searching: SqliteRepository) -> None:
        count, list_patients = searching.count_patients, searching.list_patients

        def spy_count(query: str, *args: Any, **kwargs: Any) -> int:
            done.append(("count", query, 0))
            return count(query, *args, **kwargs)

        def spy_list(query: str, *args: Any, **kwargs: Any) -> Any:
            offset = offset_of(args, kwargs, at=3)
            done.append(("page" if offset else "first", query, offset))
            return list_patients(query, *args, **kwargs)

        searching.count_patients = spy_count  # type: ignore[method-assign]
        searching.list_patients = spy_list  # type: ignore[method-assign]

    win = window_with(qtbot, repo, settings, search=search_connection(repo.path, patch))
    model = win.list_model
    model._settle_timer.setInterval(1000)  # keys come far faster than this, even under load
    try:
        qtbot.keyClicks(win.search, "moreau")
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
        qtbot.waitUntil(lambda: len(model._ahead) == READ_AHEAD, timeout=5000)
        assert [q for what, q, _o in done if what == "count"] == ["moreau"]
        assert {q for what, q, _o in done if what == "page"} == {"moreau"}
        assert win.count_label.text() == f"{FIRST_PAGE} of more than {CAP} patients shown"
    finally:
        win.close()


def test_the_list_updates_after_a_keystroke(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, 30)
    one = Case(Patient("Z-1", "Zelenko", "Ira", date(1970, 2, 3)))
    repo.save_case(one, user="clin")
    from gistdesk.ui.app import search_opener

    win = window_with(qtbot, repo, settings, search=search_opener(repo.path))
    try:
        with qtbot.waitSignal(win.list_model.modelReset, timeout=5000):
            qtbot.keyClick(win.search, "z")
        assert win.list_model.rows[0].record_number == "Z-1"
        qtbot.keyClicks(win.search, "el")
        qtbot.waitUntil(lambda: not win.list_model.searching, timeout=5000)
        assert [r.record_number for r in win.list_model.rows] == ["Z-1"]
        assert win.count_label.text() == "1 patient shown"
        qtbot.keyClick(win.search, Qt.Key.Key_Backspace)
        qtbot.keyClick(win.search, Qt.Key.Key_Backspace)
        qtbot.keyClick(win.search, Qt.Key.Key_Backspace)
        qtbot.waitUntil(lambda: not win.list_model.searching, timeout=5000)
        assert win.list_model.rowCount() == 31
    finally:
        win.close()


def test_scrolling_to_the_end_loads_pages_as_inserted_rows(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + 2 * PAGE + 5)
    win = window_with(qtbot, repo, settings)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    model, bar = win.list_model, win.list_view.verticalScrollBar()
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    while model.canFetchMore():
        bar.setValue(bar.maximum())  # the view asks the model for more at the bottom
        app.processEvents()  # type: ignore[attr-defined]
    assert model.rowCount() == FIRST_PAGE + 2 * PAGE + 5
    assert inserted == [
        (FIRST_PAGE, FIRST_PAGE + PAGE - 1),
        (FIRST_PAGE + PAGE, FIRST_PAGE + 2 * PAGE - 1),
        (FIRST_PAGE + 2 * PAGE, FIRST_PAGE + 2 * PAGE + 4),
    ]
    assert resets == []  # pages are inserted, the list is never reset while scrolling
    assert win.count_label.text() == f"{model.rowCount()} patients shown"


def spying_search_opener(path: Path, reads: list[tuple[str, int]]) -> Callable[[], Any]:
    """The app's search connection, noting (thread, offset) of every page it reads."""

    def patch(searching: SqliteRepository) -> None:
        list_patients = searching.list_patients

        def spy(*args: Any, **kwargs: Any) -> Any:
            reads.append((threading.current_thread().name, offset_of(args, kwargs)))
            return list_patients(*args, **kwargs)

        searching.list_patients = spy  # type: ignore[method-assign]

    return search_connection(path, patch)


def ui_page_reads(repo: SqliteRepository) -> list[int]:
    """Offsets of the pages the window's own connection reads, from now on."""
    offsets: list[int] = []
    list_patients = repo.list_patients

    def spy(*args: Any, **kwargs: Any) -> Any:
        offsets.append(offset_of(args, kwargs))
        return list_patients(*args, **kwargs)

    repo.list_patients = spy  # type: ignore[method-assign]
    return offsets


def test_scrolling_reads_the_pages_on_the_search_thread_ahead_of_the_view(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    total = FIRST_PAGE + 4 * PAGE + 7
    add_patients(repo, total)
    expected = [r.record_number for r in repo.list_patients(limit=total + 1)]
    reads: list[tuple[str, int]] = []
    win = window_with(qtbot, repo, settings, search=spying_search_opener(repo.path, reads))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    model, bar = win.list_model, win.list_view.verticalScrollBar()
    on_ui = ui_page_reads(repo)
    try:
        # Once the list has shown a moment, READ_AHEAD pages below it are read (and no more).
        ahead = [FIRST_PAGE + PAGE * n for n in range(READ_AHEAD)]
        qtbot.waitUntil(lambda: [o for _t, o in reads] == ahead, timeout=5000)
        qtbot.wait(100)
        assert [o for _t, o in reads] == ahead and model.rowCount() == FIRST_PAGE
        # The view at the bottom asks for more: the page read ahead is inserted at once,
        # and the next one beyond is read.
        bar.setValue(bar.maximum())
        assert model.rowCount() == FIRST_PAGE + PAGE and not model.fetching
        qtbot.waitUntil(lambda: len(reads) == READ_AHEAD + 1, timeout=5000)
        assert reads[-1][1] == FIRST_PAGE + PAGE * READ_AHEAD
        for _step in range(20):  # a step a page at most: 3 more
            if not model.canFetchMore():
                break
            bar.setValue(bar.maximum())
            qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
            app.processEvents()  # type: ignore[attr-defined]
        assert [r.record_number for r in model.rows] == expected  # in order, none twice
        assert {name for name, _offset in reads} == {"gistdesk-search"}
        assert on_ui == []
        assert win.count_label.text() == f"{total} patients shown"
    finally:
        win.close()


def test_a_keystroke_drops_the_pages_read_for_the_old_list(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + 3 * PAGE)
    repo.save_case(Case(Patient("Z-1", "Zelenko", "Ira", date(1970, 2, 3))), user="clin")
    reads: list[tuple[str, int]] = []
    win = window_with(qtbot, repo, settings, search=spying_search_opener(repo.path, reads))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    model, bar = win.list_model, win.list_view.verticalScrollBar()
    try:
        bar.setValue(bar.maximum())  # a page is asked for (and more read ahead) ...
        qtbot.keyClicks(win.search, "zel")  # ... then the list is another one
        qtbot.waitUntil(lambda: not model.searching, timeout=5000)
        win.searcher.wait()  # type: ignore[union-attr]
        app.processEvents()  # type: ignore[attr-defined]
        assert [r.record_number for r in model.rows] == ["Z-1"]
        assert not model.canFetchMore() and not model.fetching
        assert win.count_label.text() == "1 patient shown"
    finally:
        win.close()


def test_selecting_a_patient_beyond_the_loaded_rows_uses_the_pages_read_ahead(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + 5 * PAGE)
    numbers = [r.record_number for r in repo.list_patients(limit=FIRST_PAGE + 5 * PAGE)]
    reads: list[tuple[str, int]] = []
    win = window_with(qtbot, repo, settings, search=spying_search_opener(repo.path, reads))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    model, bar = win.list_model, win.list_view.verticalScrollBar()
    try:
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: len(model._ahead) == READ_AHEAD, timeout=5000)
        on_ui = ui_page_reads(repo)
        target = numbers[FIRST_PAGE + 2 * PAGE + 5]  # in the second page read ahead
        win.select_in_list(target)
        assert on_ui == []  # both pages were read ahead already
        selected = win.list_view.selectionModel().selectedRows()
        assert [model.rows[i.row()].record_number for i in selected] == [target]
        # Past what was read ahead, the window reads the page itself (at once).
        win.searcher.wait()  # type: ignore[union-attr]
        app.processEvents()  # type: ignore[attr-defined]
        model._forget_pages()
        loaded = model.rowCount()
        assert loaded < len(numbers)
        win.select_in_list(numbers[-1])
        assert on_ui == list(range(loaded, len(numbers), PAGE))
        assert [r.record_number for r in model.rows] == numbers
    finally:
        win.close()


def test_a_page_that_fails_to_read_is_reported_and_asked_again(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE + PAGE)
    from gistdesk.storage.errors import StorageError

    failing = [True]

    def patch(searching: SqliteRepository) -> None:
        list_patients = searching.list_patients

        def flaky(*args: Any, **kwargs: Any) -> Any:
            if offset_of(args, kwargs) and failing[0]:
                raise StorageError("the database is busy")
            return list_patients(*args, **kwargs)

        searching.list_patients = flaky  # type: ignore[method-assign]

    win = window_with(qtbot, repo, settings, search=search_connection(repo.path, patch))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    model, bar = win.list_model, win.list_view.verticalScrollBar()
    try:
        with qtbot.waitSignal(model.search_failed, timeout=5000) as failed:
            bar.setValue(bar.maximum())
        assert failed.args == ["the database is busy"]
        # (The view may ask once more at once, as the status message moves the layout.)
        qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
        assert model.rowCount() == FIRST_PAGE and model.canFetchMore()
        failing[0] = False
        bar.setValue(bar.minimum())
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE + PAGE, timeout=5000)
        assert not model.canFetchMore()
    finally:
        win.close()


def test_the_list_paints_selection_and_alternate_rows(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, 10)
    win = window_with(qtbot, repo, settings)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    view = win.list_view
    blocked = view.selectionModel().blockSignals(True)
    view.selectRow(2)
    view.selectionModel().blockSignals(blocked)
    image = view.viewport().grab().toImage()
    height = view.verticalHeader().sectionSize(0)
    x = view.columnViewportPosition(0) + 1  # left of the record number's text
    palette = view.palette()
    assert image.pixelColor(x, 2 * height + 3) == palette.color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(x, 1 * height + 3) == palette.color(QPalette.ColorRole.AlternateBase)
    assert image.pixelColor(x, 0 * height + 3) == palette.color(QPalette.ColorRole.Base)


def test_ages_follow_the_date_at_midnight(app: object, repo: SqliteRepository) -> None:
    """Formatted cells are kept, but not past the day: the birthday's morning adds a year."""
    repo.save_case(
        Case(Patient("B-1", "Birthday", "Bo", date(1970, 6, 2))),
        user="clin",
    )
    today = [date(2026, 6, 1)]
    model = PatientListModel(repo, lambda: today[0])
    model.refresh()
    age = model.index(0, COL_AGE)
    assert model.data(age) == "55"  # the day before the birthday
    today[0] = date(2026, 6, 2)
    assert model.data(age) == "55"  # kept until the day is checked (every minute)
    model._check_day()
    assert model.data(age) == "56"  # on the birthday


def test_the_open_patients_row_stays_in_view_when_the_list_gets_shorter(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    add_patients(repo, FIRST_PAGE)
    win = window_with(qtbot, repo, settings)
    win.resize(1366, 1000)
    win.show()
    qtbot.waitExposed(win)
    view = win.list_view
    shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    row = shown - 2  # near the bottom of the taller list
    view.selectRow(row)
    index = win.list_model.index(row, 0)
    assert view.viewport().rect().contains(view.visualRect(index))
    win.resize(1366, 600)
    row_height = view.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: view.viewport().height() < (shown - 4) * row_height, timeout=3000)
    app.processEvents()  # type: ignore[attr-defined]
    assert view.viewport().rect().contains(view.visualRect(index))
