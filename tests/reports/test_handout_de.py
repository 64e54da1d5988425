"""The German patient handout: German headings, every phrase translated, still no jargon."""

from __future__ import annotations

import re

import pytest

from gistdesk.clinical import assess
from gistdesk.reports import build_handout_pdf, build_report
from gistdesk.reports import sentences as s
from gistdesk.reports import text as t
from gistdesk.reports.drugs import ALL_PHRASES
from gistdesk.reports.phrases import Phrasebook
from gistdesk.reports.text_de import DE
from tests.reports.helpers import example, example_names
from tests.reports.pdftext import all_text, flat
from tests.reports.test_handout import JARGON

HEADINGS_DE = (
    "Was ist ein GIST?",
    "Ihr Tumor und was die Untersuchungen ergeben haben",
    "Ihre bisherigen Behandlungen",
    "Was Ihre letzte Bildgebung gezeigt hat",
    "Wie es weitergeht",
    "Fragen, die Sie stellen können",
    "Notizen",
    "Kontakte",
)
HEADINGS_EN = ("What is GIST?", "Your treatments so far", "What happens next")


@pytest.mark.parametrize("name", example_names())
def test_german_handout_has_german_headings_and_no_bare_jargon(name: str) -> None:
    case, expected = example(name)
    assessment = assess(case, expected.as_of)
    book = Phrasebook("de")
    pdf = build_handout_pdf(
        case, assessment, clinic_name="Praxis Test", printed_on=expected.as_of, phrasebook=book
    )
    text = all_text(pdf)
    for heading in HEADINGS_DE:
        assert flat(heading) in flat(text), heading
    for heading in HEADINGS_EN:
        assert flat(heading) not in flat(text)
    assert flat(DE[t.DISCLAIMER]) in flat(text)
    for word in JARGON:
        assert not re.search(rf"\b{word}\b", text), (word, name)
    assert flat("GIST (gastrointestinaler Stromatumor)") in flat(text)
    if re.search(r"\bCT\b", text):
        assert flat("CT-Untersuchung (eine genaue Röntgen-Schichtaufnahme)") in flat(text)
    assert re.search(r"Seite 1 von \d", text)
    # Every phrase the handout used has a German entry (nothing fell back to English).
    assert book.missing == set(), sorted(book.missing)


def test_german_dates_and_sentences() -> None:
    case, assessment = example("limited_progression_secondary")
    text = flat(
        all_text(
            build_report(
                "handout",
                case,
                assessment,
                clinic_name="Praxis Test",
                printed_on=assessment.as_of,
                language="de",
            )
        )
    )
    assert flat("1. März 2021") in text
    assert "Imatinib" in text
    # Not reviewed yet: the team will discuss it, no options, brand names in German usage.
    assert flat(DE[s.DISCUSS_SOON]) in text
    assert flat(DE[s.GREW_ONE]) in text
    assert flat("Einen Wechsel zu einem anderen Medikament") not in text
    assert flat("Sie nehmen Imatinib (Glivec) ein.") in text
    assert flat(DE[s.SPECIALIST_QUESTION]) in text


def test_english_stays_the_default_and_unknown_language_is_refused() -> None:
    case, assessment = example("responder")
    english = build_handout_pdf(case, assessment, clinic_name="C", printed_on=assessment.as_of)
    assert english == build_handout_pdf(
        case, assessment, clinic_name="C", printed_on=assessment.as_of, language="en"
    )
    with pytest.raises(ValueError, match="unknown handout language"):
        build_handout_pdf(
            case, assessment, clinic_name="C", printed_on=assessment.as_of, language="xx"
        )


def test_every_plain_phrase_table_is_translated() -> None:
    tables = [
        t.SITE_PLAIN,
        t.MUTATION_PLAIN,
        t.DRUG_PLAIN,
        t.TIMELINE_DRUG,
        t.INTENT_PLAIN,
        t.STOP_PLAIN,
        t.PROCEDURE_PLAIN,
        t.MODALITY_PLAIN,
        t.ALERT_PLAIN,
        s.OPTIONS,
    ]
    phrases = [phrase for table in tables for phrase in table.values()]
    phrases += [
        *t.QUESTIONS,
        t.DISCLAIMER,
        t.GIST_INTRO,
        *(value for name, value in vars(s).items() if name.isupper() and isinstance(value, str)),
        *ALL_PHRASES,
    ]
    missing = [phrase for phrase in phrases if phrase not in DE]
    assert missing == []
    # Templates keep their fields.
    for english, german in DE.items():
        assert re.findall(r"\{(\w+)\}", english) == re.findall(r"\{(\w+)\}", german) or sorted(
            re.findall(r"\{(\w+)\}", english)
        ) == sorted(re.findall(r"\{(\w+)\}", german))
