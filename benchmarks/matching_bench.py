"""Benchmark of person matching (subjecten): quality, interactive lookup and batch deduplication, next to Splink.

For each size (the number of stored person records, i.e. Persoon rows) and each database:

1. ``benchmarks/population.py`` generates a synthetic Dutch population with known truth; its
   stored records are written as the import CSV and loaded with the real ``import_persons``
   command into a fresh database (SQLite file in /tmp, or a throw-away PostgreSQL database).
2. The real ``manage.py find_duplicates`` runs in its own process under ``/usr/bin/time``
   (wall time and peak RSS); its pairs.csv is scored against the truth: precision, recall
   and F1 of the pairs with decision "match" (score >= MATCH_THRESHOLD) and of "match or
   possible" (every pair written, score >= POSSIBLE_THRESHOLD).
3. Query records (new reports: some of a stored person, some of a person who has no stored
   record) are resolved through ``subjecten.services.persoon_zoeken``, the function the web
   request calls for each betrokkene of a new signal (blocking keys -> one indexed lookup in
   PersoonSleutel -> engine.match_one -> the matched Persoon). Reported: median and p95 per
   person and per 3-person signal, the false-link rate on queries without a true match (any
   "match" decision), and how often a query with a true match is linked to the right record.
4. Splink (DuckDB backend, offline) deduplicates the same CSV with a configuration trained
   without labels (random sampling for u, EM for m); its pairs are scored on the same truth.

The thresholds of both are fixed beforehand, never tuned on the labels: ours are those in
``schakelpunt/matching/score.py`` (0.98 / 0.5); Splink's "match" is match_probability >= 0.98
and its "possible" >= 0.5, to mirror them.

    .venv/bin/pip install --require-hashes -r requirements/bench.txt     # splink, duckdb
    .venv/bin/python benchmarks/matching_bench.py                          # 10 000, both DBs
    .venv/bin/python benchmarks/matching_bench.py --sizes 10000 100000 1000000 --db both

PostgreSQL: 127.0.0.1:5432, user postgres, trust auth; the database sp_bench_matching is
dropped and created per run. Files go to /tmp/sp_matching_bench/<size>/; results to
benchmarks/results/matching_*.json (gitignored) and stdout; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import pickle
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/sp_matching_bench")
PG_DB = "sp_bench_matching"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
RESULTS = ROOT / "benchmarks" / "results"
MATCH, POSSIBLE = 0.98, 0.5  # the thresholds of score.py, checked against it at start-up
SPLINK_MATCH, SPLINK_POSSIBLE = 0.98, 0.5


GENERATOR = ["nl"]  # set from --generator: population.py ("nl") or population_intl.py ("intl")


def _work(size: int) -> Path:
    return WORK / (str(size) if GENERATOR[0] == "nl" else f"{GENERATOR[0]}_{size}")


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _sqlite_path(size: int) -> Path:
    return Path(f"/tmp/sp_bench_matching_{size}.sqlite3")


def _child_env(db: str, size: int) -> dict:
    env = dict(os.environ, SCHAKELPUNT_MODE="test", LOG_LEVEL="ERROR", DJANGO_SETTINGS_MODULE="schakelpunt.settings")
    env["DATABASE_URL"] = f"sqlite:///{_sqlite_path(size)}" if db == "sqlite" else PG_URL
    env["PYTHONPATH"] = str(ROOT)
    return env


def _prepare_database(db: str, size: int) -> None:
    _drop_database(db, size)
    if db == "sqlite":
        return
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {PG_DB}")


def _database_exists(db: str, size: int) -> bool:
    if db == "sqlite":
        return _sqlite_path(size).exists()
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_DB]).fetchone() is not None


def _drop_database(db: str, size: int) -> None:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{_sqlite_path(size)}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")


# --- The data set: generated once per size, shared by our engine and Splink -------------------


def _csv_row(rec, fixes: Counter, land: str = "NL", street: tuple[str, str] = ("", "")) -> list[str]:
    """A PersonRecord as one row of the import CSV (what a migration from a source system would hold)."""
    from django.core.exceptions import ValidationError

    from schakelpunt.signalen import validators

    d = rec.geboortedatum
    if d is None or d.year is None:
        dob = ""
    else:
        if d.estimated:
            fixes["geschatte geboortedatum als jaar"] += 1
        dob = f"{d.year:04d}"
        if d.month and not d.estimated:
            dob += f"-{d.month:02d}"
            if d.day:
                try:
                    validators.parse_geboortedatum(f"{dob}-{d.day:02d}")
                    dob += f"-{d.day:02d}"
                except ValidationError:  # 31 February: keep what can be true, as a data clean-up would
                    fixes["onmogelijke datum als jaar-maand"] += 1
    bsn = rec.bsn or ""
    if bsn:
        try:
            validators.clean_bsn(bsn)
        except ValidationError:
            fixes["ongeldig BSN leeggemaakt"] += 1
            bsn = ""
    nummer = ""
    if rec.huisnummer is not None:
        nummer = f"{rec.huisnummer}{rec.huisletter or ''}"
        if rec.toevoeging:
            nummer += f"-{rec.toevoeging}"
    telefoon = rec.telefoon[0] if rec.telefoon else ""
    if telefoon:
        try:
            validators.clean_telefoon(telefoon)
        except ValidationError:
            fixes["ongeldig telefoonnummer leeggemaakt"] += 1
            telefoon = ""
    postcode = rec.postcode or ""
    if land == "NL" and postcode and validators.normalize_postcode(postcode) is None:
        fixes["ongeldige postcode leeggemaakt"] += 1
        postcode = ""
    return [
        rec.ref,
        rec.voornamen,
        rec.voorvoegsel,
        rec.geslachtsnaam,
        dob,
        bsn,
        street[0],
        nummer,
        postcode,
        street[1],
        land,
        telefoon,
    ]


def _query_record(rec):
    """A query as the web request sees a betrokkene (services.betrokkene_record): no sex, one phone."""
    return dataclasses.replace(rec, geslacht=None, telefoon=rec.telefoon[:1])


def build_dataset(size: int, seed: int, max_queries: int, generator: str = "nl") -> dict:
    """Generate a population with exactly ``size`` stored records; write the CSV and the queries."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakelpunt.settings")
    os.environ.setdefault("SCHAKELPUNT_MODE", "test")
    if generator == "intl":
        import population_intl as population
    else:
        import population

    out = _work(size)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    n_persons = int(size / 1.45) + 100
    while True:
        pop = population.generate(n_persons, seed)
        if len(pop.records) >= size:
            break
        n_persons = int(n_persons * 1.05) + 100
    records = pop.records[:size]
    kept = {pop.truth[r.ref] for r in records}
    persons = {p.eid: p for p in pop.persons}
    # A query of a person whose records fell off the end would be a "no match" query that
    # is not one by design: drop it. Held-out persons stay (they never had records).
    queries = [q for q in pop.queries if pop.truth[q.ref] in kept or pop.truth[q.ref] not in pop.stored_entities]
    with_match = [q for q in queries if pop.truth[q.ref] in kept]
    no_match = [q for q in queries if pop.truth[q.ref] not in kept]
    rng = random.Random(seed + 7)
    sample_with = rng.sample(with_match, min(max_queries, len(with_match)))
    sample_no = rng.sample(no_match, min(max_queries, len(no_match)))
    timed = sample_with + sample_no
    rng.shuffle(timed)
    query_info = [
        {
            "record": _query_record(q),
            "entity": pop.truth[q.ref],
            "has_match": pop.truth[q.ref] in kept,
            "hard": bool(persons[pop.truth[q.ref]].tags),
        }
        for q in timed
    ]
    fixes: Counter = Counter()
    import django

    django.setup()
    from schakelpunt.subjecten.bulk import IMPORT_KOLOMMEN

    with open(out / "persons.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(IMPORT_KOLOMMEN)
        lands, streets = getattr(pop, "land", {}), getattr(pop, "streets", {})
        for rec in records:
            w.writerow(_csv_row(rec, fixes, lands.get(rec.ref, "NL"), streets.get(rec.ref, ("", ""))))
    truth = {r.ref: pop.truth[r.ref] for r in records}
    with open(out / "queries.pkl", "wb") as fh:
        pickle.dump(query_info, fh)
    info = {
        "size": size,
        "persons_generated": len(pop.persons),
        "stored_records": len(records),
        "stored_persons": len(kept),
        "queries_total": len(queries),
        "queries_with_match": len(with_match),
        "queries_without_match": len(no_match),
        "queries_timed": len(query_info),
        "csv_fixes": dict(fixes),
        "generate_seconds": round(time.perf_counter() - started, 1),
    }
    del pop, records, queries, with_match, no_match
    return {"info": info, "truth": truth}


def true_pairs(truth: dict[str, int]) -> set[tuple[str, str]]:
    by_entity: dict[int, list[str]] = {}
    for ref, eid in truth.items():
        by_entity.setdefault(eid, []).append(ref)
    pairs = set()
    for refs in by_entity.values():
        if len(refs) > 1:
            refs.sort()
            for i in range(len(refs)):
                for j in range(i + 1, len(refs)):
                    pairs.add((refs[i], refs[j]))
    return pairs


def prf(found: set, true: set) -> dict:
    hit = len(found & true)
    p = hit / len(found) if found else 1.0
    r = hit / len(true) if true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "pairs": len(found), "true_found": hit}


