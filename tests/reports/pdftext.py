"""Reading PDFs back in tests: text per page (pypdf) and the font sizes used."""

from __future__ import annotations

import io
import math
from collections import Counter

from pypdf import PdfReader


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(pages_text(pdf))


def flat(text: str) -> str:
    """Whitespace-insensitive form (table cells and wrapped lines break text anywhere)."""
    return "".join(text.split())


def font_sizes(pdf: bytes) -> Counter[float]:
    """Characters drawn at each effective font size (pt, one decimal)."""
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
        sizes[round(size * scale, 1)] += len(text.strip())

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes
