"""Fragment cache of the listing pages: each channel's section, cached by what it shows.

The imprint, the privacy notice, the channel index and the usage concept show one
section per channel. Each section is cached under a key made of the channel, a
change stamp of every record the section shows (the channel page, its platform,
the platform's operator, its contacts: each has an `updated_at`) and a stamp of
what all sections of the page share (the listing page itself, the language, the
site). A change to a shown record changes the key of exactly the sections that show
it; nothing has to be purged. The joined list is cached too, under a digest of all
section keys, so an unchanged page costs one query for the stamps and one cache read.

`SMGOVERNANCE_FRAGMENT_CACHE` (default True) switches the cache off; the HTML is
byte-identical either way (tested). `SMGOVERNANCE_FRAGMENT_CACHE_ALIAS` names the
Django cache (default "default").

This is separate from the page cache (`cache.py`): that one stores whole responses
for anonymous visitors and is purged on changes; this one only spares the work of
rendering sections whose records did not change, for every request that renders.
"""

import hashlib
from collections.abc import Callable, Hashable, Iterable, Sequence

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


FRAGMENT_SECONDS = 24 * 60 * 60  # unused keys simply expire
PREFIX = "smgovernance:fragment"

# Section renderer: the pks of the sections that missed -> their HTML by pk.
Renderer = Callable[[list[Hashable]], dict[Hashable, str]]


def enabled() -> bool:
    return getattr(settings, "SMGOVERNANCE_FRAGMENT_CACHE", True)


def fragment_cache() -> BaseCache:
    return caches[getattr(settings, "SMGOVERNANCE_FRAGMENT_CACHE_ALIAS", "default")]


def digest(*parts: object) -> str:
    """A short, stable digest of the parts' text (datetimes, ids, strings)."""
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def text_stamps(*fields: str) -> list[Cast]:
    """The change stamps as the database writes them as text, for `values_list()`:
    a listing of 2,000 channels then converts no datetimes just to digest them."""
    return [Cast(field, output_field=TextField()) for field in fields]


def section_key(kind: str, pk: Hashable, stamp: Sequence[object], shared: str) -> str:
    return f"{PREFIX}:{kind}:{pk}:{digest(shared, *stamp)}"


def cached_sections(
    kind: str,
    rows: Iterable[tuple[Hashable, Sequence[object]]],
    shared: Sequence[object],
    render: Renderer,
) -> SafeString:
    """The sections of `rows` ((pk, stamp) in display order), joined, from the cache
    where their stamps are unchanged; `render(pks)` renders the others."""
    rows = list(rows)
    if not rows:
        return mark_safe("")
    if not enabled():
        rendered = render([pk for pk, _stamp in rows])
        return mark_safe("".join(rendered[pk] for pk, _stamp in rows))  # noqa: S308
    shared_digest = digest(get_language(), *shared)
    # One digest of every row's stamps names the joined list: an unchanged page
    # needs no key per section.
    list_key = f"{PREFIX}:{kind}:list:{digest(shared_digest, *rows)}"
    cache = fragment_cache()
    joined = cache.get(list_key)
    if joined is not None:
        return mark_safe(joined)  # noqa: S308  (HTML we rendered and stored)
    keys = {pk: section_key(kind, pk, stamp, shared_digest) for pk, stamp in rows}
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk in keys if keys[pk] not in found]
    rendered = render(missing) if missing else {}
    if rendered:
        cache.set_many(
            {keys[pk]: html for pk, html in rendered.items()}, FRAGMENT_SECONDS
        )
    joined = "".join(
        found[keys[pk]] if keys[pk] in found else rendered[pk] for pk in keys
    )
    cache.set(list_key, joined, FRAGMENT_SECONDS)
    return mark_safe(joined)  # noqa: S308  (rendered by our templates)
