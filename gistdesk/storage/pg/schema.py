"""The PostgreSQL schema: roles, its own migration ladder, the server-side audit chain.

Roles (cluster-wide, created by `gistdesk db init`):
- `gistdesk_owner` (no login) owns every object; migrations run `SET LOCAL ROLE` to it.
- `gistdesk_workstation` (no login) holds what a workstation needs and nothing more: it
  reads and writes patients, summaries, users and settings, reads the audit log, and appends
  to it only through `gistdesk.append_audit` (SECURITY DEFINER). It cannot read the chain
  key, change or delete audit rows, move the chain head, or drop or truncate anything.
  Each workstation (or each member of staff) gets its own login role in this group, so the
  database login recorded in every audit row says who really connected.

Migrations: one transaction per step under `pg_advisory_xact_lock`, so two workstations
never migrate at once; the applied steps are rows of `gistdesk.schema_migrations`. Never
edit a released step: add one.

The clinical content of a case is kept as its case-file JSON in a `json` column (not
`jsonb`): `json` keeps the text exactly, so 800.0 stays 800.0, 800 stays an int, and every
float round-trips (`numeric` and `jsonb` would turn 1e16 into an int). The columns the patient
list filters, sorts and searches on are plain typed columns beside it, each length-capped
so no value can break a btree index (validation caps them earlier; TEAM-DATABASE.md).
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from psycopg import sql

from gistdesk.storage import search

OWNER_ROLE = "gistdesk_owner"
WORKSTATION_ROLE = "gistdesk_workstation"
SCHEMA = "gistdesk"
PRIVATE_SCHEMA = "gistdesk_private"
# pg_advisory_xact_lock key for migrations ("GDMI" in ASCII).
MIGRATION_LOCK = 0x47444D49
CHANGES_CHANNEL = "gistdesk_changes"

V1 = r"""
CREATE SCHEMA gistdesk;
CREATE SCHEMA gistdesk_private;
REVOKE ALL ON SCHEMA gistdesk_private FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA gistdesk_private;

CREATE TABLE gistdesk.schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_utc timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);

CREATE TABLE gistdesk.patients (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_number text NOT NULL UNIQUE CHECK (length(record_number) BETWEEN 1 AND 64),
    record_key text COLLATE "C" NOT NULL CHECK (length(record_key) <= 256),
    family_name text NOT NULL CHECK (length(family_name) <= 200),
    given_name text NOT NULL CHECK (length(given_name) <= 200),
    name_key text COLLATE "C" NOT NULL CHECK (length(name_key) <= 1000),
    birth_date date,
    search_vector tsvector NOT NULL,   -- search.index_terms, weighted by rank (search.py)
    content json NOT NULL,
    revision bigint NOT NULL,             -- id of the change's last audit row
    created_utc timestamptz NOT NULL DEFAULT now(),
    updated_utc timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_record_key ON gistdesk.patients (record_key, id);
CREATE INDEX patients_name_key ON gistdesk.patients (name_key, id);
CREATE INDEX patients_birth_date ON gistdesk.patients (birth_date, id);
CREATE INDEX patients_search_vector ON gistdesk.patients USING gin (search_vector);

CREATE TABLE gistdesk.patient_summary (
    patient_id bigint PRIMARY KEY REFERENCES gistdesk.patients (id) ON DELETE CASCADE,
    computed_on date NOT NULL,
    primary_site text,
    last_scan date,
    current_line text,
    current_line_end date,
    flag_codes text NOT NULL DEFAULT '',
    active_progression smallint NOT NULL DEFAULT 0 CHECK (active_progression IN (0, 1)),
    scan_due date,
    adjuvant_end date,
    to_review smallint NOT NULL DEFAULT 0 CHECK (to_review IN (0, 1)),
    next_scan_due date
);
CREATE INDEX patient_summary_site ON gistdesk.patient_summary (primary_site, patient_id);
CREATE INDEX patient_summary_last_scan ON gistdesk.patient_summary (last_scan, patient_id);
CREATE INDEX patient_summary_scan_due ON gistdesk.patient_summary (scan_due);
CREATE INDEX patient_summary_adjuvant_end ON gistdesk.patient_summary (adjuvant_end);
CREATE INDEX patient_summary_progression ON gistdesk.patient_summary (active_progression)
    WHERE active_progression = 1;
CREATE INDEX patient_summary_to_review ON gistdesk.patient_summary (to_review)
    WHERE to_review = 1;
CREATE INDEX patient_summary_next_scan_due ON gistdesk.patient_summary (next_scan_due, patient_id);

CREATE TABLE gistdesk.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (length(username) <= 100),
    display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 100),
    role text NOT NULL CHECK (role IN ('admin', 'clinician', 'nurse', 'viewer')),
    password_hash text,
    password_salt text,
    password_kdf text,
    created_utc text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until_utc text,
    last_sign_in_utc text
);

