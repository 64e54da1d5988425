"""Fixtures for storage tests: real database files in a temporary folder."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
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
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)
from gistdesk.storage.contract import Repository
from gistdesk.storage.demo import generate_case
from gistdesk.storage.factory import open_repository
from gistdesk.storage.repository import SqliteRepository

TODAY = date(2026, 11, 23)
CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def full_case(
    record_number: str = "T-001", family: str = "Ñúñez-O'Brien", given: str = "José"
) -> Case:
    """A case using every entity and every optional field, ints and floats mixed."""
    return Case(
        patient=Patient(
            record_number=record_number,
            family_name=family,
            given_name=given,
            birth_date=date(1958, 2, 3),
            sex=Sex.MALE,
            notes="allergic to 'x' <y>",
        ),
        tumor=Tumor(
            diagnosis_date=date(2021, 1, 10),
            primary_site=Site.JEJUNUM_ILEUM,
            size_cm=11.5,
            mitoses_per_5mm2=12,
            rupture=None,
            mutation=Mutation.KIT_EXON_9,
            extent=Extent.METASTATIC,
            metastatic_sites=("liver", "peritoneum"),
        ),
        therapy_lines=(
            TherapyLine(
                drug=Drug.IMATINIB,
                intent=Intent.ADVANCED,
                start=date(2021, 2, 1),
                end=date(2022, 6, 1),
                stop_reason=StopReason.PROGRESSION,
                doses=(
                    DoseChange(date(2021, 2, 1), 400, "daily"),
                    DoseChange(date(2021, 9, 1), 800.0, "400 mg twice daily"),
                ),
            ),
            TherapyLine(
                drug=Drug.SUNITINIB,
                intent=Intent.ADVANCED,
                start=date(2022, 6, 1),
                doses=(DoseChange(date(2022, 6, 1), 37.5, "daily"),),
            ),
        ),
        procedures=(
            Procedure(date(2021, 5, 2), ProcedureKind.RFA, "liver", None, "segment VII"),
            Procedure(date(2022, 1, 3), ProcedureKind.SURGERY, "small bowel", Margin.R1, ""),
        ),
        scans=(
            Scan(
                date(2021, 1, 20),
                Modality.CT,
                (
                    Lesion("L1", "liver", True, 42, density_hu=65.5, new=False),
                    Lesion("L2", "peritoneum", True, 30.0, lymph_node=False, density_hu=50),
                    Lesion("L3", "lymph node", False, 12, lymph_node=True),
                ),
                NonTarget.PRESENT,
                "Baseline CT — métastases hépatiques",
            ),
            Scan(
                date(2021, 4, 20),
                Modality.PET_CT,
                (
                    Lesion("L1", "liver", True, 35, suv_max=4.2),
                    Lesion("L2", "peritoneum", True, None),
                ),
                NonTarget.ABSENT,
                "",
            ),
            Scan(
                date(2022, 5, 20),
                Modality.CT,
                (
                    Lesion("L1", "liver", True, 50, density_hu=60, intratumoral_nodule=True),
                    Lesion("L2", "peritoneum", True, 28, density_hu=40),
                    Lesion("L4", "liver", False, 9, new=True, hypodense=True),
                ),
                NonTarget.UNEQUIVOCAL_PROGRESSION,
                "progression",
            ),
        ),
        side_effects=(
            SideEffect(date(2021, 3, 1), "periorbital edema", 1, "imatinib", SideEffectAction.NONE),
            SideEffect(date(2021, 10, 1), "anemia", 3, None, SideEffectAction.DOSE_REDUCED),
        ),
    )


def demo_case(seed: int, record_number: str) -> Case:
    return generate_case(random.Random(seed), record_number, TODAY)


def dump_db(path: Path) -> list[str]:
    """Every row of every table, for 'the database is exactly as before' checks."""
    conn = sqlite3.connect(str(path))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clinic" / "gistdesk.sqlite"


@pytest.fixture
def repo(db_path: Path) -> Iterator[SqliteRepository]:
    with SqliteRepository(db_path) as repository:
        yield repository


RepoFactory = Callable[[], Repository]


@pytest.fixture(params=["sqlite"])
def repo_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RepoFactory]:
    """Opens repositories on one shared clinic database of the backend named by the
    parameter (each call: another window or workstation on the same database). The
    PostgreSQL backend adds its parameter here; every test that takes this fixture runs
    against each backend."""
    opened: list[Repository] = []
    target = tmp_path / "contract.sqlite"

    def make() -> Repository:
        repository = open_repository(target)
        opened.append(repository)
        return repository

    yield make
    for repository in opened:
        repository.close()
