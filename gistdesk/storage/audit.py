"""The audit trail: field-level differences between two versions of a case, written in the
same transaction as the change. The table refuses UPDATE and DELETE (triggers in schema.py).

Entities are named as a clinician reads them (`scan 2022-03-20`, `line imatinib 2022-04-01`)
and fields by their path inside it (`lesions[L1].longest_diameter_mm`). Values are JSON text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gistdesk.core.casefile import case_to_dict
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
    for proc in data["procedures"]:
        out[_unique(f"procedure {proc['date']} {proc['kind']}", seen)] = proc
    for effect in data["side_effects"]:
        out[_unique(f"side effect {effect['date']} {effect['term']}", seen)] = effect
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


def write(conn: sqlite3.Connection, *, username: str, record_number: str | None, action: str,
          changes: Iterable[Change], at_utc: str | None = None) -> int:
    """Append the audit rows; returns how many were written."""
    stamp = at_utc or utc_now()
    rows = [(stamp, username, record_number, action, c.entity, c.field, c.old, c.new)
            for c in changes]
    conn.executemany(
        "INSERT INTO audit_log (at_utc, username, record_number, action, entity, field, "
        "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def read(conn: sqlite3.Connection, record_number: str | None = None, limit: int = 1000,
         offset: int = 0) -> list[AuditEntry]:
    """Newest first; all patients when record_number is None."""
    sql = ("SELECT id, at_utc, username, record_number, action, entity, field, old_value, "
           "new_value FROM audit_log")
    params: list[Any] = []
    if record_number is not None:
        sql += " WHERE record_number = ?"
        params.append(record_number)
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [AuditEntry(*row) for row in conn.execute(sql, params)]
