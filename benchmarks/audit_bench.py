"""Benchmark: what writing the hash-chained access log costs a request.

Measures, on the configured database (DATABASE_URL; SQLite by default), the time of
`audit.services.write` for 1, 25 and 100 entries (one page of a list with 25 or 100 persons
concerned) and the time of a full page request with and without its audit write, after
filling the log with N existing records. Also runs verify_audit over the whole log.

    python benchmarks/audit_bench.py [--records 100000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sp_bench python benchmarks/audit_bench.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SCHAKELPUNT_MODE", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakelpunt.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sp_audit_bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from schakelpunt.access.policy import decide  # noqa: E402
from schakelpunt.audit.models import AuditRecord  # noqa: E402
from schakelpunt.audit.services import Entry, write  # noqa: E402
from schakelpunt.audit.verify import verify_chain  # noqa: E402
from schakelpunt.testing.auth import login  # noqa: E402


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), pct(samples, 95)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)
    from schakelpunt.testing.factories import UserFactory

    user = UserFactory(roles=["privacyfunctionaris"], username="bench-fg")
    decision = decide(user, "audit.view")
    print(f"database: {connection.vendor}; filling the log with {args.records} records ...", flush=True)
    done = AuditRecord.objects.count()
    while done < args.records:
        batch = min(5000, args.records - done)
        write(
            actor=user,
            role=decision.role,
            doel=decision.purpose,
            verwerking=decision.activity,
            entries=[Entry("lezen", "signaal", str(i), f"betrokkene:{i}") for i in range(batch)],
        )
        done += batch

    print(f"{'operation':48} {'median ms':>10} {'p95 ms':>10}")
    for n in (1, 25, 100):
        entries = [Entry("lezen", "signaal", "1", f"betrokkene:{i}") for i in range(n)]
        med, p95 = timed(
            lambda e=entries: write(
                actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=e
            ),
            args.repeat,
        )
        print(f"{f'audit write, {n} entries':48} {med:10.2f} {p95:10.2f}")

    # The register version each record names: cached per process, reloaded only after a new version.
    from schakelpunt.verwerkingen import register

    one = [Entry("lezen", "signaal", "1", "betrokkene:1")]

    def uncached():
        register.forget()
        write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=one)

    med, p95 = timed(uncached, args.repeat)
    print(f"{'audit write, 1 entry, register re-read (no cache)':48} {med:10.2f} {p95:10.2f}")

    client = login(Client(), user)
    # The home page writes no audit entry; the access-log search writes one (and reads 50 rows).
    med, p95 = timed(lambda: client.get("/"), args.repeat)
    print(f"{'GET / (no audit write)':48} {med:10.2f} {p95:10.2f}")
    med, p95 = timed(lambda: client.get("/toegangslog/", {"gebruiker": "bench-fg"}), args.repeat)
    print(f"{'GET /toegangslog/ (1 audit write + search)':48} {med:10.2f} {p95:10.2f}")

    start = time.perf_counter()
    result = verify_chain()
    print(f"verify_audit over {result.checked} records: {time.perf_counter() - start:.1f} s, ok={result.ok}")

    # The log's own retention: seal everything so far as one period, destroy it, verify the rest.
    from django.utils import timezone

    from schakelpunt.audit import perioden

    start = time.perf_counter()
    periode = perioden.seal(tot=timezone.now(), door="bench")
    print(f"seal a period of {periode.aantal} records: {time.perf_counter() - start:.1f} s")
    write(actor=user, role=decision.role, doel=decision.purpose, verwerking=decision.activity, entries=one * 10)
    start = time.perf_counter()
    perioden.start_destruction(periode, door="bench")
    while perioden.purge_chunk(periode):
        pass
    perioden.finish_destruction(periode)
    print(f"destroy that period (chunks of 1000): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    result = verify_chain()
    print(f"verify_audit after it ({result.checked} records left): {time.perf_counter() - start:.2f} s, ok={result.ok}")


if __name__ == "__main__":
    main()
