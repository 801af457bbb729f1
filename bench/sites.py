"""`make bench`, several bodies: 400 sites with 5 channels each on one installation.

Builds the demo in a throw-away production-like site (as `bench/run.py` does),
measures it as a 1-site installation, then seeds bodies (`bench/seed_sites.py`):
the first through `import_data(..., site=)`, the others as bulk copies of it.
Prints one Markdown table, side by side in one run:

a) queries (and HTML size, median render) of the home page, imprint, channel
   index, usage concept and a channel page: the demo site alone and among all
   bodies; the first body when it is the second site and among all bodies;
b) `run_checks(site)` for one body: queries and seconds, against the budget of
   `tests/compliance` (30 queries over 2,000 channels);
c) `run_checks(None)` at 1/8, 1/4, 1/2 and all of the bodies: seconds, queries,
   per site, and how the time grows against the number of sites;
d) importing a body's concept into a new empty site, seconds per channel (in a
   transaction that is rolled back, so the installation keeps its size).

Environment: BENCH_SITES (400) bodies, BENCH_SITE_CHANNELS (5) channels each,
BENCH_REPEATS (15; a third of it, at least 3, renders per page for the median),
BENCH_SITES_RESULTS (a path: also write the figures there as JSON).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common


SITES = int(os.environ.get("BENCH_SITES", "400"))
CHANNELS = int(os.environ.get("BENCH_SITE_CHANNELS", "5"))
REPEATS = max(3, int(os.environ.get("BENCH_REPEATS", "15")) // 3)
CHECK_BUDGET = 30  # tests/compliance: run_checks() over 2,000 channels
IMPORT_TARGET = 1.0  # seconds per channel
STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def steps(total: int) -> list[int]:
    """The installation sizes of part c: 1/8, 1/4, 1/2 and all of `total`."""
    return sorted({n for n in (total // 8, total // 4, total // 2, total) if n > 0})


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# --- measuring ---------------------------------------------------------------------------


def site_pages(site) -> dict[str, str]:
    """The five public pages of a body, as paths below its root."""
    from wagtail.models import Page

    from smgovernance.models import (
        ChannelIndexPage,
        ChannelProfilePage,
        ImprintPage,
        UsageConceptPage,
    )
    from smgovernance.rules.stages import PUBLIC_STAGES

    root = site.root_page

    def first(queryset) -> Page | None:
        return queryset.live().descendant_of(root).order_by("path").first()

    pages = {
        "home": root,
        "imprint": first(ImprintPage.objects.all()),
        "channel index": first(ChannelIndexPage.objects.all()),
        "usage concept": first(UsageConceptPage.objects.all()),
        "channel": first(ChannelProfilePage.objects.filter(stage__in=PUBLIC_STAGES)),
    }
    return {
        label: "/" + page.url_path[len(root.url_path) :]
        for label, page in pages.items()
        if page is not None
    }


def measure_pages(site) -> dict[str, dict]:
    """Per page: status, queries and HTML bytes of a warm request, median ms.

    Page cache off (every request renders), fragment cache on, as in `run.py`.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=site.hostname, raise_request_exception=False)
    results: dict[str, dict] = {}
    times: dict[str, list[float]] = {}
    with override_settings(SMGOVERNANCE_CACHE_ENABLED=False):
        paths = site_pages(site)
        for label, path in paths.items():
            for _ in range(2):  # warm-up: settings rows, fragments, site paths
                client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            results[label] = {
                "url": path,
                "status": response.status_code,
                "queries": len(queries),
                "html_bytes": len(response.content),
            }
            times[label] = []
        for _ in range(REPEATS):  # interleaved: a load spike hits every page alike
            for label, path in paths.items():
                started = time.perf_counter()
                client.get(path)
                times[label].append(time.perf_counter() - started)
    for label, entry in results.items():
        entry["median_ms"] = round(statistics.median(times[label]) * 1000, 1)
    return results


def measure_checks(site, warm: bool = True) -> dict:
    """`run_checks(site)` (None: the whole installation): queries, seconds, findings."""

    from smgovernance.compliance import run_checks

    if warm:
        run_checks(site)
    started = time.perf_counter()
    with common.count_queries() as count:
        findings = run_checks(site)
    return {
        "queries": count[0],
        "seconds": round(time.perf_counter() - started, 3),
        "findings": len(findings),
    }


