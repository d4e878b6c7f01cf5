"""The benchmarks of issue 7, in one command (nothing is asserted; targets are printed).

    python -m bench [--postgres URL] [--only requests|authz|onboarding] [options]

- requests: our endpoints through a real `yishi serve` against floor servers of the same stack,
  wrk with 32 connections, interleaved rounds, medians (SQLite; PostgreSQL with `--postgres`);
- authz: casbin decision time warm and cold, and memory per loaded tenant, 10 to 10,000 tenants;
- onboarding: `yishi tenants apply` of N copies of a demo manifest and a no-op `yishi migrate`
  (PostgreSQL only: skipped without `--postgres`).
"""

from __future__ import annotations

import argparse
import time

from bench import authz, onboarding, requests

PARTS = ("requests", "authz", "onboarding")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    p.add_argument(
        "--postgres",
        default=None,
        metavar="URL",
        help="a superuser URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres "
        "(a database and roles of random names are created and dropped)",
    )
    p.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    requests.add_arguments(p)
    authz.add_arguments(p)
    onboarding.add_arguments(p)
    return p


def cli(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    parts = args.only or list(PARTS)
    start = time.monotonic()
    try:
        if "requests" in parts:
            requests.main(args)
        if "authz" in parts:
            authz.main(args)
        if "onboarding" in parts:
            onboarding.main(args)
    except KeyboardInterrupt:
        print("\ninterrupted: servers stopped, databases and folders removed")
        raise SystemExit(130) from None
    print(f"\n(benchmark took {time.monotonic() - start:.0f} s)")


if __name__ == "__main__":
    cli()
