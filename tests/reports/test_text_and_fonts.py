"""Escaping, the CJK fallback, and the small text helpers."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph

from gistdesk.reports import text as t
from gistdesk.reports.fonts import FALLBACK, markup, needs_fallback
from gistdesk.reports.styles import make_styles


def test_markup_escapes_what_paragraph_would_parse() -> None:
    assert markup("O'Brien <Jr> & Co <b>&") == "O'Brien &lt;Jr&gt; &amp; Co &lt;b&gt;&amp;"
    assert markup('<img src="/etc/passwd"/>') == '&lt;img src="/etc/passwd"/&gt;'


def test_markup_keeps_line_breaks_as_breaks() -> None:
    assert markup("a\r\nb\nc") == "a<br/>b<br/>c"


def test_latin_extended_uses_the_main_font() -> None:
    assert not needs_fallback("é ß ł Ç Zoë Dąbrowska")
    assert "<font" not in markup("é ß ł Ç")


def test_cjk_is_wrapped_in_the_fallback_font() -> None:
    out = markup("Wang 张伟 <x>")
    assert out == f'Wang <font face="{FALLBACK}">张伟</font> &lt;x&gt;'


def test_escaped_markup_lays_out_in_a_paragraph() -> None:
    styles = make_styles(10)
    for text in ("a<b", "<script>", "x <b>bold", "&amp;", "张 & <i>"):
        para = Paragraph(markup(text), styles.body)
        para.wrap(200, 100)  # raises on bad markup


def test_dates_and_numbers() -> None:
    assert t.long_date(date(2022, 4, 1)) == "1 April 2022"
    assert t.month_year(date(2023, 11, 30)) == "November 2023"
    assert t.num(7.5, " cm") == "7.5 cm"
    assert t.num(8) == "8"
    assert t.num(None) == "—"
    assert t.pct(-28.64) == "-28.6%"
    assert t.pct(12.0) == "+12.0%"


def test_option_labels() -> None:
    assert t.option_label("switch_to:sunitinib") == "switch to sunitinib"
    assert t.option_plain("switch_to:sunitinib") == "Changing to another medicine (sunitinib)."
    assert "TKI" not in t.option_plain("stay_on_tki")


def test_response_plain_is_singular_for_one_tumor() -> None:
    assert t.response_plain("PR", 1) == "The tumor has shrunk."
    assert t.response_plain("PR", 3) == "The tumors have shrunk."