def measure_import(source, number: int) -> dict:
    """Import `source`'s concept into a new empty site, timed; then roll it all back."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from bench import seed_sites
    from smgovernance.concept_io import export_data, import_data

    data = seed_sites.strip_register_ids(export_data(site=source))
    with transaction.atomic():
        home = seed_sites.new_root(number)
        site = Site.objects.create(
            hostname=seed_sites.HOSTNAME.format(number=number), port=80, root_page=home
        )
        seed_sites.helper_pages(home, source)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            result = import_data(data, site=site)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()
    channels = result.counts.get("channels", 0)
    return {
        "channels": channels,
        "seconds": round(seconds, 2),
        "queries": len(queries),
        "seconds_per_channel": round(seconds / max(channels, 1), 3),
    }


def installation() -> dict:
    from wagtail.models import Site

    from smgovernance.models import ChannelProfilePage

    return {
        "sites": Site.objects.count(),
        "channels": ChannelProfilePage.objects.count(),
    }


# --- the table ---------------------------------------------------------------------------


def same(a: object, b: object) -> str:
    return "met" if a == b else "**not met**"


def page_rows(name: str, small: dict, large: dict) -> list:
    rows = []
    for label, s in small.items():
        g = large.get(label, {})
        rows.append(
            (
                f"a) queries: {name}, {label} ({s['url']})",
                str(s["queries"]) if s["status"] == 200 else f"HTTP {s['status']}",
                str(g.get("queries"))
                if g.get("status") == 200
                else f"HTTP {g.get('status')}",
                "same",
                same((s["status"], s["queries"]), (g.get("status"), g.get("queries"))),
            )
        )
    for label, s in small.items():
        g = large.get(label, {})
        rows.append(
            (
                f"a) HTML kB · median render ms: {name}, {label}",
                f"{s['html_bytes'] / 1024:.1f} · {s['median_ms']}",
                f"{g.get('html_bytes', 0) / 1024:.1f} · {g.get('median_ms')}",
                "",
                "",
            )
        )
    return rows


def check_row(name: str, small: dict, large: dict) -> tuple:
    return (
        f"b) run_checks(site), {name}: queries · s · findings",
        f"{small['queries']} · {small['seconds']} · {small['findings']}",
        f"{large['queries']} · {large['seconds']} · {large['findings']}",
        f"≤ {CHECK_BUDGET} queries, flat",
        "met"
        if max(small["queries"], large["queries"]) <= CHECK_BUDGET
        and small["queries"] == large["queries"]
        else "**not met**",
    )


def import_row(small: dict, large: dict) -> tuple:
    worst = max(small["seconds_per_channel"], large["seconds_per_channel"])
    return (
        "d) import into a new empty site: channels · s · queries · s per channel",
        " · ".join(
            str(small[k])
            for k in ("channels", "seconds", "queries", "seconds_per_channel")
        ),
        " · ".join(
            str(large[k])
            for k in ("channels", "seconds", "queries", "seconds_per_channel")
        ),
        f"< {IMPORT_TARGET:g} s per channel",
        "met" if worst < IMPORT_TARGET else "**not met**",
    )


def growth_table(runs: list[dict]) -> str:
    """Part c: run_checks(None) per installation size, per site and per added site."""
    lines = [
        "| c) run_checks(None): sites | channels | s | queries | findings "
        "| s per site | queries per site | s per added site |",
        "|---|---|---|---|---|---|---|---|",
    ]
    previous = None
    for run in runs:
        sites, seconds = run["sites"], run["seconds"]
        added = (
            f"{(seconds - previous['seconds']) / (sites - previous['sites']):.4f}"
            if previous
            else "–"
        )
        lines.append(
            f"| {sites} | {run['channels']} | {seconds} | {run['queries']} "
            f"| {run['findings']} | {seconds / sites:.4f} "
            f"| {run['queries'] / sites:.1f} | {added} |"
        )
        previous = run
    first, last = runs[1] if len(runs) > 2 else runs[0], runs[-1]
    lines.append("")
    lines.append(
        f"From {first['sites']} to {last['sites']} sites (× "
        f"{last['sites'] / first['sites']:.1f}): time × "
        f"{last['seconds'] / max(first['seconds'], 1e-9):.1f}, queries × "
        f"{last['queries'] / max(first['queries'], 1):.1f}."
    )
    return "\n".join(lines)


def markdown(rows: list[tuple], small: str, large: str) -> str:
    header = ("figure", small, large, "target", "met")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- the run -----------------------------------------------------------------------------


def main() -> int:
    workdir = common.prepare_environment()
    # One client renders every page many times: the per-client limits would answer 429.
    os.environ["BENCH_RATELIMIT"] = "off"
    # The bodies answer at body-N.localhost.
    os.environ["DJANGO_ALLOWED_HOSTS"] += ",.localhost"
    figures: dict = {"load_average_before": load_average()}
    try:
        log(f"Building the demo in {workdir} ...")
        common.setup_django_site()
        from wagtail.models import Site

        from bench import seed_sites

        demo = Site.objects.get(is_default_site=True)
        log("[1 site] pages, run_checks(site), run_checks(None) ...")
        one = {
            "installation": installation(),
            "demo_pages": measure_pages(demo),
            "demo_checks": measure_checks(demo),
        }
        all_checks = [{**installation(), **measure_checks(None, warm=False)}]
        log(f"[2 sites] importing the first body ({CHANNELS} channels) ...")
        started = time.perf_counter()
        first = seed_sites.seed(demo, 1, CHANNELS)[0]
        figures["first_import_seconds"] = round(time.perf_counter() - started, 2)
        two = {
            "installation": installation(),
            "body_pages": measure_pages(first),
            "body_checks": measure_checks(first),
            "import": measure_import(first, SITES + 1),
        }
        seeding = []
        for size in steps(SITES):
            log(f"[{size} bodies] copying ...")
            before = len(seed_sites.seeded_sites())
            started = time.perf_counter()
            sites = seed_sites.seed(demo, size, CHANNELS)
            seconds = time.perf_counter() - started
            seeding.append(
                {
                    "bodies": size,
                    "copied": size - before,
                    "seconds": round(seconds, 1),
                    "per_site": round(seconds / max(size - before, 1), 3),
                }
            )
            log(f"[{size} bodies] run_checks(None) ...")
            all_checks.append({**installation(), **measure_checks(None, warm=False)})
        log(f"[{SITES} bodies] pages, run_checks(site), import ...")
        last = sites[-1]
        many = {
            "installation": installation(),
            "demo_pages": measure_pages(demo),
            "body_pages": measure_pages(first),
            "last_pages": measure_pages(last),
            "demo_checks": measure_checks(demo),
            "body_checks": measure_checks(first),
            "last_checks": measure_checks(last),
            "import": measure_import(first, SITES + 1),
        }
        figures.update(
            one=one, two=two, many=many, all_checks=all_checks, seeding=seeding
        )
        figures["load_average_after"] = load_average()
        print_report(figures)
        if path := os.environ.get("BENCH_SITES_RESULTS"):
            Path(path).write_text(
                json.dumps(figures, indent=2, ensure_ascii=False, default=str)
            )
        return 0
    finally:
        common.cleanup(workdir)


def print_report(figures: dict) -> None:
    from bench.seed_sites import SLUG

    one, two, many = figures["one"], figures["two"], figures["many"]
    n = many["installation"]["sites"]
    rows = page_rows("demo site", one["demo_pages"], many["demo_pages"])
    rows += page_rows("body 1", two["body_pages"], many["body_pages"])
    rows.append(check_row("demo site", one["demo_checks"], many["demo_checks"]))
    rows.append(check_row("body 1", two["body_checks"], many["body_checks"]))
    rows.append(import_row(two["import"], many["import"]))
    last = figures["many"]["last_pages"]
    differing = [
        label
        for label, entry in last.items()
        if entry.get("queries") != many["body_pages"].get(label, {}).get("queries")
    ]
    print()
    print(
        markdown(
            rows,
            "1 site (demo) / 2 sites (body 1)",
            f"{n} sites, {many['installation']['channels']:,} channels",
        )
    )
    print()
    print(growth_table(figures["all_checks"]))
    print()
    print(
        f"Last body ({SLUG.format(number=n - 1)}): pages with other "
        f"query counts than body 1: {differing or 'none'}; run_checks(site): "
        f"{many['last_checks']['queries']} queries, {many['last_checks']['seconds']} s."
    )
    first = figures["first_import_seconds"]
    copies = " · ".join(
        f"{s['bodies']}: {s['copied']} in {s['seconds']} s ({s['per_site']} s/site)"
        for s in figures["seeding"]
    )
    print(f"Seeding: first body imported in {first} s; copies up to {copies}.")
    print(
        f"Load average {figures['load_average_before']} → "
        f"{figures['load_average_after']} ({os.cpu_count()} CPUs)."
    )


if __name__ == "__main__":
    sys.exit(main())
