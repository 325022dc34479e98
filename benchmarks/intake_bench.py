"""Benchmark: intake throughput (POST /api/v1/signalen) with 1, 2 and 4 gunicorn workers on PostgreSQL.

Every signal writes audit entries; before the chain head was locked only at commit, the lock was
taken at the first entry and held through subject matching, so intake did not scale with workers.

    .venv/bin/python benchmarks/intake_bench.py                       # this checkout
    .venv/bin/python benchmarks/intake_bench.py --root /path/to/other/checkout   # e.g. the old code
    .venv/bin/python benchmarks/intake_bench.py --lock-span           # queries under the head lock
    .venv/bin/python benchmarks/intake_bench.py --contention          # 1/2/4 threads: log, then 50 ms work

PostgreSQL at 127.0.0.1:5432, user postgres, trust auth; the database sp_bench_intake is dropped
and created for every worker count. Each run: a fresh database, 16 melders with a token each,
gunicorn with W sync workers, then C client threads that post signals (two betrokkenen each, names
drawn from a small synthetic list so that matching finds candidates) for a warm-up and a measured
window. Reports signals per second, median and p95 latency and errors; then verify_audit.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent.parent
DB = "sp_bench_intake"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
MELDERS = 16
VOORNAMEN = ["Jan", "Piet", "Fatima", "Mo", "Sanne", "Eva", "Ali", "Noah", "Lotte", "Daan", "Emma", "Sem"]
ACHTERNAMEN = ["Jansen", "de Vries", "Bakker", "Yilmaz", "El Amrani", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]

SETUP = """
import json
from schakelpunt.accounts import services
from schakelpunt.testing.factories import UserFactory
from knox.models import AuthToken
tokens = []
for i in range({n}):
    user = UserFactory(roles=["melder"], username=f"bench-melder-{{i}}")
    if hasattr(services, "api_token_issue"):
        tokens.append(services.api_token_create(user=user, doel="benchmark"))
    else:  # the old code: its api_token_create cannot log on PostgreSQL
        tokens.append(AuthToken.objects.create(user=user)[1])
print("TOKENS" + json.dumps(tokens))
"""


LOCK_SPAN = """
import json
from django.db import connection
from rest_framework.test import APIClient
from schakelpunt.accounts.models import User
from knox.models import AuthToken
from schakelpunt.accounts import services
user = User.objects.get(username="bench-melder-0")
new_code = hasattr(services, "api_token_issue")
token = services.api_token_create(user=user, doel="lock") if new_code else AuthToken.objects.create(user=user)[1]
client = APIClient()
client.credentials(HTTP_AUTHORIZATION="Token " + token)
body = json.loads({body!r})
events = []
original_commit = connection.commit


def commit():
    original_commit()
    events.append("COMMIT")


def record(execute, sql, params, many, context):
    events.append(sql)
    return execute(sql, params, many, context)


connection.commit = commit
spans = []
for _ in range(10):
    events.clear()
    with connection.execute_wrapper(record):
        assert client.post("/api/v1/signalen", body, format="json").status_code == 201
    locked = total = 0
    holding = False
    for event in events:
        if event == "COMMIT":
            holding = False
            continue
        total += 1
        if "audit_auditchainhead" in event and "FOR UPDATE" in event:
            holding = True
        locked += holding
    spans.append((locked, total))
print("SPAN" + json.dumps(spans))
"""


CONTENTION = """
import json, threading, time
from django.db import connection, transaction
from schakelpunt.audit.services import Entry, write
counts = []
stop = time.monotonic() + {seconds}


def worker():
    n = 0
    while time.monotonic() < stop:
        with transaction.atomic():
            entry = Entry("lezen", "signaal", "1", "betrokkene:1")
            write(actor=None, role="", doel="bench", verwerking="bench", entries=[entry])
            time.sleep({work_ms} / 1000)  # the rest of the request: matching, reading back
        n += 1
    counts.append(n)
    connection.close()


