"""The Help > About text: versions of every component, the known simplifications of the
clinical engine (the list in docs/clinical-rules.md) and the decision-support line."""

from __future__ import annotations

import sqlite3
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion

from gistdesk import __version__
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "About"

# The "Known simplifications" of docs/clinical-rules.md, word for word (a test compares);
# marked for translation here, translated when the About box is shown.
SIMPLIFICATIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "About", "no RECIST confirmation scans and no minimum duration for stable disease"
    ),
    QT_TRANSLATE_NOOP(
        "About", "the team's review of a scan takes the place of a confirmation scan"
    ),
    QT_TRANSLATE_NOOP(
        "About", "one PET threshold (25%) instead of EORTC's cycle-dependent thresholds"
    ),
    QT_TRANSLATE_NOOP(
        "About", "a locally treated lesion leaves the reading only when the procedure lists it"
    ),
    QT_TRANSLATE_NOOP("About", "no automatic Choi density for MRI or the low-dose CT of a PET-CT"),
    QT_TRANSLATE_NOOP(
        "About",
        "a rise in PET SUV alone raises no flag (the PET response is shown beside RECIST and Choi)",
    ),
    QT_TRANSLATE_NOOP("About", "an unknown rupture is computed as no rupture"),
)


def component_versions() -> dict[str, str]:
    """Name -> version of gistdesk and the libraries it runs on."""
    import reportlab

    return {
        "gistdesk": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "SQLite": sqlite3.sqlite_version,
        "reportlab": str(reportlab.Version),
    }


def about_html() -> str:
    """The About box as rich text (everything translated through the "About" context)."""
    tr = QCoreApplication.translate
    intro = tr(
        "About",
        "Case records, response assessment (RECIST 1.1, Choi, PET) and "
        "decision-support flags for gastrointestinal stromal tumor clinics.",
    )
    not_orders = tr("About", "Flags are decision support for the GIST team, not orders.")
    heading = tr("About", "Known simplifications")
    versions_heading = tr("About", "Versions")
    versions = "".join(
        f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(version)}</td></tr>"
        for name, version in component_versions().items()
    )
    items = "".join(f"<li>{escape(tr(CONTEXT, text))}</li>" for text in SIMPLIFICATIONS)
    return (
        f"<h3>gistdesk {escape(__version__)}</h3><p>{escape(intro)}</p>"
        f"<p><b>{escape(not_orders)}</b></p>"
        f"<p><b>{escape(heading)}</b></p><ul>{items}</ul>"
        f"<p><b>{escape(versions_heading)}</b></p><table>{versions}</table>"
    )
