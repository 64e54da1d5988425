"""The patient handout PDF: the patient's own treatment in plain words and large type.

Rules kept here: body text at least 12 pt; short sentences; every abbreviation explained where
it first appears (GIST, CT ...), response codes never printed; only this patient's data.
`language="de"` prints it in German: every phrase goes through a `Phrasebook` (phrases.py).
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from gistdesk.clinical.types import Assessment, FlagCode, Response
from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan
from gistdesk.core.vocab import Extent, Mutation, ProcedureKind
from gistdesk.reports import text as t
from gistdesk.reports.chart import Marker, TimelineRow, treatment_timeline
from gistdesk.reports.facts import latest_scan, next_scan
from gistdesk.reports.layout import Margins, PageDecor, content_width, render_pdf
from gistdesk.reports.phrases import Phrasebook
from gistdesk.reports.styles import ACCENT, LINE, Styles, make_styles

BODY_PT = 12.5
MARGINS = Margins(left=20 * mm, right=20 * mm, top=28 * mm, bottom=22 * mm)


def build_handout_pdf(
    case: Case,
    assessment: Assessment,
    *,
    clinic_name: str,
    printed_on: date,
    pagesize: tuple[float, float] = A4,
    language: str = "en",
    phrasebook: Phrasebook | None = None,
) -> bytes:
    """The plain-language handout for the patient of `case` (deterministic), in `language`
    ("en" or "de")."""
    tr = phrasebook or Phrasebook(language)
    styles = make_styles(BODY_PT)
    width = content_width(pagesize, MARGINS)
    p = case.patient
    name = t.plain_name(p.family_name, p.given_name)
    story: list[Flowable] = [
        Paragraph(tr("Your GIST care summary"), styles.h1),
        Paragraph(
            tr(
                "Prepared for <b>{name}</b> on {day}.",
                name=t.para(name),
                day=tr.long_date(printed_on),
            ),
            styles.body,
        ),
        _disclaimer(styles, width, tr),
    ]
    story += _section(tr("What is GIST?"), styles)
    story.append(Paragraph(t.para(tr(t.GIST_INTRO)), styles.body))
    story += _tumor(case, assessment, styles, tr)
    story += _treatments(case, styles, width, printed_on, tr)
    story += _latest_scan(case, assessment, styles, printed_on, tr)
    story += _next(case, assessment, styles, printed_on, tr)
    story += _questions(styles, tr)
    story += _contacts(clinic_name, styles, width, tr)
    story += [Spacer(1, BODY_PT), _disclaimer(styles, width, tr)]
    story += _notes(styles, tr)
    birth = tr("Born {day}", day=tr.long_date(p.birth_date)) if p.birth_date else ""
    record = tr("Record {number}", number=p.record_number)
    decor = PageDecor(
        title=tr("Your care summary"),
        patient_name=name,
        patient_details="  ·  ".join(x for x in (birth, record) if x),
        clinic_name=clinic_name,
        printed_on=printed_on,
        font_size=11,
        printed_label=tr("Printed {day}", day=tr.long_date(printed_on)),
        page_label=tr("Page {page} of {total}"),
    )
    return render_pdf(
        story, decor, pagesize=pagesize, margins=MARGINS, subject=tr("Patient handout")
    )


def _section(title: str, styles: Styles) -> list[Flowable]:
    return [CondPageBreak(40 * mm), Paragraph(title, styles.h2)]


def _bullets(items: list[str], styles: Styles) -> ListFlowable:
    return ListFlowable(
        [
            ListItem(Paragraph(item, styles.item), leftIndent=BODY_PT * 1.3, value="•")
            for item in items
        ],
        bulletType="bullet",
        start="•",
        leftIndent=BODY_PT * 1.3,
        bulletFontSize=BODY_PT,
    )


# ---- your tumor ---------------------------------------------------------------------------


def _tumor(case: Case, assessment: Assessment, styles: Styles, tr: Phrasebook) -> list[Flowable]:
    tumor = case.tumor
    said: list[str] = []
    if tumor.primary_site is not None:
        said.append(tr("Your tumor started in {site}.", site=tr(t.SITE_PLAIN[tumor.primary_site])))
    if tumor.diagnosis_date is not None:
        said.append(tr("It was found in {month}.", month=tr.month_year(tumor.diagnosis_date)))
    if tumor.size_cm is not None:
        said.append(
            tr(
                "When it was first measured, it was about {size} centimeters across.",
                size=tr.num(tumor.size_cm),
            )
        )
    if tumor.extent is Extent.LOCALIZED:
        said.append(tr("It had not spread to other parts of the body."))
    elif tumor.extent is Extent.LOCALLY_ADVANCED:
        said.append(tr("It had grown into the tissue around it."))
    elif tumor.extent is Extent.METASTATIC:
        where = ", ".join(tumor.metastatic_sites)
        said.append(
            tr("It has spread to other parts of the body ({where}).", where=t.para(where))
            if where
            else tr("It has spread to other parts of the body.")
        )
    elif tumor.extent is Extent.RECURRENT:
        said.append(tr("It came back after earlier treatment."))
    paragraphs = [" ".join(said)] if said else []
    if tumor.mutation is None or tumor.mutation is Mutation.UNKNOWN:
        paragraphs.append(
            tr(
                "A gene test of the tumor is not recorded here. Ask your team "
                "whether it has been done: the result can help choose your "
                "medicine."
            )
        )
    else:
        paragraphs.append(
            tr(
                "Tests on the tumor found {finding}. Knowing this helps your team "
                "choose the medicine most likely to work for you.",
                finding=tr(t.MUTATION_PLAIN[tumor.mutation]),
            )
        )
    risk = assessment.risk
    if (
        risk is not None
        and case.surgeries()
        and tumor.extent in (Extent.LOCALIZED, Extent.LOCALLY_ADVANCED)
    ):
        words = {
            "very_low": "very low",
            "low": "low",
            "intermediate": "moderate",
            "high": "high",
        }.get(risk.nih_modified)
        if words:
            paragraphs.append(
                tr(
                    "After your operation, your team estimated the chance of the "
                    "tumor coming back as <b>{risk}</b>. This guides how long "
                    "medicine is advised after surgery and how often you have "
                    "scans.",
                    risk=tr(words),
                )
            )
    return [
        *_section(tr("Your tumor and what the tests found"), styles),
        *[Paragraph(text, styles.body) for text in paragraphs],
    ]


# ---- treatments ---------------------------------------------------------------------------


def _dose_words(line: TherapyLine, on: date, tr: Phrasebook) -> str:
    dose = line.dose_on(min(on, line.end) if line.end else on) or line.last_dose()
    if dose is None:
        return ""
    return tr("{mg} milligrams a day", mg=tr.num(dose.mg_per_day))


def _line_sentence(line: TherapyLine, on: date, tr: Phrasebook) -> str:
    drug = tr(t.drug_plain(line.drug))
    name = drug[0].upper() + drug[1:]
    dose = _dose_words(line, on, tr)
    if line.end is None or line.end > on:
        when = tr("since {day}, still taking", day=tr.long_date(line.start))
        if dose:
            when += tr(" ({dose} now)", dose=dose)
    else:
        stop = tr(t.STOP_PLAIN[line.stop_reason]) if line.stop_reason else tr("stopped")
        when = tr(
            "from {start} to {end} ({stop})",
            start=tr.long_date(line.start),
            end=tr.long_date(line.end),
            stop=stop,
        )
    return tr(
        "<b>{name}</b> {intent}: {when}.",
        name=name,
        intent=tr(t.INTENT_PLAIN[line.intent]),
        when=when,
    )


def _treatments(
    case: Case, styles: Styles, width: float, on: date, tr: Phrasebook
) -> list[Flowable]:
    out = _section(tr("Your treatments so far"), styles)
    lines = sorted(
        (line for line in case.therapy_lines if line.start <= on), key=lambda line: line.start
    )
    procedures = sorted((p for p in case.procedures if p.date <= on), key=lambda p: p.date)
    scans = sorted(s.date for s in case.scans if s.date <= on)
    if not lines and not procedures:
        return [*out, Paragraph(tr("No treatments are recorded yet."), styles.body)]
    rows = [
        TimelineRow(
            tr(t.TIMELINE_DRUG[line.drug]) if line.drug in t.TIMELINE_DRUG else line.drug.value,
            line.start,
            min(line.end, on) if line.end else on,
            line.end is None or line.end > on,
        )
        for line in lines
    ]
    days = [line.start for line in lines] + [p.date for p in procedures] + scans + [on]
    only_surgery = all(p.kind is ProcedureKind.SURGERY for p in procedures)
    events_label = tr("Operations") if only_surgery else tr("Other treatments")
    drawing = treatment_timeline(
        rows,
        [Marker(p.date, p.kind.value) for p in procedures],
        scans,
        min(days),
        on,
        width,
        font_size=12,
        events_label=events_label,
        scans_label=tr("Scans"),
        month_abbr=tr.month_abbr,
    )
    items = [_line_sentence(line, on, tr) for line in lines]
    items += [
        tr("<b>{what}</b> on {day}.", what=tr(t.PROCEDURE_PLAIN[p.kind]), day=tr.long_date(p.date))
        for p in procedures
    ]
    parts = []
    if rows:
        parts.append(tr("each bar is a medicine (an arrow means you are still taking it)"))
    if procedures:
        parts.append(
            tr("diamonds are operations")
            if only_surgery
            else tr("diamonds are operations and other treatments")
        )
    if scans:
        parts.append(tr("dots are scans"))
    key = Paragraph(tr("In the picture: {parts}.", parts="; ".join(parts)), styles.body)
    return [
        *out,
        KeepTogether([drawing, Spacer(1, 3), key]),
        Spacer(1, BODY_PT * 0.6),
        _bullets(items, styles),
    ]


# ---- latest scan --------------------------------------------------------------------------


def _scan_words(case: Case, assessment: Assessment, scan: Scan, tr: Phrasebook) -> list[str]:
    flags = [f for f in assessment.flags if f.scan == scan.date]
    codes = {f.code for f in flags}
    assessed = assessment.scan(scan.date)
    if FlagCode.FALSE_PROGRESSION in codes:
        return [tr(t.FALSE_PROGRESSION_PLAIN)]
    if FlagCode.PROGRESSION in codes:
        return [tr(t.RESPONSE_PLAIN["PD"])]
    if FlagCode.RECURRENCE in codes:
        return [tr(t.NEW_SPOT_PLAIN)]
    if assessed is not None:
        followed = sum(1 for lesion in scan.lesions if lesion.target)
        words = [tr(t.response_plain(assessed.recist.overall.value, followed))]
        if assessed.recist.overall is Response.SD and assessed.choi.response is Response.PR:
            words.append(tr(t.number_agreed(t.DENSITY_RESPONSE_PLAIN, followed)))
        return words
    if scan.new_lesions:
        return [tr(t.NEW_SPOT_PLAIN)]
    if not scan.lesions:
        return [tr("No tumor can be seen on the scan.")]
    return [tr(t.NO_COMPARISON_PLAIN)]


def _latest_scan(
    case: Case, assessment: Assessment, styles: Styles, on: date, tr: Phrasebook
) -> list[Flowable]:
    out = _section(tr("What your latest scan showed"), styles)
    scan = latest_scan(case, on)
    if scan is None:
        return [*out, Paragraph(tr("No scans are recorded yet."), styles.body)]
    intro = tr(
        "Your latest scan was a {kind} on {day}.",
        kind=tr(t.MODALITY_PLAIN[scan.modality.value]),
        day=tr.long_date(scan.date),
    )
    assessed = assessment.scan(scan.date)
    if (
        assessed is not None
        and assessed.line_index is not None
        and 0 <= assessed.line_index < len(case.therapy_lines)
    ):
        line = case.therapy_lines[assessed.line_index]
        base = baseline_scan(case, line)
        if base is not None:
            intro += tr(
                " It was compared with your scan of {day}, taken before you started {drug}.",
                day=tr.long_date(base.date),
                drug=tr(t.drug_plain(line.drug)),
            )
    words = _scan_words(case, assessment, scan, tr)
    box = Table(
        [[Paragraph(f"<b>{w}</b>", styles.body)] for w in words], colWidths=[None], hAlign="LEFT"
    )
    box.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3f9")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    after = Paragraph(
        tr(
            "Scan results can be hard to read on their own. Your team looks at "
            "each scan together with how you feel and your earlier scans."
        ),
        styles.body,
    )
    return [*out, Paragraph(intro, styles.body), box, Spacer(1, BODY_PT * 0.5), after]


# ---- what happens next --------------------------------------------------------------------


def _options(case: Case, assessment: Assessment, on: date, tr: Phrasebook) -> list[str]:
    """Plain options from a flag on the latest scan and the case alerts, without repeats.
    An older flag's options are left out: the team has acted on it since."""
    items: list[str] = []
    scan = latest_scan(case, on)
    on_latest = [f for f in assessment.flags if scan is not None and f.scan == scan.date]
    latest = on_latest[-1] if on_latest else None
    if latest is not None and latest.code is FlagCode.FALSE_PROGRESSION:
        items.append(tr("Carrying on with the same medicine and checking again with another scan."))
    elif latest is not None:
        items += [_option_plain(option, tr) for option in latest.options]
    for flag in assessment.flags:
        if flag.scan is None and flag.code.value in t.ALERT_PLAIN:
            items.append(tr(t.ALERT_PLAIN[flag.code.value]))
    seen: set[str] = set()
    return [i for i in items if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]


