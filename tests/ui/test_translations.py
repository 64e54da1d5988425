"""Translations: the German .qm loads and the GUI speaks German; the .ts files are complete
and current; form strings cannot bypass tr(); the Language menu; the About box."""

from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTranslator

from gistdesk import __version__
from gistdesk.storage.repository import SqliteRepository
from gistdesk.tools import translations
from gistdesk.ui import about, i18n
from gistdesk.ui.forms.patient_form import PatientForm
from gistdesk.ui.forms.scan_form import ScanForm
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import TODAY, load

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "gistdesk" / "ui" / "forms"


@pytest.fixture
def german(app: object) -> Iterator[None]:
    assert i18n.install_language("de")
    yield
    i18n.install_language("en")


def test_french_qm_loads_and_the_handout_falls_back_to_english(app: object) -> None:
    from gistdesk.ui import printing

    translator = QTranslator()
    assert translator.load("gistdesk_fr", str(i18n.translations_dir()))
    assert translator.translate("MainWindow", "&File") == "&Fichier"
    assert i18n.available_languages() == ["en", "de", "fr"]
    assert i18n.install_language("fr")
    try:
        assert printing.handout_language() == "en"  # no French handout yet
    finally:
        i18n.install_language("en")
    assert i18n.install_language("de")
    try:
        assert printing.handout_language() == "de"
    finally:
        i18n.install_language("en")


def test_german_qm_loads() -> None:
    translator = QTranslator()
    assert translator.load("gistdesk_de", str(i18n.translations_dir()))
    assert translator.translate("MainWindow", "&New patient…") == "&Neuer Patient…"
    assert "de" in i18n.available_languages()


def test_main_window_in_german(
    german: None, qtbot: object, repo: SqliteRepository, settings: QSettings, no_modal: object
) -> None:
    win = MainWindow(repo, settings, "test.sqlite", "nurse", today=lambda: TODAY)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    assert win.actions_by_name["new_patient"].text() == "&Neuer Patient…"
    assert win.actions_by_name["print_handout"].text() == "&Patienteninformation drucken…"
    menus = [action.text() for action in win.menuBar().actions()]
    assert menus == ["&Datei", "&Patient", "&Ansicht", "&Extras", "&Hilfe"]
    assert win.actions_by_name["switch_user"].text() == "Benutzer &wechseln…"
    assert win.actions_by_name["audit_log"].text() == "&Prüfprotokoll…"
    assert (
        win.list_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "Akten-Nr."
    )
    assert win.worklist_tabs.tabText(1) == "Bildgebung überfällig"
    assert "Patienten angezeigt" in win.count_label.text()


def test_forms_in_german(german: None, qtbot: object) -> None:
    case = load("responder")
    form = PatientForm(case, lambda _c: None)
    qtbot.addWidget(form)  # type: ignore[attr-defined]
    assert form.windowTitle() == "Patient und Primärtumor bearbeiten"
    scan = ScanForm(case, lambda _c: None)
    qtbot.addWidget(scan)  # type: ignore[attr-defined]
    assert scan.windowTitle() == "Bildgebung hinzufügen"
    assert scan.add_button.text() == "Läsion &hinzufügen"
    # Qt's own strings come from Qt's German catalogue (standard buttons).
    assert form.save_button.text().replace("&", "") == "Speichern"


def test_english_without_a_translator(window: MainWindow) -> None:
    assert window.actions_by_name["new_patient"].text() == "&New patient…"


def test_language_menu_stores_the_choice_for_the_next_start(
    window: MainWindow, settings: QSettings
) -> None:
    menu = window.findChild(__import__("PySide6.QtWidgets").QtWidgets.QMenu, "languageMenu")
    assert menu is not None
    names = {action.objectName(): action for action in menu.actions()}
    assert {"language_en", "language_de"} <= set(names)
    assert names["language_en"].isChecked()
    names["language_de"].trigger()
    assert settings.value("language") == "de"
    assert i18n.chosen_language(settings) == "de"
    assert "next start" in window.statusBar().currentMessage()
    assert any("next start" in action.text() for action in menu.actions())


