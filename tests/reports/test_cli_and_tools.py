"""`gistdesk report`, the screenshot tool and the chart helpers."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing

from gistdesk.cli import main
from gistdesk.reports.chart import (
    Band,
    ChartPoint,
    Marker,
    TimelineRow,
    _date_ticks,
    nice_ticks,
    response_chart,
    treatment_timeline,
)
from gistdesk.resources import resource_path
from tests.reports.helpers import CASES
from tests.reports.pdftext import all_text, pages_text

CASE = str(CASES / "limited_progression_secondary.json")


@pytest.mark.parametrize("kind", ["summary", "handout"])
def test_report_from_a_case_file(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{kind}.pdf"
    code = main(
        [
            "report",
            "--case",
            CASE,
            "--kind",
            kind,
            "-o",
            str(out),
            "--printed-on",
            "2023-02-01",
            "--clinic",
            "Clinic <&>",
        ]
    )
    assert code == 0
    text = all_text(out.read_bytes())
    assert "Clinic <&>" in text and "EX-003" in text
    assert "wrote" in capsys.readouterr().out
    assert out.stat().st_mode & 0o077 == 0  # a printout of patient data: owner-only


def test_report_defaults_the_assessment_date_to_the_print_date(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    assert main(["report", "--case", CASE, "-o", str(out), "--printed-on", "2023-02-01"]) == 0
    assert "Active flags as of 2023-02-01" in all_text(out.read_bytes())


def test_report_invalid_case_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gistdesk-case/1"}', encoding="utf-8")
    assert main(["report", "--case", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "not a valid case file" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_report_needs_exactly_one_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "-o", str(tmp_path / "x.pdf")]) == 1
    assert main(["report", "GD-1", "--case", CASE, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "either RECORD_NUMBER or --case" in capsys.readouterr().err


@pytest.mark.skipif(
    importlib.util.find_spec("gistdesk.commands.common") is not None,
    reason="the storage commands are present",
)
def test_record_number_without_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "GD-1", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "database not available" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-dir" / "x.pdf"
    assert main(["report", "--case", CASE, "-o", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_screenshots(tmp_path: Path) -> None:
    from gistdesk.tools.report_screenshots import render_report_screenshots

    written = render_report_screenshots(tmp_path, dpi=40, cases_dir=None)
    names = sorted(p.name for p in written)
    assert names == [
        "report-board-page1.png",
        "report-board.pdf",
        "report-handout-page1.png",
        "report-handout.pdf",
        "report-summary-page1.png",
        "report-summary.pdf",
    ]
    for path in written:
        assert path.stat().st_size > 1000
        if path.suffix == ".png":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_screenshots_of_every_example_case(tmp_path: Path) -> None:
    from gistdesk.tools.report_screenshots import render_example_cases

    written = render_example_cases(CASES, tmp_path)
    names = {p.name for p in written}
    for case in CASES.glob("*.expected.json"):
        name = case.name.removesuffix(".expected.json")
        assert f"board-{name}.png" in names  # the board sheet: always one page
        assert f"handout-{name}-page1.png" in names
    assert not list(tmp_path.glob("*.pdf"))  # only the pictures are kept
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_resources_are_found() -> None:
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resource_path("fonts", "LICENSE-DejaVu.txt").is_file()
    assert resource_path("examples", "report-demo.json").is_file()


def test_nice_ticks() -> None:
    assert nice_ticks(0, 106) == [0, 25, 50, 75, 100, 125]
    assert nice_ticks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    ticks = nice_ticks(-12, 80)
    assert ticks[0] <= -12 and ticks[-1] >= 80


def test_date_ticks_stay_few() -> None:
    ticks = _date_ticks(date(2010, 1, 1), date(2024, 1, 1))
    assert 2 <= len(ticks) <= 8
    short = _date_ticks(date(2022, 1, 1), date(2022, 6, 1))
    assert short[0][1] == "Jan 2022"


def test_charts_draw_without_data_and_with_gaps() -> None:
    assert isinstance(response_chart([], [], [], 400, 150), Drawing)
    points = [
        ChartPoint(date(2022, 1, 1), 50, None),
        ChartPoint(date(2022, 4, 1), None, 30),
        ChartPoint(date(2022, 7, 1), 40, 25),
    ]
    chart = response_chart(
        points,
        [Band(date(2022, 1, 5), date(2022, 8, 1), "imatinib")],
        [Marker(date(2022, 5, 1), "RFA")],
        400,
        150,
        flagged=[date(2022, 7, 1)],
    )
    assert chart.width == 400
    timeline = treatment_timeline(
        [TimelineRow("imatinib", date(2022, 1, 1), date(2023, 1, 1), True)],
        [Marker(date(2022, 6, 1), "surgery")],
        [date(2022, 3, 1)],
        date(2022, 1, 1),
        date(2023, 1, 1),
        400,
    )
    assert timeline.height > 0


def test_report_from_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A real SQLite file through the command line's own open_repository (no stand-in).
    from gistdesk.storage.factory import open_repository
    from tests.reports.helpers import example

    case, _ = example("responder")
    db = tmp_path / "x.sqlite"
    with open_repository(db) as repo:
        repo.save_case(case, user="setup", as_of=date(2023, 1, 15))
    out = tmp_path / "h.pdf"
    code = main(
        [
            "report",
            case.patient.record_number,
            "--kind",
            "handout",
            "-o",
            str(out),
            "--db",
            str(db),
            "--printed-on",
            "2023-01-15",
        ]
    )
    assert code == 0
    assert "Test Patient" in all_text(out.read_bytes())
    with open_repository(db) as repo:
        repo.sign_in_local_operator("check")
        prints = [e for e in repo.audit_entries(case.patient.record_number) if e.action == "print"]
    assert [e.field for e in prints] == ["handout (command line)"]
    assert main(["report", "NOPE-9", "-o", str(tmp_path / "n.pdf"), "--db", str(db)]) == 1
    assert "no patient with record number 'NOPE-9'" in capsys.readouterr().err
    assert not (tmp_path / "n.pdf").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("gistdesk.storage.repository") is None,
    reason="the SQLite repository is not in this build",
)
def test_report_from_the_sqlite_database_matches_the_case_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The database route prints the same bytes as the case-file route for the same case."""
    repository = importlib.import_module("gistdesk.storage.repository")
    from gistdesk.core.casefile import read_case_file

    demo = resource_path("examples", "report-demo.json")
    case, _ = read_case_file(demo, date(2024, 1, 20))
    db = tmp_path / "clinic.sqlite"
    with repository.SqliteRepository(db) as repo:
        repo.save_case(case, user="test")
    from_db, from_file = tmp_path / "db.pdf", tmp_path / "file.pdf"
    common = ["--printed-on", "2024-01-20", "--clinic", "C", "--kind", "handout"]
    assert (
        main(["report", case.patient.record_number, "--db", str(db), "-o", str(from_db), *common])
        == 0
    )
    assert main(["report", "--case", str(demo), "-o", str(from_file), *common]) == 0
    assert from_db.read_bytes() == from_file.read_bytes()
    with repository.SqliteRepository(db) as repo:  # printing is in the audit log
        newest = repo.audit_entries(limit=1)[0]
        assert (newest.action, newest.record_number, newest.field) == (
            "print",
            case.patient.record_number,
            "handout (command line)",
        )
        assert newest.username.startswith("cli:")
    # An unknown record number: exit 1, a message, no file left behind.
    missing = tmp_path / "n.pdf"
    assert main(["report", "NOPE-9", "--db", str(db), "-o", str(missing), *common]) == 1
    assert not missing.exists()
    assert "NOPE-9" in capsys.readouterr().err