def threshold_curve(scored: dict, true: set, precisions: tuple[float, ...] = ()) -> dict:
    """What a threshold on ``scored`` (pair -> score) could give, knowing the labels: the best F1
    (with its threshold, precision, recall and number of pairs), and the highest recall at each
    precision in ``precisions``. A threshold cannot split pairs with the same score, so the figures
    are taken only between distinct scores."""
    hits = found = 0
    best = {"f1": 0.0, "threshold": None, "precision": 0.0, "recall": 0.0, "pairs": 0}
    recall_at = dict.fromkeys(precisions, 0.0)
    for score, tied in groupby(sorted(scored.items(), key=lambda kv: -kv[1]), key=lambda kv: kv[1]):
        for pair, _ in tied:
            found += 1
            hits += pair in true
        p, r = hits / found, hits / len(true) if true else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best["f1"]:
            best = {"f1": f, "threshold": score, "precision": p, "recall": r, "pairs": found}
        for target in precisions:
            if p >= target and r > recall_at[target]:
                recall_at[target] = r
    return {**best, "recall_at": recall_at}


def score_pairs(path: Path, truth: dict, true: set, col_a: str, col_b: str, col_s: str, match: float) -> dict:
    matched, possible, twins = set(), set(), set()
    scored: dict[tuple[str, str], float] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            a, b = row[col_a], row[col_b]
            if a not in truth or b not in truth:
                continue
            pair = (a, b) if a < b else (b, a)
            if row.get("toelichting") == "mogelijk tweeling":
                # Listed below the other pairs for a person to judge; counted apart.
                twins.add(pair)
                continue
            score = float(row[col_s])
            scored[pair] = max(score, scored.get(pair, 0.0))
            (matched if score >= match else possible).add(pair)
    # For information only, because it looks at the labels: the best F1 that any single
    # threshold (at or above "possible") would have given on these pairs.
    c = threshold_curve(scored, true)
    best: dict = {"f1": 0.0, "threshold": None}
    if c["f1"] > 0:
        best = {"f1": round(c["f1"], 4), "threshold": c["threshold"]}
        best.update(precision=round(c["precision"], 4), recall=round(c["recall"], 4))
    return {
        "match": prf(matched, true),
        "match_or_possible": prf(matched | possible, true),
        "mogelijk_tweeling": {"listed": len(twins), "one_person": len(twins & true)},
        "match_or_possible_or_twin": prf(matched | possible | twins, true),
        "oracle_best_threshold": best,
    }


