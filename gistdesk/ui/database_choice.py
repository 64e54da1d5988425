"""The database this workstation opens when no --db is given (and no $GISTDESK_DB): a
clinic database file or the team database's postgresql:// address, stored in the
workstation's settings file where `gistdesk gui --remember` stores the address. Chosen in
Tools > Settings…; it takes effect at the next start.

Never a password: an address holding one is refused (the password is asked at sign-in, or
comes from $GISTDESK_PASSWORD or ~/.pgpass, docs/team-database.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from gistdesk.storage import factory

URL_KEY = "database/team_url"  # the team database (also written by `gistdesk gui --remember`)
FILE_KEY = "database/file"  # a clinic database file


class ChoiceError(ValueError):
    """What is wrong with a typed database choice (a sentence for the user)."""


def check_choice(text: str) -> str | None:
    """The choice as it will be stored (None: the default database), or ChoiceError."""
    value = text.strip()
    if not value:
        return None
    if "\x00" in value or len(value) > 2000:
        raise ChoiceError(
            QCoreApplication.translate("DatabaseChoice", "This is not a database file or address.")
        )
    if factory.is_postgres_url(value):
        try:
            from psycopg import ProgrammingError
            from psycopg.conninfo import conninfo_to_dict
        except ImportError as exc:
            raise ChoiceError(
                QCoreApplication.translate(
                    "DatabaseChoice",
                    "The team database is not available in this build of gistdesk.",
                )
            ) from exc

        try:
            parts = conninfo_to_dict(value)
        except ProgrammingError as exc:
            raise ChoiceError(
                QCoreApplication.translate(
                    "DatabaseChoice", "The team database address cannot be read: {0}"
                ).format(exc)
            ) from exc
        if "password" in parts:
            raise ChoiceError(
                QCoreApplication.translate(
                    "DatabaseChoice",
                    "The address holds a password; it is never stored. Remove it: the "
                    "password is asked at sign-in, or comes from GISTDESK_PASSWORD or "
                    "~/.pgpass.",
                )
            )
        return value
    if "://" in value:
        raise ChoiceError(
            QCoreApplication.translate(
                "DatabaseChoice", "Only postgresql:// addresses can be opened (or a database file)."
            )
        )
    path = Path(value).expanduser()
    if not path.is_absolute():
        raise ChoiceError(
            QCoreApplication.translate(
                "DatabaseChoice", "Give the database file's full path (or use Browse…)."
            )
        )
    if path.is_dir():
        raise ChoiceError(
            QCoreApplication.translate(
                "DatabaseChoice", "{0} is a folder, not a database file."
            ).format(path)
        )
    if not path.parent.is_dir():
        raise ChoiceError(
            QCoreApplication.translate("DatabaseChoice", "The folder {0} does not exist.").format(
                path.parent
            )
        )
    return str(path)


def stored_choice(settings: QSettings) -> str | None:
    """The stored database (an address or a file path), None for the default."""
    for key in (URL_KEY, FILE_KEY):
        value = settings.value(key)
        if isinstance(value, str) and value.strip():
            try:
                return check_choice(value)
            except ChoiceError:
                return None  # edited by hand into something unusable: the default
    return None


def store_choice(settings: QSettings, value: str | None) -> None:
    """Store a choice checked with `check_choice` (None: forget it, open the default)."""
    checked = check_choice(value or "")
    settings.remove(URL_KEY)
    settings.remove(FILE_KEY)
    if checked is not None:
        settings.setValue(URL_KEY if factory.is_postgres_url(checked) else FILE_KEY, checked)
    settings.sync()
