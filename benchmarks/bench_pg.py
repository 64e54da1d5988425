"""Team database benchmark (PostgreSQL, a throwaway server on this machine): save and load
latency over a simulated LAN, notify latency, lost updates with 8 writer processes, search at
100,000 patients. Writes benchmarks/RESULTS-pg.md.

    .venv/bin/python benchmarks/bench_pg.py [--patients N] [--rtt-ms 1.0] [--saves 250]

The LAN is simulated by a small TCP proxy on 127.0.0.1 that delays every chunk by half the
round-trip time in each direction (loopback only, one thread pair per connection).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import queue
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg
from psycopg import sql

from gistdesk.core.casefile import case_to_dict
from gistdesk.core.model import Case, Patient, SideEffect
from gistdesk.core.vocab import SideEffectAction
from gistdesk.storage.audit import diff_cases
from gistdesk.storage.demo import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, generate_cases
from gistdesk.storage.errors import ConflictError
from gistdesk.storage.logic import check_case
from gistdesk.storage.pg import schema
from gistdesk.storage.pg.repository import PostgresRepository, _Listener, case_params
from gistdesk.storage.pg.server import ThrowawayServer
from gistdesk.storage.search import pg_vector_params
from gistdesk.storage.summary import summarize, summary_row
from gistdesk.storage.text import fold, name_key

RESULTS = Path(__file__).with_name("RESULTS-pg.md")
TODAY = date(2026, 11, 23)
LOGIN = "bench_ws"
TARGET_SEARCH_P95_MS = 16.0


class LanProxy:
    """127.0.0.1:port -> the server's Unix socket, each chunk delayed by `one_way_s`."""

    def __init__(self, unix_path: str, one_way_s: float) -> None:
        self.unix_path = unix_path
        self.delay = one_way_s
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(self.unix_path)
            for src, dst in ((client, upstream), (upstream, client)):
                pending: queue.Queue[tuple[float, bytes]] = queue.Queue()
                threading.Thread(target=self._read, args=(src, pending), daemon=True).start()
                threading.Thread(target=self._send, args=(dst, pending), daemon=True).start()

    def _read(self, src: socket.socket, pending: queue.Queue[tuple[float, bytes]]) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            pending.put((time.perf_counter() + self.delay, data))
            if not data:
                return

    @staticmethod
    def _send(dst: socket.socket, pending: queue.Queue[tuple[float, bytes]]) -> None:
        while True:
            due, data = pending.get()
            while (left := due - time.perf_counter()) > 0:
                time.sleep(left if left > 0.0002 else 0)
            if not data:
                dst.close()
                return
            try:
                dst.sendall(data)
            except OSError:
                return


