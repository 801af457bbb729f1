"""Which other websites may embed the video pages of one site (a site setting).

A site's own list replaces ``SMGOVERNANCE_EMBED_ORIGINS`` for that site; an empty
list keeps the setting. The rules and the reading live in ``embedding.py``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..embedding import is_origin, origin_lines


def validate_origin_lines(value: str) -> None:
    """Every line must be a bare origin such as https://www.example.org."""
    invalid = [line for line in origin_lines(value) if not is_origin(line)]
    if invalid:
        raise ValidationError(
            _(
                "Not an origin like https://www.example.org (scheme, host and "
                "optional port only): %(origins)s"
            ),
            code="invalid_origin",
            params={"origins": ", ".join(invalid)},
        )


@register_setting(icon="media")
class EmbedSettings(BaseSiteSetting):
    """The origins that may frame this site's embeddable video view."""

    # The embed view's cached responses carry the origins in their header.
    purges_page_cache = True

    embed_origins = models.TextField(
        _("websites that may embed our videos"),
        blank=True,
        validators=[validate_origin_lines],
        help_text=_(
            "One origin per line, e.g. https://www.example.org. Leave empty to use "
            "the installation's setting SMGOVERNANCE_EMBED_ORIGINS."
        ),
    )

    panels = [FieldPanel("embed_origins")]

    class Meta:
        verbose_name = _("video embedding")
        verbose_name_plural = _("video embedding")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
