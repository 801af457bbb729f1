"""Small helpers that make every demo step idempotent."""

from typing import TypeVar

from wagtail.models import Page


P = TypeVar("P", bound=Page)


def upsert_child(parent: Page, model: type[P], slug: str, **fields: object) -> P:
    """Create or update the child page `slug` of `parent` and publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(
                f"/{slug}/ exists but is a {type(page).__name__}, not a {model.__name__}"
            )
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
