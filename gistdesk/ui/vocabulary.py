"""Vocabulary words as the forms' combo boxes show them, marked for translation.

`EnumCombo` shows an enum member's label (or its value with "_" as spaces) through
`QCoreApplication.translate("Vocabulary", ...)`; this list lets the extractor put those words
into the .ts files. Drug names, modalities and margins (R0...) are the same in every language
and are not listed. A test checks the list covers every word the combos show.
"""

from __future__ import annotations

from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

WORDS = (
    # Sex: its own context ("other" is "divers" in German, "andere" as a stop reason)
    QT_TRANSLATE_NOOP("Sex", "female"),
    QT_TRANSLATE_NOOP("Sex", "male"),
    QT_TRANSLATE_NOOP("Sex", "other"),
    QT_TRANSLATE_NOOP("Sex", "unknown"),
    # Stop reason (and drug) "other"
    QT_TRANSLATE_NOOP("Vocabulary", "other"),
    # Extent
    QT_TRANSLATE_NOOP("Vocabulary", "localized"),
    QT_TRANSLATE_NOOP("Vocabulary", "locally advanced"),
    QT_TRANSLATE_NOOP("Vocabulary", "metastatic"),
    QT_TRANSLATE_NOOP("Vocabulary", "recurrent"),
    # Intent
    QT_TRANSLATE_NOOP("Vocabulary", "neoadjuvant"),
    QT_TRANSLATE_NOOP("Vocabulary", "adjuvant"),
    QT_TRANSLATE_NOOP("Vocabulary", "advanced"),
    # Non-target lesions
    QT_TRANSLATE_NOOP("Vocabulary", "absent"),
    QT_TRANSLATE_NOOP("Vocabulary", "present"),
    QT_TRANSLATE_NOOP("Vocabulary", "unequivocal progression"),
    # Side-effect action
    QT_TRANSLATE_NOOP("Vocabulary", "none"),
    QT_TRANSLATE_NOOP("Vocabulary", "dose reduced"),
    QT_TRANSLATE_NOOP("Vocabulary", "held"),
    QT_TRANSLATE_NOOP("Vocabulary", "stopped"),
    # Stop reason
    QT_TRANSLATE_NOOP("Vocabulary", "progression"),
    QT_TRANSLATE_NOOP("Vocabulary", "intolerance"),
    QT_TRANSLATE_NOOP("Vocabulary", "completed"),
    QT_TRANSLATE_NOOP("Vocabulary", "surgery"),
    QT_TRANSLATE_NOOP("Vocabulary", "patient choice"),
    # Site labels
    QT_TRANSLATE_NOOP("Vocabulary", "Stomach"),
    QT_TRANSLATE_NOOP("Vocabulary", "Duodenum"),
    QT_TRANSLATE_NOOP("Vocabulary", "Jejunum / ileum"),
    QT_TRANSLATE_NOOP("Vocabulary", "Colon"),
    QT_TRANSLATE_NOOP("Vocabulary", "Rectum"),
    QT_TRANSLATE_NOOP("Vocabulary", "Esophagus"),
    QT_TRANSLATE_NOOP("Vocabulary", "Extra-GI"),
    # Mutation labels that are words
    QT_TRANSLATE_NOOP("Vocabulary", "KIT, other"),
    QT_TRANSLATE_NOOP("Vocabulary", "PDGFRA exon 18, other"),
    QT_TRANSLATE_NOOP("Vocabulary", "PDGFRA, other"),
    QT_TRANSLATE_NOOP("Vocabulary", "SDH-deficient"),
    QT_TRANSLATE_NOOP("Vocabulary", "NF1-related"),
    QT_TRANSLATE_NOOP("Vocabulary", "Wild type"),
    QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
)
