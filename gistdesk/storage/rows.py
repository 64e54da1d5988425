"""A Case to table rows and back. Order within each list is kept by a `position` column."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any, NamedTuple

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Review,
    Scan,
    SideEffect,
    TherapyLine,
    Tumor,
)
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Margin,
    Modality,
    Mutation,
    NonTarget,
    ProcedureKind,
    ReviewDecision,
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)
from gistdesk.storage import search_sqlite
from gistdesk.storage.text import fold, name_key


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def find_patient_id(conn: sqlite3.Connection, record_number: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM patients WHERE record_number = ?", (record_number,)
    ).fetchone()
    return int(row[0]) if row else None


def patient_values(patient: Patient) -> dict[str, Any]:
    return {
        "record_number": patient.record_number,
        "record_key": fold(patient.record_number),
        "family_name": patient.family_name,
        "given_name": patient.given_name,
        "name_key": name_key(patient.family_name, patient.given_name),
        "birth_date": _iso(patient.birth_date),
        "sex": patient.sex.value if patient.sex else None,
        "notes": patient.notes,
    }


class CaseRows(NamedTuple):
    """A case as plain row tuples (cheap to pickle between processes), in table order."""

    patient: tuple[Any, ...]
    tumor: tuple[Any, ...]
    lines: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]  # (line, its doses)
    scans: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]  # (scan, its lesions)
    procedures: list[tuple[tuple[Any, ...], list[str]]]  # (procedure, its treated lesions)
    side_effects: list[tuple[Any, ...]]
    reviews: list[tuple[Any, ...]]


_PATIENT_COLUMNS = (
    "record_number",
    "record_key",
    "family_name",
    "given_name",
    "name_key",
    "birth_date",
    "sex",
    "notes",
)


def case_to_rows(case: Case) -> CaseRows:
    values = patient_values(case.patient)
    t = case.tumor
    return CaseRows(
        patient=tuple(values[c] for c in _PATIENT_COLUMNS),
        tumor=(
            _iso(t.diagnosis_date),
            t.primary_site.value if t.primary_site else None,
            t.size_cm,
            t.mitoses_per_5mm2,
            None if t.rupture is None else int(t.rupture),
            t.mutation.value if t.mutation else None,
            t.extent.value if t.extent else None,
            json.dumps(list(t.metastatic_sites), ensure_ascii=False),
        ),
        lines=[
            (
                (
                    position,
                    line.drug.value,
                    line.intent.value,
                    line.start.isoformat(),
                    _iso(line.end),
                    line.stop_reason.value if line.stop_reason else None,
                ),
                [
                    (i, d.date.isoformat(), d.mg_per_day, d.schedule)
                    for i, d in enumerate(line.doses)
                ],
            )
            for position, line in enumerate(case.therapy_lines)
        ],
        scans=[
            (
                (
                    position,
                    scan.date.isoformat(),
                    scan.modality.value,
                    scan.non_target.value,
                    scan.report,
                ),
                [
                    (
                        i,
                        le.lesion_id,
                        le.organ,
                        int(le.target),
                        int(le.lymph_node),
                        le.longest_diameter_mm,
                        le.density_hu,
                        le.suv_max,
                        int(le.new),
                        int(le.hypodense),
                        int(le.intratumoral_nodule),
                    )
                    for i, le in enumerate(scan.lesions)
                ],
            )
            for position, scan in enumerate(case.scans)
        ],
        procedures=[
            (
                (
                    i,
                    p.date.isoformat(),
                    p.kind.value,
                    p.organ,
                    p.margin.value if p.margin else None,
                    p.note,
                ),
                list(p.lesions),
            )
            for i, p in enumerate(case.procedures)
        ],
        side_effects=[
            (i, e.date.isoformat(), e.term, e.grade, e.drug, e.action.value)
            for i, e in enumerate(case.side_effects)
        ],
        reviews=[review_values(i, r) for i, r in enumerate(case.reviews)],
    )


def review_values(position: int, review: Review) -> tuple[Any, ...]:
    return (
        position,
        review.scan.isoformat(),
        review.decision.value,
        review.date.isoformat(),
        review.by,
        review.note,
    )


def insert_reviews(
    conn: sqlite3.Connection, patient_id: int, reviews: list[tuple[Any, ...]], now_utc: str
) -> None:
    """Add review rows (they are never updated; a later review supersedes)."""
    conn.executemany(
        "INSERT INTO reviews (patient_id, position, scan_date, decision, date, by, note, "
        "recorded_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(patient_id, *r, now_utc) for r in reviews],
    )


def insert_patient_row(conn: sqlite3.Connection, patient: tuple[Any, ...], now_utc: str) -> int:
    cursor = conn.execute(
        "INSERT INTO patients (record_number, record_key, family_name, given_name, name_key, "
        "birth_date, sex, notes, created_utc, updated_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*patient, now_utc, now_utc),
    )
    assert cursor.lastrowid is not None
    search_sqlite.write_terms(
        conn, cursor.lastrowid, patient[0], patient[2], patient[3], replace=False
    )
    return cursor.lastrowid


def insert_patient(conn: sqlite3.Connection, patient: Patient, now_utc: str) -> int:
    values = patient_values(patient)
    return insert_patient_row(conn, tuple(values[c] for c in _PATIENT_COLUMNS), now_utc)


def update_patient(
    conn: sqlite3.Connection, patient_id: int, patient: Patient, now_utc: str
) -> None:
    conn.execute(
        "UPDATE patients SET record_number = :record_number, record_key = :record_key, "
        "family_name = :family_name, given_name = :given_name, name_key = :name_key, "
        "birth_date = :birth_date, sex = :sex, notes = :notes, updated_utc = :now, "
        "revision = revision + 1 WHERE id = :id",
        {**patient_values(patient), "now": now_utc, "id": patient_id},
    )
    search_sqlite.write_terms(
        conn,
        patient_id,
        patient.record_number,
        patient.family_name,
        patient.given_name,
        replace=True,
    )


def delete_children(conn: sqlite3.Connection, patient_id: int) -> None:
    """Remove everything but the patient row and its reviews (cascades reach doses, lesions
    and treated lesions). Reviews stay: they are only ever added to (`insert_reviews`)."""
    for table in ("tumors", "therapy_lines", "scans", "procedures", "side_effects"):
        conn.execute(f"DELETE FROM {table} WHERE patient_id = ?", (patient_id,))


def insert_child_rows(
    conn: sqlite3.Connection,
    patient_id: int,
    rows: CaseRows,
    *,
    now_utc: str = "",
    reviews_from: int = 0,
) -> None:
    """Insert the case's rows; of its reviews only those from position `reviews_from` on
    (the earlier ones are stored already: reviews are never rewritten)."""
    conn.execute(
        "INSERT INTO tumors (patient_id, diagnosis_date, primary_site, size_cm, "
        "mitoses_per_5mm2, rupture, mutation, extent, metastatic_sites) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (patient_id, *rows.tumor),
    )
    for line, doses in rows.lines:
        line_id = conn.execute(
            'INSERT INTO therapy_lines (patient_id, position, drug, intent, start, "end", '
            "stop_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (patient_id, *line),
        ).lastrowid
        conn.executemany(
            "INSERT INTO dose_changes (line_id, position, date, mg_per_day, schedule) "
            "VALUES (?, ?, ?, ?, ?)",
            [(line_id, *dose) for dose in doses],
        )
    for scan, lesions in rows.scans:
        scan_id = conn.execute(
            "INSERT INTO scans (patient_id, position, date, modality, non_target, report) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (patient_id, *scan),
        ).lastrowid
        conn.executemany(
            "INSERT INTO lesion_measurements (scan_id, position, lesion_id, organ, target, "
            "lymph_node, longest_diameter_mm, density_hu, suv_max, new, hypodense, "
            "intratumoral_nodule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(scan_id, *lesion) for lesion in lesions],
        )
    for procedure, treated in rows.procedures:
        procedure_id = conn.execute(
            "INSERT INTO procedures (patient_id, position, date, kind, organ, margin, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (patient_id, *procedure),
        ).lastrowid
        if treated:
            conn.executemany(
                "INSERT INTO procedure_lesions (procedure_id, position, lesion_id) "
                "VALUES (?, ?, ?)",
                [(procedure_id, i, lesion_id) for i, lesion_id in enumerate(treated)],
            )
    conn.executemany(
        "INSERT INTO side_effects (patient_id, position, date, term, grade, drug, action) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(patient_id, *e) for e in rows.side_effects],
    )
    if rows.reviews[reviews_from:]:
        insert_reviews(conn, patient_id, rows.reviews[reviews_from:], now_utc or _now())


def _now() -> str:
    from gistdesk.storage.audit import utc_now

    return utc_now()


def insert_children(
    conn: sqlite3.Connection, patient_id: int, case: Case, *, reviews_from: int = 0
) -> None:
    insert_child_rows(conn, patient_id, case_to_rows(case), reviews_from=reviews_from)


def read_case(conn: sqlite3.Connection, patient_id: int, *, team_loop: bool = True) -> Case:
    """The stored case. `team_loop=False` reads a file older than schema v5 (no reviews,
    no treated lesions), for the migration ladder's earlier steps."""
    p = conn.execute(
        "SELECT record_number, family_name, given_name, birth_date, sex, notes "
        "FROM patients WHERE id = ?",
        (patient_id,),
    ).fetchone()
    if p is None:
        raise LookupError(patient_id)
    patient = Patient(
        record_number=p[0],
        family_name=p[1],
        given_name=p[2],
        birth_date=_day(p[3]),
        sex=Sex(p[4]) if p[4] else None,
        notes=p[5],
    )
    t = conn.execute(
        "SELECT diagnosis_date, primary_site, size_cm, mitoses_per_5mm2, rupture, mutation, "
        "extent, metastatic_sites FROM tumors WHERE patient_id = ?",
        (patient_id,),
    ).fetchone()
    tumor = (
        Tumor()
        if t is None
        else Tumor(
            diagnosis_date=_day(t[0]),
            primary_site=Site(t[1]) if t[1] else None,
            size_cm=t[2],
            mitoses_per_5mm2=t[3],
            rupture=_bool(t[4]),
            mutation=Mutation(t[5]) if t[5] else None,
            extent=Extent(t[6]) if t[6] else None,
            metastatic_sites=tuple(json.loads(t[7])),
        )
    )
    doses: dict[int, list[DoseChange]] = {}
    for line_id, day, mg, schedule in conn.execute(
        "SELECT d.line_id, d.date, d.mg_per_day, d.schedule FROM dose_changes d "
        "JOIN therapy_lines l ON l.id = d.line_id WHERE l.patient_id = ? "
        "ORDER BY d.line_id, d.position",
        (patient_id,),
    ):
        doses.setdefault(line_id, []).append(
            DoseChange(date=date.fromisoformat(day), mg_per_day=mg, schedule=schedule)
        )
    lines = tuple(
        TherapyLine(
            drug=Drug(r[1]),
            intent=Intent(r[2]),
            start=date.fromisoformat(r[3]),
            end=_day(r[4]),
            stop_reason=StopReason(r[5]) if r[5] else None,
            doses=tuple(doses.get(r[0], ())),
        )
        for r in conn.execute(
            'SELECT id, drug, intent, start, "end", stop_reason FROM therapy_lines '
            "WHERE patient_id = ? ORDER BY position",
            (patient_id,),
        )
    )
    lesions: dict[int, list[Lesion]] = {}
    for r in conn.execute(
        "SELECT m.scan_id, m.lesion_id, m.organ, m.target, m.lymph_node, "
        "m.longest_diameter_mm, m.density_hu, m.suv_max, m.new, m.hypodense, "
        "m.intratumoral_nodule FROM lesion_measurements m JOIN scans s ON s.id = m.scan_id "
        "WHERE s.patient_id = ? ORDER BY m.scan_id, m.position",
        (patient_id,),
    ):
        lesions.setdefault(r[0], []).append(
            Lesion(
                lesion_id=r[1],
                organ=r[2],
                target=bool(r[3]),
                lymph_node=bool(r[4]),
                longest_diameter_mm=r[5],
                density_hu=r[6],
                suv_max=r[7],
                new=bool(r[8]),
                hypodense=bool(r[9]),
                intratumoral_nodule=bool(r[10]),
            )
        )
    scans = tuple(
        Scan(
            date=date.fromisoformat(r[1]),
            modality=Modality(r[2]),
            non_target=NonTarget(r[3]),
            report=r[4],
            lesions=tuple(lesions.get(r[0], ())),
        )
        for r in conn.execute(
            "SELECT id, date, modality, non_target, report FROM scans WHERE patient_id = ? "
            "ORDER BY position",
            (patient_id,),
        )
    )
    treated: dict[int, list[str]] = {}
    if team_loop:
        for procedure_id, lesion_id in conn.execute(
            "SELECT t.procedure_id, t.lesion_id FROM procedure_lesions t "
            "JOIN procedures p ON p.id = t.procedure_id WHERE p.patient_id = ? "
            "ORDER BY t.procedure_id, t.position",
            (patient_id,),
        ):
            treated.setdefault(procedure_id, []).append(lesion_id)
    procedures = tuple(
        Procedure(
            date=date.fromisoformat(r[1]),
            kind=ProcedureKind(r[2]),
            organ=r[3],
            margin=Margin(r[4]) if r[4] else None,
            note=r[5],
            lesions=tuple(treated.get(r[0], ())),
        )
        for r in conn.execute(
            "SELECT id, date, kind, organ, margin, note FROM procedures WHERE patient_id = ? "
            "ORDER BY position",
            (patient_id,),
        )
    )
    reviews: tuple[Review, ...] = ()
    if team_loop:
        reviews = tuple(
            Review(
                scan=date.fromisoformat(r[0]),
                decision=ReviewDecision(r[1]),
                date=date.fromisoformat(r[2]),
                by=r[3],
                note=r[4],
            )
            for r in conn.execute(
                "SELECT scan_date, decision, date, by, note FROM reviews WHERE patient_id = ? "
                "ORDER BY position",
                (patient_id,),
            )
        )
    side_effects = tuple(
        SideEffect(
            date=date.fromisoformat(r[0]),
            term=r[1],
            grade=r[2],
            drug=r[3],
            action=SideEffectAction(r[4]),
        )
        for r in conn.execute(
            "SELECT date, term, grade, drug, action FROM side_effects WHERE patient_id = ? "
            "ORDER BY position",
            (patient_id,),
        )
    )
    return Case(
        patient=patient,
        tumor=tumor,
        therapy_lines=lines,
        procedures=procedures,
        scans=scans,
        side_effects=side_effects,
        reviews=reviews,
    )
