"""Page template shared by both PDFs: patient header and clinic footer on every page.

"Page N of M" needs the page count before the first page is finished, so the canvas keeps
each page's state and draws header and footer for all of them at save time (the usual
reportlab recipe). Output is deterministic: invariant mode, no clock (the print date is given).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from gistdesk.reports.fonts import SANS, SANS_BOLD, markup, register_fonts

RULE = colors.HexColor("#8a97a8")
INK = colors.HexColor("#1d2633")
MUTED = colors.HexColor("#4a5566")
FRAME_PAD = 6.0  # platypus Frame default padding


@dataclass(frozen=True, slots=True)
class PageDecor:
    """What every page carries. Text fields are plain text (escaped when drawn)."""

    title: str
    patient_name: str
    patient_details: str  # e.g. "Record GD-0001 · born 1961-04-02"
    clinic_name: str
    printed_on: date
    font_size: float = 8.5
    printed_label: str = ""  # footer wording of the print date; default "Printed YYYY-MM-DD"
    page_label: str = "Page {page} of {total}"  # footer page number, a str.format template


@dataclass(frozen=True, slots=True)
class Margins:
    left: float = 18 * mm
    right: float = 18 * mm
    top: float = 24 * mm  # room for the header
    bottom: float = 20 * mm  # room for the footer


def _style(size: float, bold: bool = False, align: int = 0) -> ParagraphStyle:
    return ParagraphStyle(
        "decor",
        fontName=SANS_BOLD if bold else SANS,
        fontSize=size,
        leading=size * 1.25,
        textColor=INK,
        alignment=align,
    )


def _draw(
    canvas: Canvas, text: str, style: ParagraphStyle, x: float, top: float, width: float
) -> None:
    para = Paragraph(text, style)
    _, height = para.wrap(width, 1000)
    para.drawOn(canvas, x, top - height)


def _fit_name(name: str, size: float, width: float) -> Paragraph:
    """The patient's name on one line if a slightly smaller size allows; a very long name
    wraps (never truncated: it identifies the patient) at the smallest size, so the header
    still fits above the rule."""
    text = f"<b>{markup(name)}</b>"
    para = Paragraph(text, _style(size + 2.5, bold=True))
    for grow in (2.5, 1.5, 0.5, -0.5):
        para = Paragraph(text, _style(size + grow, bold=True))
        _, height = para.wrap(width, 1000)
        if height <= (size + grow) * 1.3:
            break
    return para


def _decorate(canvas: Canvas, decor: PageDecor, margins: Margins, page: int, total: int) -> None:
    width, height = canvas._pagesize
    # Align with the text column: platypus frames pad their content by 6 pt.
    left = margins.left + FRAME_PAD
    inner = width - margins.left - margins.right - 2 * FRAME_PAD
    size = decor.font_size
    top = height - 10 * mm
    canvas.saveState()
    # Header: who this page is about (pages get separated; each must name its patient).
    # The name gets all the width the (short) document title leaves.
    title_w = stringWidth(decor.title, SANS_BOLD, size + 1) + 2
    left_w = max(inner * 0.5, inner - title_w - 12)
    name = _fit_name(decor.patient_name, size, left_w)
    _, name_h = name.wrap(left_w, 1000)
    name.drawOn(canvas, left, top - name_h)
    _draw(
        canvas,
        markup(decor.patient_details),
        _style(size),
        left,
        top - name_h - size * 0.15,
        left_w,
    )
    _draw(
        canvas,
        markup(decor.title),
        _style(size + 1, bold=True, align=2),
        left + left_w,
        top,
        inner - left_w,
    )
    rule_y = height - margins.top + 3 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule_y, left + inner, rule_y)
    # Footer: clinic, print date, page N of M.
    foot_y = margins.bottom - 6 * mm
    canvas.line(left, foot_y + 2.5 * mm, left + inner, foot_y + 2.5 * mm)
    third = inner / 3
    small = _style(size - 0.5)
    printed = decor.printed_label or f"Printed {decor.printed_on.isoformat()}"
    _draw(canvas, markup(decor.clinic_name), small, left, foot_y, third * 1.25)
    _draw(
        canvas,
        markup(printed),
        _style(size - 0.5, align=1),
        left + third * 1.25,
        foot_y,
        third * 0.9,
    )
    _draw(
        canvas,
        decor.page_label.format(page=page, total=total),
        _style(size - 0.5, align=2),
        left + 2 * third,
        foot_y,
        third,
    )
    canvas.restoreState()


def _canvas_class(decor: PageDecor, margins: Margins) -> type[Canvas]:
    class DecoratedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, decor, margins, number, total)
                super().showPage()
            super().save()

    return DecoratedCanvas


def render_pdf(
    story: Sequence[Flowable],
    decor: PageDecor,
    *,
    pagesize: tuple[float, float] = A4,
    margins: Margins | None = None,
    subject: str = "",
) -> bytes:
    """Lay out `story` on decorated pages and return the PDF bytes."""
    register_fonts()
    margins = margins or Margins()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        invariant=1,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=decor.title,
        author=decor.clinic_name,
        subject=subject,
        creator="gistdesk",
    )
    doc.build(list(story), canvasmaker=_canvas_class(decor, margins))
    return buffer.getvalue()


def clinic_footer(text: str, style: ParagraphStyle) -> list[Flowable]:
    """The clinic's footer text as the closing block of a report (nothing when unset); line
    breaks are kept, the text is escaped like every user text."""
    text = text.strip()
    if not text:
        return []
    return [Spacer(1, 3 * mm), KeepTogether([Paragraph(markup(text), style)])]


def content_width(pagesize: tuple[float, float] = A4, margins: Margins | None = None) -> float:
    margins = margins or Margins()
    return float(pagesize[0] - margins.left - margins.right - 2 * FRAME_PAD)
