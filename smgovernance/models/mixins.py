"""Shared behaviour of the extension's page types."""

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction


class ViewRestrictionsInOneQueryMixin:
    """`get_view_restrictions()` in one query instead of two.

    Wagtail checks the view restrictions of the page and its ancestors before
    every request it serves; it loads the ancestors first and then their
    restrictions. Here the ancestors are a subquery, with the same result: the
    restrictions of the page and its ancestors, an alias using its source's.
    """

    def get_view_restrictions(self) -> QuerySet:
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        pages = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page_id__in=pages.filter(alias_of__isnull=True).values("pk"))
            | Q(page_id__in=pages.filter(alias_of__isnull=False).values("alias_of_id"))
        )