def test_report_prints_the_clinic_phone_and_nurse_line(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    args = ["report", "--case", CASE, "--kind", "handout", "-o", str(out)]
    args += ["--printed-on", "2023-02-01", "--clinic", "GIST Unit"]
    assert main([*args, "--clinic-phone", "+49 30 450 0", "--nurse-line", "+49 30 450 77"]) == 0
    text = all_text(out.read_bytes())
    contacts = text[text.index("Contacts") :]
    assert "GIST Unit" in contacts
    assert "+49 30 450 0" in contacts and "+49 30 450 77" in contacts
    # Without them the contacts keep blank lines to write on (nothing invented).
    assert main(args) == 0
    assert "+49" not in all_text(out.read_bytes())


def test_report_from_the_database_uses_the_clinic_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gistdesk.storage.contract import ClinicSettings
    from gistdesk.storage.factory import open_repository
    from tests.reports.helpers import example

    monkeypatch.delenv("GISTDESK_CLINIC_NAME", raising=False)
    case, _ = example("responder")
    db = tmp_path / "x.sqlite"
    with open_repository(db) as repo:
        repo.save_case(case, user="setup", as_of=date(2023, 1, 15))
        repo.sign_in_local_operator("setup")
        repo.set_clinic_settings(
            ClinicSettings(clinic_name="Klinik Nord", phone="+49 40 111", nurse_line="+49 40 222")
        )
    out = tmp_path / "h.pdf"
    args = ["report", case.patient.record_number, "--kind", "handout", "-o", str(out)]
    args += ["--db", str(db), "--printed-on", "2023-01-15"]
    assert main(args) == 0
    contacts = all_text(out.read_bytes()).split("Contacts", 1)[1]
    assert "Klinik Nord" in contacts and "+49 40 111" in contacts and "+49 40 222" in contacts
    # The command line overrides the settings.
    assert main([*args, "--nurse-line", "+49 40 999", "--clinic", "Station 3"]) == 0
    contacts = all_text(out.read_bytes()).split("Contacts", 1)[1]
    assert "+49 40 999" in contacts and "+49 40 222" not in contacts
    assert "Station 3" in contacts and "+49 40 111" in contacts


def test_the_clinic_footer_closes_the_summary_and_the_handout_not_the_board(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gistdesk.storage.contract import ClinicSettings
    from gistdesk.storage.factory import open_repository
    from tests.reports.helpers import example

    monkeypatch.delenv("GISTDESK_CLINIC_NAME", raising=False)
    case, _ = example("responder")
    db = tmp_path / "x.sqlite"
    footer = "Klinik Nord · Haus 4 <b>Ebene 2</b>\nSprechzeiten Mo-Fr 8-16"
    with open_repository(db) as repo:
        repo.save_case(case, user="setup", as_of=date(2023, 1, 15))
        repo.sign_in_local_operator("setup")
        repo.set_clinic_settings(ClinicSettings(clinic_name="Klinik Nord", report_footer=footer))
    out = tmp_path / "r.pdf"
    common = [case.patient.record_number, "--db", str(db), "--printed-on", "2023-01-15"]
    for kind in ("summary", "handout"):
        assert main(["report", *common, "--kind", kind, "-o", str(out)]) == 0
        text = all_text(out.read_bytes())
        # Markup the clinic typed prints as typed; its line break is kept.
        assert "Haus 4 <b>Ebene 2</b>" in text, kind
        assert "Sprechzeiten Mo-Fr 8-16" in text, kind
    # The handout prints it with the contacts; the summary closes with it, on its last page.
    assert main(["report", *common, "--kind", "handout", "-o", str(out)]) == 0
    assert "Haus 4" in all_text(out.read_bytes()).split("Contacts", 1)[1]
    assert main(["report", *common, "--kind", "summary", "-o", str(out)]) == 0
    assert "Haus 4" in pages_text(out.read_bytes())[-1]
    # The one-page board sheet is the team's working sheet: no clinic footer there.
    assert main(["report", *common, "--kind", "board", "-o", str(out)]) == 0
    assert "Sprechzeiten" not in all_text(out.read_bytes())
    # No footer set: nothing extra is printed.
    with open_repository(db) as repo:
        repo.sign_in_local_operator("setup")
        repo.set_clinic_settings(ClinicSettings(clinic_name="Klinik Nord"))
    assert main(["report", *common, "--kind", "summary", "-o", str(out)]) == 0
    assert "Sprechzeiten" not in all_text(out.read_bytes())
