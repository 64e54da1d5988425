"""A throwaway PostgreSQL server in a temporary folder (tests, `make team-demo`, benchmarks).

The server listens only on a Unix socket in its own folder (no TCP port is opened), trusts
local connections and is deleted when stopped. As root it runs as the `postgres` system
user (PostgreSQL refuses to run as root); otherwise as the current user. Commands and
timings: /work/shared/TEAM-DATABASE.md ("A throwaway server for tests and CI").

Never used for a clinic's real database: that server is set up by IT (docs/team-database.md).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

DEFAULT_PORT = 54329
SUPERUSER = "postgres"


class ServerUnavailableError(RuntimeError):
    """No PostgreSQL binaries here, or the server did not start (the message says which)."""


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin holding initdb, else the folder of initdb on
    PATH (e.g. a Homebrew install), else None."""
    root = Path("/usr/lib/postgresql")
    found: list[tuple[int, Path]] = []
    if root.is_dir():
        for child in root.iterdir():
            if child.name.isdigit() and (child / "bin" / "initdb").exists():
                found.append((int(child.name), child / "bin"))
    if found:
        return max(found)[1]
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _as_server_user() -> tuple[list[str], str | None]:
    """The command prefix to run server programs, and the system user to own the files."""
    if os.geteuid() != 0:
        return [], None
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise ServerUnavailableError(
            "running as root, but there is no 'postgres' system user to run the server as"
        ) from exc
    return ["runuser", "-u", "postgres", "--"], "postgres"


class ThrowawayServer:
    """initdb + pg_ctl start in a temporary folder; `stop()` removes everything."""

    def __init__(
        self, *, port: int = DEFAULT_PORT, fsync: bool = False, bin_dir: Path | None = None
    ) -> None:
        found = bin_dir or find_bin_dir()
        if found is None:
            raise ServerUnavailableError(
                "no PostgreSQL server programs found (install the 'postgresql' package)"
            )
        self.bin_dir = found
        self.port = port
        self.fsync = fsync
        self.folder: Path | None = None
        self._prefix, self._owner = _as_server_user()

    @property
    def socket_dir(self) -> Path:
        if self.folder is None:
            raise ServerUnavailableError("the server is not running")
        return self.folder

    @property
    def data_dir(self) -> Path:
        return self.socket_dir / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq URL reaching this server over its socket."""
        host = quote(str(self.socket_dir), safe="")
        who, name = quote(user, safe=""), quote(database, safe="")
        return f"postgresql://{who}@/{name}?host={host}&port={self.port}"

    def _run(self, *args: str, timeout: float = 60) -> None:
        command = [*self._prefix, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            log = self.socket_dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ServerUnavailableError(
                f"{Path(args[0]).name} failed ({result.returncode}): "
                f"{result.stderr.strip()[-2000:]}\n{tail}"
            )

    def start(self) -> ThrowawayServer:
        self.folder = Path(tempfile.mkdtemp(prefix="gistdesk-pg-"))
        if self._owner is not None:
            shutil.chown(self.folder, self._owner)
        self.folder.chmod(0o700)
        bin_dir = self.bin_dir
        self._run(
            str(bin_dir / "initdb"),
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        )
        options = (
            f"-k {self.folder} -p {self.port} -c listen_addresses='' "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=100"
        )
        self._run(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "start",
        )
        return self

    def restart(self, mode: str = "fast") -> None:
        """Stop and start the same server (connections are cut; the data stays)."""
        options = (
            f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=100"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-l",
            str(self.socket_dir / "server.log"),
            "-m",
            mode,
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "restart",
        )

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run(
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data_dir),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> ThrowawayServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