@pytest.mark.parametrize("language", ["de", "fr"])
def test_ts_files_are_complete_and_current(tmp_path: Path, language: str) -> None:
    """Every translatable GUI string is in gistdesk_XX.ts with a translation, and the shipped
    .qm is compiled from that .ts (run `python -m gistdesk.tools.translations`)."""
    messages = translations.extract()
    ts = translations.OUT / f"gistdesk_{language}.ts"
    german = {key: text for key, text in translations.read_ts(ts).items() if text}
    missing = [key for key in messages if key not in german]
    assert missing == [], "untranslated or new strings; run python -m gistdesk.tools.translations"
    qm = tmp_path / "check.qm"
    subprocess.run([translations.lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes()
    for (_context, source), text in german.items():
        # Placeholders survive translation.
        assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", text))


# Calls whose string arguments a user sees.
SHOWN = {
    "setText",
    "setPlaceholderText",
    "setToolTip",
    "setWindowTitle",
    "setTitle",
    "addAction",
    "addMenu",
    "addTab",
    "addItem",
    "addItems",
    "addRow",
    "addButton",
    "setStatusTip",
    "setAccessibleName",
    "showMessage",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QGroupBox",
    "QAction",
    "QRadioButton",
    "QLineEdit",
    "QToolButton",
    "setHorizontalHeaderLabels",
    "field",
    "with_unit",
    "FieldError",
    "ask_confirm",
    "show_error",
    "show_info",
    "EnumCombo",
}


JSON_PATH = re.compile(r"[a-z_]+(\[\d+\])?(\.[a-z_0-9]+(\[\d+\])?)+")  # tumor.size_cm


def _literals(node: ast.expr) -> list[ast.expr]:
    """String literals in an argument: directly, inside lists/tuples/conditionals, but not
    inside a tr()/translate() call (those are translated)."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return [node]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [lit for element in node.elts for lit in _literals(element)]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    return []


def _bypassing_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if name not in SHOWN:
            continue
        # (EnumCombo's `context=` names a translation context, it is not shown)
        for value in [*node.args, *(k.value for k in node.keywords if k.arg != "context")]:
            for inner in _literals(value):
                if isinstance(inner, ast.JoinedStr) or (
                    isinstance(inner, ast.Constant)
                    and isinstance(inner.value, str)
                    and re.search(r"[A-Za-z]{2}", inner.value)
                    and not JSON_PATH.fullmatch(inner.value)
                ):
                    found.append((inner.lineno, ast.unparse(inner)))
    return found


# Literals in gistdesk/ui that are not words to translate: the product name, a tooltip built
# from an already translated text, the window title with the patient's name, the header HTML.
NOT_TEXT = {"'gistdesk'", "f' ({shown})'"}
NOT_TEXT_PREFIXES = (
    'f"{tip or text',
    "f'{p.family_name}",
    'f"<div style=',
    "f'{target}: ",
    "f'{type(exc).__name__}: {exc}'",
)


def test_no_gui_string_bypasses_tr() -> None:
    """A user-visible literal in gistdesk/ui (forms, the main window and the dialogs: sign-in,
    lock screen, audit log, backups, settings, users) must be wrapped in self.tr() or
    QCoreApplication.translate(); paths ("tumor.size_cm") and f-string paths are not text."""
    problems: list[str] = []
    for path in sorted([*FORMS.glob("*.py"), *FORMS.parent.glob("*.py")]):
        for line, literal in _bypassing_literals(ast.parse(path.read_text(encoding="utf-8"))):
            if path.parent == FORMS and literal.startswith(("f'{", 'f"{')):
                continue  # a JSON path such as f"{self.path}.date"
            if literal in NOT_TEXT or literal.startswith(NOT_TEXT_PREFIXES):
                continue
            problems.append(f"{path.name}:{line}: {literal}")
    assert problems == []


def test_the_scan_catches_a_bare_literal() -> None:
    tree = ast.parse(
        'label = QLabel("Patient")\nself.field("x.y", "Size", w)\nok = QLabel(self.tr("Patient"))\n'
    )
    assert [text for _, text in _bypassing_literals(tree)] == ["'Patient'", "'Size'"]


def test_about_lists_versions_and_the_documented_simplifications() -> None:
    html = about.about_html()
    versions = about.component_versions()
    for name in ("gistdesk", "Qt", "PySide6", "SQLite", "reportlab"):
        assert name in versions and versions[name] in html
    assert versions["gistdesk"] == __version__
    assert versions["SQLite"] == sqlite3.sqlite_version
    doc = (ROOT / "docs" / "clinical-rules.md").read_text(encoding="utf-8")
    section = doc.split("## Known simplifications", 1)[1].split("\n## ", 1)[0]
    documented = [line[2:].rstrip(";.") for line in section.splitlines() if line.startswith("- ")]
    assert list(about.SIMPLIFICATIONS) == documented
    for item in documented:
        assert item.replace("'", "&#x27;") in html or item in html
    assert "decision support" in html and "not orders" in html


def test_about_action_shows_it(window: MainWindow, no_modal: list[tuple[str, str]]) -> None:
    window.actions_by_name["about"].trigger()
    title, text = no_modal[-1]
    assert title == "About gistdesk"
    assert "PySide6" in text and "Known simplifications" in text


def test_about_in_german(german: None) -> None:
    html = about.about_html()
    assert "Bekannte Vereinfachungen" in html
    assert "keine Anordnungen" in html


def test_translation_tool_check_mode_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gistdesk.tools.translations", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gistdesk_de.ts: " in done.stdout


def test_every_combo_word_is_marked_for_translation() -> None:
    from gistdesk.core import vocab
    from gistdesk.ui.forms.procedure_form import KIND_LABELS
    from gistdesk.ui.vocabulary import WORDS

    shown: list[str] = []
    for enum in (
        vocab.Sex,
        vocab.Extent,
        vocab.Intent,
        vocab.NonTarget,
        vocab.SideEffectAction,
        vocab.StopReason,
    ):
        shown += [member.value.replace("_", " ") for member in enum]
    shown += list(vocab.SITE_LABELS.values()) + list(vocab.MUTATION_LABELS.values())
    codes = re.compile(r"(KIT|PDGFRA) exon \d+|PDGFRA D842V")  # gene names stay as they are
    missing = [word for word in shown if word not in WORDS and not codes.fullmatch(word)]
    assert missing == []
    assert set(KIND_LABELS.values()) <= set(
        translations.read_ts(translations.OUT / "gistdesk_de.ts").get(("Vocabulary", w)) and w
        for w in KIND_LABELS.values()
    )


def test_security_dialogs_in_german(
    german: None, qtbot: object, repo: SqliteRepository, settings: QSettings, no_modal: object
) -> None:
    from gistdesk.ui.audit_view import AuditDialog
    from gistdesk.ui.signin import SignInDialog, try_sign_in

    dialog = SignInDialog(repo, "clinic.sqlite")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.windowTitle() == "Anmelden — gistdesk"
    assert dialog.sign_in_button.text() == "Anmelden"
    audit = AuditDialog(repo)
    qtbot.addWidget(audit)  # type: ignore[attr-defined]
    assert audit.windowTitle() == "Prüfprotokoll — gistdesk"
    headers = [
        audit.model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        for c in range(audit.model.columnCount())
    ]
    assert headers[:2] == ["Zeit", "Benutzer"] and headers[-1] == "Neuer Wert"
    win = MainWindow(repo, settings, "test.sqlite", "clin", today=lambda: TODAY)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    assert win.user_label.text().startswith("Angemeldet: ")
    assert win.user_label.text().endswith("(Arzt/Ärztin)")
    win.lock()
    assert win.lock_screen.title.text() == "gistdesk ist gesperrt"
    assert win.lock_screen.unlock_button.text() == "Entsperren"
    assert win.user_label.text() == "Gesperrt"
    assert (
        try_sign_in(repo, "clin", "wrong password!")[1]
        == "Benutzername oder Passwort ist nicht richtig."
    )


def test_sex_other_is_divers_but_the_stop_reason_other_is_andere(
    german: None, qtbot: object
) -> None:
    from gistdesk.ui.forms.line_form import TherapyLineForm

    case = load("responder")
    form = PatientForm(case, lambda _c: None)
    qtbot.addWidget(form)  # type: ignore[attr-defined]
    sexes = [form.sex.itemText(i) for i in range(form.sex.count())]
    assert "divers" in sexes and "weiblich" in sexes and "andere" not in sexes
    line = TherapyLineForm(case, lambda _c: None)
    qtbot.addWidget(line)  # type: ignore[attr-defined]
    reasons = [line.stop_reason.itemText(i) for i in range(line.stop_reason.count())]
    assert "andere" in reasons and "divers" not in reasons


def test_counts_have_plural_forms(german: None) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("PdfPreview", "%n page(s)", "", 1) == "1 Seite"
    assert QCoreApplication.translate("PdfPreview", "%n page(s)", "", 3) == "3 Seiten"
    messages = translations.extract()
    assert messages[("PdfPreview", "%n page(s)")].numerus
    assert not messages[("MainWindow", "&File")].numerus