threads = [threading.Thread(target=worker) for _ in range({threads})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("COUNT" + json.dumps(sum(counts) / {seconds}))
"""


def contention(root: Path, python: str, threads: int, seconds: float, work_ms: float) -> float:
    """Transactions per second when each writes one audit entry and then works `work_ms` without CPU."""
    script = CONTENTION.format(seconds=seconds, work_ms=work_ms, threads=threads)
    out = subprocess.run(
        [python, "manage.py", "shell", "-c", script],
        cwd=root,
        env=env_for(root),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.split("COUNT", 1)[1])


def lock_span(root: Path, python: str) -> tuple[int, int]:
    """Of the queries of one intake request, how many run while the chain head is locked (median of 10):
    from a `SELECT ... FOR UPDATE` of the head to the next commit."""
    body = json.dumps(globals()["body"](random.Random(1)))
    out = subprocess.run(
        [python, "manage.py", "shell", "-c", LOCK_SPAN.format(body=body)],
        cwd=root,
        env=env_for(root),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    spans = json.loads(out.split("SPAN", 1)[1])
    return sorted(s[0] for s in spans)[len(spans) // 2], sorted(s[1] for s in spans)[len(spans) // 2]


def env_for(root: Path) -> dict:
    return dict(
        os.environ,
        SCHAKELPUNT_MODE="test",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="schakelpunt.settings",
        DATABASE_URL=PG_URL,
        API_RATE_USER="1000000/minute",
        PYTHONPATH=str(root),
    )


def prepare(root: Path, python: str) -> list[str]:
    base = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *base, "--if-exists", "--force", DB], check=True)
    subprocess.run(["createdb", *base, DB], check=True)
    env = env_for(root)
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=root, env=env, check=True)
    out = subprocess.run(
        [python, "manage.py", "shell", "-c", SETUP.format(n=MELDERS)],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.split("TOKENS", 1)[1])


def body(rng: random.Random) -> dict:
    def persoon():
        return {
            "rol": "betrokkene",
            "persoon": {
                "voornamen": rng.choice(VOORNAMEN),
                "geslachtsnaam": rng.choice(ACHTERNAMEN),
                "geboortedatum": str(rng.randint(1960, 2010)),
            },
            "adres": {"postcode": f"{rng.randint(1000, 1099)}AB", "huisnummer": rng.randint(1, 60)},
        }

    return {"omschrijving": "Benchmark: synthetisch signaal.", "betrokkenen": [persoon(), persoon()]}


def run(root: Path, python: str, workers: int, clients: int, warmup: float, seconds: float, port: int) -> dict:
    tokens = prepare(root, python)
    gunicorn = str(Path(python).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "schakelpunt.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=root,
        env=env_for(root),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        start = time.monotonic()
        measure_from, measure_to = start + warmup, start + warmup + seconds
        latencies: list[float] = []
        errors: dict[str, int] = {}
        lock = threading.Lock()

        def client(i: int) -> None:
            rng = random.Random(i)
            session = requests.Session()
            session.headers["Authorization"] = f"Token {tokens[i % len(tokens)]}"
            while (now := time.monotonic()) < measure_to:
                t0 = time.monotonic()
                try:
                    status = session.post(f"{url}/api/v1/signalen", json=body(rng), timeout=30).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                t1 = time.monotonic()
                if measure_from <= t0 and t1 <= measure_to:
                    with lock:
                        if status == 201:
                            latencies.append((t1 - t0) * 1000)
                        else:
                            errors[str(status)] = errors.get(str(status), 0) + 1
                del now

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    verify = subprocess.run(
        [python, "manage.py", "verify_audit"], cwd=root, env=env_for(root), capture_output=True, text=True
    )
    latencies.sort()
    return {
        "workers": workers,
        "per_second": len(latencies) / seconds,
        "median_ms": statistics.median(latencies) if latencies else 0,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0,
        "errors": errors,
        "verify": next((line for line in (verify.stdout + verify.stderr).splitlines() if "Toegangslog" in line), "?")[
            :90
        ],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=HERE, help="the checkout to benchmark")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--lock-span", action="store_true", help="only: queries run under the chain-head lock")
    parser.add_argument(
        "--contention", action="store_true", help="only: parallel transactions that log first and then wait"
    )
    parser.add_argument("--work-ms", type=float, default=50)
    args = parser.parse_args()
    if args.contention:
        prepare(args.root, args.python)
        print(f"{'threads':>7} {'transactions/s':>15}  (one audit entry, then {args.work_ms:.0f} ms of work)")
        for threads in args.workers:
            rate = contention(args.root, args.python, threads, args.seconds, args.work_ms)
            print(f"{threads:>7} {rate:>15.1f}", flush=True)
        return
    if args.lock_span:
        prepare(args.root, args.python)
        locked, total = lock_span(args.root, args.python)
        print(f"queries under the chain-head lock per intake request: {locked} of {total}")
        return
    print(f"{'workers':>7} {'signals/s':>10} {'median ms':>10} {'p95 ms':>8}  errors  verify_audit", flush=True)
    for workers in args.workers:
        r = run(args.root, args.python, workers, args.clients, args.warmup, args.seconds, args.port)
        print(
            f"{r['workers']:>7} {r['per_second']:>10.1f} {r['median_ms']:>10.0f} {r['p95_ms']:>8.0f}  "
            f"{r['errors'] or '-'}  {r['verify']}",
            flush=True,
        )


if __name__ == "__main__":
    main()
