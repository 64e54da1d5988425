"""Opening a patient: what the open path reuses between patients (table models, fitted
columns, laid-out flag cards) never shows anything of the patient opened before, and a
save or a review shows at once."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QTableView

from gistdesk.clinical import assess
from gistdesk.core.model import Patient, Review
from gistdesk.core.vocab import ReviewDecision
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.flags_panel import (
    CardLayout,
    CardLayouts,
    CardText,
    flag_card,
    flag_html,
)
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.patient_view import PatientView
from tests.ui.conftest import TODAY, load

A = "limited_progression_secondary"
B = "false_progression_density"


def make_window(qtbot: Any, repo: SqliteRepository, settings: Any) -> MainWindow:
    win = MainWindow(repo, settings, "test.sqlite", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    return win


def tables(view: PatientView) -> list[QTableView]:
    return [
        view.lines_table,
        view.doses_table,
        view.scans_table,
        view.lesions_table,
        view.procedures_table,
        view.side_effects_table,
    ]


def test_columns_are_exactly_as_wide_as_their_header_or_widest_text(
    app: object, qtbot: Any
) -> None:
    view = PatientView({})
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    for name in (A, B, A):  # refitted at every fill: narrower texts narrow the column again
        case = load(name)
        view.show_case(case, assess(case, TODAY), TODAY)
        QApplication.processEvents()
        for table in tables(view):
            header = table.horizontalHeader()
            for column in range(table.model().columnCount()):
                wanted = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
                if table.model().rowCount() == 0:
                    wanted = header.sectionSizeHint(column)
                assert table.columnWidth(column) == wanted, (name, table.objectName(), column)


def test_opening_b_after_a_leaves_nothing_of_a(
    app: object, qtbot: Any, repo: SqliteRepository, settings: Any
) -> None:
    case_a = load(A)
    case_b = dataclasses.replace(
        load(B), patient=Patient("GD-B-002", "Bertrand", "Bea", case_a.patient.birth_date)
    )
    repo.save_case(case_a, user="clin")
    repo.save_case(case_b, user="clin")
    win = make_window(qtbot, repo, settings)
    win.open_patient(case_a.patient.record_number)
    QApplication.processEvents()
    win.repaint()  # cards laid out, chart painted: everything the next open must replace
    win.open_patient("GD-B-002")
    win.repaint()
    view = win.patient_view
    b_days = {scan.date for scan in case_b.scans}
    assert {p.scan.date for p in view.scans_model.rows} == b_days
    assert {p.scan.date for p in view.chart.points} == b_days
    assert set(view.chart._xy) == b_days  # the painted points are B's
    latest = max(case_b.scans, key=lambda s: s.date)
    assert [r.lesion for r in view.lesions_model.rows] == list(latest.lesions)
    assert [r.line for r in view.lines_model.rows] == list(case_b.therapy_lines)
    assert "Bertrand" in view.header.text()
    assert case_a.patient.family_name not in view.header.text()
    assessment_b = assess(case_b, TODAY)
    assert sorted(win.flags_panel.flags(), key=repr) == sorted(assessment_b.flags, key=repr)
    panel = win.flags_panel
    for row in range(panel.model.rowCount()):
        assert panel.model.card(row) == flag_card(panel.model.items[row], case_b)
    # Every table shows B's texts only: a cell of A's scans table is gone.
    shown = {
        view.scans_model.data(view.scans_model.index(r, 0))
        for r in range(view.scans_model.rowCount())
    }
    a_only = {scan.date for scan in case_a.scans} - b_days
    assert not {day.isoformat() for day in a_only} & shown


def test_a_review_and_a_new_scan_show_at_once_after_saving(
    app: object, qtbot: Any, repo: SqliteRepository, settings: Any
) -> None:
    case = load(A)
    record = case.patient.record_number
    repo.save_case(case, user="clin")
    win = make_window(qtbot, repo, settings)
    win.open_patient(record)
    win.repaint()
    panel = win.flags_panel
    flagged = next(f for f in panel.flags() if f.scan is not None)
    before = panel.model.card(panel.flags().index(flagged))
    assert "Awaiting the team" in before.top
    # A colleague's review arrives; the window reads the patient again.
    repo.add_review(record, Review(flagged.scan, ReviewDecision.RE_IMAGE, TODAY, "clin", "CT"))  # type: ignore[arg-type]
    win.controller.reload()
    win.repaint()
    row = [f.scan for f in panel.flags()].index(flagged.scan)
    after = panel.model.card(row)
    assert "Re-image requested" in after.top and "Awaiting the team" not in after.top
    assert win.patient_view.scans_model.rows[-1].review is not None
    # A scan saved through the window shows in the table and the chart.
    later = dataclasses.replace(case.scans_by_date()[-1], date=TODAY)
    saved = repo.load_case(record)
    win.controller.save(dataclasses.replace(saved, scans=(*saved.scans, later)), record)
    win.repaint()
    days = [p.scan.date for p in win.patient_view.scans_model.rows]
    assert days[-1] == later.date and later.date in win.patient_view.chart._xy


def test_the_card_text_is_the_whole_flag_html() -> None:
    case = load(A)
    flag = next(f for f in assess(case, TODAY).flags if f.numbers)
    card = flag_card(flag, case)
    html = flag_html(flag, case)
    assert card.numbers and html.startswith(card.top) and html.endswith(card.bottom)
    for label, value in card.numbers:
        assert f">{label}<" in html and f">{value}<" in html


def _card() -> CardText:
    case = load(A)
    flag = next(f for f in assess(case, TODAY).flags if f.numbers and f.options)
    return flag_card(flag, case)


def test_the_numbers_grid_wraps_labels_when_narrow_and_values_stay_inside(
    app: object,
) -> None:
    card = _card()
    font = QFont(QApplication.font())
    wide = CardLayout(card, 600, font)
    narrow = CardLayout(card, 150, font)
    bare = CardLayout(dataclasses.replace(card, numbers=()), 600, font)
    # Each number takes at least a line.
    line = wide.rows[0][0].height()
    assert wide.height >= bare.height + len(card.numbers) * line
    assert all(label.height() == line for label, _, _, _ in wide.rows)
    # At 150 px some label wraps onto a second line; every value still ends inside the card.
    assert any(label.height() > line for label, _, _, _ in narrow.rows)
    assert all(value.right() <= 150 + 1 for _, _, value, _ in narrow.rows)
    assert narrow.height > wide.height


def test_the_numbers_grid_is_painted(app: object) -> None:
    card = _card()
    layout = CardLayout(card, 400, QFont(QApplication.font()))
    image = QImage(400, int(layout.height) + 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    layout.paint(painter)
    painter.end()
    for label_rect, _, value_rect, _ in layout.rows:
        for rect in (label_rect, value_rect):
            assert _inked(image, rect), rect
    # The options below the grid are painted too.
    assert _inked(image, QRectF(0, layout.bottom_y, 400, layout.height - layout.bottom_y))


def _inked(image: QImage, rect: QRectF) -> bool:
    white = QColor("#ffffff").rgb()
    r = rect.toAlignedRect().intersected(image.rect())
    return any(
        image.pixel(x, y) != white
        for y in range(r.top(), r.bottom() + 1)
        for x in range(r.left(), r.right() + 1)
    )


def test_laid_out_cards_are_reused_and_bounded(app: object) -> None:
    card = _card()
    font = QFont(QApplication.font())
    layouts = CardLayouts(size=2)
    first = layouts.get(card, 300, font)
    assert layouts.get(card, 300, font) is first  # the same card at the same width
    assert layouts.get(card, 280, font) is not first  # another width: laid out again
    other = dataclasses.replace(card, top=card.top + "<div>x</div>")
    layouts.get(other, 300, font)
    assert len(layouts) == 2
    assert layouts.get(card, 300, font) is not first  # the oldest went first


def test_dashes_run_on_across_corners_as_qpainter_draws_them() -> None:
    from PySide6.QtCore import QPointF

    from gistdesk.ui.timeline_chart import dash_segments

    # 10 px right, then 10 px down; dashes of 4 with gaps of 2.
    corner = [QPointF(0, 0), QPointF(10, 0), QPointF(10, 10)]
    dashes = [
        ((round(d.x1(), 6), round(d.y1(), 6)), (round(d.x2(), 6), round(d.y2(), 6)))
        for d in dash_segments(corner, (4.0, 2.0))
    ]
    assert dashes == [
        ((0, 0), (4, 0)),
        ((6, 0), (10, 0)),  # ends exactly at the corner: the gap starts after it
        ((10, 2), (10, 6)),
        ((10, 8), (10, 10)),  # cut by the end of the line
    ]
    assert dash_segments([QPointF(0, 0)], (4.0, 2.0)) == []
