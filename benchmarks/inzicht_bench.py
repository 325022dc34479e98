"""Benchmark of inzicht: the figures page and GET /api/v1/inzicht/signalen per role, over many signals.

Fills a throw-away database with synthetic signals spread over the last two years (bulk_create:
signals, fenomenen, first triage steps, terugkoppelingen, betrokkenen linked to a pool of
persons), rebuilds inzicht's pre-aggregated counts (``tellingen.opbouwen``, timed), then times
each page through Django's test client: p50 and p95 per role, with the number of queries.
For comparison it also times the one-row-per-signal reference computation (``live=True``) once.

    .venv/bin/python benchmarks/inzicht_bench.py 1000000              # SQLite, 1 000 000 signals
    .venv/bin/python benchmarks/inzicht_bench.py 200000 --runs 30
    .venv/bin/python benchmarks/inzicht_bench.py 1000000 --db postgres  # database sp_bench_inzicht
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python benchmarks/inzicht_bench.py 1000000

SQLite goes to /tmp/sp_bench_inzicht.sqlite3 (replaced). ``--db postgres`` drops and creates
sp_bench_inzicht on 127.0.0.1:5432 (user postgres, trust auth). With DATABASE_URL set, that
database is used as it is: it must be empty of signals (the script refuses otherwise) and is
not dropped. Results go to stdout (and --json FILE); see docs/benchmarks.md.
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
SQLITE_PATH = Path("/tmp/sp_bench_inzicht.sqlite3")
PG_URL = "postgres://postgres@127.0.0.1:5432/sp_bench_inzicht"
AFDELINGEN = 40
MELDERS_PER_AFDELING = 5
ROLLEN = ("bestuur", "aandachtsfunctionaris")


def _child_env(db: str) -> dict:
    env = dict(os.environ, SCHAKELPUNT_MODE="test", LOG_LEVEL="ERROR", DJANGO_SETTINGS_MODULE="schakelpunt.settings")
    if db == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    elif db == "postgres":
        env["DATABASE_URL"] = PG_URL
    return env  # db == "url": DATABASE_URL as given


def _prepare_database(db: str) -> None:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    elif db == "postgres":
        base = ["-h", "127.0.0.1", "-U", "postgres"]
        subprocess.run(["dropdb", *base, "--if-exists", "sp_bench_inzicht"], check=True)
        subprocess.run(["createdb", *base, "sp_bench_inzicht"], check=True)


# --- The child process: runs inside Django with DATABASE_URL set -----------------------------


def fill(n: int, seed: int = 42) -> dict:
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User
    from schakelpunt.signalen.constants import Status
    from schakelpunt.signalen.models import Betrokkene, Signaal, Terugkoppeling, TriageStap
    from schakelpunt.subjecten.models import BetrokkeneKoppeling, Persoon
    from schakelpunt.taxonomie.models import Fenomeen

    if Signaal.objects.exists():
        raise SystemExit("Deze database bevat al signalen; de benchmark vult alleen een lege database.")
    rng = random.Random(seed)
    password = make_password("bench-bench-bench")
    afdelingen = Afdeling.objects.bulk_create([Afdeling(naam=f"Afdeling {i:02d}") for i in range(AFDELINGEN)])
    melders = User.objects.bulk_create(
        [
            User(username=f"melder{a}_{i}", password=password, afdeling=afd, email=f"melder{a}_{i}@gemeente.example")
            for a, afd in enumerate(afdelingen)
            for i in range(MELDERS_PER_AFDELING)
        ]
    )
    lezers = {
        rol: User.objects.create(username=rol, password=password, afdeling=afdelingen[0], email=f"{rol}@x.example")
        for rol in ROLLEN
    }
    Roltoewijzing.objects.bulk_create(
        [Roltoewijzing(user=u, rol="melder") for u in melders]
        + [Roltoewijzing(user=u, rol=rol) for rol, u in lezers.items()]
    )
    af = lezers["aandachtsfunctionaris"]
    fenomenen = list(Fenomeen.objects.filter(actief=True))
    personen = Persoon.objects.bulk_create(
        [Persoon(voornamen=f"Synthetisch {i}", geslachtsnaam="Bench") for i in range(max(1, n // 3))], batch_size=5000
    )
    # Synthetic history: the automatic timestamps are set by hand.
    velden = [
        Signaal._meta.get_field("ontvangen_op"),
        TriageStap._meta.get_field("tijdstip"),
        Terugkoppeling._meta.get_field("verzonden_op"),
    ]
    for veld in velden:
        veld.auto_now_add = False
    now = timezone.now()
    two_years = 2 * 365 * 24 * 60
    started = time.perf_counter()
    batch = 5000
    through = Signaal.fenomenen.through
    for start in range(0, n, batch):
        signalen = []
        for _ in range(min(batch, n - start)):
            melder = rng.choice(melders)
            signalen.append(
                Signaal(
                    melder=melder,
                    afdeling_id=melder.afdeling_id,
                    omschrijving="Synthetisch signaal voor de benchmark.",
                    status=Status.AFGESLOTEN,
                    is_open=False,
                    ontvangen_op=now - datetime.timedelta(minutes=rng.randint(0, two_years)),
                )
            )
        created = Signaal.objects.bulk_create(signalen)
        through.objects.bulk_create(
            [
                through(signaal_id=s.pk, fenomeen_id=f.pk)
                for s in created
                if rng.random() < 0.7
                for f in rng.sample(fenomenen, rng.choice([1, 1, 1, 2]))
            ]
        )
        stappen = TriageStap.objects.bulk_create(
            [
                TriageStap(
                    signaal_id=s.pk,
                    actie="in_behandeling",
                    rationale="Synthetisch",
                    van_status="nieuw",
                    naar_status="in_behandeling",
                    door=af,
                    tijdstip=min(now, s.ontvangen_op + datetime.timedelta(hours=rng.randint(1, 240))),
                )
                for s in created
                if rng.random() < 0.85
            ]
        )
        Terugkoppeling.objects.bulk_create(
            [Terugkoppeling(signaal_id=s.pk, tekst="Ontvangen", verzonden_op=s.ontvangen_op) for s in created]
            + [
                Terugkoppeling(signaal_id=t.signaal_id, triagestap=t, tekst="Bericht", door=af, verzonden_op=t.tijdstip)
                for t in stappen
            ]
        )
        betrokkenen = Betrokkene.objects.bulk_create(
            [
                Betrokkene(signaal_id=s.pk, voornamen="Synthetisch", geslachtsnaam="Bench")
                for s in created
                if rng.random() < 0.7
            ]
        )
        BetrokkeneKoppeling.objects.bulk_create(
            [
                BetrokkeneKoppeling(betrokkene=b, signaal_id=b.signaal_id, persoon=rng.choice(personen))
                for b in betrokkenen
            ]
        )
    for veld in velden:
        veld.auto_now_add = True
    return {"fill_seconds": round(time.perf_counter() - started, 1), **{r: u.pk for r, u in lezers.items()}}


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _timed(call, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def _p95(timings: list[float]) -> float:
    return round(timings[max(0, int(round(0.95 * len(timings))) - 1)], 1)


def measure(info: dict, runs: int, pdf: bool) -> dict:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from rest_framework.test import APIClient

    from schakelpunt.accounts.models import User
    from schakelpunt.inzicht import selectors, tellingen
    from schakelpunt.inzicht.grid import Kwartaal
    from schakelpunt.inzicht.models import FenomeenTelling, SignaalTelling
    from schakelpunt.signalen.models import Signaal
    from schakelpunt.testing.auth import api_token_for, login

    started = time.perf_counter()
    tellingen.opbouwen()
    results: dict = {"_opbouwen_seconds": round(time.perf_counter() - started, 1)}
    huidig = Kwartaal.van(timezone.localdate())
    vorig = huidig.vorige()
    cases = {}
    for rol in ROLLEN:
        user = User.objects.get(pk=info[rol])
        client = login(Client(), user)
        api = APIClient()
        # Bestuur is a four-eyes role: the token is requested and approved by two (synthetic) beheerders.
        api.credentials(HTTP_AUTHORIZATION=f"Token {api_token_for(user)}")
        cases[f"{rol}: pagina, huidig kwartaal"] = lambda c=client: c.get("/inzicht/")
        cases[f"{rol}: pagina, vorig kwartaal"] = lambda c=client: c.get("/inzicht/", {"kwartaal": vorig.code})
        cases[f"{rol}: API, huidig kwartaal"] = lambda a=api: a.get("/api/v1/inzicht/signalen")
        cases[f"{rol}: API, vorig kwartaal"] = lambda a=api: a.get("/api/v1/inzicht/signalen", {"kwartaal": vorig.code})
        if pdf and rol == "bestuur":
            cases[f"{rol}: kwartaalrapport (PDF), vorig kwartaal"] = lambda c=client: c.get(
                "/inzicht/kwartaalrapport/", {"kwartaal": vorig.code}
            )
    for name, call in cases.items():
        response = call()  # warm-up
        assert response.status_code == 200, (name, response.status_code)
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            call()
        timings = _timed(call, runs if "PDF" not in name else max(3, runs // 6))
        results[name] = {
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": _p95(timings),
            "queries": counter.count,
            "runs": len(timings),
        }
    # What the counts save: the reference computation, one row per signal, and whether it agrees.
    timings = _timed(lambda: selectors.figuren_kwartaal(vorig, live=True), 2)
    results["_live_vorig_kwartaal_ms"] = round(timings[0], 1)
    results["_gelijk"] = selectors.figuren_kwartaal(vorig) == selectors.figuren_kwartaal(vorig, live=True)
    results["_signalen"] = Signaal.objects.count()
    results["_vorig_kwartaal"] = Signaal.objects.filter(
        ontvangen_op__date__gte=vorig.begin, ontvangen_op__date__lt=vorig.einde
    ).count()
    results["_telrijen"] = SignaalTelling.objects.count() + FenomeenTelling.objects.count()
    results["_vendor"] = connection.vendor
    return results


def child(n: int, runs: int, pdf: bool) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    info = fill(n)
    print(f"fill: {info['fill_seconds']} s", file=sys.stderr, flush=True)
    results = measure(info, runs, pdf)
    results["_fill_seconds"] = info["fill_seconds"]
    print("RESULT " + json.dumps(results))


# --- The parent: one child per database -------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("signalen", type=int, nargs="?", default=1_000_000, help="how many signals (1 000 000)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pdf", action="store_true", help="also time the quarterly PDF (a few runs)")
    parser.add_argument("--json", help="write the results to this file as well")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child(args.signalen, args.runs, args.pdf)
        return
    db = "url" if os.environ.get("DATABASE_URL") else args.db
    _prepare_database(db)
    command = [sys.executable, __file__, "--child", str(args.signalen), "--runs", str(args.runs)]
    proc = subprocess.run(
        command + (["--pdf"] if args.pdf else []), env=_child_env(db), cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode or line is None:
        sys.stderr.write(proc.stdout[-3000:])
        raise SystemExit(f"benchmark on {db} failed")
    results = json.loads(line[len("RESULT ") :])
    print(
        f"\n{results['_vendor']}: {results['_signalen']} signalen (vorig kwartaal {results['_vorig_kwartaal']}), "
        f"gevuld in {results['_fill_seconds']} s; tellingen opgebouwd in {results['_opbouwen_seconds']} s "
        f"({results['_telrijen']} rijen)"
    )
    print("| pagina | p50 (ms) | p95 (ms) | queries | runs |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results.items():
        if not name.startswith("_"):
            print(f"| {name} | {r['median_ms']} | {r['p95_ms']} | {r['queries']} | {r['runs']} |")
    print(
        "\nZonder voortelling (live=True, één rij per signaal), vorig kwartaal: "
        f"{results['_live_vorig_kwartaal_ms']} ms; zelfde afgeschermde cijfers: {results['_gelijk']}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
