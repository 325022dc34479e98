"""Fault figures: recovery after a PostgreSQL restart, exactly-once after kill -9, a frozen database.

Starts its own throw-away PostgreSQL cluster (initdb in a temporary directory, its own port;
as the `postgres` user when run as root) and a production gunicorn against it, then:

1. restart: a client reports signals continuously while PostgreSQL restarts (pg_ctl restart -m fast);
2. kill -9: four clients report 40 signals each while gunicorn (master and workers) is killed
   with SIGKILL twice and started again; clients retry every failure. Once with an
   Idempotency-Key (retried with the same key), once without (a naive client);
3. freeze: every PostgreSQL process is stopped (SIGSTOP) and /healthz, a report and a list are
   timed; then SIGCONT and the time to the next stored signal.

It also checks that every line gunicorn and the application logged is JSON, and the longest.

    .venv/bin/python benchmarks/fault_bench.py [--port 5499] [--http-port 8799] [--json out.json]

Never point it at a shared database server: it restarts and freezes the one it starts.
Results: docs/benchmarks.md, "Faults".
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = Path(sys.executable)
GUNICORN = PY.parent / "gunicorn"


class Cluster:
    """A PostgreSQL cluster of our own, in a temporary directory."""

    def __init__(self, base: Path, port: int):
        self.base, self.port = base, port
        self.data = base / "pgdata"
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = ["runuser", "-u", "postgres", "--", *args] if self.as_postgres else list(args)
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def start(self) -> None:
        if self.as_postgres:
            shutil.chown(self.base, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.ctl("start")
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "schakelpunt"], check=True
        )

    def ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
        log = str(self.base / "postgres.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", *extra, action)

    def pids(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True, text=True)
        return [postmaster, *(int(p) for p in children.stdout.split())]

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)


class Server:
    """A production gunicorn (gunicorn.conf.py from the repository) against the cluster."""

    def __init__(self, base: Path, env: dict, port: int):
        self.env, self.port = env, port
        self.log = base / "gunicorn.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("a") as log:
            self.proc = subprocess.Popen(
                [str(GUNICORN), "schakelpunt.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def kill9(self) -> None:
        """SIGKILL the master and every worker at once, as a crash or an OOM kill would."""
        master = self.proc.pid
        workers = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True)
        for pid in [master, *(int(p) for p in workers.stdout.split())]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def request(port: int, method: str, path: str, body: dict | None = None, headers: dict | None = None, timeout=60):
    """(status, content type, seconds, parsed body or None, headers); raises OSError on a dropped connection."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        all_headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        if payload is not None:
            all_headers["Content-Type"] = "application/json"
        conn.request(method, path, body=payload, headers=all_headers)
        response = conn.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return response.status, response.getheader("Content-Type", ""), time.monotonic() - started, parsed, response
    finally:
        conn.close()


def report_signal(port: int, token: str, key: str | None) -> tuple:
    headers = {"Authorization": f"Token {token}"}
    if key:
        headers["Idempotency-Key"] = key
    body = {"omschrijving": f"Foutproef {key or uuid.uuid4().hex}", "betrokkenen": []}
    return request(port, "POST", "/api/v1/signalen", body, headers)


def signals_of(cluster: Cluster, username: str) -> int:
    """How many signals `username` has stored (psql variable, read from standard input)."""
    query = (
        "SELECT count(*) FROM signalen_signaal s JOIN accounts_user u ON u.id = s.melder_id "
        "WHERE u.username = :'username';"
    )
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "-d", "schakelpunt", "-tA"]
        + ["-v", f"username={username}"],
        input=query,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip())


# --- Scenarios -------------------------------------------------------------------------------


def scenario_restart(cluster: Cluster, server: Server, token: str) -> dict:
    attempts: list[dict] = []
    stop = threading.Event()
    acknowledged: set[str] = set()

    def client():
        while not stop.is_set():
            key = uuid.uuid4().hex
            while not stop.is_set():
                t = time.monotonic()
                try:
                    status, ctype, seconds, _body, resp = report_signal(server.port, token, key)
                    attempts.append({"t": t, "status": status, "ctype": ctype, "s": seconds})
                except OSError as exc:
                    attempts.append({"t": t, "status": type(exc).__name__, "ctype": "", "s": time.monotonic() - t})
                    status = None
                if status == 201:
                    acknowledged.add(key)
                    break
                time.sleep(0.1)

    thread = threading.Thread(target=client)
    thread.start()
    time.sleep(2)
    down = time.monotonic()
    cluster.ctl("restart", "-m", "fast")
    up = time.monotonic()
    time.sleep(5)
    stop.set()
    thread.join()
    during = [a for a in attempts if down <= a["t"] <= up]
    after = [a for a in attempts if a["t"] > up]
    first_ok = next((a for a in after if a["status"] == 201), None)
    errors = [a for a in attempts if a["status"] != 201]
    stored = signals_of(cluster, "fout-restart")
    return {
        "restart_seconds": round(up - down, 2),
        "attempts": len(attempts),
        "answers_during_restart": dict(Counter(str(a["status"]) for a in during)),
        "errors_after_database_back": sum(1 for a in after if a["status"] != 201),
        "first_stored_after_back_s": round(first_ok["t"] + first_ok["s"] - up, 3) if first_ok else None,
        "error_answers_not_problem_json": sum(
            1 for a in errors if isinstance(a["status"], int) and "problem+json" not in a["ctype"]
        ),
        "slowest_answer_s": round(max(a["s"] for a in attempts), 3),
        "acknowledged": len(acknowledged),
        "stored": stored,
        "duplicates_or_unacknowledged": stored - len(acknowledged),
    }