def _timed(cmd: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """Run cmd under /usr/bin/time; (wall seconds, peak RSS in MB, stdout). Raises on failure."""
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "__TIME__ %e %M", *cmd], env=env, cwd=ROOT, capture_output=True, text=True
    )
    line = next((ln for ln in reversed(proc.stderr.splitlines()) if ln.startswith("__TIME__")), None)
    if proc.returncode or line is None:
        raise RuntimeError(f"{cmd[:4]} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    _, secs, kb = line.split()
    return float(secs), round(int(kb) / 1024), proc.stdout


def _child(mode: str, db: str, size: int, extra: list[str] = ()) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--size", str(size), "--generator", GENERATOR[0], *extra],
        env=_child_env(db, size),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode or line is None:
        raise RuntimeError(f"child {mode} on {db} failed:\n{proc.stdout[-3000:]}")
    return json.loads(line[len("RESULT ") :])


# --- Children: run inside Django with DATABASE_URL set ----------------------------------------


def child_import(size: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from schakelpunt.subjecten.models import Persoon, PersoonSleutel

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("import_persons", str(_work(size) / "persons.csv"), stdout=sys.stderr, stderr=sys.stderr)
    seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    return {
        "import_seconds": round(seconds, 1),
        "persons": Persoon.objects.count(),
        "keys": PersoonSleutel.objects.count(),
        "db_version": connection.cursor().connection.info.server_version
        if connection.vendor == "postgresql"
        else __import__("sqlite3").sqlite_version,
    }


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * len(values))) - 1))]


