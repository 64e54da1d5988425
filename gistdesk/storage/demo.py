"""A synthetic GIST clinic for demos, screenshots and benchmarks (no real patient data).

Proportions follow the GIST literature roughly: ~60% gastric and ~25% small-bowel primaries;
KIT exon 11 in about two thirds, KIT exon 9 ~10%, PDGFRA D842V ~6%, SDH/NF1/wild type ~10%;
about half present localized and are resected, a third metastatic. Advanced disease runs
through imatinib -> sunitinib -> regorafenib -> ripretinib (avapritinib for D842V), with
scans every 3 months whose lesions shrink (and lose density, as Choi described) and later
regrow or seed new lesions; some first-line scans show the hypodense enlargement of a false
progression. Deterministic: the same seed and `today` give the same clinic.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

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
from gistdesk.storage.demo_mark import mark_demo_clinic
from gistdesk.storage.repository import PreparedCase, SqliteRepository, prepare_case

DEMO_USER = "demo-generator"
CHUNK = 500  # cases per worker job
_DEMO_NUMBER = re.compile(r"GD-\d{6}")

FEMALE_NAMES = (
    "Anna",
    "Maria",
    "Sofía",
    "Léa",
    "Chloé",
    "Ingrid",
    "Zoë",
    "Agnieszka",
    "Aiko",
    "Mei",
    "Fatima",
    "Amélie",
    "Björk",
    "Olga",
    "Noémie",
    "Priya",
    "Grace",
    "Siobhán",
    "Carmen",
    "Hélène",
    "Marta",
    "Elif",
    "Yuki",
    "Ana",
    "Jana",
    "Renée",
    "Birgit",
    "Lucía",
    "Ines",
    "Dorothée",
    "Kateřina",
    "Aoife",
    "Sara",
    "Nadia",
    "Ewa",
    "Liv",
    "Maeve",
    "Irène",
)
MALE_NAMES = (
    "José",
    "Jürgen",
    "François",
    "Søren",
    "Łukasz",
    "Hiroshi",
    "Ahmed",
    "Jean-Luc",
    "Piotr",
    "Mateo",
    "Oscar",
    "Andrés",
    "Lars",
    "Seán",
    "Raúl",
    "Günter",
    "Wei",
    "Ravi",
    "Tomás",
    "Émile",
    "Jiří",
    "Kenji",
    "Omar",
    "Paolo",
    "Björn",
    "Nikolaos",
    "Ivan",
    "Yusuf",
    "Matthias",
    "Dmitri",
    "Joaquín",
    "Pierre",
    "Ömer",
    "David",
    "Henrik",
    "Luca",
    "Sebastián",
    "Thiago",
)
FAMILY_NAMES = (
    "Müller",
    "García",
    "O'Brien",
    "Nguyễn",
    "Dubois",
    "Kowalski",
    "Sørensen",
    "Rossi",
    "Smith",
    "Fernández",
    "Novák",
    "Yamamoto",
    "Åberg",
    "Schröder",
    "López",
    "Martin",
    "Papadopoulos",
    "Ivanova",
    "Öztürk",
    "Chen",
    "Kim",
    "Singh",
    "Dvořák",
    "Jansen",
    "Lefèvre",
    "Mac Giolla",
    "Hernández",
    "Nowak",
    "Johansson",
    "Bianchi",
    "Costa",
    "Wójcik",
    "Da Silva",
    "Ferreira",
    "Kovács",
    "Horváth",
    "Petrović",
    "Jensen",
    "Núñez",
    "Brown",
    "Wilson",
    "Moreau",
    "Weiß",
    "Ó Súilleabháin",
    "Van der Berg",
    "De la Cruz",
    "Żukowski",
    "Çelik",
    "Abdullah",
    "Haddad",
)

SITES = (
    (Site.STOMACH, 60),
    (Site.JEJUNUM_ILEUM, 25),
    (Site.DUODENUM, 5),
    (Site.RECTUM, 4),
    (Site.COLON, 1),
    (Site.ESOPHAGUS, 1),
    (Site.EXTRA_GI, 4),
)
MUTATIONS = (
    (Mutation.KIT_EXON_11, 66),
    (Mutation.KIT_EXON_9, 9),
    (Mutation.KIT_EXON_13, 1),
    (Mutation.KIT_EXON_17, 1),
    (Mutation.KIT_OTHER, 1),
    (Mutation.PDGFRA_D842V, 6),
    (Mutation.PDGFRA_EXON_18_OTHER, 3),
    (Mutation.PDGFRA_OTHER, 1),
    (Mutation.SDH_DEFICIENT, 4),
    (Mutation.NF1, 2),
    (Mutation.WILD_TYPE, 3),
    (Mutation.UNKNOWN, 3),
)
ORGAN_OF_SITE = {
    Site.STOMACH: "stomach",
    Site.JEJUNUM_ILEUM: "small bowel",
    Site.DUODENUM: "duodenum",
    Site.RECTUM: "rectum",
    Site.COLON: "colon",
    Site.ESOPHAGUS: "esophagus",
    Site.EXTRA_GI: "mesentery",
}
METASTATIC_ORGANS = (("liver", 65), ("peritoneum", 30), ("lung", 3), ("bone", 2))
ADVANCED_SEQUENCE = (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB, Drug.RIPRETINIB)
START_DOSE = {
    Drug.IMATINIB: (400, "daily"),
    Drug.SUNITINIB: (50, "4 weeks on, 2 weeks off"),
    Drug.REGORAFENIB: (160, "3 weeks on, 1 week off"),
    Drug.RIPRETINIB: (150, "daily"),
    Drug.AVAPRITINIB: (300, "daily"),
}
# Months to progression on a line (uniform range): later lines work for less time.
TTP_MONTHS = {
    Drug.IMATINIB: (14, 60),
    Drug.SUNITINIB: (4, 14),
    Drug.REGORAFENIB: (3, 9),
    Drug.RIPRETINIB: (3, 9),
    Drug.AVAPRITINIB: (10, 36),
}
SIDE_EFFECTS = {
    Drug.IMATINIB: (
        "periorbital edema",
        "nausea",
        "diarrhea",
        "muscle cramps",
        "fatigue",
        "anemia",
        "rash",
    ),
    Drug.SUNITINIB: (
        "hand-foot skin reaction",
        "hypertension",
        "fatigue",
        "hypothyroidism",
        "diarrhea",
        "mucositis",
    ),
    Drug.REGORAFENIB: ("hand-foot skin reaction", "hypertension", "fatigue", "diarrhea"),
    Drug.RIPRETINIB: ("alopecia", "myalgia", "fatigue", "hand-foot skin reaction"),
    Drug.AVAPRITINIB: ("cognitive effects", "periorbital edema", "anemia", "nausea"),
}
PRIMARY_RESISTANT = frozenset(
    {Mutation.PDGFRA_D842V, Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE}
)


T = TypeVar("T")


def _pick(rng: random.Random, weighted: tuple[tuple[T, int], ...]) -> T:
    values = [v for v, _ in weighted]
    return rng.choices(values, weights=[w for _, w in weighted])[0]


def _days(n: float) -> timedelta:
    return timedelta(days=int(n))


@dataclass(slots=True)
class _Lesion:
    lesion_id: str
    organ: str
    target: bool
    diameter: float  # mm
    density: float  # HU on contrast CT
    suv: float
    first_seen: date
    lymph_node: bool = False
    nodule: bool = False
    hypodense: bool = False


@dataclass(slots=True)
class _Line:
    drug: Drug
    intent: Intent
    start: date
    end: date | None = None
    stop: StopReason | None = None
    doses: list[DoseChange] = field(default_factory=list)
    reduced: bool = False


class _CaseBuilder:
    """Mutable state while one synthetic case is written; `build()` freezes it."""

    def __init__(self, rng: random.Random, today: date, last_day: date) -> None:
        self.rng = rng
        self.today = today
        self.last_day = last_day  # no event after this (earlier when lost to follow-up)
        self.lesions: list[_Lesion] = []
        self.lines: list[_Line] = []
        self.scans: dict[date, Scan] = {}
        self.procedures: list[Procedure] = []
        self.side_effects: list[SideEffect] = []

    def new_lesion(
        self, organ: str, diameter: float, day: date, target: bool, lymph_node: bool = False
    ) -> _Lesion:
        lesion = _Lesion(
            lesion_id=f"L{len(self.lesions) + 1}",
            organ=organ,
            target=target,
            diameter=diameter,
            density=self.rng.uniform(45, 75),
            suv=self.rng.uniform(6, 16),
            first_seen=day,
            lymph_node=lymph_node,
        )
        self.lesions.append(lesion)
        return lesion

    def scan(self, day: date, lesions: list[_Lesion]) -> date | None:
        """Record a scan of `lesions` on `day` (moved on a day if taken); None if too late."""
        while day in self.scans:
            day += timedelta(days=1)
        if day > self.last_day:
            return None
        modality = _pick(self.rng, ((Modality.CT, 85), (Modality.MRI, 8), (Modality.PET_CT, 7)))
        measured: list[Lesion] = []
        for le in lesions:
            diameter = max(0, round(le.diameter * self.rng.uniform(0.98, 1.02)))
            measured.append(
                Lesion(
                    lesion_id=le.lesion_id,
                    organ=le.organ,
                    target=le.target,
                    longest_diameter_mm=diameter,
                    lymph_node=le.lymph_node,
                    density_hu=round(le.density) if modality is Modality.CT else None,
                    suv_max=round(le.suv, 1) if modality is Modality.PET_CT else None,
                    new=le.first_seen == day,
                    hypodense=le.hypodense,
                    intratumoral_nodule=le.nodule,
                )
            )
        non_target = NonTarget.PRESENT if any(not le.target for le in lesions) else NonTarget.ABSENT
        self.scans[day] = Scan(
            date=day, modality=modality, lesions=tuple(measured), non_target=non_target
        )
        return day

    def start_line(self, drug: Drug, intent: Intent, start: date, mutation: Mutation) -> _Line:
        mg, schedule = START_DOSE.get(drug, (400, "daily"))
        if (
            drug is Drug.IMATINIB
            and mutation is Mutation.KIT_EXON_9
            and intent is Intent.ADVANCED
            and self.rng.random() < 0.6
        ):
            mg = 800
        line = _Line(drug, intent, start, doses=[DoseChange(start, mg, schedule)])
        self.lines.append(line)
        return line

    def maybe_side_effect(self, line: _Line, since: date, until: date) -> None:
        """Now and then a side effect between two visits; a grade 3 lowers the dose."""
        if self.rng.random() > 0.3 or until <= since:
            return
        day = since + _days(self.rng.randint(1, (until - since).days))
        if day > self.last_day:
            return
        grade = _pick(self.rng, ((1, 55), (2, 35), (3, 10)))
        action = SideEffectAction.NONE
        if grade == 3 and not line.reduced:
            action = SideEffectAction.DOSE_REDUCED
            line.reduced = True
            last = line.doses[-1]
            reduce_day = day + _days(self.rng.randint(1, 7))
            if reduce_day <= self.last_day and (line.end is None or reduce_day <= line.end):
                line.doses.append(
                    DoseChange(reduce_day, round(last.mg_per_day * 0.75), last.schedule)
                )
        elif grade == 3:
            action = SideEffectAction.HELD
        term = self.rng.choice(SIDE_EFFECTS.get(line.drug, SIDE_EFFECTS[Drug.IMATINIB]))
        self.side_effects.append(SideEffect(day, term, grade, line.drug.value, action))

    def build(self, patient: Patient, tumor: Tumor) -> Case:
        lines = tuple(
            TherapyLine(
                drug=li.drug,
                intent=li.intent,
                start=li.start,
                end=li.end,
                stop_reason=li.stop,
                doses=tuple(li.doses),
            )
            for li in self.lines
        )
        return Case(
            patient=patient,
            tumor=tumor,
            therapy_lines=lines,
            procedures=tuple(sorted(self.procedures, key=lambda p: p.date)),
            scans=tuple(self.scans[d] for d in sorted(self.scans)),
            side_effects=tuple(sorted(self.side_effects, key=lambda e: e.date)),
        )


def _advanced_lines(b: _CaseBuilder, start: date, mutation: Mutation, max_lines: int) -> None:
    """Advanced lines in sequence from `start`: response, then progression, then a switch."""
    rng = b.rng
    drugs = (
        [Drug.AVAPRITINIB, Drug.RIPRETINIB]
        if mutation is Mutation.PDGFRA_D842V
        else list(ADVANCED_SEQUENCE)
    )[:max_lines]
    for k, drug in enumerate(drugs):
        if start > b.last_day:
            return
        line = b.start_line(drug, Intent.ADVANCED, start, mutation)
        resistant = drug is Drug.IMATINIB and mutation in PRIMARY_RESISTANT
        low, high = TTP_MONTHS.get(drug, (3, 9))
        ttp = rng.uniform(2, 4) if resistant else rng.uniform(low, high)
        depth = 0.0 if resistant else (rng.uniform(0.3, 0.65) if k == 0 else rng.uniform(0.0, 0.3))
        false_progression = k == 0 and not resistant and ttp > 8 and rng.random() < 0.12
        targets = [le for le in b.lesions if le.target and le.diameter > 0]
        base = {le.lesion_id: (le.diameter, le.density, le.suv) for le in b.lesions}
        day = start + _days(rng.randint(75, 100))
        previous = start
        first = True
        fresh = True  # False once the line is continued past a progression
        stayed_past_progression = False  # once at most: the team does not wait for ever
        while day <= b.last_day:
            months = (day - start).days / 30.44
            current = [le for le in b.lesions if le.diameter > 0 or le.target]
            if months < ttp:
                frac = 1 - depth * (1 - math.exp(-months / 3))
                for le in current:
                    d0, hu0, suv0 = base.get(le.lesion_id, (le.diameter, le.density, le.suv))
                    le.diameter = d0 * frac
                    # Density and SUV fall early on a working drug, not after a regrowth.
                    le.density = hu0 * (0.6 + 0.4 * math.exp(-months / 2)) if fresh else hu0
                    le.suv = suv0 * (0.4 + 0.6 * math.exp(-months)) if fresh else suv0
                    if first and false_progression:
                        # Hemorrhage / myxoid change: bigger but hypodense (Choi's pitfall).
                        le.diameter = d0 * rng.uniform(1.22, 1.35)
                        le.density = hu0 * rng.uniform(0.45, 0.6)
                        le.hypodense = True
                    elif not first:
                        le.hypodense = False
                b.scan(day, current)
                b.maybe_side_effect(line, previous, day)
            else:
                mode = _pick(rng, (("grow", 55), ("new", 35), ("nodule", 10)))
                if mode == "new" or not targets:
                    organ = _pick(rng, METASTATIC_ORGANS)
                    b.new_lesion(organ, rng.randint(8, 25), day, target=False)
                elif mode == "grow":
                    grower = rng.choice(targets)
                    grower.diameter = max(
                        grower.diameter * rng.uniform(1.4, 1.8), grower.diameter + 8
                    )
                    grower.density *= 1.25
                else:
                    rng.choice(targets).nodule = True
                b.scan(day, [le for le in b.lesions if le.diameter > 0 or le.target])
                last_drug = k + 1 >= len(drugs)
                if (
                    drug is Drug.IMATINIB
                    and not last_drug
                    and line.doses[-1].mg_per_day < 800
                    and mode == "grow"
                    and rng.random() < 0.3
                ):
                    # Dose escalation to 800 mg before switching (a second, shorter response).
                    raise_day = day + _days(rng.randint(7, 21))
                    if raise_day <= b.last_day:
                        line.doses.append(DoseChange(raise_day, 800, "400 mg twice daily"))
                    ttp = months + rng.uniform(3, 10)
                    fresh = False
                    base = {le.lesion_id: (le.diameter, le.density, le.suv) for le in b.lesions}
                elif not last_drug and rng.random() < 0.85:
                    end = day + _days(rng.randint(7, 28))
                    if end > b.last_day:
                        return
                    line.end, line.stop = end, StopReason.PROGRESSION
                    for le in b.lesions:
                        le.nodule = False
                    start = end
                    break
                elif not stayed_past_progression and rng.random() < 0.6:
                    # No further line: stay on the drug (slower growth off it is worse),
                    # until the next progression ends it.
                    stayed_past_progression = True
                    ttp = months + rng.uniform(3, 12)
                    depth, fresh = 0.0, False
                    base = {le.lesion_id: (le.diameter, le.density, le.suv) for le in b.lesions}
                else:
                    end = day + _days(rng.randint(14, 45))
                    if end <= b.last_day:
                        line.end = end
                        line.stop = _pick(
                            rng, ((StopReason.PROGRESSION, 70), (StopReason.PATIENT_CHOICE, 30))
                        )
                    return
            first = False
            previous = day
            day += _days(rng.randint(80, 100))
        else:
            return


def _nih_high_or_intermediate(tumor: Tumor) -> str:
    size, mitoses = tumor.size_cm or 0, tumor.mitoses_per_5mm2 or 0
    gastric = tumor.primary_site is Site.STOMACH
    if tumor.rupture or size > 10 or mitoses > 10 or (size > 5 and mitoses > 5):
        return "high"
    if (2 < size <= 5 and mitoses > 5) or (5 < size <= 10 and mitoses <= 5):
        return "intermediate" if gastric else "high"
    if size <= 2 and 5 < mitoses <= 10:
        return "intermediate"
    return "low" if 2 < size <= 5 else "very_low"


def _resected(b: _CaseBuilder, tumor: Tumor, surgery: date, adjuvant_ok: bool) -> None:
    """Surgery, perhaps adjuvant imatinib, surveillance scans, perhaps a recurrence."""
    rng = b.rng
    mutation = tumor.mutation or Mutation.UNKNOWN
    organ = ORGAN_OF_SITE[tumor.primary_site or Site.STOMACH]
    b.procedures.append(
        Procedure(
            surgery,
            ProcedureKind.SURGERY,
            organ,
            _pick(rng, ((Margin.R0, 85), (Margin.R1, 13), (Margin.R2, 2))),
        )
    )
    risk = _nih_high_or_intermediate(tumor)
    adjuvant: _Line | None = None
    if (
        adjuvant_ok
        and risk in ("high", "intermediate")
        and mutation not in PRIMARY_RESISTANT
        and rng.random() < 0.85
    ):
        start = surgery + _days(rng.randint(28, 60))
        if start <= b.last_day:
            adjuvant = b.start_line(Drug.IMATINIB, Intent.ADJUVANT, start, mutation)
            years = 3 if risk == "high" else rng.choice((1, 3))
            planned = start + _days(365 * years + rng.randint(0, 30))
            if rng.random() < 0.12:  # stopped early for side effects
                planned = start + _days(rng.randint(90, 700))
                adjuvant.stop = StopReason.INTOLERANCE
            adjuvant.end = planned
            if planned <= b.today and adjuvant.stop is None:
                adjuvant.stop = StopReason.COMPLETED
    recurrence_chance = {"high": 0.45, "intermediate": 0.2, "low": 0.06}.get(risk, 0.02)
    recurrence = (
        surgery + _days(rng.randint(300, 2600)) if rng.random() < recurrence_chance else None
    )
    interval = {"high": (90, 120), "intermediate": (150, 200)}.get(risk, (300, 355))
    day = surgery + _days(rng.randint(60, 100))
    previous = surgery
    while day <= b.last_day:
        if recurrence is not None and day >= recurrence:
            for _ in range(rng.randint(1, 3)):
                target_organs = [le.organ for le in b.lesions if le.target]
                organ_choice = _pick(rng, METASTATIC_ORGANS)
                if target_organs.count(organ_choice) >= 2:
                    continue
                b.new_lesion(organ_choice, rng.randint(15, 60), day, target=True)
            if not b.lesions:
                b.new_lesion("liver", rng.randint(15, 60), day, target=True)
            scan_day = b.scan(day, list(b.lesions))
            if scan_day is None:
                return
            if adjuvant is not None and (adjuvant.end is None or adjuvant.end > scan_day):
                adjuvant.end, adjuvant.stop = scan_day, StopReason.PROGRESSION
                adjuvant.doses = [d for d in adjuvant.doses if d.date <= scan_day]
            used = len(b.lines)
            _advanced_lines(b, scan_day + _days(rng.randint(10, 30)), mutation, max(1, 4 - used))
            return
        b.scan(day, [])
        if (
            adjuvant is not None
            and adjuvant.start < day
            and (adjuvant.end is None or day <= adjuvant.end)
        ):
            b.maybe_side_effect(adjuvant, max(previous, adjuvant.start), day)
        previous = day
        on_adjuvant = adjuvant is not None and adjuvant.end is not None and day < adjuvant.end
        low, high = (90, 120) if on_adjuvant else interval
        if risk == "very_low" and (day - surgery).days > 400:
            return  # no routine imaging after a very-low-risk resection
        day += _days(rng.randint(low, high))


def _primary(b: _CaseBuilder, tumor: Tumor, day: date) -> _Lesion:
    organ = ORGAN_OF_SITE[tumor.primary_site or Site.STOMACH]
    return b.new_lesion(organ, round((tumor.size_cm or 5) * 10), day, target=True)


def generate_case(rng: random.Random, record_number: str, today: date) -> Case:
    """One realistic synthetic case, valid as of `today` (validate_case finds no error)."""
    sex = _pick(rng, ((Sex.FEMALE, 49), (Sex.MALE, 49), (Sex.UNKNOWN, 2)))
    names = (
        FEMALE_NAMES
        if sex is Sex.FEMALE
        else MALE_NAMES
        if sex is Sex.MALE
        else FEMALE_NAMES + MALE_NAMES
    )
    given = rng.choice(names)
    if rng.random() < 0.08:
        given = f"{given} {rng.choice(names)}"
    family = rng.choice(FAMILY_NAMES)
    if rng.random() < 0.1:
        family = f"{family}-{rng.choice(FAMILY_NAMES)}"
    diagnosis = today - _days(rng.randint(60, 3650))
    age = min(90.0, max(22.0, rng.gauss(62, 12)))
    birth = diagnosis - _days(age * 365.25 + rng.randint(0, 364))
    site = _pick(rng, SITES)
    mutation = _pick(rng, MUTATIONS)
    if mutation is Mutation.PDGFRA_D842V or mutation is Mutation.SDH_DEFICIENT:
        site = Site.STOMACH  # both are nearly always gastric
    size = round(min(35.0, max(0.8, rng.lognormvariate(math.log(5.5), 0.6))), 1)
    mitoses = _pick(rng, ((0, 30), (2, 20), (4, 12), (7, 12), (9, 8), (15, 10), (30, 8)))
    mitoses = max(0, mitoses + rng.randint(-1, 2))
    rupture = _pick(rng, ((False, 83), (True, 5), (None, 12)))
    scenario = _pick(rng, (("resected", 50), ("metastatic", 35), ("neoadjuvant", 15)))
    if scenario == "neoadjuvant" and mutation in PRIMARY_RESISTANT:
        scenario = "resected"
    lost = rng.random() < 0.07
    last_day = today
    if lost:
        last_day = max(diagnosis + _days(60), today - _days(rng.randint(130, 500)))
    b = _CaseBuilder(rng, today, min(last_day, today))

    extent = {
        "resected": Extent.LOCALIZED,
        "metastatic": Extent.METASTATIC,
        "neoadjuvant": Extent.LOCALLY_ADVANCED,
    }[scenario]
    metastatic_sites: tuple[str, ...] = ()
    tumor = Tumor(
        diagnosis_date=diagnosis,
        primary_site=site,
        size_cm=size,
        mitoses_per_5mm2=mitoses,
        rupture=rupture,
        mutation=mutation,
        extent=extent,
    )
    staging = diagnosis + _days(rng.randint(0, 10))
    if scenario == "metastatic":
        _primary(b, tumor, staging)
        liver = rng.randint(1, 3)
        for i in range(liver):
            b.new_lesion("liver", rng.randint(12, 70), staging, target=i < 2)
        if rng.random() < 0.35:
            b.new_lesion("peritoneum", rng.randint(15, 50), staging, target=True)
        metastatic_sites = tuple(sorted({le.organ for le in b.lesions[1:]}))
        tumor = Tumor(
            diagnosis_date=diagnosis,
            primary_site=site,
            size_cm=size,
            mitoses_per_5mm2=None if rng.random() < 0.5 else mitoses,
            rupture=rupture,
            mutation=mutation,
            extent=extent,
            metastatic_sites=metastatic_sites,
        )
        for le in b.lesions:
            le.first_seen = date.min  # known at staging: not "new" on any scan
        baseline = b.scan(staging, list(b.lesions))
        if baseline is not None:
            _advanced_lines(b, baseline + _days(rng.randint(7, 21)), mutation, rng.randint(1, 4))
    elif scenario == "neoadjuvant":
        primary = _primary(b, tumor, date.min)
        baseline = b.scan(staging, [primary])
        if baseline is not None:
            start = baseline + _days(rng.randint(7, 21))
            if start <= b.last_day:
                line = b.start_line(Drug.IMATINIB, Intent.NEOADJUVANT, start, mutation)
                surgery = start + _days(rng.randint(180, 300))
                d0, hu0 = primary.diameter, primary.density
                day, previous = start + _days(rng.randint(75, 95)), start
                while day < surgery and day <= b.last_day:
                    months = (day - start).days / 30.44
                    primary.diameter = d0 * (1 - 0.35 * (1 - math.exp(-months / 3)))
                    primary.density = hu0 * 0.6
                    b.scan(day, [primary])
                    b.maybe_side_effect(line, previous, day)
                    previous, day = day, day + _days(rng.randint(80, 100))
                if surgery <= b.last_day:
                    line.end, line.stop = surgery, StopReason.SURGERY
                    b.lesions.clear()
                    _resected(b, tumor, surgery, adjuvant_ok=True)
    else:
        primary = _primary(b, tumor, date.min)
        b.scan(staging, [primary])
        b.lesions.clear()
        surgery = staging + _days(rng.randint(10, 40))
        if surgery <= b.last_day:
            _resected(b, tumor, surgery, adjuvant_ok=True)

    patient = Patient(
        record_number=record_number, family_name=family, given_name=given, birth_date=birth, sex=sex
    )
    return b.build(patient, tumor)


def record_number_for(index: int) -> str:
    return f"GD-{index:06d}"


def generate_cases(count: int, seed: int, today: date, start: int = 1) -> Iterator[Case]:
    """Cases GD-<start>... ; case i depends only on (seed, i), not on the batch it is in."""
    for index in range(start, start + count):
        rng = random.Random(f"gistdesk-demo:{seed}:{index}")
        yield generate_case(rng, record_number_for(index), today)


def _prepare_chunk(job: tuple[int, int, int, date]) -> list[PreparedCase]:
    """Generate, validate and summarize one chunk (runs in a worker process)."""
    start, count, seed, today = job
    return [
        prepare_case(case, today, log_content=False)
        for case in generate_cases(count, seed, today, start)
    ]


def generate_clinic(
    db_path: str | os.PathLike[str],
    patients: int,
    seed: int = 1,
    today: date | None = None,
    batch: int = 5000,
    workers: int | None = None,
) -> int:
    """Fill the database at `db_path` with `patients` synthetic patients (numbered after the
    highest GD-NNNNNN it already holds); returns how many were added.

    Cases are generated, validated and assessed in worker processes (pure work) while this
    process writes them, in order, one transaction per `batch`.
    """
    day = today or date.today()
    cpus = os.cpu_count() or 1
    # Worker processes only pay off with spare cores (measured: none gained on 2 CPUs).
    procs = workers if workers is not None else (min(4, cpus - 1) if cpus > 2 else 1)
    with SqliteRepository(Path(db_path)) as repo:
        if not repo.record_numbers() and not repo.has_users():
            mark_demo_clinic(
                repo.conn
            )  # only a clinic this generator starts from nothing is a demo
        taken = [int(n[3:]) for n in repo.record_numbers() if _DEMO_NUMBER.fullmatch(n)]
        first = 1 + max(taken, default=0)
        jobs = [
            (first + offset, min(CHUNK, patients - offset), seed, day)
            for offset in range(0, patients, CHUNK)
        ]
        pool = None
        if procs > 1 and len(jobs) > 1:
            pool = multiprocessing.get_context("spawn").Pool(procs)
            chunks: Iterable[list[PreparedCase]] = pool.imap(_prepare_chunk, jobs)
        else:
            chunks = map(_prepare_chunk, jobs)
        added = 0
        try:
            pending: list[PreparedCase] = []
            for chunk in chunks:
                pending.extend(chunk)
                if len(pending) >= batch:
                    added += repo.insert_prepared(pending, user=DEMO_USER, action="demo")
                    pending = []
            if pending:
                added += repo.insert_prepared(pending, user=DEMO_USER, action="demo")
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    return added
