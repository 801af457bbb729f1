from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class HomePage(Page):
    """The start page of the economic-region site."""

    intro = models.TextField("Einleitung", blank=True)
    body = StreamField(
        [
            (
                "heading",
                blocks.CharBlock(
                    label="Zwischenüberschrift", form_classname="title", icon="title"
                ),
            ),
            (
                "paragraph",
                blocks.RichTextBlock(
                    label="Absatz",
                    features=["h3", "bold", "italic", "ol", "ul", "link"],
                ),
            ),
        ],
        blank=True,
        verbose_name="Inhalt",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    page_description = "Startseite der Wirtschaftsregion"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"
