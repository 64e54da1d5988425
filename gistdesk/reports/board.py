"""The tumor board sheet: one A4 page per patient for the GIST team's meeting.

What the team needs to decide on the flag of the latest scan, and room to write the decision
down (which is then entered back as a review): genotype and primary tumor; every therapy line
with its doses, best response and time on the line; the open flag with its reason and options
(and other flags still waiting); the scans to put on the screen (the reference and the flagged
scan, with dates and modality); tick boxes for the four decisions and ruled lines for the plan.
Always one page: the content is shrunk to fit when a long history would overflow.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from gistdesk.clinical.render import flag_title
from gistdesk.clinical.types import Assessment, Flag
from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.vocab import MUTATION_LABELS, SITE_LABELS, ReviewDecision
from gistdesk.reports import text as t
from gistdesk.reports.clinic import ClinicInfo
from gistdesk.reports.facts import LineFacts, latest_scan, line_facts
from gistdesk.reports.fonts import SANS, SANS_BOLD
from gistdesk.reports.layout import Margins, PageDecor, content_width, render_pdf
from gistdesk.reports.story import still_applies
from gistdesk.reports.styles import HEAD_BG, LINE, Styles, fit_columns, make_styles

BODY_PT = 9.5
MARGINS = Margins(top=24 * mm, bottom=18 * mm)
RED = colors.HexColor("#b3261e")
# The four decisions, in the order of the review dialog (DESIGN.md section 4, "Reviews").
DECISIONS = (
    ReviewDecision.PROGRESSION_CONFIRMED,
    ReviewDecision.NOT_PROGRESSION,
    ReviewDecision.RE_IMAGE,
    ReviewDecision.NEW_REFERENCE,
)


def board_flags(case: Case, assessment: Assessment) -> tuple[Flag | None, list[Flag]]:
    """(the flag to decide, the other scan flags still waiting): the flag on the latest scan
    up to the assessment date, else the latest flag awaiting review; the others are scan
    flags with no review or `re_image`."""
    latest = latest_scan(case, assessment.as_of)
    scan_flags = assessment.scan_flags()
    focus: Flag | None = None
    if latest is not None:
        focus = next((f for f in scan_flags if f.scan == latest.date), None)
    if focus is None:
        waiting = assessment.awaiting_review()
        focus = waiting[-1] if waiting else None
    others = [f for f in assessment.awaiting_review() if f is not focus]
    return focus, others


def build_board_sheet(
    case: Case,
    assessment: Assessment,
    clinic: ClinicInfo,
    printed_on: date,
    *,
    pagesize: tuple[float, float] = A4,
) -> bytes:
    """The tumor board sheet of one patient as PDF bytes: one page, deterministic."""
    styles = make_styles(BODY_PT)
    width = content_width(pagesize, MARGINS)
    height = pagesize[1] - MARGINS.top - MARGINS.bottom - 12
    lines = line_facts(case, assessment)
    focus, others = board_flags(case, assessment)
    story: list[Flowable] = []
    story += _tumor(case, assessment, styles, width)
    story += _lines(case, assessment, lines, styles, width, printed_on)
    story += _flag(case, printed_on, focus, others, lines, styles, width)
    story += _scans_to_show(case, assessment, focus, styles, width)
    story += _decision(focus, styles, width)
    p = case.patient
    decor = PageDecor(
        title="Tumor board",
        patient_name=t.full_name(p.family_name, p.given_name),
        patient_details=f"Record {p.record_number}  ·  born {t.iso(p.birth_date, 'unknown')}"
        + (f"  ·  {p.sex.value}" if p.sex else ""),
        clinic_name=clinic.name,
        printed_on=printed_on,
        font_size=BODY_PT,
    )
    page = KeepInFrame(width, height, story, mode="shrink")
    return render_pdf(
        [page], decor, pagesize=pagesize, margins=MARGINS, subject="GIST tumor board sheet"
    )


def _h(title: str, styles: Styles) -> Paragraph:
    return Paragraph(title, styles.h2)


def _grid(rows: list[list[str]], styles: Styles, width: float, flex: dict[int, float]) -> Table:
    data = [[Paragraph(c, styles.cell_bold) for c in rows[0]]]
    data += [[Paragraph(c, styles.cell) for c in row] for row in rows[1:]]
    table = Table(
        data, colWidths=fit_columns(rows, width, flex, styles.cell.fontSize), hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
            ]
        )
    )
    return table


# ---- patient and tumor ----------------------------------------------------------------------


def _tumor(case: Case, assessment: Assessment, styles: Styles, width: float) -> list[Flowable]:
    tumor = case.tumor
    genotype = MUTATION_LABELS[tumor.mutation] if tumor.mutation else "not recorded"
    site = SITE_LABELS[tumor.primary_site] if tumor.primary_site else "—"
    extent = t.EXTENT_LABELS[tumor.extent] if tumor.extent else "—"
    if tumor.metastatic_sites:
        extent += " (" + t.para(", ".join(tumor.metastatic_sites)) + ")"
    risk = assessment.risk
    risk_text = "—"
    if risk is not None:
        risk_text = f"modified NIH {t.NIH_LABELS.get(risk.nih_modified, risk.nih_modified)}"
        if risk.afip.risk_percent is not None:
            risk_text += f"; AFIP {t.num(risk.afip.risk_percent)}%"
    surgeries = ", ".join(
        f"{p.date.isoformat()}" + (f" {p.margin.value}" if p.margin else "")
        for p in sorted(case.surgeries(), key=lambda p: p.date)
    )
    others = ", ".join(
        f"{p.date.isoformat()} {t.PROCEDURE_LABELS[p.kind]}"
        + (f" ({t.para(', '.join(p.lesions))})" if p.lesions else "")
        for p in sorted(case.procedures, key=lambda p: p.date)
        if p not in case.surgeries()
    )
    rows = [
        ("Genotype", f"<b>{t.para(genotype)}</b>", "Primary", site),
        (
            "Diagnosed",
            t.iso(tumor.diagnosis_date),
            "Size / mitoses",
            f"{t.num(tumor.size_cm, ' cm')} / {t.num(tumor.mitoses_per_5mm2, ' per 5 mm²')}",
        ),
        ("Extent", extent, "Risk", risk_text),
        ("Surgery", surgeries or "none", "Local therapy", others or "none"),
    ]
    data = [
        [
            Paragraph(k1, styles.cell_bold),
            Paragraph(v1, styles.cell),
            Paragraph(k2, styles.cell_bold),
            Paragraph(v2, styles.cell),
        ]
        for k1, v1, k2, v2 in rows
    ]
    table = Table(data, colWidths=[width * f for f in (0.13, 0.37, 0.15, 0.35)], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
            ]
        )
    )
    return [table]


# ---- lines ----------------------------------------------------------------------------------


def _months(days: int) -> str:
    if days < 31:
        return f"{days} days"
    return f"{days / 30.44:.0f} months"


def _doses(line: TherapyLine) -> str:
    doses = sorted(line.doses, key=lambda d: d.date)
    if not doses:
        return "—"
    parts = [f"{t.num(doses[0].mg_per_day)}"]
    for dose in doses[1:]:
        parts.append(f"→ {t.num(dose.mg_per_day)} ({dose.date.isoformat()})")
    return " ".join(parts) + " mg/day"


def _lines(
    case: Case,
    assessment: Assessment,
    lines: list[LineFacts],
    styles: Styles,
    width: float,
    on: date,
) -> list[Flowable]:
    out: list[Flowable] = [_h("Therapy lines", styles)]
    if not lines:
        return [*out, Paragraph("No therapy lines recorded.", styles.body)]
    rows = [["Drug", "Intent", "From – to", "Time on line", "Doses", "Stop reason", "Best"]]
    for facts in sorted(lines, key=lambda f: (f.line.start, f.index)):
        line, summary = facts.line, facts.summary
        end = line.end if line.end is not None and line.end <= on else None
        span = f"{line.start.isoformat()} – {end.isoformat() if end else 'ongoing'}"
        days = ((end or on) - line.start).days
        kind = t.INTENT_LABELS[line.intent]
        if facts.number:
            kind += f" (line {facts.number})"
        best = "—"
        if summary is not None:
            best = (
                f"RECIST {summary.best_response_recist or '—'}<br/>"
                f"Choi {summary.best_response_choi or '—'}"
            )
        rows.append(
            [
                f"<b>{line.drug.value}</b>",
                kind,
                span,
                _months(max(days, 0)) + ("" if end else " so far"),
                _doses(line),
                t.STOP_LABELS[line.stop_reason] if line.stop_reason else "—",
                best,
            ]
        )
    return [*out, _grid(rows, styles, width, {2: 0.6, 4: 1.6, 5: 0.6, 6: 0.3})]


# ---- the flag ------------------------------------------------------------------------------


def _line_label(lines: list[LineFacts], index: int | None) -> str:
    if index is None or not 0 <= index < len(lines):
        return "off therapy"
    facts = lines[index]
    kind = f"line {facts.number}" if facts.number else facts.line.intent.value
    return f"{facts.line.drug.value} ({kind})"


def _flag(
    case: Case,
    on: date,
    focus: Flag | None,
    others: list[Flag],
    lines: list[LineFacts],
    styles: Styles,
    width: float,
) -> list[Flowable]:
    out: list[Flowable] = [_h("Flag to decide", styles)]
    if focus is None:
        out.append(Paragraph("No scan flag is waiting for the team.", styles.body))
    else:
        head = (
            f"<b>{t.para(flag_title(focus))}</b>  ·  scan {t.iso(focus.scan)}  ·  "
            f"{t.para(_line_label(lines, focus.line_index))}"
        )
        parts: list[Flowable] = [Paragraph(head, styles.body)]
        if focus.review is not None:
            review = focus.review
            parts.append(
                Paragraph(
                    f"<b>Reviewed so far:</b> {t.decision_label(review.decision.value)}, "
                    f"{review.date.isoformat()}, {t.para(review.by)}"
                    + (f": {t.para(review.note)}" if review.note else ""),
                    styles.cell,
                )
            )
        parts.append(Paragraph(t.para(focus.reason), styles.cell))
        details = []
        if focus.criteria:
            details.append("criteria: " + ", ".join(focus.criteria))
        if focus.lesions:
            details.append("lesions: " + ", ".join(focus.lesions))
        if focus.extent:
            details.append(f"extent: {focus.extent}")
        if focus.resistance:
            details.append(f"resistance: {focus.resistance}")
        if focus.days_on_line is not None:
            details.append(f"{focus.days_on_line} days on the line")
        if focus.basis:
            details.append("basis: " + ", ".join(t.BASIS_LABELS.get(b, b) for b in focus.basis))
        if focus.treated_lesions:
            details.append("treated, left out: " + ", ".join(focus.treated_lesions))
        if details:
            parts.append(Paragraph(t.para("; ".join(details)), styles.cell))
        if focus.options:
            # An option the treatment since the scan has answered (a new line, a raised or
            # top dose, a stopped line) is marked, not hidden: the board sees what was done.
            options = "".join(
                f"<br/>☐ {t.para(t.option_label(o))}"
                + (
                    ""
                    if still_applies(o, focus, case, on)
                    else f" <i>(no longer applies on {on.isoformat()})</i>"
                )
                for o in focus.options
            )
            parts.append(Paragraph(f"<b>Options to discuss:</b>{options}", styles.cell))
        box = Table([[p] for p in parts], colWidths=[width - 4])
        box.setStyle(
            TableStyle(
                [
                    ("LINEBEFORE", (0, 0), (0, -1), 3, RED),
                    ("LEFTPADDING", (0, 0), (-1, -1), 7),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fafbfc")),
                ]
            )
        )
        out.append(box)
    if others:
        listed = "; ".join(
            f"{t.iso(f.scan)} {flag_title(f).lower()} ({_line_label(lines, f.line_index)})"
            for f in others
        )
        out.append(Spacer(1, 2))
        out.append(Paragraph(f"<b>Also waiting for a review:</b> {t.para(listed)}", styles.cell))
    return out


# ---- scans to show --------------------------------------------------------------------------


def _lesions(scan: Scan, treated: tuple[str, ...]) -> str:
    parts = []
    for lesion in sorted(scan.lesions, key=lambda x: x.lesion_id):
        size = t.num(lesion.longest_diameter_mm, " mm", "n.m.")
        marks = [
            word
            for word, on in (
                ("target", lesion.target),
                ("new", lesion.new),
                ("nodule", lesion.intratumoral_nodule),
                ("treated", lesion.lesion_id in treated),
            )
            if on
        ]
        extra = f" ({', '.join(marks)})" if marks else ""
        parts.append(f"{t.para(lesion.lesion_id)} {t.para(lesion.organ)} {size}{extra}")
    return "; ".join(parts) or "no lesions recorded"


def _scans_to_show(
    case: Case, assessment: Assessment, focus: Flag | None, styles: Styles, width: float
) -> list[Flowable]:
    out: list[Flowable] = [_h("Scans to show", styles)]
    by_date = {scan.date: scan for scan in case.scans}
    wanted: list[tuple[str, date]] = []
    if focus is not None and focus.scan is not None:
        assessed = assessment.scan(focus.scan)
        ref = focus.reference_scan or (assessed.reference_scan if assessed else None)
        if ref is not None:
            wanted.append(("Reference", ref))
        nadir = assessed.nadir_scan if assessed else None
        if nadir is not None and nadir != ref and nadir != focus.scan:
            wanted.append(("Nadir", nadir))
        wanted.append(("Flagged", focus.scan))
    else:
        latest = latest_scan(case, assessment.as_of)
        if latest is not None:
            wanted.append(("Latest", latest.date))
    if not wanted:
        return [*out, Paragraph("No scans recorded.", styles.body)]
    treated = focus.treated_lesions if focus is not None else ()
    rows = [["Show", "Date", "Modality", "Sum of targets", "Lesions"]]
    for role, day in sorted(wanted, key=lambda x: x[1]):
        scan = by_date.get(day)
        if scan is None:
            continue
        assessed = assessment.scan(day)
        total = assessed.recist.sum_mm if assessed is not None else None
        if total is None:
            sizes = [x.longest_diameter_mm for x in scan.lesions if x.target]
            total = float(sum(v or 0 for v in sizes)) if sizes and None not in sizes else None
        rows.append(
            [
                f"<b>{role}</b>",
                day.isoformat(),
                scan.modality.value,
                t.num(total, " mm"),
                _lesions(scan, treated if role == "Flagged" else ()),
            ]
        )
    return [*out, _grid(rows, styles, width, {4: 1.0})]


# ---- the decision -------------------------------------------------------------------------


class _Box(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An empty tick box drawn as a square (prints on any printer, no glyph needed)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size)


def _ruled(width: float, count: int, pitch: float, label: str, styles: Styles) -> Table:
    rows = [[Paragraph(label, styles.cell_bold), ""]] + [["", ""] for _ in range(count - 1)]
    table = Table(rows, colWidths=[width * 0.16, width * 0.84], rowHeights=[pitch] * count)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.5, LINE),
                ("LINEBELOW", (0, 1), (0, -1), 0.5, LINE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _decision(focus: Flag | None, styles: Styles, width: float) -> list[Flowable]:
    title = "Decision of the tumor board"
    if focus is not None and focus.scan is not None:
        title += f" on the scan of {focus.scan.isoformat()}"
    label = ParagraphStyle("tick", parent=styles.body, fontName=SANS, spaceAfter=0)
    size = BODY_PT * 1.3
    cells = [[_Box(size), Paragraph(t.decision_label(d.value), label)] for d in DECISIONS]
    ticks = Table(
        [cells[0] + cells[1], cells[2] + cells[3]],
        colWidths=[size + 6, width / 2 - size - 6] * 2,
        hAlign="LEFT",
    )
    ticks.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    pitch = BODY_PT * 2.2
    signed = Table(
        [
            [
                Paragraph("Decided by", styles.cell_bold),
                "",
                Paragraph("Date", styles.cell_bold),
                "",
            ]
        ],
        colWidths=[width * 0.16, width * 0.44, width * 0.1, width * 0.3],
        rowHeights=[pitch],
    )
    signed.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, 0), 0.5, LINE),
                ("LINEBELOW", (3, 0), (3, 0), 0.5, LINE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("FONTNAME", (0, 0), (-1, -1), SANS_BOLD),
            ]
        )
    )
    return [
        _h(title, styles),
        ticks,
        Spacer(1, 2),
        _ruled(width, 5, pitch, "Plan / note", styles),
        signed,
        Spacer(1, 3),
        Paragraph(
            "Enter the decision in gistdesk as a review of this scan (Review… on the flag), "
            "with the note: the review is what the next reading and the patient's handout "
            "follow.",
            styles.muted,
        ),
    ]
