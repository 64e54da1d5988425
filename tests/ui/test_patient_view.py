"""Patient view, chart and flags panel from Case/Assessment values (no storage needed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt

from gistdesk.clinical import assess
from gistdesk.clinical.types import FlagCode
from gistdesk.ui.flags_panel import FlagsPanel
from gistdesk.ui.patient_view import PatientView
from gistdesk.ui.table_model import RowsModel
from gistdesk.ui.timeline_chart import (
    TimelineChart,
    dose_labels_that_fit,
    month_ticks,
    nice_ticks,
    scan_points,
)
from tests.ui.conftest import TODAY, load


def test_scan_points_use_engine_numbers_and_mark_flags(app: object) -> None:
    case = load("limited_progression_secondary")
    assessment = assess(case, TODAY)
    points = scan_points(case, assessment)
    assert [p.role for p in points] == ["baseline", "follow-up", "follow-up", "follow-up"]
    assert points[0].sod == 48 + 33 + 25  # a baseline: the sum of its target lesions
    assert points[0].response is None
    assert points[-1].sod == assessment.scans[-1].recist.sum_mm
    assert any(f.code is FlagCode.PROGRESSION for f in points[-1].flags)


def test_chart_hover_shows_the_scan_numbers_and_click_selects(app: object, qtbot: Any) -> None:
    case = load("limited_progression_secondary")
    assessment = assess(case, TODAY)
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 360)
    chart.set_data(case, assessment)
    chart.show()
    chart.grab()  # paints: point positions are known after a paint
    last = case.scans_by_date()[-1].date
    assert last in chart._xy
    text = chart.scan_tooltip(last)
    assert "RECIST 1.1" in text and "Choi" in text and "79 mm" in text
    assert "+12.9%" in text  # change vs nadir
    with qtbot.waitSignal(chart.scan_clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._xy[last].toPoint())
    assert blocker.args == [last] and chart.selected == last
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.selected == case.scans_by_date()[-2].date
    assert chart._point_at(QPointF(1, 1)) is None


def test_chart_draws_without_scans(app: object, qtbot: Any) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_data(None, None)
    chart.resize(400, 300)
    assert not chart.grab().isNull()


def test_axis_helpers() -> None:
    from datetime import date

    assert nice_ticks(0, 87) == [0, 20, 40, 60, 80, 100]
    assert month_ticks(date(2022, 11, 15), date(2023, 2, 10)) == [
        date(2022, 12, 1),
        date(2023, 1, 1),
        date(2023, 2, 1),
    ]


def test_dose_labels_are_shown_whole_or_not_at_all() -> None:
    # Drug name ends at x=100; labels are 30 wide, start 4 right of their tick, keep a gap
    # of 6 from the text before and 3 from the next tick or the bar's end.
    assert dose_labels_that_fit(100, [50], [30], 400) == [False]  # over the drug's name
    assert dose_labels_that_fit(100, [102], [30], 400) == [True]  # starts at 106: just clear
    assert dose_labels_that_fit(100, [101], [30], 400) == [False]  # 105: one pixel short
    assert dose_labels_that_fit(100, [200], [30], 237) == [True]  # ends at 234 = 237 - 3
    assert dose_labels_that_fit(100, [200], [30], 236) == [False]  # would be cut at the end
    # Two changes: each label must end 3 before the next tick (234 <= 237, not <= 227).
    assert dose_labels_that_fit(100, [200, 240], [30, 30], 400) == [True, True]
    assert dose_labels_that_fit(100, [200, 230], [30, 30], 400) == [False, True]
    assert dose_labels_that_fit(100, [], [], 400) == []


def test_patient_view_tables_follow_the_case(app: object, qtbot: Any, qtmodeltester: Any) -> None:
    case = load("limited_progression_secondary")
    view = PatientView({})
    qtbot.addWidget(view)
    view.show_case(case, assess(case, TODAY), TODAY)
    assert view.lines_model.rowCount() == 1
    assert view.scans_model.rowCount() == 4
    assert view.selected_scan() == case.scans_by_date()[-1].date  # the latest is selected
    lesions = {r.lesion.lesion_id: r for r in view.lesions_model.rows}
    assert lesions["L2"].previous is not None
    assert round(lesions["L2"].change_pct or 0, 1) == round((30 - 22) / 22 * 100, 1)
    assert "Patient, Test" in view.header.text() or "Patient" in view.header.text()
    assert "modified NIH" in view.header.text()
    view.select_scan(case.scans_by_date()[1].date)
    assert view.chart.selected == case.scans_by_date()[1].date
    assert view.doses_model.rowCount() == 1
    for model in (view.lines_model, view.scans_model, view.lesions_model, view.doses_model):
        assert isinstance(model, RowsModel)
        qtmodeltester.check(model)


def test_flags_panel_orders_newest_first_and_selects_scans(app: object, qtbot: Any) -> None:
    case = load("generalized_progression_primary")
    assessment = assess(case, TODAY)
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.set_assessment(case, assessment)
    flags = panel.flags()
    assert len(flags) == len(assessment.flags)  # no reviews: nothing folded away
    # Scan flags awaiting the team's decision first, then the case alerts; newest first in each.
    scan_flags = [f for f in flags if f.scan is not None]
    alerts = [f for f in flags if f.scan is None]
    assert flags == scan_flags + alerts
    for group in (scan_flags, alerts):
        assert [f.date for f in group] == sorted((f.date for f in group), reverse=True)
    progression = next(f for f in flags if f.code is FlagCode.PROGRESSION)
    assert progression.extent == "generalized"
    with qtbot.waitSignal(panel.scan_selected) as blocker:
        panel.select_flag(flags.index(progression))
    assert blocker.args == [progression.scan]
    assert "Flags (" in panel.title.text()
    panel.set_assessment(None, None)
    assert panel.model.rowCount() == 0 and not panel.empty.isHidden()


def test_chart_explains_bands_and_procedures_on_hover(app: object, qtbot: Any) -> None:
    import dataclasses

    from gistdesk.core.model import Procedure
    from gistdesk.core.vocab import Margin, ProcedureKind

    case = load("limited_progression_secondary")
    surgery = Procedure(
        case.scans_by_date()[1].date, ProcedureKind.SURGERY, "liver", Margin.R1, "wedge <resection>"
    )
    case = dataclasses.replace(case, procedures=(surgery,))
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 360)
    chart.set_data(case, assess(case, TODAY))
    chart.grab()
    texts = [text for _, text in chart._areas]
    assert any("imatinib" in t and "400 mg/day" in t and "ongoing" in t for t in texts)
    surgery_text = next(t for t in texts if "Surgery" in t)
    assert "Margin: R1" in surgery_text and "&lt;resection&gt;" in surgery_text
    band = next(rect for rect, text in chart._areas if "imatinib" in text)
    assert "imatinib" in chart.area_tooltip(band.center())
