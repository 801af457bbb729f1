"""Listing pages and the editor as channels grow (issue 18): in-process figures.

- `grow_channels(total)`: bulk copies of a demo channel (every field copied), so
  20 → 2,000 channels takes seconds, not the minutes of `Page.copy()`.
- `measure_listing()`: per listing page, the median render with the page cache off,
  once without fragments ("uncached") and once with warm fragments, next to the
  bare reference page in the same interleaved loop; HTML size and queries.
- `measure_editor()`: opening a channel, the imprint and the concept in the page
  editor, and the dashboard.
"""

import statistics
import time

from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.common import count_queries


LISTING = {
    "imprint": "/impressum/",
    "privacy notice": "/datenschutz/",
    "channel index": "/kanaele/",
    "usage concept": "/nutzungskonzept/",
}
HOSTNAME = "localhost"


def grow_channels(total: int) -> int:
    """Add live channels (bulk copies of the first public demo channel) to the demo
    body (the default site) up to `total`."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Site

    from smgovernance.models import ChannelProfilePage
    from smgovernance.rules.stages import PUBLIC_STAGES

    # The demo body's channels: the county portal's two do not count.
    live = ChannelProfilePage.objects.live().in_site(
        Site.objects.get(is_default_site=True)
    )
    count = live.count()
    if count >= total:
        return count
    template = live.filter(stage__in=PUBLIC_STAGES).order_by("path").first()
    index = Page.objects.get(pk=template.get_parent().pk)
    # Fields a copy must not share (the register identifier) take their default,
    # as in `Page.copy()`.
    own = [
        f
        for f in ChannelProfilePage._meta.concrete_fields
        if f.model is ChannelProfilePage
        and not f.primary_key
        and f.name not in ChannelProfilePage.exclude_fields_in_copy
    ]
    content_type = ContentType.objects.get_for_model(ChannelProfilePage)
    start = index.numchild
    with transaction.atomic():
        for n in range(total - count):
            number = start + n + 1
            slug = f"{template.slug}-bench-{number}"
            page = Page.objects.create(
                title=f"{template.title} {number}",
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, number),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                live=True,
                first_published_at=template.first_published_at,
                last_published_at=template.last_published_at,
                locale_id=index.locale_id,
            )
            channel = ChannelProfilePage(page_ptr_id=page.pk)
            for field in own:
                setattr(channel, field.attname, getattr(template, field.attname))
            channel.profile_url = f"{template.profile_url.rstrip('/')}-{number}"
            channel.save_base(raw=True)
        Page.objects.filter(pk=index.pk).update(numchild=start + total - count)
    return live.count()


def _timed(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    return elapsed


def measure_listing(bare_url: str, repeats: int) -> dict:
    """Median ms per listing page: fragments off and warm, against the bare page."""
    from django.core.cache import cache

    client = Client(HTTP_HOST=HOSTNAME)
    targets = {**LISTING, "bare page": bare_url}
    results: dict[str, dict] = {}
    with override_settings(SMGOVERNANCE_CACHE_ENABLED=False):
        cache.clear()
        for label, url in targets.items():
            response = client.get(url)  # warm-up, fills the fragments
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            results[label] = {
                "url": url,
                "status": response.status_code,
                "html_bytes": len(response.content),
                "queries": len(queries),
            }
        times = {(label, mode): [] for label in targets for mode in ("off", "warm")}
        for _ in range(repeats):  # interleaved: a load spike hits every figure alike
            for label, url in targets.items():
                with override_settings(SMGOVERNANCE_FRAGMENT_CACHE=False):
                    times[label, "off"].append(_timed(client, url))
                times[label, "warm"].append(_timed(client, url))
    bare = statistics.median(times["bare page", "off"])
    for label in targets:
        off = statistics.median(times[label, "off"])
        warm = statistics.median(times[label, "warm"])
        results[label].update(
            uncached_ms=round(off * 1000, 1),
            warm_ms=round(warm * 1000, 1),
            uncached_ratio=round(off / bare, 2),
            warm_ratio=round(warm / bare, 2),
        )
    return results


def measure_editor(repeats: int) -> dict:
    """Median seconds to open pages in the editor and the dashboard, and queries."""
    from django.contrib.auth import get_user_model

    from smgovernance.models import ChannelProfilePage, ImprintPage, UsageConceptPage

    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser(
            "bench", "bench@example.org", "bench-password-not-used"
        )
    client = Client(HTTP_HOST=HOSTNAME)
    client.force_login(user)
    pages = {
        "channel": ChannelProfilePage.objects.live().order_by("path").first(),
        "imprint": ImprintPage.objects.live().first(),
        "usage concept": UsageConceptPage.objects.live().first(),
    }
    urls = {
        f"edit {label}": f"/admin/pages/{page.pk}/edit/"
        for label, page in pages.items()
        if page is not None
    }
    urls["dashboard"] = "/admin/"
    results: dict[str, dict] = {}
    for label, url in urls.items():
        client.get(url)  # warm-up
        with count_queries() as queries:
            client.get(url)
        times = [_timed(client, url) for _ in range(repeats)]
        results[label] = {
            "url": url,
            "queries": queries[0],
            "median_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3),
        }
    return results
