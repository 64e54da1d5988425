"""`python -m gistdesk.tools.translations [--check]`: update the Qt translation files.

Extracts every translatable GUI string from `gistdesk/ui` into
`gistdesk/_resources/translations/gistdesk_XX.ts` (keeping the translations already there, marking
removed texts obsolete) and compiles each .ts into the .qm the app loads, with
`pyside6-lrelease` from the PySide6 wheel. `--check` only reports strings without a
translation and exits 1 if a .ts file is out of date (for CI).

Why not `pyside6-lupdate`: its Python parser assigned some `self.tr()` calls that follow a
`QCoreApplication.translate()` call to a context named "QCoreApplication.self", which the
running app never looks up. This extractor reads the Python AST and knows the conventions
documented in `gistdesk.ui.i18n`:

- `self.tr("text")` in a class -> context = the class name (PySide's runtime lookup);
- `QCoreApplication.translate("Ctx", "text")`, `tr("Ctx", "text")` (an alias) and
  `QT_TRANSLATE_NOOP("Ctx", "text")` -> context "Ctx";
- `Column("Header", ...)` (patient view tables) -> context "PatientView";
- `self.tr("%n page(s)", "", n)` (a count) -> a plural message (numerus="yes"); its forms
  are kept joined by NUMERUS_SEPARATOR in the (context, source) -> text mappings here.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "gistdesk" / "ui"
OUT = ROOT / "gistdesk" / "_resources" / "translations"
LANGUAGES = ("de", "fr")
NUMERUS_SEPARATOR = "\x1e"  # between the plural forms of one translation


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)
    numerus: bool = False


def _string(node: ast.expr) -> str | None:
    """A literal string (adjacent literals are already joined by the parser)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        base = func.value
        prefix = base.id if isinstance(base, ast.Name) else ""
        return f"{prefix}.{func.attr}"
    return ""


class _Extractor(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: list[tuple[str, str, int, bool]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        # A mixin of another class says so: `TR_CONTEXT = "MainWindow"` (at run time
        # self.tr() looks up the context of the instance's class).
        context = node.name
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and [t.id for t in statement.targets if isinstance(t, ast.Name)] == ["TR_CONTEXT"]
                and (value := _string(statement.value)) is not None
            ):
                context = value
        self.classes.append(context)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        args = node.args
        if name == "self.tr" and args and self.classes:
            text = _string(args[0])
            if text is not None:
                self.found.append((self.classes[-1], text, node.lineno, len(args) >= 3))
        elif (
            name
            in ("QCoreApplication.translate", "tr", "QT_TRANSLATE_NOOP", "QApplication.translate")
            and len(args) >= 2
        ):
            context, text = _string(args[0]), _string(args[1])
            if context is not None and text is not None:
                self.found.append((context, text, node.lineno, len(args) >= 4))
        elif name == "Column" and args:
            text = _string(args[0])
            if text is not None:
                self.found.append(("PatientView", text, node.lineno, False))
        self.generic_visit(node)


def extract(sources: Path = SOURCES) -> dict[tuple[str, str], Message]:
    messages: dict[tuple[str, str], Message] = {}
    for path in sorted(sources.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        extractor = _Extractor(rel)
        extractor.visit(ast.parse(path.read_text(encoding="utf-8"), rel))
        for context, text, line, numerus in extractor.found:
            message = messages.setdefault((context, text), Message(context, text))
            message.locations.append((rel, line))
            message.numerus = message.numerus or numerus
    return messages


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ("" when unfinished) from an existing .ts file."""
    if not path.is_file():
        return {}
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                out[(name, source)] = ""
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            out[(name, source)] = (
                (NUMERUS_SEPARATOR.join(forms) if all(forms) else "")
                if forms
                else translation.text or ""
            )
    return out


def write_ts(
    path: Path,
    language: str,
    messages: dict[tuple[str, str], Message],
    translations: dict[tuple[str, str], str],
) -> str:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for message in sorted(by_context[context_name], key=lambda m: m.source):
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            for file, line in message.locations:
                ET.SubElement(element, "location", filename=f"../../{file}", line=str(line))
            ET.SubElement(element, "source").text = message.source
            translated = translations.get((context_name, message.source))
            translation = ET.SubElement(element, "translation")
            if not translated:
                translation.set("type", "unfinished")
            if message.numerus:
                for form in (translated or "").split(NUMERUS_SEPARATOR):
                    ET.SubElement(translation, "numerusform").text = form or None
            elif translated:
                translation.text = translated
    ET.indent(root)
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
    path.write_text(text, encoding="utf-8")
    return text


def lrelease() -> str:
    """The pyside6-lrelease next to this Python (the PySide6 wheel ships it)."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_qm(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str]) -> int:
    check = "--check" in argv
    messages = extract()
    OUT.mkdir(parents=True, exist_ok=True)
    stale = 0
    for language in LANGUAGES:
        ts = OUT / f"gistdesk_{language}.ts"
        translations = read_ts(ts)
        missing = [m for key, m in messages.items() if not translations.get(key)]
        if check:
            new = [key for key in messages if key not in translations]
            if new:
                stale += 1
                print(f"{ts.name}: out of date, {len(new)} new string(s)")
            print(f"{ts.name}: {len(messages) - len(missing)}/{len(messages)} translated")
            for message in missing:
                print(f"  untranslated [{message.context}] {message.source!r}")
            continue
        write_ts(ts, language, messages, translations)
        qm = compile_qm(ts)
        print(f"{ts.name}: {len(messages) - len(missing)}/{len(messages)} translated -> {qm.name}")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