def child_resolve(size: int) -> dict:
    import django

    django.setup()
    from django.db import reset_queries

    from schakelpunt.matching import engine
    from schakelpunt.matching.model import MATCH as M
    from schakelpunt.subjecten import services
    from schakelpunt.subjecten.models import Persoon

    with open(_work(size) / "queries.pkl", "rb") as fh:
        queries = pickle.load(fh)  # noqa: S301 (written by this run)
    entity_of_pk = {}
    with open(_work(size) / "truth.pkl", "rb") as fh:
        truth = pickle.load(fh)  # noqa: S301 (written by this run)
    for pk, ref in Persoon.objects.values_list("pk", "import_ref").iterator(chunk_size=50000):
        entity_of_pk[pk] = truth.get(ref)
    del truth

    # Warm-up: the first queries pay for connection set-up and cold caches.
    for q in queries[:50]:
        services.persoon_zoeken(q["record"])
    per_person, per_signal = [], []
    false_link = no_match = hard_no = hard_false = 0
    with_match = linked_right = linked_wrong = found = shown_no = 0
    candidates_per_query = []
    for start in range(0, len(queries) - 2, 3):
        signal_started = time.perf_counter()
        for q in queries[start : start + 3]:
            t0 = time.perf_counter()
            res = services.persoon_zoeken(q["record"])
            per_person.append((time.perf_counter() - t0) * 1000)
            ids = {k.persoon_id for k in res.mogelijk} | ({res.persoon.pk} if res.persoon else set())
            auto = [k for k in ([res.kandidaat] if res.kandidaat else []) + res.mogelijk if k.beslissing == M]
            if q["has_match"]:
                with_match += 1
                if res.persoon is not None:
                    if entity_of_pk.get(res.persoon.pk) == q["entity"]:
                        linked_right += 1
                    else:
                        linked_wrong += 1
                if any(entity_of_pk.get(i) == q["entity"] for i in ids):
                    found += 1
            else:
                no_match += 1
                hard_no += q["hard"]
                if auto:
                    false_link += 1
                    hard_false += q["hard"]
                if ids:
                    shown_no += 1
        per_signal.append((time.perf_counter() - signal_started) * 1000)
        reset_queries()

    # A 3-person signal as signaal_betrokkenen_koppelen looks it up: one batched candidate lookup
    # for the three records (personen_kandidaten), then each one's decision (and matched person).
    per_signal_batch = []
    for start in range(0, len(queries) - 2, 3):
        t0 = time.perf_counter()
        trio = services.personen_kandidaten([q["record"] for q in queries[start : start + 3]])
        for kandidaten in trio:
            services._zoekresultaat(kandidaten)
        per_signal_batch.append((time.perf_counter() - t0) * 1000)
        reset_queries()

    # Where the time goes: the database lookup alone, and how many candidates it returns.
    lookup_ms = []
    for q in queries[: min(len(queries), 1000)]:
        keys = engine.blocking_keys(q["record"])
        t0 = time.perf_counter()
        rows = services._kandidaten_laden(services._kandidaat_ids(keys))
        lookup_ms.append((time.perf_counter() - t0) * 1000)
        candidates_per_query.append(len(rows))

    return {
        "queries": len(per_person),
        "per_person_ms": {
            "median": round(statistics.median(per_person), 2),
            "p95": round(_pct(per_person, 0.95), 2),
            "p99": round(_pct(per_person, 0.99), 2),
            "max": round(max(per_person), 1),
        },
        "per_signal_3_ms": {
            "median": round(statistics.median(per_signal), 2),
            "p95": round(_pct(per_signal, 0.95), 2),
        },
        "per_signal_3_batched_ms": {
            "median": round(statistics.median(per_signal_batch), 2),
            "p95": round(_pct(per_signal_batch, 0.95), 2),
            "p99": round(_pct(per_signal_batch, 0.99), 2),
        },
        "lookup_only_ms": {"median": round(statistics.median(lookup_ms), 2), "p95": round(_pct(lookup_ms, 0.95), 2)},
        "candidates": {
            "median": statistics.median(candidates_per_query),
            "p95": _pct(candidates_per_query, 0.95),
            "max": max(candidates_per_query),
        },
        "no_match_queries": no_match,
        "false_links": false_link,
        "false_link_rate": round(false_link / max(1, no_match), 4),
        "false_links_twins_namesakes": f"{hard_false} of {hard_no}",
        "no_match_shown_as_candidate": round(shown_no / max(1, no_match), 4),
        "with_match_queries": with_match,
        "linked_to_right_person": round(linked_right / max(1, with_match), 4),
        "linked_to_wrong_person": round(linked_wrong / max(1, with_match), 4),
        "true_person_among_results": round(found / max(1, with_match), 4),
    }


