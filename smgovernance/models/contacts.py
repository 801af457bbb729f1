"""Contact points and responsible persons: typed once, reused by every page that names them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from .sites import SiteScopedModel


# "Postfach", "Postf.", "PF 12 34", "P.O. Box", "PO Box": § 5 DDG needs a street address.
PO_BOX = re.compile(
    r"\bpostf(ach|\.)|\bpf\.?\s*\d|\bp\.?\s*o\.?\s*box\b", re.IGNORECASE
)


def validate_no_po_box(value: str) -> None:
    """Refuse a P.O. box: an imprint needs an address where documents can be served."""
    if PO_BOX.search(value or ""):
        raise ValidationError(
            _(
                "A P.O. box is not a postal address in this sense: enter street and house number."
            ),
            code="po_box",
        )


validate_phone = RegexValidator(
    r"^\+?[0-9(][0-9 ()/\-]{4,}$",
    _(
        "Enter a phone number with digits only, e.g. (03731) 799 3305 or +49 3731 7993305."
    ),
    code="phone",
)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ContactPoint(index.Indexed, SiteScopedModel, ClusterableModel):
    """An office citizens can reach in person, by phone or e-mail (e.g. the press office)."""

    name = models.CharField(
        _("unit"), max_length=255, help_text=_("E.g. Pressestelle.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the district office (Landratsamt)."),
    )
    phone = models.CharField(_("phone"), max_length=50, validators=[validate_phone])
    email = models.EmailField(_("e-mail"))
    street = models.CharField(
        _("street and number"),
        max_length=255,
        blank=True,
        validators=[validate_no_po_box],
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        help_text=_("When these details were last checked to be current."),
    )

    # A change stamp for the fragment cache of the listing pages (smgovernance.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")], heading=_("Phone and e-mail")
        ),
        MultiFieldPanel(
            [FieldPanel("street"), FieldPanel("postal_code"), FieldPanel("city")],
            heading=_("Postal address"),
        ),
        InlinePanel("office_hours", heading=_("Office hours"), label=_("Office hours")),
        FieldPanel("verified_on"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation")]

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def postal_address(self) -> str:
        """One line: "Street 1, 01234 City" (empty parts left out)."""
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)

    def office_hours_by_weekday(self) -> list[tuple[str, list["OfficeHours"]]]:
        """[(weekday label, [hours ...]), ...] in weekday order; uses prefetched hours."""
        days: dict[int, list[OfficeHours]] = {}
        for hours in sorted(
            self.office_hours.all(), key=lambda h: (h.weekday, h.opens)
        ):
            days.setdefault(hours.weekday, []).append(hours)
        return [(Weekday(day).label, hours) for day, hours in days.items()]


class OfficeHours(Orderable):
    """Opening hours of a contact point on one weekday."""

    contact_point = ParentalKey(
        ContactPoint, on_delete=models.CASCADE, related_name="office_hours"
    )
    weekday = models.IntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError(
                {"closes": _("The closing time must be after the opening time.")}
            )

    class Meta(Orderable.Meta):
        verbose_name = _("office hours")
        verbose_name_plural = _("office hours")


class ResponsiblePerson(index.Indexed, SiteScopedModel):
    """A person with a responsibility the concept names (content, editorial care ...)."""

    name = models.CharField(_("name"), max_length=255)
    function = models.CharField(
        _("function"), max_length=255, help_text=_("E.g. Leiter der Pressestelle.")
    )
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="persons",
        help_text=_("The unit the person belongs to; its postal address is used."),
    )
    phone = models.CharField(_("phone"), max_length=50, validators=[validate_phone])
    email = models.EmailField(_("e-mail"))
    verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        help_text=_("When these details were last checked to be current."),
    )

    # A change stamp for the fragment cache of the listing pages (smgovernance.fragments).
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("function"),
        FieldPanel("contact_point"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("verified_on"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("function")]

    class Meta:
        verbose_name = _("responsible person")
        verbose_name_plural = _("responsible persons")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.function})"
