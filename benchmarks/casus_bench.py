"""Benchmark of the casus pages: the casus list and a casus page with 50 timeline events.

Fills a throw-away PostgreSQL database with 100 000 synthetic signals and 10 000 casussen
(10 signals, 3 subjects, 2 participants, 6 timeline events, 2 actions and a decision each; the
measured casus has 50 timeline events), then times each page through Django's test client
(warm-up, then --runs runs; median and p95) and counts its queries.

    .venv/bin/python benchmarks/casus_bench.py
    .venv/bin/python benchmarks/casus_bench.py --signalen 20000 --casussen 2000 --runs 10

PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database sp_bench_casus is dropped
and created for the run. See docs/benchmarks.md for the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = "sp_bench_casus"


def prepare() -> None:
    base = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *base, "--if-exists", DB], check=True)
    subprocess.run(["createdb", *base, DB], check=True)
    os.environ.update(
        SCHAKELPUNT_MODE="test",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="schakelpunt.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB}",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(n_signalen: int, n_casussen: int, seed: int = 7):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from schakelpunt.accounts.models import Afdeling, Roltoewijzing, User
    from schakelpunt.casussen.models import (
        Actie,
        Besluit,
        Casus,
        CasusSignaal,
        CasusSubject,
        Deelnemer,
        Fase,
        Gebeurtenis,
    )  # fmt: skip
    from schakelpunt.signalen.models import Betrokkene, Signaal

    rng = random.Random(seed)
    pw = make_password("bench-bench-bench")
    afd = Afdeling.objects.create(naam="Bench")
    melders = User.objects.bulk_create([User(username=f"m{i}", password=pw, afdeling=afd) for i in range(200)])
    af = User.objects.create(username="af", password=pw, afdeling=afd)
    regie = User.objects.bulk_create([User(username=f"r{i}", password=pw, afdeling=afd) for i in range(50)])
    deeln = User.objects.bulk_create([User(username=f"d{i}", password=pw, afdeling=afd) for i in range(300)])
    Roltoewijzing.objects.bulk_create(
        [Roltoewijzing(user=u, rol="melder") for u in melders]
        + [Roltoewijzing(user=af, rol="aandachtsfunctionaris")]
        + [Roltoewijzing(user=u, rol="casusregisseur") for u in regie]
        + [Roltoewijzing(user=u, rol="deelnemer") for u in deeln]
    )
    signalen = Signaal.objects.bulk_create(
        [
            Signaal(melder=rng.choice(melders), afdeling=afd, omschrijving=f"Signaal {i}: zorgen.")
            for i in range(n_signalen)
        ],
        batch_size=5000,
    )
    betrokkenen = Betrokkene.objects.bulk_create(
        [
            Betrokkene(signaal=s, voornamen="Kees", geslachtsnaam=f"Bench{i}", geboortejaar=1990)
            for i, s in enumerate(signalen)
        ],
        batch_size=5000,
    )
    fasen = list(Fase.objects.filter(is_open=True))
    now = timezone.now()
    casussen = Casus.objects.bulk_create(
        [
            Casus(
                titel=f"Casus {i}",
                regievoerder=rng.choice(regie),
                aangemaakt_door=af,
                fase=rng.choice(fasen),
                fase_sinds=now,
                fase_deadline=now + timezone.timedelta(days=rng.randint(-20, 20)),
            )  # fmt: skip
            for i in range(n_casussen)
        ],
        batch_size=5000,
    )
    cs, subj, dn, geb, act, bes = [], [], [], [], [], []
    for i, c in enumerate(casussen):
        for j in range(10):
            k = (i * 10 + j) % n_signalen
            cs.append(CasusSignaal(casus=c, signaal=signalen[k], toegevoegd_door=af))
            if j < 3:
                subj.append(CasusSubject(casus=c, betrokkene=betrokkenen[k], toegevoegd_door=af))
        for u in rng.sample(deeln, 2):
            dn.append(Deelnemer(casus=c, user=u, toegevoegd_door=af))
        geb += [Gebeurtenis(casus=c, soort="fase", tekst=f"Gebeurtenis {j}", door=af) for j in range(6)]
        act += [Actie(casus=c, titel=f"Actie {j}", eigenaar=c.regievoerder, deadline=now.date()) for j in range(2)]
        bes.append(Besluit(casus=c, soort="melden", vraag="Gaan we melden?", overwegingen="o", besluit="Nee",
                           melden="nee", geldig_van=now.date(), genomen_door=af))  # fmt: skip
    for model, rows in ((CasusSignaal, cs), (CasusSubject, subj), (Deelnemer, dn), (Gebeurtenis, geb), (Actie, act),
                        (Besluit, bes)):  # fmt: skip
        model.objects.bulk_create(rows, batch_size=5000)
    target = casussen[-1]
    Gebeurtenis.objects.bulk_create(
        [Gebeurtenis(casus=target, soort="actie", tekst=f"Extra {j}", door=af) for j in range(44)]
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return af, target


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, len(ctx.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signalen", type=int, default=100_000)
    parser.add_argument("--casussen", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    prepare()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    from schakelpunt.testing.auth import login

    t0 = time.perf_counter()
    af, target = fill(args.signalen, args.casussen)
    print(f"filled {args.signalen} signals, {args.casussen} casussen in {time.perf_counter() - t0:.0f} s")
    client = login(Client(), af)
    regie_client = login(Client(), target.regievoerder)
    rows = [
        ("casus list, first page (aandachtsfunctionaris)", client, "/casussen/"),
        ("casus list, overdue filter", client, "/casussen/?te_laat=on"),
        ("casus list (casusregisseur, own scope)", regie_client, "/casussen/"),
        ("casus page, 50 timeline events", client, f"/casussen/{target.pk}/"),
    ]
    print("| page | median | p95 | queries |\n|---|---:|---:|---:|")
    for name, http, url in rows:
        median, p95, queries = measure(http, url, args.runs)
        print(f"| {name} | {median:.1f} ms | {p95:.1f} ms | {queries} |")


if __name__ == "__main__":
    main()