def _option_plain(option: str, tr: Phrasebook) -> str:
    if option.startswith("switch_to:"):
        return tr("Changing to another medicine ({drug}).", drug=option.split(":", 1)[1])
    return tr(t.option_plain(option))


def _next(
    case: Case, assessment: Assessment, styles: Styles, on: date, tr: Phrasebook
) -> list[Flowable]:
    out = _section(tr("What happens next"), styles)
    plan = next_scan(case, assessment, on)
    why = tr(plan.why)
    if plan.due is None:
        text = why
    elif plan.due <= on:
        text = tr(
            "Your next scan is due now ({why}). Please check with your team that it is booked.",
            why=why,
        )
    else:
        text = tr(
            "Your next scan is planned for around <b>{month}</b>, because {why}. This is "
            "a plan: your team will confirm the date.",
            month=tr.month_year(plan.due),
            why=why,
        )
    out.append(Paragraph(text, styles.body))
    options = _options(case, assessment, on, tr)
    if options:
        out.append(Paragraph(tr("Your team may talk with you about:"), styles.body))
        out.append(_bullets([t.para(o) for o in options], styles))
    else:
        out.append(
            Paragraph(tr("For now, the plan is to carry on as agreed with your team."), styles.body)
        )
    return out


def _questions(styles: Styles, tr: Phrasebook) -> list[Flowable]:
    return [
        *_section(tr("Questions you may want to ask"), styles),
        _bullets([t.para(tr(q)) for q in t.QUESTIONS], styles),
    ]


