"""The patient handout PDF: the patient's own treatment in plain words and large type.

Rules kept here: body text at least 12 pt; short sentences; every abbreviation explained where
it first appears (GIST, CT ...), response codes never printed; only this patient's data.
`language="de"` prints it in German: every phrase goes through a `Phrasebook` (phrases.py).
"""

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
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case, TherapyLine
from gistdesk.core.vocab import Drug, Extent, Mutation, ProcedureKind
from gistdesk.reports import sentences as s
from gistdesk.reports import text as t
from gistdesk.reports.chart import Marker, TimelineRow, treatment_timeline
from gistdesk.reports.clinic import ClinicInfo
from gistdesk.reports.drugs import DRUG_INFO, drug_name
from gistdesk.reports.facts import completely_resected
from gistdesk.reports.layout import (
    Margins,
    PageDecor,
    clinic_footer,
    content_width,
    render_pdf,
)
from gistdesk.reports.phrases import Phrasebook
from gistdesk.reports.story import (
    ScanStory,
    alerts_for_patient,
    latest_scan_story,
    next_scan_words,
    options_for_patient,
)
from gistdesk.reports.styles import ACCENT, LINE, Styles, make_styles

BODY_PT = 12.5
MARGINS = Margins(left=20 * mm, right=20 * mm, top=28 * mm, bottom=22 * mm)


