"""The video page's admin form: the transcript is required when publishing."""

from bs4 import BeautifulSoup
from django.utils.translation import gettext_lazy as _

from ..bodies import site_of_page
from ..rules.accessibility import transcript_required
from .site_scoped import SitePageForm


def is_blank_html(value: str) -> bool:
    """Whether rich text holds no visible text (e.g. "<p></p>")."""
    return not BeautifulSoup(value or "", "html.parser").get_text().strip()


class VideoPageForm(SitePageForm):
    """Requires the transcript when publishing, but lets editors save incomplete drafts.

    The categories offered are those of the page's own site.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        page = self.parent_page if self.instance.pk is None else self.instance
        site = site_of_page(page) if page is not None and page.path else None
        if field is not None and site is not None:
            field.queryset = field.queryset.filter(site=site)

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        transcript = cleaned.get("transcript") or ""
        if transcript_required(cleaned.get("publication_date")) and is_blank_html(
            transcript
        ):
            self.add_error(
                "transcript",
                _(
                    "Videos published on or after 23 September 2020 need a transcript "
                    "(accessibility law): enter the spoken text and describe what is shown."
                ),
            )
        return cleaned
