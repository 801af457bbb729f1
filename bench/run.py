"""`make bench`: every page type against a bare Wagtail page and a static file.

Builds a throw-away production-like site (production settings, SQLite file and
STATIC_ROOT in a temp dir), measures it with the demo content, adds channels and
videos, measures again, prints one Markdown table and writes bench/results.json.

Environment: BENCH_SECONDS (default 20) per HTTP run, BENCH_PAIRS (default and
minimum 5) interleaved cached/static pairs, BENCH_REPEATS (default 15)
renders per page for the median, BENCH_CONNECTIONS (default 32).

Figures for page types, models and features that do not exist (yet) are reported
as "n/a" with the reason; nothing is invented.
"""

import json
import os
import platform
import statistics
import sys
import time
import uuid
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common, listing, loadtool, table


SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
PAIRS = max(5, int(os.environ.get("BENCH_PAIRS", "5")))  # cached/static pairs
LISTING_CHANNELS = 20
CHANNELS, VIDEOS, CHECK_CHANNELS = 200, 50, 2000
HOSTNAME = "localhost"  # the demo Site's hostname
BARE_SLUG = "bench-bare"
RESULTS = Path(__file__).resolve().parent / "results.json"


# --- optional parts of the product ----------------------------------------------------


def optional_model(label: str):
    from django.apps import apps

    try:
        return apps.get_model(label)
    except LookupError:
        return None


def optional_attr(module: str, name: str):
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


# --- content ------------------------------------------------------------------------


def home_page():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def bare_page():
    """A HomePage with one paragraph: the reference every page type is compared with."""
    from home.models import HomePage

    home = home_page()
    page = home.get_children().filter(slug=BARE_SLUG).first()
    if page is None:
        page = HomePage(
            title="Bare",
            slug=BARE_SLUG,
            show_in_menus=False,
            body=[("paragraph", "<p>Ein Absatz.</p>")],
        )
        home.add_child(instance=page)
    return page


def suffixed(value: str, n: int) -> str:
    return f"{value.rstrip('/')}-bench-{n}"


def grow(label: str, total: int) -> str:
    """Copy the first live page of `label` until `total` exist; return a note."""
    from django.db import transaction

    model = optional_model(label)
    if model is None:
        return f"n/a: {label} not available"
    live = model.objects.live()
    count = live.count()
    template = live.order_by("path").first()
    if template is None and label == "smgovernance.ChannelProfilePage":
        template = create_channel()
        count = 1
    if template is None:
        return f"n/a: no {label} in the demo to copy"
    parent = template.get_parent()
    field_names = {f.name for f in model._meta.get_fields()}
    try:
        with transaction.atomic():
            for n in range(count, total):
                attrs = {
                    "slug": f"{template.slug}-bench-{n}",
                    "title": f"{template.title} {n}",
                }
                for name in ("profile_url", "handle"):
                    if name in field_names and getattr(template, name, ""):
                        attrs[name] = suffixed(getattr(template, name), n)
                template.copy(
                    to=parent,
                    update_attrs=attrs,
                    copy_revisions=False,
                    keep_live=True,
                    log_action=None,
                )
    except Exception as error:  # report, do not hide: the rest still runs
        return f"failed after {model.objects.live().count()}: {type(error).__name__}: {error}"
    return f"{model.objects.live().count()} live"


def create_channel():
    """A channel page from the core fields, for a demo that has none yet."""
    from smgovernance.models import ChannelIndexPage, ChannelProfilePage, Platform

    index = ChannelIndexPage.objects.live().first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home_page().add_child(instance=index)
    platform = Platform.objects.order_by("slug").first()
    host = (platform.profile_hosts.split() or ["example.org"])[0]
    page = ChannelProfilePage(
        title=f"{platform.name} (Benchmark)",
        slug=f"{platform.slug}-bench",
        platform=platform,
        profile_url=f"https://{host}/bench",
        handle="bench",
        stage="active",
    )
    index.add_child(instance=page)
    return page


# --- in-process figures ----------------------------------------------------------------


def page_urls() -> dict[str, str]:
    """One live public page per specific page type (plus embed/oEmbed when present)."""
    from wagtail.models import Page

    urls: dict[str, str] = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if page.slug == BARE_SLUG:
            continue
        label = page.specific_class._meta.label if page.specific_class else "?"
        if label not in urls:
            url = page.get_url()
            if url:
                urls[label] = urlsplit(url).path
    video = optional_model("smgovernance.VideoPage")
    if video is not None:
        first = video.objects.live().order_by("path").first()
        if first is not None:
            path = urlsplit(first.get_url()).path
            urls["embed view"] = path + "embed/"
            urls["oEmbed"] = f"/oembed/?url=http://{HOSTNAME}{path}"
    return urls


