"""The netiquette's graded measures: mildest first, each once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NetiquetteMeasure(models.TextChoices):
    """The sanction ladder, mildest first."""

    HIDE = "hide", _("Hide the comment")
    DELETE = "delete", _("Delete the comment")
    BLOCK = "block", _("Block the user temporarily")


MEASURE_ORDER = [value for value, _label in NetiquetteMeasure.choices]


def measures_graded(measures: list[str]) -> bool:
    """Whether the measures are listed mildest first, each at most once."""
    steps = [MEASURE_ORDER.index(measure) for measure in measures]
    return steps == sorted(steps) and len(set(steps)) == len(steps)
