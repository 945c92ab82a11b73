"""Entry point of `make bench`: python -m bench.run [--regenerate] [--only sociale_kaart|engine|http|zoekkwaliteit]

Runs against bench/data/pg (its own embedded PostgreSQL) or BENCH_DATABASE_URL;
never against the development database or DATABASE_URL."""

import argparse
import os
import platform
import subprocess
import sys
import time


def zoekkwaliteit() -> None:
    """The hit rate of tests/sociale_kaart/zoeken/evaluatieset.json: the test that
    asserts it runs in its own temporary database and prints the figure."""
    uitkomst = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/sociale_kaart/zoeken/test_evaluatieset.py", "-q", "-s"]
        + ["-p", "no:cacheprovider", "-k", "at_least_95"],
        capture_output=True,
        text=True,
        check=False,
    )
    regels = [r for r in uitkomst.stdout.splitlines() if r.startswith("Evaluatieset:")]
    print("  " + (regels[0] if regels else "no figure: " + uitkomst.stdout[-500:]))


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmarks of the Armoedepact portal.")
    parser.add_argument("--regenerate", action="store_true", help="build the data set again")
    parser.add_argument("--repeat", type=int, default=20, help="requests per URL (default 20)")
    parser.add_argument("--only", choices=["sociale_kaart", "engine", "http", "zoekkwaliteit"], default=None)
    args = parser.parse_args()

    if args.only in (None, "zoekkwaliteit"):
        print("Search quality (open evaluation set on the demo data, top five):")
        zoekkwaliteit()
        print()
        if args.only == "zoekkwaliteit":
            return

    if args.only in (None, "engine"):
        from bench import bench_engine
        from bench.setup import django_opzetten, django_zonder_database

        # The engine's reasons use gettext, so Django needs settings; the full run sets
        # up the benchmark database now (once), --only engine needs no database.
        django_zonder_database() if args.only == "engine" else django_opzetten()
        print("Potjeswijzer engine (pure Python, no database):")
        bench_engine.main()
        print()
        if args.only == "engine":
            return

    from bench.setup import django_opzetten

    django_opzetten()  # does nothing the second time
    from bench import sociale_kaart_bench, sociale_kaart_data

    machine = platform.processor() or platform.machine()
    print(f"Machine: {machine}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    aanwezig = sociale_kaart_data.aanwezig()
    if args.regenerate or aanwezig < sociale_kaart_data.AANBOD:
        print(
            f"Generating the sociale kaart data set ({sociale_kaart_data.ORGANISATIES} organisaties,"
            f" {sociale_kaart_data.AANBOD} aanbod)..."
        )
        sociale_kaart_data.genereren()
    else:
        print(f"Using the existing data set ({aanwezig} aanbod). Use --regenerate to build it again.")
    start = time.perf_counter()
    if args.only in (None, "sociale_kaart"):
        print("\nSociale kaart (/hulp/), full Django stack, DEBUG off:")
        sociale_kaart_bench.draaien(herhalingen=args.repeat)
    if args.only in (None, "http"):
        from bench import http_load

        print("\nHTTP load (gunicorn, second process on loopback):")
        http_load.draaien()
    print(f"\nDone in {time.perf_counter() - start:.0f} s.")


if __name__ == "__main__":
    main()