def build_handout_pdf(
    case: Case,
    assessment: Assessment,
    *,
    printed_on: date,
    clinic: ClinicInfo | None = None,
    clinic_name: str = "",
    pagesize: tuple[float, float] = A4,
    language: str = "en",
    phrasebook: Phrasebook | None = None,
) -> bytes:
    """The plain-language handout for the patient of `case` (deterministic), in `language`
    ("en" or "de"). `clinic` gives the name, phone and nurse line printed under Contacts;
    `clinic_name` alone is the same as `ClinicInfo(clinic_name)`."""
    clinic = clinic or ClinicInfo(clinic_name)
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
    scan_story = latest_scan_story(case, assessment, printed_on, tr)
    story += _latest_scan(scan_story, styles, tr)
    story += _next(case, assessment, scan_story, styles, printed_on, tr)
    story += _medicine(case, styles, printed_on, tr)
    story += _questions(styles, tr)
    story += _contacts(clinic, styles, width, tr)
    story += clinic_footer(clinic.footer, styles.body)
    story += [Spacer(1, BODY_PT), _disclaimer(styles, width, tr)]
    story += _notes(styles, tr)
    birth = tr("Born {day}", day=tr.long_date(p.birth_date)) if p.birth_date else ""
    record = tr("Record {number}", number=p.record_number)
    decor = PageDecor(
        title=tr("Your care summary"),
        patient_name=name,
        patient_details="  ·  ".join(x for x in (birth, record) if x),
        clinic_name=clinic.name,
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
    if risk is not None and completely_resected(case, assessment.as_of):
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
    drug = (
        tr(t.DRUG_PLAIN[line.drug])
        if line.drug in t.DRUG_PLAIN
        else drug_name(line.drug, tr.language)
    )
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


def _latest_scan(scan_story: ScanStory, styles: Styles, tr: Phrasebook) -> list[Flowable]:
    out = _section(tr("What your latest scan showed"), styles)
    if scan_story.scan is None:
        return [*out, Paragraph(scan_story.findings[0], styles.body)]
    box = Table(
        [[Paragraph(f"<b>{w}</b>", styles.body)] for w in scan_story.findings],
        colWidths=[None],
        hAlign="LEFT",
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
    # What the team does: in bold while the flag waits for them (it is the news that counts).
    team_text = f"<b>{scan_story.team}</b>" if scan_story.awaiting else scan_story.team
    team = Paragraph(team_text, styles.body)
    # Heading, findings and what the team does stay on one page: a finding read alone on
    # the next page (without the team's sentence) could alarm or reassure wrongly.
    return [
        out[0],
        KeepTogether(
            [out[1], Paragraph(scan_story.intro, styles.body), box, Spacer(1, BODY_PT * 0.5), team]
        ),
    ]


# ---- what happens next --------------------------------------------------------------------


def _next(
    case: Case,
    assessment: Assessment,
    scan_story: ScanStory,
    styles: Styles,
    on: date,
    tr: Phrasebook,
) -> list[Flowable]:
    out = _section(tr("What happens next"), styles)
    out.append(Paragraph(next_scan_words(case, assessment, on, tr), styles.body))
    alerts = [t.para(tr(t.ALERT_PLAIN[code])) for code in alerts_for_patient(case, assessment, on)]
    if scan_story.awaiting:
        review = scan_story.review
        waiting = s.WAIT_RE_IMAGE if review is not None else s.DEPENDS
        out.append(Paragraph(tr(waiting), styles.body))
        if alerts:
            out.append(Paragraph(tr(s.ALSO_TALK), styles.body))
            out.append(_bullets(alerts, styles))
        return out
    options = [t.para(o) for o in options_for_patient(case, scan_story, on, tr)]
    items = options + [a for a in alerts if a not in options]
    if items:
        out.append(Paragraph(tr(s.MAY_TALK), styles.body))
        out.append(_bullets(items, styles))
    else:
        out.append(Paragraph(tr(s.CARRY_ON), styles.body))
    return out


# ---- your medicine ------------------------------------------------------------------------


def _two_columns(items: tuple[str, ...], styles: Styles, tr: Phrasebook) -> Table:
    """Short items as bullets in two columns, down the first column then the second."""
    half = (len(items) + 1) // 2
    left, right = items[:half], items[half:]
    hanging = ParagraphStyle(
        "hanging", parent=styles.item, leftIndent=BODY_PT * 1.1, bulletIndent=0
    )

    def cell(text: str) -> Paragraph:
        return Paragraph(tr(text), hanging, bulletText="•")

    rows = [[cell(a), cell(right[i]) if i < len(right) else ""] for i, a in enumerate(left)]
    table = Table(rows, colWidths=["50%", "50%"], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), BODY_PT * 0.3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _medicine(case: Case, styles: Styles, on: date, tr: Phrasebook) -> list[Flowable]:
    """The medicines taken on `on`: brand name, common side effects, what to report at once
    (drugs.DRUG_INFO, from the labels)."""
    taking = [
        line
        for line in sorted(case.therapy_lines, key=lambda line: line.start)
        if line.start <= on and (line.end is None or line.end > on) and line.drug in DRUG_INFO
    ]
    out: list[Flowable] = []
    shown: set[Drug] = set()
    for line in taking:
        if line.drug in shown:
            continue
        shown.add(line.drug)
        info = DRUG_INFO[line.drug]
        out += [
            Paragraph(tr(s.YOU_TAKE, drug=drug_name(line.drug, tr.language)), styles.body),
            KeepTogether(
                [Paragraph(tr(s.COMMON), styles.body), _two_columns(info.common, styles, tr)]
            ),
            Spacer(1, BODY_PT * 0.3),
            KeepTogether(
                [
                    Paragraph(f"<b>{tr(s.URGENT)}</b>", styles.body),
                    _bullets([tr(x) for x in info.urgent], styles),
                ]
            ),
            Spacer(1, BODY_PT * 0.3),
        ]
    if not out:
        return []
    return [
        *_section(tr(s.MEDICINE_HEADING), styles),
        *out,
        Paragraph(tr(s.LEAFLET), styles.body),
    ]


def _questions(styles: Styles, tr: Phrasebook) -> list[Flowable]:
    return [
        *_section(tr("Questions you may want to ask"), styles),
        _bullets([t.para(tr(q)) for q in (*t.QUESTIONS, s.SPECIALIST_QUESTION)], styles),
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


def _contacts(clinic: ClinicInfo, styles: Styles, width: float, tr: Phrasebook) -> list[Flowable]:
    """Name, phone and nurse line from the clinic settings; a line to write on where one is
    not set."""
    contact = Table(
        [
            [
                Paragraph(tr("<b>Your care team</b>"), styles.body),
                Paragraph(t.para(clinic.name), styles.body),
            ],
            [
                Paragraph(tr("<b>Phone</b>"), styles.body),
                Paragraph(t.para(clinic.phone), styles.body),
            ],
            [
                Paragraph(tr("<b>Your nurse</b>"), styles.body),
                Paragraph(t.para(clinic.nurse_line), styles.body),
            ],
        ],
        colWidths=[width * 0.3, width * 0.7],
        rowHeights=[BODY_PT * 2.2] * 3,
    )
    blank = [
        ("LINEBELOW", (1, row), (1, row), 0.5, LINE)
        for row, value in ((1, clinic.phone), (2, clinic.nurse_line))
        if not value.strip()
    ]
    contact.setStyle(TableStyle([*blank, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
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
