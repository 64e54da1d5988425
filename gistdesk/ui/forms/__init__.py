"""Case forms: one dialog per file, all built on `base.CaseForm`."""
