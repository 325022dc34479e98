"""Benchmark of the signalen pages: inbox, filtered inbox, mijn signalen and POST /api/v1/signalen.

Fills a throw-away database with synthetic signals from 40 departments (Faker nl_NL,
bulk_create), then times each page through Django's test client and counts its queries.

    .venv/bin/python benchmarks/signalen_bench.py                 # SQLite and PostgreSQL, 100 000 signals
    .venv/bin/python benchmarks/signalen_bench.py --db sqlite --signalen 20000 --runs 20

PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database sp_bench_signalen is
dropped and created for the run. Results go to stdout (and --json FILE); see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_PATH = Path("/tmp/sp_bench_signalen.sqlite3")
PG_URL = "postgres://postgres@127.0.0.1:5432/sp_bench_signalen"
AFDELINGEN = 40
MELDERS_PER_AFDELING = 10


def _child_env(db: str) -> dict:
    env = dict(os.environ, SCHAKELPUNT_MODE="test", LOG_LEVEL="ERROR", DJANGO_SETTINGS_MODULE="schakelpunt.settings")
    env["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}" if db == "sqlite" else PG_URL
    return env


def _prepare_database(db: str) -> None:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return
    base = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *base, "--if-exists", "sp_bench_signalen"], check=True)
    subprocess.run(["createdb", *base, "sp_bench_signalen"], check=True)


# --- The child process: runs inside Django with DATABASE_URL set -----------------------------


def fill(n: int, seed: int = 42) -> dict:
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from faker import Faker

    from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User
    from schakelpunt.signalen.constants import Bron, Rol, Status
    from schakelpunt.signalen.models import Betrokkene, Signaal
    from schakelpunt.taxonomie.models import Fenomeen

    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    password = make_password("bench-bench-bench")
    afdelingen = Afdeling.objects.bulk_create([Afdeling(naam=f"Afdeling {i:02d}") for i in range(AFDELINGEN)])
    users = User.objects.bulk_create(
        [
            User(username=f"melder{a}_{i}", password=password, afdeling=afd, email=f"melder{a}_{i}@gemeente.example")
            for a, afd in enumerate(afdelingen)
            for i in range(MELDERS_PER_AFDELING)
        ]
    )
    af = User.objects.create(username="af", password=password, afdeling=afdelingen[0], email="af@gemeente.example")
    Roltoewijzing.objects.bulk_create(
        [Roltoewijzing(user=u, rol="melder") for u in users] + [Roltoewijzing(user=af, rol="aandachtsfunctionaris")]
    )
    fenomenen = list(Fenomeen.objects.filter(actief=True))
    texts = [fake.paragraph(nb_sentences=4) for _ in range(2000)]
    voornamen = [fake.first_name() for _ in range(1000)]
    achternamen = [fake.last_name() for _ in range(1000)]
    # ontvangen_op is auto_now_add; synthetic history needs it spread over two years.
    Signaal._meta.get_field("ontvangen_op").auto_now_add = False
    now = timezone.now()
    statuses = [Status.AFGESLOTEN] * 7 + [Status.NIEUW, Status.IN_BEHANDELING, Status.MEER_INFORMATIE]
    started = time.perf_counter()
    batch = 5000
    for start in range(0, n, batch):
        rows = []
        for _ in range(min(batch, n - start)):
            melder = rng.choice(users)
            acuut = rng.random() < 0.02
            minderjarig = rng.random() < 0.12
            status = rng.choice(statuses)
            s = Signaal(
                melder=melder,
                afdeling_id=melder.afdeling_id,
                omschrijving=rng.choice(texts),
                acuut_gevaar=acuut,
                minderjarigen_betrokken=minderjarig,
                status=status,
                is_open=status != Status.AFGESLOTEN,
                bron=rng.choice(Bron.values),
                ontvangen_op=now - datetime.timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60)),
            )
            s.prioriteit = s.bereken_prioriteit()
            rows.append(s)
        created = Signaal.objects.bulk_create(rows)
        through = Signaal.fenomenen.through
        through.objects.bulk_create(
            [through(signaal_id=s.pk, fenomeen_id=rng.choice(fenomenen).pk) for s in created if rng.random() < 0.6]
        )
        Betrokkene.objects.bulk_create(
            [
                Betrokkene(
                    signaal_id=s.pk,
                    rol=rng.choice(Rol.values),
                    voornamen=rng.choice(voornamen),
                    geslachtsnaam=rng.choice(achternamen),
                    geboortejaar=rng.randint(1950, 2015),
                )
                for s in created
                for _ in range(rng.randint(0, 2))
            ]
        )
    Signaal._meta.get_field("ontvangen_op").auto_now_add = True
    return {
        "fill_seconds": round(time.perf_counter() - started, 1),
        "af": af.pk,
        "melder": users[0].pk,
        "fenomeen": fenomenen[0].code,
        "afdeling": afdelingen[3].pk,
    }


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(info: dict, runs: int) -> dict:
    from django.db import connection
    from django.test import Client
    from knox.models import AuthToken
    from rest_framework.test import APIClient

    from schakelpunt.accounts.models import User
    from schakelpunt.signalen.models import Signaal
    from schakelpunt.testing.auth import login

    af = User.objects.get(pk=info["af"])
    melder = User.objects.get(pk=info["melder"])
    af_client = login(Client(), af)
    melder_client = login(Client(), melder)
    api = APIClient()
    # Not accounts.services.api_token_create: its audit entry stores the 128-character knox
    # digest in a 64-character column, which PostgreSQL refuses (reported).
    api.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=melder)[1]}")
    body = {
        "omschrijving": "Benchmark: synthetisch signaal.",
        "minderjarigen_betrokken": True,
        "fenomenen": [info["fenomeen"]],
        "betrokkenen": [
            {
                "rol": "mogelijk_slachtoffer",
                "persoon": {"voornamen": "Test", "geslachtsnaam": "Bench", "geboortedatum": "2001", "bsn": "111222333"},
                "adres": {"postcode": "1234AB", "huisnummer": 1, "woonplaats": "Proefdorp"},
            }
        ],
    }
    cases = {
        "inbox, eerste pagina": lambda: af_client.get("/signalen/inbox/"),
        "inbox, gefilterd (fenomeen + afdeling)": lambda: af_client.get(
            f"/signalen/inbox/?fenomeen={info['fenomeen']}&afdeling={info['afdeling']}&status=open"
        ),
        "inbox, pagina 40": lambda: af_client.get("/signalen/inbox/?pagina=40"),
        "mijn signalen": lambda: melder_client.get("/signalen/mijn/"),
        "POST /api/v1/signalen": lambda: api.post("/api/v1/signalen", body, format="json"),
    }
    expected = {"POST /api/v1/signalen": 201}
    results = {}
    for name, call in cases.items():
        response = call()  # warm-up
        assert response.status_code == expected.get(name, 200), (name, response.status_code)
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            call()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results[name] = {
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(round(0.95 * len(timings))) - 1)], 1),
            "queries": counter.count,
        }
    results["_signalen"] = Signaal.objects.count()
    results["_open"] = Signaal.objects.filter(is_open=True).count()
    results["_mijn"] = Signaal.objects.filter(melder=melder).count()
    return results


def child(n: int, runs: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    info = fill(n)
    results = measure(info, runs)
    results["_fill_seconds"] = info["fill_seconds"]
    print("RESULT " + json.dumps(results))


# --- The parent: one child per database -------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--signalen", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", help="write the results to this file as well")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child(args.signalen, args.runs)
        return
    all_results = {}
    for db in ["sqlite", "postgres"] if args.db == "both" else [args.db]:
        _prepare_database(db)
        proc = subprocess.run(
            [sys.executable, __file__, "--child", "--signalen", str(args.signalen), "--runs", str(args.runs)],
            env=_child_env(db),
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if proc.returncode or line is None:
            sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
            raise SystemExit(f"benchmark on {db} failed")
        all_results[db] = json.loads(line[len("RESULT ") :])
    for db, results in all_results.items():
        print(
            f"\n{db}: {results['_signalen']} signalen ({results['_open']} open; de melder heeft er "
            f"{results['_mijn']}), gevuld in {results['_fill_seconds']} s"
        )
        print("| pagina | mediaan (ms) | p95 (ms) | queries |")
        print("|---|---:|---:|---:|")
        for name, r in results.items():
            if not name.startswith("_"):
                print(f"| {name} | {r['median_ms']} | {r['p95_ms']} | {r['queries']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(all_results, indent=2))


if __name__ == "__main__":
    main()