CREATE TABLE gistdesk.settings (
    key text PRIMARY KEY CHECK (length(key) <= 200),
    value text NOT NULL CHECK (length(value) <= 100000)
);

-- Sign-in tries of names that are no account, by a 24-bit keyed hash of the name.
CREATE TABLE gistdesk.sign_in_throttle (
    name_key text PRIMARY KEY,
    failed_attempts integer NOT NULL,
    locked_until_utc text,
    last_try_utc timestamptz NOT NULL
);

-- Per-user view settings (last patient, worklist, ...), per database and user.
CREATE TABLE gistdesk.user_settings (
    username text NOT NULL,
    key text NOT NULL,
    value text NOT NULL CHECK (length(value) <= 1000),
    PRIMARY KEY (username, key)
);

-- Who has which patient open: a row per open record, valid while its session advisory
-- lock is held (a dead connection loses the lock at once, so its row stops counting).
CREATE TABLE gistdesk.records_in_use (
    lock_key bigint NOT NULL,
    pid integer NOT NULL,
    record_number text NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL DEFAULT '',
    workstation text NOT NULL,
    db_login text NOT NULL DEFAULT session_user,
    since_utc timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lock_key, pid)
);

-- The audit trail. No foreign key to patients: it must outlive a deleted patient.
CREATE TABLE gistdesk.audit_log (
    id bigint PRIMARY KEY,
    at_utc text NOT NULL,
    username text NOT NULL,
    db_login text NOT NULL,
    record_number text,
    action text NOT NULL,
    entity text NOT NULL,
    field text NOT NULL,
    old_value text,
    new_value text,
    chain text NOT NULL
);
CREATE INDEX audit_log_record ON gistdesk.audit_log (record_number, id);
CREATE INDEX audit_log_user ON gistdesk.audit_log (username, id);
CREATE INDEX audit_log_time ON gistdesk.audit_log (at_utc);

CREATE TABLE gistdesk_private.audit_key (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    key bytea NOT NULL
);
INSERT INTO gistdesk_private.audit_key (key) VALUES (gistdesk_private.gen_random_bytes(32));
CREATE TABLE gistdesk_private.audit_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id bigint NOT NULL,
    link text NOT NULL
);
INSERT INTO gistdesk_private.audit_head (id, link) VALUES (0, '');

