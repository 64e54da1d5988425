"""The per-patient data model (DESIGN.md section 3) as immutable dataclasses.

Numbers keep the type they were entered with (an int stays an int) so a case file
round-trips byte for byte. Lists are tuples so a Case can be shared safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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


@dataclass(frozen=True, slots=True)
class Patient:
    record_number: str
    family_name: str
    given_name: str
    birth_date: date | None = None
    sex: Sex | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Tumor:
    diagnosis_date: date | None = None
    primary_site: Site | None = None
    size_cm: float | None = None
    mitoses_per_5mm2: float | None = None
    rupture: bool | None = None  # None = unknown
    mutation: Mutation | None = Mutation.UNKNOWN
    extent: Extent | None = Extent.LOCALIZED
    metastatic_sites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DoseChange:
    date: date
    mg_per_day: float
    schedule: str = ""


@dataclass(frozen=True, slots=True)
class TherapyLine:
    drug: Drug
    intent: Intent
    start: date
    end: date | None = None
    stop_reason: StopReason | None = None
    doses: tuple[DoseChange, ...] = ()

    def is_open_on(self, day: date) -> bool:
        """Started on or before `day` and not ended by then (end after it, or open)."""
        return self.start <= day and (self.end is None or self.end > day)

    def dose_on(self, day: date) -> DoseChange | None:
        """The last dose entry dated on or before `day` (ties: later in the list)."""
        best: DoseChange | None = None
        for dose in self.doses:
            if dose.date <= day and (best is None or dose.date >= best.date):
                best = dose
        return best

    def last_dose(self) -> DoseChange | None:
        """The last dose entry by date (ties: later in the list)."""
        best: DoseChange | None = None
        for dose in self.doses:
            if best is None or dose.date >= best.date:
                best = dose
        return best


@dataclass(frozen=True, slots=True)
class Procedure:
    date: date
    kind: ProcedureKind
    organ: str | None = None
    margin: Margin | None = None
    note: str = ""
    # The lesion ids this procedure treated (ablated, embolized, irradiated or resected).
    lesions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Review:
    """The team's decision on one scan; reviews are added, never edited (a later one supersedes)."""

    scan: date
    decision: ReviewDecision
    date: date
    by: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Lesion:
    lesion_id: str
    organ: str
    target: bool
    longest_diameter_mm: float | None
    lymph_node: bool = False
    density_hu: float | None = None
    suv_max: float | None = None
    new: bool = False
    hypodense: bool = False
    intratumoral_nodule: bool = False


@dataclass(frozen=True, slots=True)
class Scan:
    date: date
    modality: Modality
    lesions: tuple[Lesion, ...] = ()
    non_target: NonTarget = NonTarget.ABSENT
    report: str = ""

    def lesion(self, lesion_id: str) -> Lesion | None:
        for lesion in self.lesions:
            if lesion.lesion_id == lesion_id:
                return lesion
        return None

    @property
    def new_lesions(self) -> tuple[Lesion, ...]:
        return tuple(lesion for lesion in self.lesions if lesion.new)


@dataclass(frozen=True, slots=True)
class SideEffect:
    date: date
    term: str
    grade: int
    drug: str | None = None
    action: SideEffectAction = SideEffectAction.NONE


@dataclass(frozen=True, slots=True)
class Case:
    patient: Patient
    tumor: Tumor = field(default_factory=Tumor)
    therapy_lines: tuple[TherapyLine, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    scans: tuple[Scan, ...] = ()
    side_effects: tuple[SideEffect, ...] = ()
    reviews: tuple[Review, ...] = ()

    def scans_by_date(self) -> list[Scan]:
        return sorted(self.scans, key=lambda scan: scan.date)

    def surgeries(self) -> list[Procedure]:
        return [p for p in self.procedures if p.kind is ProcedureKind.SURGERY]
