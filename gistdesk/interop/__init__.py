"""Interoperability: FHIR R4 export (mCODE where it fits) and CSV import of patient lists.

Pure functions over the core model; no Qt, no database of its own (imports go through the
storage Repository protocol).
"""