class NoteLines(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A "Notes" heading with ruled lines that fill the rest of the page: at least
    `min_lines` (else heading and lines move together to the next page), at most
    `max_lines`. One flowable, so it sees the real space left on the page."""

    def __init__(
        self, heading: Paragraph, pitch: float, min_lines: int = 4, max_lines: int = 24
    ) -> None:
        super().__init__()
        self.heading, self.pitch = heading, pitch
        self.min_lines, self.max_lines = min_lines, max_lines
        self.count = min_lines
        self.heading_h = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, height = self.heading.wrap(avail_width, avail_height)
        self.heading_h = height + self.heading.style.spaceAfter
        fits = int((avail_height - self.heading_h) // self.pitch)
        self.count = max(self.min_lines, min(self.max_lines, fits))
        return avail_width, self.heading_h + self.count * self.pitch

    def draw(self) -> None:
        canvas = self.canv
        total = self.heading_h + self.count * self.pitch
        self.heading.drawOn(canvas, 0, total - self.heading_h + self.heading.style.spaceAfter)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        for i in range(self.count):
            y = i * self.pitch + 1
            canvas.line(0, y, self.width, y)


def _contacts(clinic_name: str, styles: Styles, width: float, tr: Phrasebook) -> list[Flowable]:
    contact = Table(
        [
            [
                Paragraph(tr("<b>Your care team</b>"), styles.body),
                Paragraph(t.para(clinic_name), styles.body),
            ],
            [Paragraph(tr("<b>Phone</b>"), styles.body), ""],
            [Paragraph(tr("<b>Your nurse</b>"), styles.body), ""],
        ],
        colWidths=[width * 0.3, width * 0.7],
        rowHeights=[BODY_PT * 2.2] * 3,
    )
    contact.setStyle(
        TableStyle(
            [("LINEBELOW", (1, 1), (1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
        )
    )
    return [CondPageBreak(45 * mm), Paragraph(tr("Contacts"), styles.h2), contact]


def _notes(styles: Styles, tr: Phrasebook) -> list[Flowable]:
    return [
        Spacer(1, styles.h2.spaceBefore),
        NoteLines(Paragraph(tr("Notes"), styles.h2), BODY_PT * 2.1),
    ]


def _disclaimer(styles: Styles, width: float, tr: Phrasebook) -> Flowable:
    box = Table([[Paragraph(f"<b>{t.para(tr(t.DISCLAIMER))}</b>", styles.body)]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box