def measure_in_process() -> dict:
    """Queries and median render time per page type, page cache off, same process."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    urls = page_urls()
    bare_url = urlsplit(bare_page().get_url()).path
    targets = {**urls, "bare HomePage": bare_url}
    client = Client(HTTP_HOST=HOSTNAME, raise_request_exception=False)
    results: dict[str, dict] = {}
    times: dict[str, list[float]] = {label: [] for label in targets}
    with override_settings(SMGOVERNANCE_CACHE_ENABLED=False):
        for label, url in list(targets.items()):
            statuses = [client.get(url).status_code for _ in range(2)]  # warm up
            if statuses[-1] != 200:
                results[label] = {"url": url, "status": statuses[-1]}
                del targets[label]
                continue
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            results[label] = {
                "url": url,
                "queries": len(queries),
                "html_bytes": len(response.content),
            }
        for _ in range(REPEATS):  # interleaved, so a load spike hits all alike
            for label, url in targets.items():
                started = time.perf_counter()
                client.get(url)
                times[label].append(time.perf_counter() - started)
    bare = statistics.median(times["bare HomePage"])
    for label in targets:
        median = statistics.median(times[label])
        results[label]["median_ms"] = round(median * 1000, 2)
        results[label]["ratio"] = round(median / bare, 2)
    return results


def measure_compliance() -> dict:
    """`run_checks(site)` of the demo body: the run the dashboard and the page
    editor ask for (`run_checks()` checks each body of the installation alike)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    run_checks = optional_attr("smgovernance.compliance", "run_checks")
    if run_checks is None:
        return {"note": "n/a: smgovernance.compliance.run_checks not available"}
    channels = optional_model("smgovernance.ChannelProfilePage")
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        findings = run_checks(site)
    return {
        "channels": channels.objects.in_site(site).count() if channels else 0,
        "queries": len(queries),
        "seconds": round(time.perf_counter() - started, 2),
        "findings": len(findings),
    }


# --- HTTP and browser ---------------------------------------------------------------------


def cached_path(pages: dict) -> str:
    """A channel page when one renders, else the home page."""
    channel = pages.get("smgovernance.ChannelProfilePage", {})
    return channel["url"] if "queries" in channel else "/"


def summarize(runs: list[dict]) -> dict:
    """Median requests/s and latencies over runs; errors summed; the tool named."""
    return {
        "tool": runs[0]["tool"],
        "runs": len(runs),
        "requests_per_second": statistics.median(
            r["requests_per_second"] for r in runs
        ),
        "requests_per_second_range": [
            min(r["requests_per_second"] for r in runs),
            max(r["requests_per_second"] for r in runs),
        ],
        "latency_p50_ms": statistics.median(r["latency_p50_ms"] or 0 for r in runs),
        "latency_p99_ms": max(r["latency_p99_ms"] or 0 for r in runs),
        "errors": sum(r["errors"] for r in runs),
    }


def verify_cache(port: int, paths: list[str]) -> dict[str, bool]:
    """Each path answered from the page cache (X-Cache: HIT) after warming every worker."""
    verified = {}
    for path in paths:
        for _ in range(10):  # each worker fills its own cache
            _status, headers, _body = common.fetch(port, path)
        verified[path] = headers.get("X-Cache") == "HIT"
    return verified


