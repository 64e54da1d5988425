"""The audit trail: field-level differences between two versions of a case, written in the
same transaction as the change. The table refuses UPDATE and DELETE (triggers in schema.py).

Entities are named as a clinician reads them (`scan 2022-03-20`, `line imatinib 2022-04-01`)
and fields by their path inside it (`lesions[L1].longest_diameter_mm`). Values are JSON text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gistdesk.core.model import Case

CREATED = "(created)"
DELETED = "(deleted)"


@dataclass(frozen=True, slots=True)
class Change:
    entity: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at_utc: str
    username: str
    record_number: str | None
    action: str
    entity: str
    field: str
    old_value: str | None
    new_value: str | None
    db_login: str | None = None  # the database login that wrote the row (team database)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _unique(name: str, seen: dict[str, int]) -> str:
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} #{seen[name]}"


def _flat_fields(data: dict[str, Any], list_key: str, id_key: str) -> dict[str, Any]:
    """Top-level fields, with the list under `list_key` expanded by its items' ids."""
    out = {key: value for key, value in data.items() if key != list_key}
    seen: dict[str, int] = {}
    for item in data.get(list_key, []):
        ident = _unique(str(item[id_key]), seen)
        for key, value in item.items():
            if key != id_key:
                out[f"{list_key}[{ident}].{key}"] = value
    return out


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case file form of `case` (gistdesk.core.casefile, loaded with the first save or
    history view rather than at the app's start: issue 16)."""
    from gistdesk.core.casefile import case_to_dict as to_dict

    return to_dict(case)


def entities(case: Case) -> dict[str, dict[str, Any]]:
    """The case as {entity name: {field path: value}}."""
    data = case_to_dict(case)
    out: dict[str, dict[str, Any]] = {"patient": data["patient"], "tumor": data["tumor"]}
    seen: dict[str, int] = {}
    for line in data["therapy_lines"]:
        name = _unique(f"line {line['drug']} {line['start']}", seen)
        out[name] = _flat_fields(line, "doses", "date")
    for scan in data["scans"]:
        out[_unique(f"scan {scan['date']}", seen)] = _flat_fields(scan, "lesions", "lesion_id")
    for proc, procedure in zip(data["procedures"], case.procedures, strict=True):
        # The treated lesions, whichever case file version the writer knows.
        fields = {**proc, "lesions": list(procedure.lesions)}
        out[_unique(f"procedure {proc['date']} {proc['kind']}", seen)] = fields
    for effect in data["side_effects"]:
        out[_unique(f"side effect {effect['date']} {effect['term']}", seen)] = effect
    for review in case.reviews:
        name = _unique(f"review of scan {review.scan.isoformat()} {review.date.isoformat()}", seen)
        out[name] = {
            "decision": review.decision.value,
            "by": review.by,
            "note": review.note,
        }
    return out


def diff_cases(old: Case | None, new: Case | None) -> list[Change]:
    """Field-level changes from `old` to `new`; a whole new or deleted case is one row."""
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [Change("case", CREATED, None, _json(case_to_dict(new)))]
    if new is None:
        return [Change("case", DELETED, _json(case_to_dict(old)), None)]
    before, after = entities(old), entities(new)
    changes: list[Change] = []
    for name, fields in before.items():
        if name not in after:
            changes.append(Change(name, DELETED, _json(fields), None))
    for name, fields in after.items():
        if name not in before:
            changes.append(Change(name, CREATED, None, _json(fields)))
            continue
        old_fields = before[name]
        for key in sorted(set(old_fields) | set(fields)):
            a, b = old_fields.get(key), fields.get(key)
            # Compare as JSON so 1 vs 1.0 (a retyped value) is recorded too.
            ja = None if key not in old_fields else _json(a)
            jb = None if key not in fields else _json(b)
            if ja != jb:
                changes.append(Change(name, key, ja, jb))
    return changes


CHAIN_KEY_SETTING = "audit_chain_key"
CHAIN_HEAD_SETTING = "audit_chain_head"
FIELDS = "id, at_utc, username, record_number, action, entity, field, old_value, new_value"


def _chain_key(conn: sqlite3.Connection) -> bytes:
    """The HMAC key of the chain (made on first use; see docs/security.md for what it is
    worth: it lives in the same file, so it detects edits made without knowing the scheme)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CHAIN_KEY_SETTING,)).fetchone()
    if row is not None:
        return bytes.fromhex(row[0])
    key = secrets.token_bytes(32)
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (CHAIN_KEY_SETTING, key.hex()))
    return key


def chain_value(key: bytes, previous: str, row: tuple[Any, ...]) -> str:
    """HMAC-SHA256 over the previous link and this row (id and every column)."""
    body = previous + "\n" + json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, body.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def _last_link(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return 0, ""
    return int(row[0]), str(row[1] or "")


def head_seal(key: bytes, last_id: int, link: str) -> str:
    """HMAC over the head (the newest row's id, which counts the rows, and its link): moving
    the head back after cutting the newest rows needs the key (security.md: audit tail)."""
    body = f"head\n{last_id}\n{link}"
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def _set_head(conn: sqlite3.Connection, key: bytes, last_id: int, link: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
        "SET value = excluded.value",
        (CHAIN_HEAD_SETTING, f"{last_id} {link} {head_seal(key, last_id, link)}"),
    )


def write(
    conn: sqlite3.Connection,
    *,
    username: str,
    record_number: str | None,
    action: str,
    changes: Iterable[Change],
    at_utc: str | None = None,
) -> int:
    """Append the audit rows, each linked to the one before; returns how many were written.
    Call inside the write transaction that makes the change."""
    stamp = at_utc or utc_now()
    key = _chain_key(conn)
    last_id, link = _last_link(conn)
    count = 0
    for c in changes:
        last_id += 1
        row = (last_id, stamp, username, record_number, action, c.entity, c.field, c.old, c.new)
        link = chain_value(key, link, row)
        conn.execute(
            f"INSERT INTO audit_log ({FIELDS}, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row, link),
        )
        count += 1
    if count:
        _set_head(conn, key, last_id, link)
    return count


def seal_existing(conn: sqlite3.Connection) -> int:
    """Link rows written before the chain existed (schema migration 4, in its transaction)."""
    key = _chain_key(conn)
    conn.execute("DROP TRIGGER audit_log_no_update")
    link, last_id = "", 0
    for row in conn.execute(f"SELECT {FIELDS} FROM audit_log ORDER BY id").fetchall():
        link = chain_value(key, link, tuple(row))
        last_id = int(row[0])
        conn.execute("UPDATE audit_log SET chain = ? WHERE id = ?", (link, last_id))
    conn.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT "
        "RAISE(ABORT, 'the audit log is append-only: rows cannot be changed'); END"
    )
    if last_id:
        _set_head(conn, key, last_id, link)
    return last_id


def _has_history(conn: sqlite3.Connection) -> bool:
    """Accounts or patients exist: their creation wrote audit rows, so an empty log or a
    missing key means rows (and the key) were removed."""
    for table in ("users", "patients"):
        if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            return True
    return False


def verify_chain(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Problems found walking the chain (empty: every row is as written, none missing)."""
    problems: list[str] = []
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CHAIN_KEY_SETTING,)).fetchone()
    head = conn.execute(
        "SELECT value FROM settings WHERE key = ?", (CHAIN_HEAD_SETTING,)
    ).fetchone()
    count = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    if row is None:
        if count or head is not None or _has_history(conn):
            return ["the audit chain key is missing (the log was wiped or replaced)"]
        return []
    key = bytes.fromhex(row[0])
    link, expected_id = "", 1
    for data in conn.execute(f"SELECT {FIELDS}, chain FROM audit_log ORDER BY id"):
        values, stored = tuple(data[:-1]), data[-1]
        row_id = int(values[0])
        if row_id != expected_id:
            problems.append(f"audit rows {expected_id}..{row_id - 1} are missing")
        expected_id = row_id + 1
        link_now = chain_value(key, link, values)
        if stored is None or not hmac.compare_digest(str(stored), link_now):
            problems.append(f"audit row {row_id} was changed or inserted outside gistdesk")
        # Continue from the stored link so one bad row is reported once, not every row after.
        link = str(stored) if stored is not None else link_now
        if len(problems) >= limit:
            problems.append("(more problems not listed)")
            return problems
    if head is None:
        if count or _has_history(conn):
            problems.append("the audit chain head is missing (rows were removed)")
        return problems
    parts = str(head[0]).split(" ")
    head_id = int(parts[0]) if parts[0].isdigit() else -1
    head_link = parts[1] if len(parts) > 1 else ""
    seal = parts[2] if len(parts) > 2 else ""
    if not hmac.compare_digest(seal, head_seal(key, head_id, head_link)):
        problems.append(
            "the audit chain head is not sealed (edited outside gistdesk, or written by an "
            "older gistdesk: the next change seals it)"
        )
    if head_id != expected_id - 1 or head_link != link:
        problems.append(
            f"the newest audit rows were removed (the log ends at row "
            f"{expected_id - 1}, it had reached row {head_id})"
        )
    return problems


def read(
    conn: sqlite3.Connection,
    record_number: str | None = None,
    limit: int = 1000,
    offset: int = 0,
    *,
    username: str | None = None,
    since_utc: str | None = None,
    before_utc: str | None = None,
) -> list[AuditEntry]:
    """Newest first; all patients when record_number is None. `since_utc` is inclusive,
    `before_utc` exclusive (ISO text, compared with the stored UTC stamps)."""
    sql = f"SELECT {FIELDS} FROM audit_log"
    where: list[str] = []
    params: list[Any] = []
    if record_number is not None:
        where.append("record_number = ?")
        params.append(record_number)
    if username is not None:
        where.append("username = ?")
        params.append(username)
    if since_utc is not None:
        where.append("at_utc >= ?")
        params.append(since_utc)
    if before_utc is not None:
        where.append("at_utc < ?")
        params.append(before_utc)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [AuditEntry(*row) for row in conn.execute(sql, params)]
