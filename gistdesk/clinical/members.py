"""Enum members the rules read for every scan, bound once as plain module names.

On Python 3.11 reading a member off its class (`Response.PD`) goes through
`EnumType.__getattr__`, about ten times slower than a module-level name, and the engine does
it thousands of times per case (the benchmark's large case: ~2,000 reads). The members are the
very same objects, so `x is PD` is exactly `x is Response.PD`.
"""

from __future__ import annotations

from typing import Final

from gistdesk.clinical.types import FlagCode, PetResponse, Response
from gistdesk.core.vocab import Drug, Intent, Modality, Mutation, NonTarget, StopReason

CR: Final = Response.CR
PR: Final = Response.PR
SD: Final = Response.SD
PD: Final = Response.PD
NE: Final = Response.NE

METABOLIC_PROGRESSION: Final = PetResponse.METABOLIC_PROGRESSION
METABOLIC_RESPONSE: Final = PetResponse.METABOLIC_RESPONSE
METABOLIC_STABLE: Final = PetResponse.STABLE

CT: Final = Modality.CT

NON_TARGET_ABSENT: Final = NonTarget.ABSENT
NON_TARGET_PRESENT: Final = NonTarget.PRESENT
NON_TARGET_UNEQUIVOCAL: Final = NonTarget.UNEQUIVOCAL_PROGRESSION

ADJUVANT: Final = Intent.ADJUVANT
NEOADJUVANT: Final = Intent.NEOADJUVANT
ADVANCED: Final = Intent.ADVANCED

IMATINIB: Final = Drug.IMATINIB
RIPRETINIB: Final = Drug.RIPRETINIB
AVAPRITINIB: Final = Drug.AVAPRITINIB
NO_SPECIFIC_TKI: Final = frozenset({Drug.TRIAL, Drug.OTHER})  # a trial drug or another drug

PDGFRA_D842V: Final = Mutation.PDGFRA_D842V

STOPPED_FOR_INTOLERANCE: Final = StopReason.INTOLERANCE
STOPPED_FOR_PROGRESSION: Final = StopReason.PROGRESSION

PROGRESSION_FLAG: Final = FlagCode.PROGRESSION
FALSE_PROGRESSION_FLAG: Final = FlagCode.FALSE_PROGRESSION
RECURRENCE_FLAG: Final = FlagCode.RECURRENCE
