"""Blocks of the netiquette page: its rules and its graded measures."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..rules.netiquette import NetiquetteMeasure


class NetiquetteRuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rule"), max_length=255)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Rule")
        template = "smgovernance/blocks/netiquette_rule_block.html"
        description = _("One rule for comments, stated neutrally.")
        preview_value = {"title": "Stay on topic", "explanation": ""}


class NetiquetteMeasureValue(blocks.StructValue):
    @property
    def measure_label(self) -> str:
        return str(NetiquetteMeasure(self["measure"]).label)


class NetiquetteMeasureBlock(blocks.StructBlock):
    measure = blocks.ChoiceBlock(choices=NetiquetteMeasure.choices, label=_("Measure"))
    applies_when = blocks.TextBlock(
        label=_("Applies when"),
        help_text=_("Which violations lead to this measure."),
    )

    class Meta:
        icon = "warning"
        label = _("Measure")
        template = "smgovernance/blocks/netiquette_measure_block.html"
        value_class = NetiquetteMeasureValue
        description = _("One step of the graded measures and when it applies.")
        preview_value = {"measure": "hide", "applies_when": "Insults."}
