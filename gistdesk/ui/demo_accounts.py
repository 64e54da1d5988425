"""Accounts of the demo clinic (invented patients only): admin, clinician, nurse and viewer,
all with the documented password DEMO_PASSWORD. Never used for a real clinic database: only
a database opened as the demo (`--demo-db`, "Open demo", `make run`, `make screenshots`)
gets them, and only when it has no accounts yet."""

from __future__ import annotations

from gistdesk.storage.auth import Role
from gistdesk.storage.contract import Repository

DEMO_PASSWORD = "gistdesk-demo"
DEMO_ACCOUNTS: tuple[tuple[str, Role, str], ...] = (
    ("admin", Role.ADMIN, "Demo Administrator"),
    ("clinician", Role.CLINICIAN, "Dr Demo Clinician"),
    ("nurse", Role.NURSE, "Demo Nurse"),
    ("viewer", Role.VIEWER, "Demo Viewer"),
)


def ensure_demo_accounts(repository: Repository) -> bool:
    """Create the demo accounts when the database has none; True when they were created."""
    if repository.has_users():
        return False
    admin, _, admin_name = DEMO_ACCOUNTS[0]
    repository.create_first_admin(admin, admin_name, DEMO_PASSWORD)  # signs in
    for username, role, name in DEMO_ACCOUNTS[1:]:
        repository.create_user(username, role, display_name=name, password=DEMO_PASSWORD)
    repository.sign_out()
    print(
        "gistdesk demo clinic: sign in as admin, clinician, nurse or viewer with the "
        f"password {DEMO_PASSWORD!r} (invented patients only)"
    )
    return True
