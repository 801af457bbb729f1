"""Contact points and responsible persons: typed once, reused by every page that names them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class ContactPoint(index.Indexed, ClusterableModel):
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
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("e-mail"))
    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    panels = [
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
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation")]

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficeHours(Orderable):
    """Opening hours of a contact point on one weekday."""

    contact_point = ParentalKey(
        ContactPoint, on_delete=models.CASCADE, related_name="office_hours"
    )
    weekday = models.IntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("office hours")
        verbose_name_plural = _("office hours")


class ResponsiblePerson(index.Indexed, models.Model):
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
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("e-mail"))
    verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        help_text=_("When these details were last checked to be current."),
    )

    panels = [
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
