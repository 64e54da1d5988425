"""The clinician summary PDF: the whole case and its assessment on 1-3 pages (more for long
histories: tables continue with their header row repeated)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from gistdesk.clinical.render import flag_title
from gistdesk.clinical.types import Assessment, Flag, FlagCode
from gistdesk.core.model import Case
from gistdesk.core.vocab import MUTATION_LABELS, SITE_LABELS, ProcedureKind
from gistdesk.reports import text as t
from gistdesk.reports.chart import Band, ChartPoint, Marker, response_chart
from gistdesk.reports.clinic import ClinicInfo
from gistdesk.reports.facts import (
    LineFacts,
    ScanFacts,
    completely_resected,
    line_facts,
    scan_facts,
)
from gistdesk.reports.fonts import SANS, SANS_BOLD
from gistdesk.reports.layout import Margins, PageDecor, clinic_footer, content_width, render_pdf
from gistdesk.reports.styles import HEAD_BG, LINE, ZEBRA, Styles, fit_columns, make_styles

BODY_PT = 8.5
FLAG_COLORS = {
    FlagCode.PROGRESSION: colors.HexColor("#b3261e"),
    FlagCode.RECURRENCE: colors.HexColor("#b3261e"),
    FlagCode.FALSE_PROGRESSION: colors.HexColor("#c77700"),
}
ALERT_COLOR = colors.HexColor("#2f5f9e")
SHORT_FLAG = {
    FlagCode.PROGRESSION: "progression",
    FlagCode.FALSE_PROGRESSION: "false prog.",
    FlagCode.RECURRENCE: "recurrence",
}
CHART_PROCEDURE = {
    ProcedureKind.RFA: "RFA",
    ProcedureKind.TAE: "TAE",
    ProcedureKind.TACE: "TACE",
    ProcedureKind.SBRT: "SBRT",
    ProcedureKind.MICROWAVE_ABLATION: "MWA",
}
PET_SHORT = {"metabolic_response": "MR", "metabolic_progression": "MP", "stable": "stable"}
SIMPLIFICATIONS = (
    "Flags are decision support for the GIST team, never orders. The engine does not apply "
    "RECIST confirmation scans or a minimum SD duration (the team's review takes their place); "
    "uses one PET threshold (±25% SUVmax) instead of EORTC's cycle-dependent ones; leaves a "
    "locally treated lesion out of the reading only when the procedure lists it; computes Choi "
    "density on contrast CT only; raises no flag for a PET SUV rise alone; and computes an "
    "unknown rupture as no rupture."
)


def build_summary_pdf(
    case: Case,
    assessment: Assessment,
    *,
    printed_on: date,
    clinic: ClinicInfo | None = None,
    clinic_name: str = "",
    pagesize: tuple[float, float] = A4,
) -> bytes:
    """The clinician summary of one case as PDF bytes (deterministic for the same input).
    `clinic_name` alone is the same as `clinic=ClinicInfo(clinic_name)`."""
    clinic = clinic or ClinicInfo(clinic_name)
    styles = make_styles(BODY_PT)
    margins = Margins()
    width = content_width(pagesize, margins)
    lines = line_facts(case, assessment)
    scans = scan_facts(case, assessment, lines)
    story: list[Flowable] = []
    story += _identity(case, assessment, styles, width, printed_on)
    story += _flags(case, assessment, lines, styles, width)
    story += _lines(lines, styles, width)
    story += _procedures(case, styles, width)
    story += _reviews(case, styles, width)
    story += _chart(case, assessment, lines, scans, styles, width, printed_on)
    story += _scans(scans, lines, assessment, styles, width)
    story += _side_effects(case, styles, width)
    story += _flag_history(case, assessment, lines, styles, width)
    story += [Spacer(1, 4 * mm), Paragraph(t.para(SIMPLIFICATIONS), styles.muted)]
    story += clinic_footer(clinic.footer, styles.muted)
    p = case.patient
    decor = PageDecor(
        title="Clinician summary",
        patient_name=t.full_name(p.family_name, p.given_name),
        patient_details=f"Record {p.record_number}  ·  born {t.iso(p.birth_date, 'unknown')}",
        clinic_name=clinic.name,
        printed_on=printed_on,
        font_size=BODY_PT,
    )
    return render_pdf(
        story, decor, pagesize=pagesize, margins=margins, subject="GIST clinician summary"
    )


# ---- sections -----------------------------------------------------------------------------


def _table_style(header: bool = True, zebra_rows: int = 0) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), BODY_PT * 0.9),
        ("LEADING", (0, 0), (-1, -1), BODY_PT * 1.12),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
    ]
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, LINE),
        ]
    start = 1 if header else 0
    for row in range(start + 1, zebra_rows + start, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return TableStyle(commands)


def _section(title: str, styles: Styles) -> list[Flowable]:
    # Do not start a section in the last few cm of a page (a heading alone looks broken).
    return [CondPageBreak(30 * mm), Paragraph(title, styles.h2)]


def _kv_table(rows: list[tuple[str, str, str, str]], styles: Styles, width: float) -> Table:
    data = [
        [
            Paragraph(k1, styles.cell_bold),
            Paragraph(v1, styles.cell),
            Paragraph(k2, styles.cell_bold),
            Paragraph(v2, styles.cell),
        ]
        for k1, v1, k2, v2 in rows
    ]
    widths = [width * 0.15, width * 0.35, width * 0.15, width * 0.35]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(_table_style(header=False))
    return table


def _age(birth: date | None, on: date) -> str:
    if birth is None:
        return ""
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return f" (age {years})"


def _identity(
    case: Case, assessment: Assessment, styles: Styles, width: float, printed_on: date
) -> list[Flowable]:
    p, tumor = case.patient, case.tumor
    rupture = {True: "yes", False: "no", None: "unknown"}[tumor.rupture]
    sites = ", ".join(tumor.metastatic_sites) or "—"
    risk = assessment.risk
    if risk is None:
        nih = afip = "not computable (size or mitoses missing)"
        adjuvant = "—"
    else:
        nih = t.NIH_LABELS.get(risk.nih_modified, t.humanize(risk.nih_modified))
        afip = (
            f"{t.num(risk.afip.risk_percent)}% ({t.humanize(risk.afip.category)})"
            if risk.afip.risk_percent is not None
            else t.humanize(risk.afip.category)
        )
        adjuvant = t.ADJUVANT_LABELS.get(risk.adjuvant, t.humanize(risk.adjuvant))
    rows = [
        (
            "Patient",
            t.para(t.full_name(p.family_name, p.given_name)),
            "Record",
            t.para(p.record_number),
        ),
        (
            "Born",
            t.iso(p.birth_date, "unknown") + _age(p.birth_date, printed_on),
            "Sex",
            t.humanize(p.sex.value if p.sex else None),
        ),
        (
            "Diagnosed",
            t.iso(tumor.diagnosis_date),
            "Primary site",
            SITE_LABELS[tumor.primary_site] if tumor.primary_site else "—",
        ),
        (
            "Size",
            t.num(tumor.size_cm, " cm"),
            "Mitoses",
            t.num(tumor.mitoses_per_5mm2, " per 5 mm²"),
        ),
        ("Rupture", rupture, "Extent", t.EXTENT_LABELS[tumor.extent] if tumor.extent else "—"),
        (
            "Metastases",
            t.para(sites),
            "Mutation",
            MUTATION_LABELS[tumor.mutation] if tumor.mutation else "—",
        ),
        ("Modified NIH", nih, "AFIP risk", afip),
    ]
    table = _kv_table(rows, styles, width)
    follow = assessment.follow_up
    if follow is None:
        follow_text = "no routine follow-up interval applies"
    else:
        basis = t.FOLLOW_UP_LABELS.get(follow.basis.value, t.humanize(follow.basis.value))
        follow_text = (
            f"<b>{follow.next_scan_due.isoformat()}</b> (every {follow.interval_days} days, "
            f"{basis})"
        )
        if follow.is_overdue(assessment.as_of):
            follow_text += " — overdue"
    if completely_resected(case, assessment.as_of):
        risk_label = "Risk of recurrence after complete resection (modified NIH, AFIP)."
    else:
        risk_label = (
            "Risk estimates of the primary tumor only: no complete resection of a localized "
            "tumor is recorded, so they are not a risk of recurrence."
        )
    adj = Table(
        [
            [Paragraph("Risk", styles.cell_bold), Paragraph(risk_label, styles.cell)],
            [Paragraph("Adjuvant", styles.cell_bold), Paragraph(adjuvant, styles.cell)],
            [Paragraph("Next scan due", styles.cell_bold), Paragraph(follow_text, styles.cell)],
        ],
        colWidths=[width * 0.15, width * 0.85],
        hAlign="LEFT",
    )
    adj.setStyle(_table_style(header=False))
    return [Paragraph("Patient, primary tumor and risk", styles.h2), table, adj]


def _line_of(lines: list[LineFacts], index: int | None) -> str:
    if index is None or not 0 <= index < len(lines):
        return "off therapy"
    facts = lines[index]
    kind = f"line {facts.number}" if facts.number else facts.line.intent.value
    return f"{facts.line.drug.value} ({kind})"


def _flag_details(flag: Flag) -> list[str]:
    details: list[str] = []
    if flag.criteria:
        details.append("criteria: " + ", ".join(flag.criteria))
    if flag.lesions:
        details.append("lesions: " + ", ".join(flag.lesions))
    if flag.extent:
        details.append(f"extent: {flag.extent}")
    if flag.resistance:
        details.append(f"resistance: {flag.resistance}")
    if flag.basis:
        details.append("basis: " + ", ".join(t.BASIS_LABELS.get(b, b) for b in flag.basis))
    if flag.code is FlagCode.FALSE_PROGRESSION and flag.early_first_line:
        details.append("early on the first line (< 6 months)")
    if flag.reference_scan is not None:
        details.append(f"vs reference {flag.reference_scan.isoformat()}")
    if flag.treated_lesions:
        details.append("treated, left out: " + ", ".join(flag.treated_lesions))
    return details


def review_text(flag: Flag) -> str:
    """The team's review of a scan flag as markup: decision, date, who, note; or that the
    flag still waits for one. Empty for case alerts (they are not reviewed)."""
    if not flag.is_scan_flag:
        return ""
    review = flag.review
    if review is None:
        return "<b>Not reviewed yet</b>: awaiting the team's decision"
    text = (
        f"<b>Review: {t.decision_label(review.decision.value)}</b>  ·  "
        f"{review.date.isoformat()}  ·  {t.para(review.by)}"
    )
    if review.note:
        text += f"  ·  {t.para(review.note)}"
    if not review.handled:
        text += " (still awaiting a decision)"
    return text


def _flag_block(flag: Flag, lines: list[LineFacts], styles: Styles, width: float) -> Table:
    head = f"<b>{t.para(flag_title(flag))}</b>  ·  {flag.date.isoformat()}"
    if flag.scan is not None:
        head += f"  ·  scan {flag.scan.isoformat()}"
    if flag.line_index is not None or flag.code is FlagCode.PROGRESSION:
        head += f"  ·  {t.para(_line_of(lines, flag.line_index))}"
    parts = [Paragraph(head, styles.body)]
    review = review_text(flag)
    if review:
        parts.append(Paragraph(review, styles.cell))
    parts.append(Paragraph(t.para(flag.reason), styles.cell))
    details = _flag_details(flag)
    if details:
        parts.append(Paragraph(t.para("; ".join(details)), styles.cell))
    if flag.options:
        options = "; ".join(t.option_label(o) for o in flag.options)
        parts.append(Paragraph(f"<b>Options to discuss:</b> {t.para(options)}", styles.cell))
    if flag.source:
        parts.append(Paragraph(f"Source: {t.para(flag.source)}", styles.muted))
    box = Table([[p] for p in parts], colWidths=[width - 4])
    color = FLAG_COLORS.get(flag.code, ALERT_COLOR)
    box.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 3, color),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fafbfc")),
            ]
        )
    )
    return box


def split_flags(case: Case, assessment: Assessment) -> tuple[list[Flag], list[Flag]]:
    """(active, earlier): active = case alerts and the flags on the latest scan up to the
    assessment date (what the team must act on now, as the patient list counts them);
    earlier = flags on older scans, kept as history."""
    scans = [scan.date for scan in case.scans if scan.date <= assessment.as_of]
    last = max(scans, default=None)
    active = [f for f in assessment.flags if f.scan is None or f.scan == last]
    earlier = [f for f in assessment.flags if f.scan is not None and f.scan != last]
    return active, earlier


def _flags(
    case: Case, assessment: Assessment, lines: list[LineFacts], styles: Styles, width: float
) -> list[Flowable]:
    out = _section(f"Active flags as of {assessment.as_of.isoformat()}", styles)
    active, earlier = split_flags(case, assessment)
    if not active:
        out.append(Paragraph("No active flags.", styles.body))
    for flag in active:
        out += [KeepTogether([_flag_block(flag, lines, styles, width)]), Spacer(1, 2.5)]
    if earlier:
        out.append(
            Paragraph(
                f'{len(earlier)} earlier flag(s) on older scans: see "Earlier flags" at the end.',
                styles.muted,
            )
        )
    return out


def _flag_history(
    case: Case, assessment: Assessment, lines: list[LineFacts], styles: Styles, width: float
) -> list[Flowable]:
    """Flags on older scans, newest first, one row each (history, not for action now)."""
    _, earlier = split_flags(case, assessment)
    out: list[Flowable] = []
    if earlier:
        out += _section("Earlier flags", styles)
        rows: list[list[str]] = [["Scan", "Flag", "Line", "Details", "Options listed", "Review"]]
        for flag in reversed(earlier):  # newest first: the most relevant history on top
            rows.append(
                [
                    flag.date.isoformat(),
                    t.para(flag_title(flag)),
                    t.para(_line_of(lines, flag.line_index)),
                    t.para("; ".join(_flag_details(flag))),
                    t.para("; ".join(t.option_label(o) for o in flag.options) or "—"),
                    review_text(flag) or "—",
                ]
            )
        data = [_cells(rows[0], styles.cell_bold)] + [_cells(r, styles.cell) for r in rows[1:]]
        widths = fit_columns(
            rows, width, {1: 0.8, 2: 0.6, 3: 1.6, 4: 1.3, 5: 1.2}, styles.cell.fontSize
        )
        table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(_table_style(zebra_rows=len(data) - 1))
        out.append(table)
    return out


def _doses(facts: LineFacts) -> str:
    parts = []
    for dose in sorted(facts.line.doses, key=lambda d: d.date):
        schedule = f" ({t.para(dose.schedule)})" if dose.schedule else ""
        parts.append(f"{dose.date.isoformat()}: {t.num(dose.mg_per_day)} mg/day{schedule}")
    return "<br/>".join(parts) or "—"


def _cells(values: list[str | Flowable], style: ParagraphStyle) -> list[Flowable]:
    """Every cell a Paragraph, so a long value wraps inside its column instead of running
    into the next one (`neoadjuvant` beside a dash, `patient choice` beside `PR`). Strings
    here are already markup (escaped user text)."""
    return [v if isinstance(v, Flowable) else Paragraph(v, style) for v in values]


# Therapy-lines columns (header, share of the width left once every column fits its longest
# word: "neoadjuvant", "2021-03-01"); the dose history takes most of what is left.
LINE_COLUMNS = (
    ("Drug", 0.0),
    ("Intent", 0.0),
    ("Line", 0.0),
    ("Start", 0.0),
    ("End", 0.0),
    ("Dose history", 3.0),
    ("Stop reason", 1.0),
    ("References", 0.0),
    ("Best RECIST", 0.0),
    ("Best Choi", 0.0),
)


def _lines(lines: list[LineFacts], styles: Styles, width: float) -> list[Flowable]:
    out = _section("Therapy lines", styles)
    if not lines:
        return [*out, Paragraph("No therapy lines recorded.", styles.body)]
    rows: list[list[str]] = [[h for h, _ in LINE_COLUMNS]]
    for facts in sorted(lines, key=lambda f: (f.line.start, f.index)):
        line, summary = facts.line, facts.summary
        rows.append(
            [
                f"<b>{line.drug.value}</b>",
                t.INTENT_LABELS[line.intent],
                str(facts.number) if facts.number else "—",
                line.start.isoformat(),
                line.end.isoformat() if line.end else "ongoing",
                _doses(facts),
                t.STOP_LABELS[line.stop_reason] if line.stop_reason else "—",
                ("<br/>".join(d.isoformat() for d in summary.references) or "—")
                if summary
                else "—",
                (summary.best_response_recist or "—") if summary else "—",
                (summary.best_response_choi or "—") if summary else "—",
            ]
        )
    data = [_cells(rows[0], styles.cell_bold)] + [_cells(r, styles.cell) for r in rows[1:]]
    flex = {i: f for i, (_, f) in enumerate(LINE_COLUMNS) if f}
    widths = fit_columns(rows, width, flex, styles.cell.fontSize)
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(zebra_rows=len(data) - 1))
    return [*out, table]


def _procedures(case: Case, styles: Styles, width: float) -> list[Flowable]:
    out = _section("Procedures", styles)
    if not case.procedures:
        return [*out, Paragraph("No procedures recorded.", styles.body)]
    data: list[list[object]] = [
        [Paragraph(h, styles.cell_bold) for h in ("Date", "Procedure", "Organ", "Margin", "Note")]
    ]
    for proc in sorted(case.procedures, key=lambda p: p.date):
        data.append(
            [
                proc.date.isoformat(),
                t.PROCEDURE_LABELS[proc.kind],
                Paragraph(t.para(proc.organ or "—"), styles.cell),
                proc.margin.value if proc.margin else "—",
                Paragraph(t.para(proc.note or ""), styles.cell),
            ]
        )
    fractions = [0.11, 0.24, 0.15, 0.08, 0.42]
    table = LongTable(data, colWidths=[width * f for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(zebra_rows=len(data) - 1))
    return [*out, table]


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _short_line(facts: LineFacts) -> str:
    """`imatinib (1st)`, `imatinib (adj.)`: short enough for a table cell or a band."""
    kind = {"neoadjuvant": "neoadj.", "adjuvant": "adj."}.get(facts.line.intent.value)
    if kind is None:
        kind = _ordinal(facts.number) if facts.number else facts.line.intent.value
    return f"{facts.line.drug.value} ({kind})"


def _chart(
    case: Case,
    assessment: Assessment,
    lines: list[LineFacts],
    scans: list[ScanFacts],
    styles: Styles,
    width: float,
    printed_on: date,
) -> list[Flowable]:
    points = [ChartPoint(s.scan.date, s.sod_mm, s.mean_hu) for s in scans]
    last_day = max([printed_on] + [s.scan.date for s in scans])
    bands = [
        Band(f.line.start, f.line.end or last_day, _short_line(f))
        for f in sorted(lines, key=lambda f: (f.line.start, f.index))
        if f.line.start <= last_day
    ]
    markers = [
        Marker(p.date, CHART_PROCEDURE.get(p.kind, p.kind.value.replace("_", " ")))
        for p in case.procedures
    ]
    flagged = [f.scan for f in assessment.flags if f.scan is not None and f.code in SHORT_FLAG]
    drawing = response_chart(points, bands, markers, width, 62 * mm, font_size=7, flagged=flagged)
    note = Paragraph(
        "Sum of diameters per scan: the engine's RECIST sum on follow-up scans, else the sum "
        "of the lesions marked target on that scan. Shaded bands: therapy lines; dashed "
        "verticals: procedures.",
        styles.muted,
    )
    return [*_section("Response over time", styles), KeepTogether([drawing, note])]


def _role(facts: ScanFacts, lines: list[LineFacts]) -> str:
    parts = []
    if facts.baseline_of:
        parts.append("baseline " + ", ".join(_short_line(lines[i]) for i in facts.baseline_of))
    if facts.line_index is not None and 0 <= facts.line_index < len(lines):
        parts.append(_short_line(lines[facts.line_index]))
    return "<br/>".join(parts) or "no line"


def _reference_cell(facts: ScanFacts) -> str:
    """The scan's reference (the scan it was read against) and the treated lesions left out,
    as a plain string (lesion ids are user text: printed as typed, never parsed)."""
    a = facts.assessed
    if a is None:
        return "—"
    parts = [a.reference_scan.isoformat() if a.reference_scan else "none"]
    if a.treated_lesions:
        parts.append("treated: " + ", ".join(a.treated_lesions))
    return "\n".join(parts)


def _flag_cell(facts: ScanFacts, assessment: Assessment) -> str:
    parts: list[str] = []
    for flag in assessment.flags_for_scan(facts.scan.date):
        if flag.code not in SHORT_FLAG:
            continue
        label = f'<font color="#b3261e"><b>{SHORT_FLAG[flag.code]}</b></font>'
        if flag.review is not None:
            label += "<br/>" + t.para(t.decision_label(flag.review.decision.value).lower())
            label += f" {flag.review.date.isoformat()} {t.para(flag.review.by)}"
        else:
            label += "<br/>not reviewed"
        parts.append(label)
    return "<br/>".join(parts)


# (header, share of the width left once every column fits its longest word)
SCAN_COLUMNS = (
    ("Date", 0.0),
    ("Modality", 0.0),
    ("Line", 1.0),
    ("Reference", 0.0),
    ("SOD mm", 0.0),
    ("vs ref.", 0.0),
    ("vs nadir", 0.0),
    ("RECIST", 0.3),
    ("Choi", 0.0),
    ("Density", 0.0),
    ("PET", 0.3),
    ("Flag / review", 1.6),
)


def _scans(
    scans: list[ScanFacts],
    lines: list[LineFacts],
    assessment: Assessment,
    styles: Styles,
    width: float,
) -> list[Flowable]:
    out = _section("Scans", styles)
    if not scans:
        return [*out, Paragraph("No scans recorded.", styles.body)]
    rows: list[list[str]] = [[h for h, _ in SCAN_COLUMNS]]
    for facts in scans:
        a = facts.assessed
        new = len(facts.scan.new_lesions)
        recist = f"{a.recist.target.value} / {a.recist.overall.value}" if a else "—"
        pet = "—"
        if a and a.pet.response is not None:
            pet = f"{PET_SHORT[a.pet.response.value]} {t.pct(a.pet.suv_change_pct, '')}"
        role = _role(facts, lines)
        if a is not None and a.new_reference:
            role += "<br/><b>new reference</b>"
        rows.append(
            [
                facts.scan.date.isoformat(),
                facts.scan.modality.value,
                role,
                _reference_cell(facts),
                t.num(facts.sod_mm) + (f"\n+{new} new" if new else ""),
                t.pct(a.recist.change_vs_baseline_pct) if a else "—",
                t.pct(a.recist.change_vs_nadir_pct) if a else "—",
                recist,
                a.choi.response.value if a else "—",
                t.pct(a.choi.density_change_pct) if a else "—",
                pet,
                _flag_cell(facts, assessment),
            ]
        )
    # Paragraphs only where text wraps (they are slow for a 100-scan table); the other
    # columns are plain strings, each fitted to its longest line.
    wrapping = (2, 11)
    data: list[list[object]] = [_cells(rows[0], styles.cell_bold)]
    data += [
        [Paragraph(v, styles.cell) if i in wrapping and v else v for i, v in enumerate(row)]
        for row in rows[1:]
    ]
    flex = {i: f for i, (_, f) in enumerate(SCAN_COLUMNS) if f}
    plain = frozenset(range(len(SCAN_COLUMNS))) - set(wrapping)
    body = [rows[0], *rows[1:]]
    widths = fit_columns(body, width, flex, styles.cell.fontSize, nowrap=plain)
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _table_style(zebra_rows=len(data) - 1)
    style.add("ALIGN", (4, 1), (6, -1), "RIGHT")
    style.add("ALIGN", (9, 1), (9, -1), "RIGHT")
    style.add("ALIGN", (7, 1), (8, -1), "CENTER")
    style.add("ALIGN", (10, 1), (10, -1), "CENTER")
    table.setStyle(style)
    legend = Paragraph(
        "SOD: sum of target diameters (short axis for nodes). Reference: the scan each scan is "
        "read against (the line's baseline until a review or a dose escalation makes a later "
        "scan the new reference); treated lesions are left out of the reading. vs ref. / vs "
        "nadir: RECIST 1.1 change against the reference and the nadir. RECIST: target / "
        "overall response. Density: Choi mean-density change vs the reference (CT only). PET: "
        "MR metabolic response, MP metabolic progression (SUVmax change vs the reference). "
        "Baseline scans and scans outside a reading are not assessed (—).",
        styles.muted,
    )
    return [*out, table, Spacer(1, 2), legend]


def _reviews(case: Case, styles: Styles, width: float) -> list[Flowable]:
    """Every review the team recorded, by scan then review date (the latest per scan is in
    force; reviews are never edited, a later one supersedes)."""
    if not case.reviews:
        return []
    out = _section("Team reviews", styles)
    ordered = sorted(enumerate(case.reviews), key=lambda x: (x[1].scan, x[1].date, x[0]))
    in_force: dict[date, int] = {}
    for index, review in ordered:
        in_force[review.scan] = index
    data: list[list[Flowable]] = [
        _cells(["Scan", "Decision", "Reviewed", "By", "Note"], styles.cell_bold)
    ]
    for index, review in ordered:
        decision = t.decision_label(review.decision.value)
        if in_force[review.scan] != index:
            decision += " (superseded)"
        data.append(
            _cells(
                [
                    review.scan.isoformat(),
                    f"<b>{decision}</b>" if in_force[review.scan] == index else decision,
                    review.date.isoformat(),
                    t.para(review.by),
                    t.para(review.note) or "—",
                ],
                styles.cell,
            )
        )
    fractions = [0.11, 0.25, 0.11, 0.14, 0.39]
    table = LongTable(data, colWidths=[width * f for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(zebra_rows=len(data) - 1))
    return [*out, table]


def _side_effects(case: Case, styles: Styles, width: float) -> list[Flowable]:
    out = _section("Side effects", styles)
    if not case.side_effects:
        return [*out, Paragraph("No side effects recorded.", styles.body)]
    data: list[list[object]] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("Date", "Side effect", "Grade (CTCAE)", "Drug", "Action")
        ]
    ]
    for effect in sorted(case.side_effects, key=lambda e: e.date):
        data.append(
            [
                effect.date.isoformat(),
                Paragraph(t.para(effect.term), styles.cell),
                str(effect.grade),
                Paragraph(t.para(effect.drug or "—"), styles.cell),
                t.ACTION_LABELS[effect.action],
            ]
        )
    fractions = [0.12, 0.38, 0.14, 0.18, 0.18]
    table = LongTable(data, colWidths=[width * f for f in fractions], repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(zebra_rows=len(data) - 1))
    return [*out, table]
