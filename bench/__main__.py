"""`python -m bench`: builds its data in a throwaway database and prints latencies.

Without DATABASE_URL the database is a fresh SQLite file under var/bench/; with DATABASE_URL a
throwaway test database (test_<name>) is created on that server and dropped afterwards."""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--iterations", type=int, default=30, help="requests per measurement")
    parser.add_argument("--scale", type=int, default=10, help="size of the large plan")
    parser.add_argument("--only", choices=["workplan", "documents"], help="run one benchmark")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "isu_portal.settings.test")
    throwaway_server = bool(os.environ.get("DATABASE_URL"))
    if not throwaway_server:
        bench_dir = ROOT / "var" / "bench"
        bench_dir.mkdir(parents=True, exist_ok=True)
        database = bench_dir / "bench.sqlite3"
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.DEBUG = False
    old_name = None
    if throwaway_server:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        from bench import documents, workplan

        if args.only in (None, "workplan"):
            print(f"Work plan ({args.iterations} requests each, {connection.vendor})")
            workplan.run(iterations=args.iterations, scale=args.scale)
        if args.only in (None, "documents"):
            documents.run(iterations=args.iterations)
    finally:
        if throwaway_server:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
