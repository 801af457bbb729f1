"""Where the import puts pages, and how page references are written (their path)."""

import datetime

from django.db import models
from wagtail.models import Page, Site


def site_root() -> Page:
    """The default site's root page (or the tree's first root)."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_page if site else Page.get_first_root_node()


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
