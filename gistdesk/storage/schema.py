"""The schema as an ordered ladder of migrations; the version lives in PRAGMA user_version.

Each migration runs in its own transaction after a backup of the file (when it holds data),
so a failed migration leaves the file as it was and a copy of it beside it. Never edit a
released migration: add a new one.

Numeric clinical values are stored in columns declared without a type so SQLite keeps them
exactly as given (an int stays an int, a float a float) and a case round-trips byte for byte.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gistdesk.storage import backup

if TYPE_CHECKING:
    from gistdesk.storage.db import Database

V1_TABLES = """
CREATE TABLE patients (
    id INTEGER PRIMARY KEY,
    record_number TEXT NOT NULL UNIQUE,
    record_key TEXT NOT NULL,          -- folded record number, for prefix search
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    name_key TEXT NOT NULL,            -- folded "family\x1fgiven", for sorting
    birth_date TEXT,
    sex TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX patients_record_key ON patients(record_key);
CREATE INDEX patients_name_key ON patients(name_key);
CREATE INDEX patients_birth_date ON patients(birth_date);

CREATE TABLE tumors (
    patient_id INTEGER PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
    diagnosis_date TEXT,
    primary_site TEXT,
    size_cm,
    mitoses_per_5mm2,
    rupture INTEGER,
    mutation TEXT,
    extent TEXT,
    metastatic_sites TEXT NOT NULL DEFAULT '[]'   -- JSON list of text
);

CREATE TABLE therapy_lines (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    drug TEXT NOT NULL,
    intent TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT,
    stop_reason TEXT
);
CREATE INDEX therapy_lines_patient ON therapy_lines(patient_id, position);

CREATE TABLE dose_changes (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES therapy_lines(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    mg_per_day NOT NULL,
    schedule TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dose_changes_line ON dose_changes(line_id, position);

CREATE TABLE scans (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    modality TEXT NOT NULL,
    non_target TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '',
    UNIQUE (patient_id, date)
);

CREATE TABLE lesion_measurements (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    lesion_id TEXT NOT NULL,
    organ TEXT NOT NULL,
    target INTEGER NOT NULL,
    lymph_node INTEGER NOT NULL,
    longest_diameter_mm,
    density_hu,
    suv_max,
    new INTEGER NOT NULL,
    hypodense INTEGER NOT NULL,
    intratumoral_nodule INTEGER NOT NULL,
    UNIQUE (scan_id, lesion_id)
);
CREATE INDEX lesion_measurements_scan ON lesion_measurements(scan_id, position);

CREATE TABLE procedures (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    organ TEXT,
    margin TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX procedures_patient ON procedures(patient_id, position);

CREATE TABLE side_effects (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    term TEXT NOT NULL,
    grade INTEGER NOT NULL,
    drug TEXT,
    action TEXT NOT NULL
);
CREATE INDEX side_effects_patient ON side_effects(patient_id, position);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('clinician', 'nurse', 'admin')),
    password_hash TEXT,                -- hex digest; NULL until a password is set
    password_salt TEXT,
    password_kdf TEXT,                 -- e.g. "scrypt:n=131072,r=8,p=1"
    created_utc TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- No foreign key to patients: the trail must outlive a deleted patient.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at_utc TEXT NOT NULL,
    username TEXT NOT NULL,
    record_number TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_log_record ON audit_log(record_number, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END;
"""

# Full-text search over names (record numbers are searched by prefix on an index);
# diacritics removed so cafe finds café; prefix indexes keep one- and two-letter
# search-as-you-type fast.
V2_SEARCH = """
CREATE VIRTUAL TABLE patients_fts USING fts5(
    record_number, family_name, given_name,
    content='patients', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='1 2'
);
CREATE TRIGGER patients_fts_ai AFTER INSERT ON patients BEGIN
    INSERT INTO patients_fts(rowid, record_number, family_name, given_name)
    VALUES (new.id, new.record_number, new.family_name, new.given_name);
END;
CREATE TRIGGER patients_fts_ad AFTER DELETE ON patients BEGIN
    INSERT INTO patients_fts(patients_fts, rowid, record_number, family_name, given_name)
    VALUES ('delete', old.id, old.record_number, old.family_name, old.given_name);
END;
CREATE TRIGGER patients_fts_au AFTER UPDATE OF record_number, family_name, given_name
ON patients BEGIN
    INSERT INTO patients_fts(patients_fts, rowid, record_number, family_name, given_name)
    VALUES ('delete', old.id, old.record_number, old.family_name, old.given_name);
    INSERT INTO patients_fts(rowid, record_number, family_name, given_name)
    VALUES (new.id, new.record_number, new.family_name, new.given_name);
END;
INSERT INTO patients_fts(patients_fts) VALUES ('rebuild');
"""

# Per-patient summary kept up to date on every save, so worklists never assess every case.
V3_SUMMARY = """
CREATE TABLE patient_summary (
    patient_id INTEGER PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
    computed_on TEXT NOT NULL,        -- the as_of date of the assessment behind this row
    primary_site TEXT,
    last_scan TEXT,
    current_line TEXT,                -- e.g. "imatinib 400 mg/day (line 1)"
    current_line_end TEXT,            -- its planned end, if any
    flag_codes TEXT NOT NULL DEFAULT '',  -- active flags/alerts, space-separated
    active_progression INTEGER NOT NULL DEFAULT 0,
    scan_due TEXT,                    -- first day a scan_overdue alert holds
    adjuvant_end TEXT                 -- end of the last-ending adjuvant line
);
CREATE INDEX patient_summary_site ON patient_summary(primary_site);
CREATE INDEX patient_summary_last_scan ON patient_summary(last_scan);
CREATE INDEX patient_summary_scan_due ON patient_summary(scan_due);
CREATE INDEX patient_summary_adjuvant_end ON patient_summary(adjuvant_end);
CREATE INDEX patient_summary_progression ON patient_summary(active_progression)
    WHERE active_progression = 1;
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT first; run the statements one by one instead.
        for statement in _split_sql(sql):
            conn.execute(statement)

    return run


def _split_sql(sql: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:80]}")
    return statements


def _backfill_summaries(conn: sqlite3.Connection, *, before_v5: bool = False) -> None:
    """Recompute every summary row. `before_v5`: the file has neither the reviews nor the
    treated lesions tables nor their summary columns yet (the v3 step of the ladder)."""
    # Imported here: the summary needs the case reader, which needs this module's tables.
    from gistdesk.storage import rows, summary

    today = date.today()
    columns = summary.V3_COLUMNS if before_v5 else summary.COLUMNS
    ids = [r[0] for r in conn.execute("SELECT id FROM patients ORDER BY id")]
    for patient_id in ids:
        case = rows.read_case(conn, patient_id, team_loop=not before_v5)
        row = summary.summary_row(summary.summarize(case, today))
        summary.write_summary_row(conn, patient_id, row[: len(columns)], columns)


def _v3(conn: sqlite3.Connection) -> None:
    _script(V3_SUMMARY)(conn)
    _backfill_summaries(conn, before_v5=True)


# v4: the viewer role, sign-in lockout persisted per user, and a keyed hash chain over the
# audit rows (the `chain` column; the key and the head live in `settings`, see audit.py).
V4_SECURITY = """
CREATE TABLE users_v4 (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'clinician', 'nurse', 'viewer')),
    password_hash TEXT,
    password_salt TEXT,
    password_kdf TEXT,
    created_utc TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until_utc TEXT,
    last_sign_in_utc TEXT
);
INSERT INTO users_v4 (id, username, display_name, role, password_hash, password_salt,
                      password_kdf, created_utc, disabled)
    SELECT id, username, display_name, role, password_hash, password_salt, password_kdf,
           created_utc, disabled FROM users;
DROP TABLE users;
ALTER TABLE users_v4 RENAME TO users;
ALTER TABLE audit_log ADD COLUMN chain TEXT;
CREATE INDEX audit_log_user ON audit_log(username, id);
CREATE INDEX audit_log_time ON audit_log(at_utc);
"""


def _v4(conn: sqlite3.Connection) -> None:
    from gistdesk.storage import audit

    _script(V4_SECURITY)(conn)
    audit.seal_existing(conn)


# v5: the team's loop (DESIGN.md section 3): reviews of scans (rows are only ever added; a
# later review of a scan supersedes), the lesion ids each procedure treated, and in the
# summary whether a flag waits for the team's decision and when the next scan is due.
V5_TEAM_LOOP = """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    scan_date TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN
        ('progression_confirmed', 'new_reference', 'not_progression', 're_image')),
    date TEXT NOT NULL,
    by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_utc TEXT NOT NULL,
    UNIQUE (patient_id, position)
);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are added, never edited: add a later review instead'); END;

CREATE TABLE procedure_lesions (
    procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    lesion_id TEXT NOT NULL,
    PRIMARY KEY (procedure_id, lesion_id)
);

ALTER TABLE patient_summary ADD COLUMN to_review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patient_summary ADD COLUMN next_scan_due TEXT;
CREATE INDEX patient_summary_to_review ON patient_summary(to_review) WHERE to_review = 1;
CREATE INDEX patient_summary_next_scan_due ON patient_summary(next_scan_due);
"""


def _v5(conn: sqlite3.Connection) -> None:
    _script(V5_TEAM_LOOP)(conn)
    _backfill_summaries(conn)


# v6: revisions that are never reused (a patient's revision is the id of the audit row of its
# last change), the clinic's settings and each user's view settings in the database, the
# record-in-use marks, and the sign-in counter of names that are no account.
V6_REVISIONS = """
CREATE TABLE clinic_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE user_settings (
    username TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (username, key)
);
CREATE TABLE records_in_use (
    session TEXT NOT NULL,             -- one open repository (a window)
    record_number TEXT NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    workstation TEXT NOT NULL,
    since_utc TEXT NOT NULL,
    heartbeat_utc TEXT NOT NULL,
    PRIMARY KEY (session, record_number)
);
CREATE INDEX records_in_use_record ON records_in_use(record_number);
CREATE TABLE sign_in_throttle (
    name_key TEXT PRIMARY KEY,         -- 24 bits of a keyed hash of the folded name
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until_utc TEXT,
    last_try_utc TEXT NOT NULL
);
UPDATE patients SET revision = coalesce(
    (SELECT max(a.id) FROM audit_log a
     WHERE a.record_number = patients.record_number AND a.action NOT IN ('view', 'print')),
    -patients.id);
"""


# v7: search that finds every spelling of a name (issue 13 item 5, issue 16). The FTS5 table
# indexed names unfolded while queries were folded ("Weiß" found nobody); it is replaced by a
# table of the terms that search.index_terms folds, for every patient, read by rank (see
# search_sqlite.py). record_key and name_key are recomputed with the new folding (Müller now
# sorts as Mueller).
V7_DROP_FTS = """
DROP TRIGGER IF EXISTS patients_fts_ai;
DROP TRIGGER IF EXISTS patients_fts_ad;
DROP TRIGGER IF EXISTS patients_fts_au;
DROP TABLE IF EXISTS patients_fts;
"""


def _v7(conn: sqlite3.Connection) -> None:
    from gistdesk.storage import search_sqlite
    from gistdesk.storage.text import fold, name_key

    _script(V7_DROP_FTS)(conn)
    _script(search_sqlite.SCHEMA_V7)(conn)
    conn.executemany(
        "UPDATE patients SET record_key = ?, name_key = ? WHERE id = ?",
        [
            (fold(number), name_key(family, given), pid)
            for pid, number, family, given in conn.execute(
                "SELECT id, record_number, family_name, given_name FROM patients"
            ).fetchall()
        ],
    )
    search_sqlite.rebuild(conn)


MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite3.Connection], None]], ...] = (
    (1, "tables", _script(V1_TABLES)),
    (2, "search", _script(V2_SEARCH)),
    (3, "summary", _v3),
    (4, "security", _v4),
    (5, "team loop", _v5),
    (6, "revisions", _script(V6_REVISIONS)),
    (7, "search terms", _v7),
)
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, db_path: Path, target: int | None = None) -> list[Path]:
    """Apply pending migrations up to `target` (default: latest); returns the backups made."""
    conn = db.conn
    goal = LATEST_VERSION if target is None else target
    backups: list[Path] = []
    # A file created by this very call holds nothing yet: no backups of an empty schema.
    fresh = current_version(conn) == 0
    for version, _name, apply in MIGRATIONS:
        if version <= current_version(conn) or version > goal:
            continue
        if not fresh:
            backups.append(backup.backup_database(conn, db_path, f"before-v{version}"))
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= version:  # another process migrated meanwhile
                conn.execute("COMMIT")
                continue
            apply(conn)
            # user_version is in the file header and changes inside this transaction.
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return backups