def child_splink(size: int, max_pairs_u: float) -> dict:
    """Splink 5 on DuckDB: standardise, train without labels, predict; pairs to splink_pairs.csv."""
    import duckdb
    import splink
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    out = _work(size)
    timings = {}
    t0 = time.perf_counter()
    con = duckdb.connect()
    # Light standardisation, as any Splink user would do: lower case, no accents or
    # punctuation, tussenvoegsel joined to the surname, the first given name, ISO dates.
    con.execute(
        f"""
        CREATE TABLE persons AS
        WITH raw AS (SELECT * FROM read_csv('{out / "persons.csv"}', header=true, all_varchar=true)),
        clean AS (
          SELECT ref,
            trim(regexp_replace(lower(strip_accents(coalesce(voornamen, ''))), '[^a-z]+', ' ', 'g')) AS gn,
            regexp_replace(lower(strip_accents(coalesce(voorvoegsel, '') || ' ' || coalesce(geslachtsnaam, ''))),
                           '[^a-z]+', '', 'g') AS sn,
            geboortedatum AS dob_raw,
            nullif(bsn, '') AS bsn,
            nullif(upper(replace(coalesce(postcode, ''), ' ', '')), '') AS postcode,
            nullif(upper(replace(coalesce(huisnummer, ''), ' ', '')), '') AS nr,
            nullif(regexp_replace(lower(strip_accents(coalesce(straat, ''))), '[^a-z]+', '', 'g'), '') AS street,
            nullif(right(regexp_replace(coalesce(telefoon, ''), '[^0-9]', '', 'g'), 9), '') AS phone
          FROM raw)
        SELECT ref AS unique_id,
          nullif(split_part(gn, ' ', 1), '') AS first_name,
          nullif(sn, '') AS surname,
          CASE WHEN length(dob_raw) = 10 THEN dob_raw END AS dob,
          nullif(left(coalesce(dob_raw, ''), 4), '') AS birth_year,
          bsn, postcode,
          CASE WHEN nr IS NOT NULL THEN coalesce(postcode, street) || '|' || nr END AS address,
          phone
        FROM clean
        """  # noqa: S608 (our own path)
    )
    timings["load_seconds"] = round(time.perf_counter() - t0, 1)
    db_api = DuckDBAPI(con)
    df = db_api.register("persons")
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.CustomComparison(
                output_column_name="address",
                comparison_levels=[
                    cll.NullLevel("address"),
                    cll.ExactMatchLevel("address"),
                    cll.ExactMatchLevel("postcode"),
                    cll.ElseLevel(),
                ],
            ),
            cl.ExactMatch("bsn"),
            cl.ExactMatch("phone"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname", "birth_year"),
            block_on("first_name", "surname"),
            block_on("dob"),
            block_on("bsn"),
            block_on("address"),
            block_on("phone"),
        ],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )
    t1 = time.perf_counter()
    linker = Linker(df, settings, log_level="WARNING")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("bsn"), block_on("first_name", "surname", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs_u, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
    timings["train_seconds"] = round(time.perf_counter() - t1, 1)
    t2 = time.perf_counter()
    pred = linker.inference.predict(threshold_match_probability=SPLINK_POSSIBLE)
    pairs_csv = out / "splink_pairs.csv"
    pred.as_duckdbpyrelation().select("unique_id_l, unique_id_r, match_probability").write_csv(str(pairs_csv))
    timings["predict_seconds"] = round(time.perf_counter() - t2, 1)
    timings["total_seconds"] = round(time.perf_counter() - t0, 1)
    timings["lambda"] = linker._settings_obj._probability_two_random_records_match
    timings["splink_version"] = splink.__version__
    timings["duckdb_version"] = duckdb.__version__
    timings["maxrss_mb_self"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return timings


# --- The parent -------------------------------------------------------------------------------


def run_size(size: int, dbs: list[str], args, results: dict, save) -> None:
    _log(f"size {size}: generating")
    data = build_dataset(size, args.seed, args.max_queries, args.generator)
    truth = data["truth"]
    with open(_work(size) / "truth.pkl", "wb") as fh:
        pickle.dump(truth, fh)
    true = true_pairs(truth)
    entry = results.setdefault(str(size), {})
    entry["data"] = {**data["info"], "true_pairs": len(true)}
    _log(f"size {size}: {entry['data']}")
    save()

    if not args.no_splink and size <= args.splink_max_size:
        _log(f"size {size}: splink")
        try:
            secs, rss, out = _timed(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "splink",
                    "--size",
                    str(size),
                    "--generator",
                    GENERATOR[0],
                    "--splink-u-pairs",
                    str(args.splink_u_pairs),
                ],
                env=_child_env("sqlite", size),
            )
            line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
            sp = json.loads(line[len("RESULT ") :])
            sp.update({"wall_seconds": secs, "peak_rss_mb": rss})
            sp["quality"] = score_pairs(
                _work(size) / "splink_pairs.csv",
                truth,
                true,
                "unique_id_l",
                "unique_id_r",
                "match_probability",
                SPLINK_MATCH,
            )
        except Exception as exc:  # report, do not lose the rest of the run
            sp = {"error": str(exc)[-2000:]}
        entry["splink"] = sp
        _log(f"size {size}: splink {sp}")
        save()

    for db in dbs:
        res = entry.setdefault(db, {})
        reuse = args.reuse_db and _database_exists(db, size)
        if not reuse:
            _log(f"size {size} {db}: import")
            _prepare_database(db, size)
        try:
            if reuse:
                _log(f"size {size} {db}: reusing the database of an earlier --keep-db run (no import)")
                res["import"] = {"reused": True}
            else:
                res["import"] = _child("import", db, size)
            _log(f"size {size} {db}: {res['import']}")
            save()
            pairs = _work(size) / f"pairs_{db}.csv"
            secs, rss, stdout = _timed(
                [sys.executable, "manage.py", "find_duplicates", "--output", str(pairs)], env=_child_env(db, size)
            )
            # The command's own progress lines say how long reading took and when pairs came out.
            res["find_duplicates"] = {"wall_seconds": secs, "peak_rss_mb": rss, "progress": stdout.splitlines()[-4:]}
            res["find_duplicates"]["quality"] = score_pairs(pairs, truth, true, "ref_a", "ref_b", "score", MATCH)
            _log(f"size {size} {db}: find_duplicates {res['find_duplicates']}")
            save()
            res["resolve"] = _child("resolve", db, size)
            _log(f"size {size} {db}: resolve {res['resolve']}")
        except Exception as exc:
            res["error"] = str(exc)[-3000:]
            _log(f"size {size} {db}: FAILED {res['error']}")
        save()
        if not (args.keep_db or reuse):  # a reused database stays for the next --reuse-db
            _drop_database(db, size)


def _ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def summary(results: dict) -> str:
    lines = [
        "| persons | DB | F1 match (ours / Splink = ratio) | F1 match-or-possible (ours / Splink) | P / R match (ours) "
        "| P / R match (Splink) | false-link rate | resolve p50 / p95 per person | per 3-person signal p50 / p95 "
        "| find_duplicates time (ours / Splink = ratio) | peak memory (ours / Splink) |",
        "|---:|---|---|---|---|---|---:|---|---|---|---|",
    ]
    for size, entry in results.items():
        sp = entry.get("splink", {})
        spq = sp.get("quality", {})
        for db in ("sqlite", "postgres"):
            r = entry.get(db)
            if not r:
                continue
            fd = r.get("find_duplicates", {})
            q = fd.get("quality", {})
            rv = r.get("resolve", {})
            f1 = q.get("match", {}).get("f1")
            f1s = spq.get("match", {}).get("f1")
            f1p = q.get("match_or_possible", {}).get("f1")
            f1ps = spq.get("match_or_possible", {}).get("f1")

            def pr(x):
                m = x.get("match", {})
                return f"{m.get('precision', '–')} / {m.get('recall', '–')}"

            pp, ps = rv.get("per_person_ms", {}), rv.get("per_signal_3_ms", {})
            lines.append(
                f"| {int(size):,} | {db} | {f1} / {f1s} = {_ratio(f1, f1s)} | {f1p} / {f1ps} = {_ratio(f1p, f1ps)} "
                f"| {pr(q)} | {pr(spq)} | {rv.get('false_link_rate', '–')} "
                f"| {pp.get('median', '–')} / {pp.get('p95', '–')} ms "
                f"| {ps.get('median', '–')} / {ps.get('p95', '–')} ms "
                f"| {fd.get('wall_seconds', '–')} s / {sp.get('wall_seconds', '–')} s = "
                f"{_ratio(fd.get('wall_seconds'), sp.get('wall_seconds'))} "
                f"| {fd.get('peak_rss_mb', '–')} MB / {sp.get('peak_rss_mb', '–')} MB |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000], help="stored person records per run")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--max-queries", type=int, default=3000, help="timed queries with and without a match, each")
    parser.add_argument("--no-splink", action="store_true")
    parser.add_argument("--splink-max-size", type=int, default=10**9, help="skip Splink above this size")
    parser.add_argument("--splink-u-pairs", type=float, default=1e7, help="max_pairs for Splink's u estimation")
    parser.add_argument("--keep-db", action="store_true", help="keep the last database of each size")
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="use (and keep) the database a --keep-db run left (same size, seed and generator) instead of importing",
    )
    parser.add_argument("--json", help="results file (default benchmarks/results/matching_<time>.json)")
    parser.add_argument(
        "--generator", choices=["nl", "intl"], default="nl", help="population.py (nl) or population_intl.py (intl)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    GENERATOR[0] = args.generator
    if args.child:
        sys.path.insert(0, str(ROOT))
        if args.child == "import":
            result = child_import(args.size)
        elif args.child == "resolve":
            result = child_resolve(args.size)
        elif args.child == "splink":
            result = child_splink(args.size, args.splink_u_pairs)
        else:
            raise SystemExit(f"unknown child {args.child}")
        print("RESULT " + json.dumps(result), flush=True)
        return

    sys.path.insert(0, str(ROOT))
    from schakelpunt.matching import score

    assert (score.MATCH_THRESHOLD, score.POSSIBLE_THRESHOLD) == (MATCH, POSSIBLE), "thresholds changed"
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = Path(args.json) if args.json else RESULTS / f"matching_{time.strftime('%Y%m%d_%H%M%S')}.json"
    results: dict = {}
    meta = {
        "cpus": os.cpu_count(),
        "command": " ".join(sys.argv),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "thresholds": {"ours": [MATCH, POSSIBLE], "splink": [SPLINK_MATCH, SPLINK_POSSIBLE]},
    }

    def save() -> None:
        path.write_text(json.dumps({"meta": meta, "results": results}, indent=2, default=str))

    for size in args.sizes:
        run_size(size, dbs, args, results, save)
    meta["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    save()
    print(summary(results))
    print(f"\nresults: {path}")


if __name__ == "__main__":
    main()
