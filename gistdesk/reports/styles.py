"""Paragraph and table styles for both reports, at a given body size."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from gistdesk.reports.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from gistdesk.reports.layout import INK, MUTED

HEAD_BG = colors.HexColor("#e6ebf1")
ZEBRA = colors.HexColor("#f6f8fa")
LINE = colors.HexColor("#b9c2cd")
ACCENT = colors.HexColor("#1f4e8c")


@dataclass(frozen=True, slots=True)
class Styles:
    size: float
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    item: ParagraphStyle  # a list item's text (the list flowable indents it)


def make_styles(size: float) -> Styles:
    register_fonts()
    lead = size * 1.3
    return Styles(
        size=size,
        body=ParagraphStyle(
            "body",
            fontName=SANS,
            fontSize=size,
            leading=lead,
            textColor=INK,
            spaceAfter=size * 0.45,
        ),
        small=ParagraphStyle(
            "small", fontName=SANS, fontSize=size * 0.88, leading=size * 1.15, textColor=INK
        ),
        muted=ParagraphStyle(
            "muted",
            fontName=SANS_ITALIC,
            fontSize=size * 0.88,
            leading=size * 1.15,
            textColor=MUTED,
        ),
        h1=ParagraphStyle(
            "h1",
            fontName=SANS_BOLD,
            fontSize=size * 1.6,
            leading=size * 1.95,
            textColor=ACCENT,
            spaceAfter=size * 0.5,
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=SANS_BOLD,
            fontSize=size * 1.22,
            leading=size * 1.5,
            textColor=ACCENT,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.35,
        ),
        cell=ParagraphStyle(
            "cell", fontName=SANS, fontSize=size * 0.9, leading=size * 1.12, textColor=INK
        ),
        cell_bold=ParagraphStyle(
            "cellb", fontName=SANS_BOLD, fontSize=size * 0.9, leading=size * 1.12, textColor=INK
        ),
        item=ParagraphStyle(
            "item", fontName=SANS, fontSize=size, leading=lead, textColor=INK, spaceAfter=size * 0.3
        ),
    )
