"""Paragraph and table styles for both reports, at a given body size."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

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


def fit_columns(
    rows: Sequence[Sequence[str]],
    width: float,
    flex: Mapping[int, float],
    size: float,
    *,
    padding: float = 6.0,
    nowrap: frozenset[int] = frozenset(),
) -> list[float]:
    """Column widths for a table of markup cells: every column at least as wide as its
    longest unbreakable word (header row in bold), so no word or date is split mid-way
    (`2022-01-\\n05`, `RECIS T`); what is left goes to the `flex` columns by their weights.
    When even the words do not fit, every column shrinks in proportion. Cells of `nowrap`
    columns are plain strings drawn as they are: each of their lines counts as one word."""
    register_fonts()
    count = max(len(row) for row in rows)
    need = [0.0] * count
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            font = SANS_BOLD if r == 0 or "<b>" in cell else SANS
            if c in nowrap and r > 0:  # the header row is Paragraphs: it wraps
                words = cell.split("\n")
            else:
                text = html.unescape(re.sub(r"<br/>", " ", cell))
                words = re.sub(r"<[^>]+>", "", text).split()
            for word in words:
                need[c] = max(need[c], stringWidth(word, font, size) + padding + 0.5)
    spare = width - sum(need)
    if spare < 0:
        return [w * width / sum(need) for w in need]
    total = sum(flex.values()) or 1.0
    return [w + spare * flex.get(c, 0.0) / total for c, w in enumerate(need)]
