"""SQLite storage behind a repository interface. No Qt here; no SQL outside this package."""