def stats(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return (
        statistics.median(ordered),
        ordered[max(0, int(len(ordered) * 0.95) - 1)],
        ordered[-1],
    )


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return stats(samples)


def _writer(url: str, writer: int, saves: int, out: multiprocessing.Queue[int]) -> None:
    conflicts = 0
    with PostgresRepository(url, pool_size=1) as repo:
        for i in range(saves):
            while True:
                case, rev = repo.load_case_revision("GD-000001")
                notes = case.patient.notes + f"w{writer}:{i};"
                try:
                    repo.save_case(
                        replace(case, patient=replace(case.patient, notes=notes)),
                        user=f"writer{writer}",
                        replace="GD-000001",
                        expected_revision=rev,
                        as_of=TODAY,
                    )
                    break
                except ConflictError:
                    conflicts += 1
    out.put(conflicts)


def writers(url: str, count: int, saves: int) -> tuple[int, int, float, list[str]]:
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue[int] = ctx.Queue()
    start = time.perf_counter()
    procs = [ctx.Process(target=_writer, args=(url, w, saves, out)) for w in range(count)]
    for p in procs:
        p.start()
    conflicts = sum(out.get(timeout=1200) for _ in procs)
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    with PostgresRepository(url) as repo:
        notes = repo.load_case("GD-000001").patient.notes
        problems = repo.verify_audit_chain()
    seen = {t for t in notes.split(";") if t}
    expected = {f"w{w}:{i}" for w in range(count) for i in range(saves)}
    return len(expected - seen), conflicts, seconds, problems


def bulk_load(admin_url: str, patients: int) -> float:
    """Patients with realistic names (the demo's lists, accents included) and one template
    case each, written with COPY (what the search needs: names, keys, tsvector, summary)."""
    [template] = list(generate_cases(1, 7, TODAY))
    summary = summary_row(summarize(template, TODAY))
    start = time.perf_counter()
    given_names = FEMALE_NAMES + MALE_NAMES
    with psycopg.connect(admin_url) as conn, conn.cursor() as cur:
        with cur.copy(
            "COPY gistdesk.patients (record_number, record_key, family_name, given_name, "
            "name_key, birth_date, search_vector, content, revision) FROM STDIN"
        ) as copy:
            for i in range(1, patients + 1):
                family = FAMILY_NAMES[(i * 7919) % len(FAMILY_NAMES)]
                if i % 5 == 0:
                    family += "-" + FAMILY_NAMES[(i * 104729) % len(FAMILY_NAMES)]
                given = given_names[(i * 31) % len(given_names)]
                number = f"GD-{i:06d}"
                data = case_to_dict(
                    replace(template, patient=Patient(number, family, given, date(1960, 1, 1)))
                )
                weights = pg_vector_params(number, family, given)
                words = " ".join(
                    f"'{term}':1{w[-1].upper()}" for w, terms in weights.items() for term in terms
                )
                copy.write_row(
                    (
                        number,
                        fold(number),
                        family,
                        given,
                        name_key(family, given),
                        "1960-01-01",
                        words,
                        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        0,
                    )
                )
        cur.execute(
            "INSERT INTO gistdesk.patient_summary (patient_id, computed_on, primary_site, "
            "last_scan, current_line, current_line_end, flag_codes, active_progression, "
            "scan_due, adjuvant_end, to_review, next_scan_due) "
            "SELECT id, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s "
            "FROM gistdesk.patients",
            summary,
        )
        conn.commit()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE gistdesk.patients")
    return time.perf_counter() - start


def latencies(label: str, url: str, case: Case, runs: int, say: Callable[[str], None]) -> None:
    """One round trip, a load, a save of a whole case, an entry edit, through `url`."""
    number = case.patient.record_number
    with PostgresRepository(url) as repo, psycopg.connect(url, autocommit=True) as raw:
        if not repo.exists(number):
            repo.save_case(case, user="bench", as_of=TODAY)
        rows = [("one round trip (SELECT 1)", timed(lambda: raw.execute("SELECT 1"), runs))]
        rows.append(
            (
                "load a case (with its revision)",
                timed(lambda: repo.load_case_revision(number), runs),
            )
        )
        save_ms: list[float] = []
        python_ms: list[float] = []
        for i in range(runs + 1):
            loaded = repo.load_case_revision(number)
            new = replace(loaded.case, patient=replace(loaded.case.patient, notes=f"note {i}"))
            start = time.perf_counter()
            repo.save_case(
                new, user="bench", replace=number, expected_revision=loaded.revision, as_of=TODAY
            )
            save_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            check_case(new, TODAY)
            case_params(
                new,
                as_of=TODAY,
                user="bench",
                action="update",
                changes=diff_cases(loaded.case, new),
            )
            python_ms.append((time.perf_counter() - start) * 1000)
        rows.append(("save a whole case opened with its revision", stats(save_ms[1:])))
        rows.append(("  of which Python (validate, diff, summary)", stats(python_ms[1:])))
        effect = SideEffect(date(2022, 7, 1), "rash", 1, None, SideEffectAction.NONE)
        rows.append(
            (
                "add one entry (locked read-modify-write)",
                timed(lambda: repo.save_side_effect(number, effect, user="bench"), min(runs, 100)),
            )
        )
        repo.delete_patient(number, user="bench")
        repo.save_case(case, user="bench", as_of=TODAY)
    for what, (m, p95, mx) in rows:
        say(f"| {label}: {what} | {m:.2f} | {p95:.2f} | {mx:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--rtt-ms", type=float, default=1.0, help="simulated LAN round trip")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--saves", type=int, default=250)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    with ThrowawayServer(port=54349, fsync=True) as server:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(LOGIN)))
        with psycopg.connect(server.url("bench"), autocommit=True) as conn:
            schema.ensure_roles(conn)
            schema.migrate(conn)
            conn.execute(
                sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(schema.WORKSTATION_ROLE), sql.Identifier(LOGIN)
                )
            )
        direct = server.url("bench", LOGIN)
        proxy = LanProxy(str(server.socket_dir / f".s.PGSQL.{server.port}"), args.rtt_ms / 2000)
        lan = f"postgresql://{LOGIN}@127.0.0.1:{proxy.port}/bench"

        say(f"# Team database benchmark ({date.today()})\n")
        say(
            f"{platform.platform()}, {platform.python_version()}, psycopg {psycopg.__version__}, "
            f"PostgreSQL from {server.bin_dir}, fsync on, {args.runs} runs per figure.\n"
        )
        say("| what | median ms | p95 ms | max ms |")
        say("| --- | --- | --- | --- |")
        [case] = list(generate_cases(1, 1, TODAY))
        for label, url in (("loopback socket", direct), (f"LAN {args.rtt_ms} ms RTT", lan)):
            latencies(label, url, case, args.runs, say)

        # Notify latency: from a save's commit returning to the other listener hearing it.
        listener = _Listener(direct)
        listener.start()
        listener.ready.wait(10)
        heard_after: list[float] = []
        with PostgresRepository(direct) as repo:
            number = case.patient.record_number
            for i in range(args.runs):
                loaded = repo.load_case_revision(number)
                new = replace(loaded.case, patient=replace(loaded.case.patient, notes=f"n{i}"))
                listener.heard.clear()
                repo.save_case(
                    new,
                    user="bench",
                    replace=number,
                    expected_revision=loaded.revision,
                    as_of=TODAY,
                )
                done = time.perf_counter()
                listener.heard.wait(5)
                heard_after.append((time.perf_counter() - done) * 1000)
        listener.stop()
        n = stats(heard_after)
        say(
            f"| notify: another connection hears a commit (after the save returned) | "
            f"{n[0]:.2f} | {n[1]:.2f} | {n[2]:.2f} |"
        )

        with PostgresRepository(direct) as repo:
            repo.delete_patient(case.patient.record_number, user="bench")
            first = replace(
                case, patient=replace(case.patient, record_number="GD-000001", notes="")
            )
            repo.save_case(first, user="bench", as_of=TODAY)
        if args.writers:
            lost, conflicts, seconds, problems = writers(direct, args.writers, args.saves)
            say("")
            say(
                f"Concurrency: {args.writers} writer processes x {args.saves} saves of one "
                f"patient, each reloading on a conflict: **{lost} lost updates**, {conflicts} "
                f"conflicts refused and retried, {seconds:.1f} s, audit chain "
                f"{'intact' if not problems else 'BROKEN: ' + problems[0]}."
            )

        with psycopg.connect(server.url("bench"), autocommit=True) as conn:
            conn.execute("TRUNCATE gistdesk.patients CASCADE")
        load_s = bulk_load(server.url("bench"), args.patients)
        say("")
        say(
            f"Search at {args.patients:,} patients (loaded with COPY in {load_s:.1f} s), "
            f"first page of 50 plus the count, as the search box asks (loopback socket):\n"
        )
        say("| typed | ranked page: median ms | p95 ms | max ms | count: median ms | p95 ms |")
        say("| --- | --- | --- | --- | --- | --- |")
        worst = 0.0
        with PostgresRepository(direct) as repo:
            for label, texts in (
                ("1 letter", list("abcdeghjklmnoprstwz")),
                ("2-3 letters", ["ga", "mu", "sch", "wei", "nov", "ko", "sø", "łu", "dąb"]),
                ("family and given prefix", ["garc jos", "mull an", "nguyen t", "kow ma"]),
                ("record number prefix", ["gd-0", "gd-01", "gd-0999", "GD-099999"]),
            ):
                samples: list[float] = []
                counts: list[float] = []
                for _ in range(max(1, args.runs // len(texts))):
                    for text in texts:
                        start = time.perf_counter()
                        repo.search(text, limit=50)
                        samples.append((time.perf_counter() - start) * 1000)
                        start = time.perf_counter()
                        repo.count_patients(text)
                        counts.append((time.perf_counter() - start) * 1000)
                m, p95, mx = stats(samples)
                cm, cp95, _ = stats(counts)
                worst = max(worst, p95)
                say(f"| {label} | {m:.1f} | {p95:.1f} | {mx:.1f} | {cm:.1f} | {cp95:.1f} |")
        say("")
        say(
            f"Search p95 goal <= {TARGET_SEARCH_P95_MS} ms: "
            f"{'met' if worst <= TARGET_SEARCH_P95_MS else 'NOT met'} (worst p95 {worst:.1f} ms)."
        )
    if not args.no_write:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