def measure_http(path: str, vimeo_path: str | None) -> dict:
    """Cached against static in interleaved pairs; listing pages cached and uncached."""
    static = common.static_path()
    listing_paths = [listing.LISTING["imprint"], listing.LISTING["usage concept"]]
    load = loadtool.generate_load
    result: dict = {"page": path, "static": static, "tool": loadtool.tool()}
    with common.gunicorn(page_cache=True) as port:
        result["cache_checked"] = verify_cache(port, [path, *listing_paths])
        result["cache_verified"] = all(result["cache_checked"].values())
        cached, static_runs, ratios = [], [], []
        for _ in range(PAIRS):  # interleaved, so a load spike hits both alike
            cached.append(load(port, [path], CONNECTIONS, SECONDS))
            static_runs.append(load(port, [static], CONNECTIONS, SECONDS))
            ratios.append(
                cached[-1]["requests_per_second"]
                / max(static_runs[-1]["requests_per_second"], 0.1)
            )
        result["cached"] = summarize(cached)
        result["static_file"] = summarize(static_runs)
        result["cached_to_static"] = round(statistics.median(ratios), 2)
        result["cached_to_static_range"] = [
            round(min(ratios), 2),
            round(max(ratios), 2),
        ]
        result["listing_cached"] = {
            p: load(port, [p], CONNECTIONS, SECONDS) for p in listing_paths
        }
        result["weight"] = (
            measure_weight(port, vimeo_path) if vimeo_path else {"note": WEIGHT_NOTE}
        )
    with common.gunicorn(page_cache=False) as port:
        result["uncached"] = load(port, [path], CONNECTIONS, SECONDS)
        result["listing_uncached"] = {
            p: load(port, [p], CONNECTIONS, SECONDS) for p in listing_paths
        }
    return result


WEIGHT_NOTE = "n/a: Vimeo block not available"
# The Vimeo block's own consent script and style (whitenoise adds a hash to names).
CONSENT_ASSETS = ("/smgovernance/js/vimeo-consent.", "/smgovernance/css/vimeo.")


def vimeo_page() -> tuple[str | None, str]:
    """A page with 10 Vimeo blocks, copied from a demo page that has one."""
    vimeo_block = optional_attr("smgovernance.blocks", "VimeoBlock")
    if vimeo_block is None:
        return None, WEIGHT_NOTE
    from wagtail.blocks import StreamValue
    from wagtail.fields import StreamField
    from wagtail.models import get_page_models

    for model in get_page_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            names = [
                name
                for name, block in field.stream_block.child_blocks.items()
                if isinstance(block, vimeo_block)
            ]
            for page in model.objects.live().order_by("path"):
                raw = [
                    b for b in getattr(page, field.name).raw_data if b["type"] in names
                ]
                if not raw:
                    continue
                existing = model.objects.filter(slug="bench-vimeo").first()
                if existing is not None:
                    return urlsplit(existing.get_url()).path, "10 Vimeo blocks"
                stream = StreamValue(
                    field.stream_block,
                    [
                        {
                            "type": raw[0]["type"],
                            "value": raw[0]["value"],
                            "id": str(uuid.uuid4()),
                        }
                        for _ in range(10)
                    ],
                    is_lazy=True,
                )
                copy = page.copy(
                    to=page.get_parent(),
                    update_attrs={
                        "slug": "bench-vimeo",
                        "title": "Zehn Videos",
                        field.name: stream,
                    },
                    copy_revisions=False,
                    keep_live=True,
                    log_action=None,
                )
                return urlsplit(copy.get_url()).path, "10 Vimeo blocks"
    return None, "n/a: no demo page with a Vimeo block to copy"


