"""Translations of the GUI: the language setting, loading the .qm files, the Language menu.

Every user-visible string goes through Qt: `self.tr("...")` inside a QObject subclass that is
not itself subclassed, `QCoreApplication.translate("Context", "...")` elsewhere (base classes:
PySide's `self.tr` looks the text up under the *runtime* class name), and
`QT_TRANSLATE_NOOP("Context", "...")` for module-level tables translated when shown.
`python -m gistdesk.tools.translations` extracts them into gistdesk/_resources/translations/*.ts and
compiles the .qm files the app loads here.

The language is read from QSettings (`language`: "en", "de", "fr"; empty = the system's) and
applied when the app starts; changing it in View > Language takes effect at the next start.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gistdesk.resources import resources_dir

SETTINGS_KEY = "language"
# Code -> name of the language in that language (so anyone can find their own).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "fr": "Français"}
DEFAULT_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it yet."""
    return text


def translations_dir() -> Path:
    return resources_dir() / "translations"


def available_languages() -> list[str]:
    """English plus every language with a compiled gistdesk_XX.qm."""
    folder = translations_dir()
    found = {p.stem.removeprefix("gistdesk_") for p in folder.glob("gistdesk_*.qm")}
    return [code for code in LANGUAGES if code == DEFAULT_LANGUAGE or code in found]


def chosen_language(settings: QSettings) -> str:
    """The language from the settings, else the system's if gistdesk has it, else English."""
    value = settings.value(SETTINGS_KEY)
    if isinstance(value, str) and value in LANGUAGES:
        return value
    system = QLocale.system().name().split("_")[0]
    return system if system in available_languages() else DEFAULT_LANGUAGE


def load_translators(language: str) -> list[QTranslator]:
    """The translators for `language`: gistdesk's own and Qt's (standard buttons: Save,
    Cancel...). Empty for English or when no file is found."""
    if language == DEFAULT_LANGUAGE:
        return []
    translators: list[QTranslator] = []
    own = QTranslator()
    if own.load(f"gistdesk_{language}", str(translations_dir())):
        translators.append(own)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        translators.append(qt)
    return translators


_installed: list[QTranslator] = []
_current = [DEFAULT_LANGUAGE]


def current_language() -> str:
    """The language installed at start (the patient handout is printed in it when the
    handout has that language, else in English)."""
    return _current[0]


def install_language(language: str) -> bool:
    """Install the translators for `language` on the running app (replacing earlier ones);
    True when gistdesk's own translation was found (always True for English)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translators = load_translators(language)
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    ok = language == DEFAULT_LANGUAGE or bool(translators)
    _current[0] = language if ok else DEFAULT_LANGUAGE
    return ok


def add_language_menu(
    parent: QWidget, menu: QMenu, settings: QSettings, notify: object = None
) -> QMenu:
    """A "Language" submenu: one checkable entry per language; choosing one stores it and
    says that it applies at the next start. `notify(text)` shows that message."""
    tr = QCoreApplication.translate
    submenu = menu.addMenu(tr("Language", "&Language"))
    submenu.setObjectName("languageMenu")
    group = QActionGroup(submenu)
    current = chosen_language(settings)
    for code in available_languages():
        action = QAction(LANGUAGES[code], submenu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(partial(_choose, settings, code, notify))
        group.addAction(action)
        submenu.addAction(action)
    submenu.addSeparator()
    note = submenu.addAction(tr("Language", "Applies at the next start of gistdesk"))
    note.setEnabled(False)
    return submenu


def _choose(settings: QSettings, code: str, notify: object, _checked: bool = False) -> None:
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()
    if callable(notify):
        notify(
            QCoreApplication.translate(
                "Language", "Language set to {0}. It applies at the next start of gistdesk."
            ).format(LANGUAGES[code])
        )