-- One link of the chain: HMAC-SHA256 over the previous link and every column of the row,
-- each value length-prefixed so no two rows can give the same text.
CREATE FUNCTION gistdesk_private.link(previous text, key bytea, id bigint, at_utc text,
    username text, db_login text, record_number text, action text, entity text,
    field text, old_value text, new_value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, gistdesk_private AS $$
    SELECT encode(gistdesk_private.hmac(convert_to(
        previous || E'\n' || array_to_string(ARRAY(
            SELECT CASE WHEN v IS NULL THEN '-' ELSE length(v)::text || ':' || v END
            FROM unnest(ARRAY[id::text, at_utc, username, db_login, record_number, action,
                              entity, field, old_value, new_value]) WITH ORDINALITY AS u(v, n)
            ORDER BY n), ','), 'UTF8'), key, 'sha256'), 'hex')
$$;

-- The only way to add audit rows. The head row is locked first, so appends are serialized:
-- ids and times are taken after the lock, no id is skipped and every link follows the
-- previous one. The database login (session_user) is recorded, not only the app's name.
CREATE FUNCTION gistdesk.append_audit(p_username text, p_record_number text, p_action text,
    p_entities text[], p_fields text[], p_old text[], p_new text[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, gistdesk_private, gistdesk, pg_temp AS $$
DECLARE
    head_id bigint;
    head_link text;
    chain_key bytea;
    stamp text;
    i integer;
    n integer := coalesce(array_length(p_entities, 1), 0);
BEGIN
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    IF coalesce(array_length(p_fields, 1), 0) <> n OR coalesce(array_length(p_old, 1), 0) <> n
       OR coalesce(array_length(p_new, 1), 0) <> n THEN
        RAISE EXCEPTION 'append_audit: the arrays must have the same length';
    END IF;
    SELECT h.id, h.link INTO head_id, head_link FROM gistdesk_private.audit_head h FOR UPDATE;
    SELECT k.key INTO chain_key FROM gistdesk_private.audit_key k;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    FOR i IN 1 .. n LOOP
        head_id := head_id + 1;
        head_link := gistdesk_private.link(head_link, chain_key, head_id, stamp, p_username,
            session_user::text, p_record_number, p_action, p_entities[i], p_fields[i],
            p_old[i], p_new[i]);
        INSERT INTO gistdesk.audit_log (id, at_utc, username, db_login, record_number, action,
            entity, field, old_value, new_value, chain)
        VALUES (head_id, stamp, p_username, session_user, p_record_number, p_action,
            p_entities[i], p_fields[i], p_old[i], p_new[i], head_link);
    END LOOP;
    UPDATE gistdesk_private.audit_head SET id = head_id, link = head_link;
    -- A hint for the other workstations (delivered at commit, never on rollback); they read
    -- the audit rows after the last id they saw, so a lost or forged hint changes nothing.
    PERFORM pg_notify('gistdesk_changes', head_id::text);
    RETURN head_id;
END
$$;

-- Walks the whole chain with the key (which workstations cannot read); returns problems.
CREATE FUNCTION gistdesk.verify_audit_chain(max_problems integer DEFAULT 20)
RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER STABLE
SET search_path = pg_catalog, gistdesk_private, gistdesk, pg_temp AS $$
DECLARE
    r record;
    chain_key bytea;
    link_now text;
    previous text := '';
    expected bigint := 1;
    found integer := 0;
    head record;
BEGIN
    SELECT k.key INTO chain_key FROM gistdesk_private.audit_key k;
    FOR r IN SELECT * FROM gistdesk.audit_log ORDER BY id LOOP
        IF r.id <> expected THEN
            found := found + 1;
            RETURN NEXT format('audit rows %s..%s are missing', expected, r.id - 1);
        END IF;
        expected := r.id + 1;
        link_now := gistdesk_private.link(previous, chain_key, r.id, r.at_utc, r.username,
            r.db_login, r.record_number, r.action, r.entity, r.field, r.old_value,
            r.new_value);
        IF r.chain IS DISTINCT FROM link_now THEN
            found := found + 1;
            RETURN NEXT format('audit row %s was changed or inserted outside gistdesk', r.id);
        END IF;
        previous := coalesce(r.chain, link_now);
        IF found >= max_problems THEN
            RETURN NEXT '(more problems not listed)';
            RETURN;
        END IF;
    END LOOP;
    SELECT h.id, h.link INTO head FROM gistdesk_private.audit_head h;
    IF head.id <> expected - 1 OR head.link <> previous THEN
        RETURN NEXT format('the newest audit rows were removed (the log ends at row %s, '
                           'it had reached row %s)', expected - 1, head.id);
    END IF;
END
$$;

-- One whole-case write: the patient row (only if its revision is still p_expected), the
-- summary row and the audit rows, in the caller's transaction, as one call (one round
-- trip). The new revision is the id of the change's last audit row, as on SQLite: it grows
-- with every change and is never reused, not even for a record number deleted and entered
-- again. Returns NULL (nothing written) when the revision moved on or the patient is gone.
CREATE FUNCTION gistdesk.write_case(p_old_rn text, p_expected bigint, p_rn text, p_rk text,
    p_fam text, p_giv text, p_nk text, p_bd date, p_search_a text[], p_search_b text[],
    p_search_c text[], p_search_d text[], p_content json,
    p_computed_on date, p_site text, p_last_scan date, p_line text, p_line_end date,
    p_flags text, p_progression smallint, p_scan_due date, p_adjuvant_end date,
    p_to_review smallint, p_next_due date,
    p_user text, p_action text, p_ents text[], p_flds text[], p_olds text[], p_news text[],
    p_account text, p_roles text[])
RETURNS bigint
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, gistdesk, pg_temp AS $$
DECLARE
    pid bigint;
    rev bigint;
    vector tsvector := setweight(array_to_tsvector(p_search_a), 'A')
        || setweight(array_to_tsvector(p_search_b), 'B')
        || setweight(array_to_tsvector(p_search_c), 'C')
        || setweight(array_to_tsvector(p_search_d), 'D');
BEGIN
    -- The signed-in account, checked in the same round trip as the write: disabled or
    -- moved to a role without this permission by an administrator a moment ago is refused.
    IF p_account IS NOT NULL AND NOT EXISTS (SELECT 1 FROM gistdesk.users
            WHERE username = p_account AND NOT disabled AND role = ANY (p_roles)) THEN
        RAISE EXCEPTION 'the account % may not make this change now', p_account
            USING ERRCODE = 'GD001';
    END IF;
    IF p_old_rn IS NULL THEN
        INSERT INTO gistdesk.patients (record_number, record_key, family_name, given_name,
            name_key, birth_date, search_vector, content, revision)
        VALUES (p_rn, p_rk, p_fam, p_giv, p_nk, p_bd, vector, p_content, 0)
        RETURNING id INTO pid;
    ELSE
        SELECT id, revision INTO pid, rev FROM gistdesk.patients
        WHERE record_number = p_old_rn AND (p_expected IS NULL OR revision = p_expected)
        FOR UPDATE;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        UPDATE gistdesk.patients SET record_number = p_rn, record_key = p_rk,
            family_name = p_fam, given_name = p_giv, name_key = p_nk, birth_date = p_bd,
            search_vector = vector, content = p_content, updated_utc = now()
        WHERE id = pid;
    END IF;
    INSERT INTO gistdesk.patient_summary AS s (patient_id, computed_on, primary_site,
        last_scan, current_line, current_line_end, flag_codes, active_progression, scan_due,
        adjuvant_end, to_review, next_scan_due)
    VALUES (pid, p_computed_on, p_site, p_last_scan, p_line, p_line_end, p_flags,
        p_progression, p_scan_due, p_adjuvant_end, p_to_review, p_next_due)
    ON CONFLICT (patient_id) DO UPDATE SET computed_on = excluded.computed_on,
        primary_site = excluded.primary_site, last_scan = excluded.last_scan,
        current_line = excluded.current_line, current_line_end = excluded.current_line_end,
        flag_codes = excluded.flag_codes, active_progression = excluded.active_progression,
        scan_due = excluded.scan_due, adjuvant_end = excluded.adjuvant_end,
        to_review = excluded.to_review, next_scan_due = excluded.next_scan_due;
    rev := coalesce(gistdesk.append_audit(p_user, p_rn, p_action, p_ents, p_flds, p_olds,
        p_news), rev);
    UPDATE gistdesk.patients SET revision = rev WHERE id = pid;
    RETURN rev;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA gistdesk FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA gistdesk_private FROM PUBLIC;
GRANT USAGE ON SCHEMA gistdesk TO gistdesk_workstation;
GRANT SELECT, INSERT, UPDATE, DELETE ON gistdesk.patients, gistdesk.patient_summary,
    gistdesk.records_in_use, gistdesk.user_settings, gistdesk.sign_in_throttle
    TO gistdesk_workstation;
GRANT SELECT, INSERT, UPDATE ON gistdesk.users, gistdesk.settings TO gistdesk_workstation;
GRANT SELECT ON gistdesk.audit_log, gistdesk.schema_migrations TO gistdesk_workstation;
GRANT EXECUTE ON FUNCTION gistdesk.write_case(text, bigint, text, text, text, text, text,
    date, text[], text[], text[], text[], json, date, text, date, text, date, text, smallint,
    date, date, smallint, date, text, text, text[], text[], text[], text[], text, text[])
    TO gistdesk_workstation;
GRANT EXECUTE ON FUNCTION gistdesk.append_audit(text, text, text, text[], text[], text[],
    text[]) TO gistdesk_workstation;
GRANT EXECUTE ON FUNCTION gistdesk.verify_audit_chain(integer) TO gistdesk_workstation;
"""

# Version 2: the search terms as a table walked by rank, as on SQLite (search_sqlite.py):
# keyed (rank, term, name_key, patient_id) in byte order (COLLATE "C"), so the prefix range
# of one rank is read in list order and a page stops after its rows; the tsvector stays for
# the match as a filter (counts, lists sorted by a column). write_case keeps both in step.
V2_TABLE = r"""
CREATE TABLE gistdesk.patient_search (
    rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 4),
    term text COLLATE "C" NOT NULL CHECK (length(term) BETWEEN 1 AND 64),
    name_key text COLLATE "C" NOT NULL CHECK (length(name_key) <= 1000),
    patient_id bigint NOT NULL REFERENCES gistdesk.patients (id) ON DELETE CASCADE,
    -- every term of the patient, each after a '|' (search.term_words): the other words of
    -- a query are checked in the row the walk reads, not by one index probe per row
    words text COLLATE "C" NOT NULL CHECK (length(words) <= 2000)
);
"""
V2_INDEXES = r"""
ALTER TABLE gistdesk.patient_search ADD PRIMARY KEY (rank, term, name_key, patient_id)
    INCLUDE (words);
CREATE INDEX patient_search_patient ON gistdesk.patient_search (patient_id);
ANALYZE gistdesk.patient_search;
GRANT SELECT, INSERT, DELETE ON gistdesk.patient_search TO gistdesk_workstation;

CREATE OR REPLACE FUNCTION gistdesk.write_case(p_old_rn text, p_expected bigint, p_rn text,
    p_rk text, p_fam text, p_giv text, p_nk text, p_bd date, p_search_a text[], p_search_b text[],
    p_search_c text[], p_search_d text[], p_content json,
    p_computed_on date, p_site text, p_last_scan date, p_line text, p_line_end date,
    p_flags text, p_progression smallint, p_scan_due date, p_adjuvant_end date,
    p_to_review smallint, p_next_due date,
    p_user text, p_action text, p_ents text[], p_flds text[], p_olds text[], p_news text[],
    p_account text, p_roles text[])
RETURNS bigint
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, gistdesk, pg_temp AS $$
DECLARE
    pid bigint;
    rev bigint;
    old_rn text;
    old_fam text;
    old_giv text;
    vector tsvector := setweight(array_to_tsvector(p_search_a), 'A')
        || setweight(array_to_tsvector(p_search_b), 'B')
        || setweight(array_to_tsvector(p_search_c), 'C')
        || setweight(array_to_tsvector(p_search_d), 'D');
BEGIN
    -- The signed-in account, checked in the same round trip as the write: disabled or
    -- moved to a role without this permission by an administrator a moment ago is refused.
    IF p_account IS NOT NULL AND NOT EXISTS (SELECT 1 FROM gistdesk.users
            WHERE username = p_account AND NOT disabled AND role = ANY (p_roles)) THEN
        RAISE EXCEPTION 'the account % may not make this change now', p_account
            USING ERRCODE = 'GD001';
    END IF;
    IF p_old_rn IS NULL THEN
        INSERT INTO gistdesk.patients (record_number, record_key, family_name, given_name,
            name_key, birth_date, search_vector, content, revision)
        VALUES (p_rn, p_rk, p_fam, p_giv, p_nk, p_bd, vector, p_content, 0)
        RETURNING id INTO pid;
    ELSE
        SELECT id, revision, record_number, family_name, given_name
            INTO pid, rev, old_rn, old_fam, old_giv FROM gistdesk.patients
        WHERE record_number = p_old_rn AND (p_expected IS NULL OR revision = p_expected)
        FOR UPDATE;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        UPDATE gistdesk.patients SET record_number = p_rn, record_key = p_rk,
            family_name = p_fam, given_name = p_giv, name_key = p_nk, birth_date = p_bd,
            search_vector = vector, content = p_content, updated_utc = now()
        WHERE id = pid;
    END IF;
    -- The search terms (search.index_terms, by rank) follow the names in the same
    -- transaction; they depend on nothing else, so a save that keeps the names keeps them.
    IF old_rn IS DISTINCT FROM p_rn OR old_fam IS DISTINCT FROM p_fam
            OR old_giv IS DISTINCT FROM p_giv THEN
        DELETE FROM gistdesk.patient_search WHERE patient_id = pid;
        INSERT INTO gistdesk.patient_search (rank, term, name_key, patient_id, words)
        SELECT DISTINCT w.rank, w.term, p_nk, pid, '|' || array_to_string(ARRAY(
                SELECT DISTINCT x COLLATE "C" FROM unnest(p_search_a || p_search_b
                    || p_search_c || p_search_d) AS x ORDER BY 1), '|')
        FROM (
            SELECT 1, unnest(p_search_a) UNION ALL SELECT 2, unnest(p_search_b)
            UNION ALL SELECT 3, unnest(p_search_c) UNION ALL SELECT 4, unnest(p_search_d)
        ) AS w(rank, term);
    END IF;
    INSERT INTO gistdesk.patient_summary AS s (patient_id, computed_on, primary_site,
        last_scan, current_line, current_line_end, flag_codes, active_progression, scan_due,
        adjuvant_end, to_review, next_scan_due)
    VALUES (pid, p_computed_on, p_site, p_last_scan, p_line, p_line_end, p_flags,
        p_progression, p_scan_due, p_adjuvant_end, p_to_review, p_next_due)
    ON CONFLICT (patient_id) DO UPDATE SET computed_on = excluded.computed_on,
        primary_site = excluded.primary_site, last_scan = excluded.last_scan,
        current_line = excluded.current_line, current_line_end = excluded.current_line_end,
        flag_codes = excluded.flag_codes, active_progression = excluded.active_progression,
        scan_due = excluded.scan_due, adjuvant_end = excluded.adjuvant_end,
        to_review = excluded.to_review, next_scan_due = excluded.next_scan_due;
    rev := coalesce(gistdesk.append_audit(p_user, p_rn, p_action, p_ents, p_flds, p_olds,
        p_news), rev);
    UPDATE gistdesk.patients SET revision = rev WHERE id = pid;
    RETURN rev;
END
$$;
"""


Step = Callable[[psycopg.Connection[tuple[object, ...]]], None]


def _script(text: str) -> Step:
    def run(conn: psycopg.Connection[tuple[object, ...]]) -> None:
        conn.execute(text.encode("utf-8"))  # several statements: simple query protocol

    return run


def _v2(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    conn.execute(V2_TABLE.encode("utf-8"))
    backfill_search_terms(conn)  # before the indexes: one sort each instead of 1M inserts
    conn.execute(V2_INDEXES.encode("utf-8"))


def backfill_search_terms(conn: psycopg.Connection[tuple[object, ...]]) -> int:
    """Write every patient's search terms (search.index_terms, the one folding) into the
    empty patient_search table, with COPY; returns the number of patients."""
    rows = conn.execute(
        "SELECT id, record_number, family_name, given_name, name_key FROM gistdesk.patients"
    ).fetchall()
    with (
        conn.cursor() as cur,
        cur.copy(
            "COPY gistdesk.patient_search (rank, term, name_key, patient_id, words) FROM STDIN"
        ) as copy,
    ):
        for pid, number, family, given, key in rows:
            terms = search.index_terms(str(number), str(family), str(given))
            words = search.term_words(terms)
            for term, rank in terms:
                copy.write_row((rank, term, key, pid, words))
    return len(rows)


MIGRATIONS: tuple[tuple[int, str, Step], ...] = (
    (1, "tables, roles and the audit chain", _script(V1)),
    (2, "search terms walked by rank (patient_search)", _v2),
)
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: psycopg.Connection[tuple[object, ...]]) -> int:
    """0 for a database without the gistdesk schema."""
    row = conn.execute("SELECT to_regclass('gistdesk.schema_migrations') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM gistdesk.schema_migrations")
    value = found.fetchone()
    return int(value[0]) if value else 0  # type: ignore[call-overload]


def ensure_roles(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    """Create the owner and workstation group roles when missing and let the connected
    administrator act as the owner (needs CREATEROLE or a superuser). Autocommit."""
    for role in (OWNER_ROLE, WORKSTATION_ROLE):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if exists is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
    member = conn.execute(
        "SELECT pg_has_role(current_user, %s, 'MEMBER')", (OWNER_ROLE,)
    ).fetchone()
    if member is None or not member[0]:
        conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OWNER_ROLE)))
    database = conn.execute("SELECT current_database()").fetchone()
    assert database is not None
    conn.execute(
        sql.SQL("GRANT CREATE, CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(str(database[0])), sql.Identifier(OWNER_ROLE)
        )
    )
    conn.execute(
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(str(database[0])), sql.Identifier(WORKSTATION_ROLE)
        )
    )


def can_migrate(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    row = conn.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')", (OWNER_ROLE,)).fetchone()
    return bool(row and row[0])


def migrate(conn: psycopg.Connection[tuple[object, ...]], target: int | None = None) -> list[int]:
    """Apply the pending steps (each in its own transaction, as the owner role, under the
    migration advisory lock); returns the versions applied. `conn` must be in autocommit."""
    goal = LATEST_VERSION if target is None else target
    applied: list[int] = []
    for version, name, apply in MIGRATIONS:
        if version > goal:
            break
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            if current_version(conn) >= version:  # done already, maybe by another workstation
                continue
            conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(OWNER_ROLE)))
            apply(conn)
            conn.execute(
                "INSERT INTO gistdesk.schema_migrations (version, name) VALUES (%s, %s)",
                (version, name),
            )
        applied.append(version)
    return applied
