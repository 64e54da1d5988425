"""The embedded Unicode fonts, registered once per process.

DejaVu Sans covers Latin, Greek and Cyrillic; characters it lacks (Chinese, Japanese, Korean)
fall back to Droid Sans Fallback, embedded too so a printout never depends on the printer's
fonts. Both are subset on embedding, so the PDFs stay small.
"""

from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from gistdesk.resources import resource_path

SANS = "GDSans"
SANS_BOLD = "GDSans-Bold"
SANS_ITALIC = "GDSans-Oblique"
FALLBACK = "GDFallback"

_lock = threading.Lock()
_main_chars: frozenset[int] = frozenset()
_fallback_chars: frozenset[int] | None = None


def register_fonts() -> None:
    """Register the DejaVu family (idempotent, thread-safe)."""
    global _main_chars
    with _lock:
        if _main_chars:
            return
        regular = TTFont(SANS, str(resource_path("fonts", "DejaVuSans.ttf")))
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(
            TTFont(SANS_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
        )
        pdfmetrics.registerFont(
            TTFont(SANS_ITALIC, str(resource_path("fonts", "DejaVuSans-Oblique.ttf")))
        )
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_ITALIC)
        addMapping(SANS, 1, 1, SANS_BOLD)  # no bold-oblique shipped: bold reads fine
        _main_chars = frozenset(regular.face.charToGlyph)


def _fallback() -> frozenset[int]:
    """Register the CJK fallback on first need (it is a 4 MB font; most cases never use it)."""
    global _fallback_chars
    with _lock:
        if _fallback_chars is None:
            font = TTFont(FALLBACK, str(resource_path("fonts", "DroidSansFallbackFull.ttf")))
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FALLBACK, bold, italic, FALLBACK)
            _fallback_chars = frozenset(font.face.charToGlyph)
        return _fallback_chars


def needs_fallback(text: str) -> bool:
    register_fonts()
    return any(ord(ch) not in _main_chars and ord(ch) > 0x7F for ch in text)


def markup(text: str) -> str:
    """User text as Paragraph markup: escaped (`<`, `>`, `&` print as typed) and with the
    characters DejaVu lacks wrapped in the fallback font."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not needs_fallback(text):
        return escape(text).replace("\n", "<br/>")
    fallback = _fallback()
    out: list[str] = []
    run: list[str] = []
    run_is_fallback = False
    for ch in text:
        code = ord(ch)
        is_fb = code not in _main_chars and code in fallback and ch != "\n"
        if is_fb != run_is_fallback and run:
            out.append(_wrap("".join(run), run_is_fallback))
            run = []
        run_is_fallback = is_fb
        run.append(ch)
    if run:
        out.append(_wrap("".join(run), run_is_fallback))
    return "".join(out)


def _wrap(text: str, fallback: bool) -> str:
    body = escape(text).replace("\n", "<br/>")
    return f'<font face="{FALLBACK}">{body}</font>' if fallback else body