def scenario_kill9(cluster: Cluster, server: Server, token: str, user: str, *, with_key: bool) -> dict:
    clients, per_client = 4, 40
    acknowledged: list[str] = []
    failures: Counter = Counter()
    lock = threading.Lock()

    def client(n: int):
        for i in range(per_client):
            key = f"k9-{n}-{i}-{uuid.uuid4().hex[:8]}" if with_key else None
            marker = key or uuid.uuid4().hex
            for _attempt in range(200):
                try:
                    status = report_signal(server.port, token, key)[0]
                except OSError as exc:
                    status = type(exc).__name__
                if status == 201:
                    with lock:
                        acknowledged.append(marker)
                    break
                with lock:
                    failures[str(status)] += 1
                time.sleep(0.2)

    before = signals_of(cluster, user)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    kills = 0
    for pause in (1.5, 2.5):
        time.sleep(pause)
        server.kill9()
        kills += 1
        server.start()
    for t in threads:
        t.join()
    after = signals_of(cluster, user)
    stored = after - before
    return {
        "idempotency_key": with_key,
        "signals_sent": clients * per_client,
        "kills": kills,
        "acknowledged": len(acknowledged),
        "stored": stored,
        "duplicates": stored - len(acknowledged),
        "failed_attempts": dict(failures),
    }


def scenario_freeze(cluster: Cluster, server: Server, token: str) -> dict:
    pids = cluster.pids()
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):  # a backend that was just ending
            os.kill(pid, signal.SIGSTOP)
    frozen = {}
    try:
        for name, call in (
            ("healthz", lambda: request(server.port, "GET", "/healthz")),
            ("report", lambda: report_signal(server.port, token, uuid.uuid4().hex)),
            (
                "list",
                lambda: request(server.port, "GET", "/api/v1/signalen", headers={"Authorization": f"Token {token}"}),
            ),
        ):
            try:
                status, ctype, seconds, _body, resp = call()
                frozen[name] = {
                    "status": status,
                    "seconds": round(seconds, 2),
                    "content_type": ctype.split(";")[0],
                    "retry_after": resp.getheader("Retry-After"),
                }
            except OSError as exc:
                frozen[name] = {"status": type(exc).__name__}
    finally:
        resumed = time.monotonic()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
    first_ok = None
    while time.monotonic() - resumed < 60:
        try:
            if report_signal(server.port, token, uuid.uuid4().hex)[0] == 201:
                first_ok = time.monotonic() - resumed
                break
        except OSError:
            pass
        time.sleep(0.1)
    return {"while_frozen": frozen, "first_stored_after_resume_s": round(first_ok, 3) if first_ok else None}


def log_figures(server: Server) -> dict:
    lines = server.log.read_text().splitlines()
    not_json = [line for line in lines if line.strip() and not _is_json(line)]
    return {
        "log_lines": len(lines),
        "log_lines_not_json": len(not_json),
        "longest_log_line_bytes": max((len(line.encode()) for line in lines), default=0),
        "examples_not_json": not_json[:3],
    }


def _is_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=5499, help="port of the throw-away PostgreSQL cluster")
    parser.add_argument("--http-port", type=int, default=8799)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="sp-fault-"))
    cluster = Cluster(base, args.port)
    env = dict(
        os.environ,
        SCHAKELPUNT_MODE="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{args.port}/schakelpunt",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        MEDIA_ROOT=str(base / "bijlagen"),
        BEHIND_TLS_PROXY="true",
        DJANGO_SETTINGS_MODULE="schakelpunt.settings",
        TASKS_BACKEND="immediate",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    server = Server(base, env, args.http_port)
    results: dict = {}
    try:
        cluster.start()

        def manage(*a: str) -> str:
            return subprocess.run(
                [str(PY), "manage.py", *a], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            ).stdout

        manage("migrate", "--noinput", "-v0")
        manage("collectstatic", "--noinput", "-v0")
        tokens = {}
        for name in ("fout-restart", "fout-kill-sleutel", "fout-kill-naief", "fout-freeze"):
            out = manage("create_user", "--username", name, "--role", "melder", "--department", "Proef", "--api-token")
            tokens[name] = out.strip().splitlines()[-1]
        server.start()
        for _ in range(10):
            report_signal(server.port, tokens["fout-freeze"], uuid.uuid4().hex)

        print("restart ...", flush=True)
        results["restart"] = scenario_restart(cluster, server, tokens["fout-restart"])
        print(json.dumps(results["restart"], indent=2), flush=True)
        print("kill -9 with Idempotency-Key ...", flush=True)
        results["kill9_with_key"] = scenario_kill9(
            cluster, server, tokens["fout-kill-sleutel"], "fout-kill-sleutel", with_key=True
        )
        print(json.dumps(results["kill9_with_key"], indent=2), flush=True)
        print("kill -9 without Idempotency-Key ...", flush=True)
        results["kill9_without_key"] = scenario_kill9(
            cluster, server, tokens["fout-kill-naief"], "fout-kill-naief", with_key=False
        )
        print(json.dumps(results["kill9_without_key"], indent=2), flush=True)
        print("freeze ...", flush=True)
        results["freeze"] = scenario_freeze(cluster, server, tokens["fout-freeze"])
        print(json.dumps(results["freeze"], indent=2), flush=True)
        results["logs"] = log_figures(server)
        print(json.dumps(results["logs"], indent=2), flush=True)
    finally:
        server.stop()
        cluster.stop()
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"kept {base}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