def measure_weight(port: int, path: str) -> dict:
    """Bytes and requests in Chromium before any click (third parties blocked, counted)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, LOOPBACK_HOSTS

    if not CHROMIUM.exists():
        return {"note": f"n/a: {CHROMIUM} missing"}
    own: list = []
    third_party: list[str] = []

    def route(route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if host in LOOPBACK_HOSTS or route.request.url.startswith("data:"):
            route.continue_()
        else:
            third_party.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        page = browser.new_context(locale="de-DE").new_page()
        page.route("**/*", route)
        page.on("response", lambda response: own.append(response))
        page.goto(f"http://{common.HOST}:{port}{path}")
        page.wait_for_load_state("networkidle")
        # Served = bytes on the wire (whitenoise's gzip); decoded = after unpacking.
        sizes = [
            (
                r.request.resource_type,
                len(r.body()),
                r.request.sizes()["responseBodySize"],
                urlsplit(r.url).path,
            )
            for r in own
        ]
        browser.close()
    js_css = [s for s in sizes if s[0] in ("script", "stylesheet")]
    consent = [s for s in js_css if any(name in s[3] for name in CONSENT_ASSETS)]
    return {
        "page": path,
        "requests": len(sizes) + len(third_party),
        "bytes": sum(s[2] for s in sizes),
        "third_party_requests": len(third_party),
        "own_js_css_bytes": sum(s[2] for s in js_css),
        "own_js_css_decoded_bytes": sum(s[1] for s in js_css),
        "consent_js_css_bytes": sum(s[2] for s in consent),
        "consent_js_css_decoded_bytes": sum(s[1] for s in consent),
        "consent_files": sorted(s[3] for s in consent),
    }


def machine() -> dict:
    import django
    import wagtail

    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "memory": memory,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "http_seconds": SECONDS,
        "connections": CONNECTIONS,
        "render_repeats": REPEATS,
    }


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def main() -> int:
    workdir = common.prepare_environment()
    # One client renders every page many times: the per-client limits would answer 429.
    os.environ["BENCH_RATELIMIT"] = "off"
    try:
        log(f"Building the bench site in {workdir} ...")
        common.setup_django_site()
        info = machine()
        info["load_tool"] = loadtool.tool()
        log(f"HTTP load tool: {info['load_tool']}")
        phases: dict = {}
        listing_figures: dict = {}
        for phase in ("demo", "grown"):
            notes = {}
            if phase == "grown":
                log(f"[listing] {LISTING_CHANNELS} channels, in process ...")
                notes["listing_channels"] = listing.grow_channels(LISTING_CHANNELS)
                listing_figures["small"] = listing.measure_listing(
                    urlsplit(bare_page().get_url()).path, REPEATS
                )
                log("[grown] adding channels and videos ...")
                # Bulk copies of a demo channel: Page.copy() 200 times takes minutes.
                notes["channels"] = listing.grow_channels(CHANNELS)
                notes["videos"] = grow("smgovernance.VideoPage", VIDEOS)
            log(f"[{phase}] pages in process ...")
            pages = measure_in_process()
            compliance = measure_compliance() if phase == "demo" else {}
            try:
                vimeo_path, vimeo_note = vimeo_page()
            except Exception as error:  # report it; the other figures still count
                vimeo_path, vimeo_note = (
                    None,
                    f"failed: {type(error).__name__}: {error}",
                )
            log(f"[{phase}] HTTP ({SECONDS:g} s per run, {PAIRS} pairs) ...")
            http = measure_http(cached_path(pages), vimeo_path)
            phases[phase] = {
                "notes": {**notes, "vimeo": vimeo_note},
                "pages": pages,
                "compliance": compliance,
                "http": http,
            }
        log(
            f"[listing] {CHECK_CHANNELS} channels: listing pages, editor, compliance ..."
        )
        phases["grown"]["notes"]["check_channels"] = listing.grow_channels(
            CHECK_CHANNELS
        )
        listing_figures["large"] = listing.measure_listing(
            urlsplit(bare_page().get_url()).path, max(3, REPEATS // 3)
        )
        listing_figures["editor"] = listing.measure_editor(max(3, REPEATS // 3))
        phases["grown"]["compliance"] = measure_compliance()
        grown_title = f"+ 200 channels, 50 videos; listing: {CHECK_CHANNELS:,} channels"
        rows = table.build_rows(phases, PAIRS, CHECK_CHANNELS) + table.listing_rows(
            listing_figures["small"],
            listing_figures["large"],
            listing_figures["editor"],
            (LISTING_CHANNELS, CHECK_CHANNELS),
        )
        markdown = table.markdown(rows, grown_title)
        info["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        RESULTS.write_text(
            json.dumps(
                {
                    "machine": info,
                    "phases": phases,
                    "listing": listing_figures,
                    "table": markdown,
                },
                indent=2,
                ensure_ascii=False,
                default=str,
            )
        )
        print()
        print(markdown)
        print()
        print(
            "Content:",
            json.dumps({p: v["notes"] for p, v in phases.items()}, ensure_ascii=False),
        )
        print(
            f"Machine: {info['cpus']} CPUs, {info['memory']}, Python {info['python']}, "
            f"Django {info['django']}, Wagtail {info['wagtail']}, "
            f"load {info['load_average']} → {info['load_average_after']}, "
            f"HTTP load tool: {info['load_tool']}"
        )
        print(f"Written: {RESULTS}")
        failed = 0
        errors = sum(
            phases[p]["http"][k]["errors"]
            for p in phases
            for k in ("cached", "uncached", "static_file")
        )
        if errors:
            print(f"FAILED: {errors} HTTP errors")
            failed = 1
        unverified = {
            p: phases[p]["http"]["cache_checked"]
            for p in phases
            if not phases[p]["http"]["cache_verified"]
        }
        if unverified:
            print(f"FAILED: the page cache was not verified: {unverified}")
            failed = 1
        return failed
    finally:
        common.cleanup(workdir)


if __name__ == "__main__":
    sys.exit(main())
