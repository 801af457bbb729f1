"""Which site (body) the import and export work on, where the import puts pages,
and how page references are written (their path below the site root)."""

import contextvars
import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models
from wagtail.models import Page, Site

from ..bodies import has_site


_SITE: contextvars.ContextVar[Site | None] = contextvars.ContextVar(
    "smgovernance_concept_site", default=None
)


@contextmanager
def using_site(site: Site | None) -> Iterator[None]:
    """Import or export the concept of `site` (None: the default site)."""
    token = _SITE.set(site)
    try:
        yield
    finally:
        _SITE.reset(token)


def target_site() -> Site | None:
    """The site being imported or exported: the chosen one, else the default site."""
    return _SITE.get() or Site.objects.filter(is_default_site=True).first()


def site_root() -> Page:
    """The target site's root page (or the tree's first root)."""
    site = target_site()
    return site.root_page if site else Page.get_first_root_node()


def in_site(queryset: models.QuerySet) -> models.QuerySet:
    """The rows of the target site: pages below its root, records with its `site`."""
    model = queryset.model
    if issubclass(model, Page):
        return queryset.descendant_of(site_root(), inclusive=True)
    if has_site(model):
        return queryset.filter(site=target_site())
    return queryset  # shared reference data (platforms, their operators)


def site_values(model: type[models.Model]) -> dict:
    """`{"site": target}` for a record of a body, else nothing."""
    if has_site(model):
        return {"site": target_site()}
    return {}


def page_path(page: Page | None) -> str | None:
    """A page's path below its site root ("/kontakt/"), the key of page references."""
    if page is None:
        return None
    root = site_root()
    return "/" + page.url_path[len(root.url_path) :]


def page_at(path: str) -> Page | None:
    """The page at a path written by `page_path`, or None."""
    root = site_root()
    return Page.objects.filter(url_path=root.url_path + path.lstrip("/")).first()


def plain(value: object) -> object:
    """A value as YAML writes it: dates ISO, times HH:MM."""
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def plain_values(obj: models.Model, names: list[str]) -> dict:
    return {name: plain(getattr(obj, name)) for name in names}
