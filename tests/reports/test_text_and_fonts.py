"""Escaping, the CJK fallback, and the small text helpers."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph

from gistdesk.reports import text as t
from gistdesk.reports.fonts import FALLBACK, markup, needs_fallback
from gistdesk.reports.phrases import Phrasebook
from gistdesk.reports.story import option_words
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


V2_OPTIONS = (
    "surgery_or_local_therapy",
    "palliative_radiation",
    "raise_dose",
    "switch_to:sunitinib",
    "clinical_trial",
    "reintroduce_tki:imatinib",
    "off_label",
    "stay_on_tki",
    "restart_tki",
    "start_tki:avapritinib",
)


def test_option_labels_for_every_contract_option() -> None:
    assert t.option_label("switch_to:sunitinib") == "switch to sunitinib"
    assert t.option_label("reintroduce_tki:imatinib") == "re-introduce imatinib"
    assert t.option_label("start_tki:avapritinib") == "start avapritinib"
    assert t.option_label("palliative_radiation") == "palliative radiation (bone)"
    assert t.option_label("off_label") == "off-label TKI"
    labels = [t.option_label(o) for o in V2_OPTIONS]
    assert len(set(labels)) == len(labels)


def test_plain_option_words_with_brand_names_and_no_jargon() -> None:
    en, de = Phrasebook("en"), Phrasebook("de")
    assert option_words("switch_to:sunitinib", en) == (
        "Changing to another medicine: sunitinib (Sutent)."
    )
    assert option_words("start_tki:avapritinib", de) == (
        "Mit einem Medikament zu beginnen: Avapritinib (Ayvakyt)."
    )
    words = [option_words(o, en) for o in V2_OPTIONS]
    assert "Another treatment your team will explain." not in words
    assert all("TKI" not in w for w in words)
    for option in V2_OPTIONS:
        option_words(option, de)
    assert de.missing == set()
