"""Records that several pages reuse: platform operators and the platforms themselves."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..rules import hosts
from ..rules.hosts import split_hosts, url_host


class TransferBasis(models.TextChoices):
    """Art. 13(1)(f) GDPR: on what basis personal data may go to a third country."""

    NOT_NEEDED = "not_needed", _("No third-country transfer (EU/EEA)")
    DPF = "dpf", _("Adequacy decision (EU-US Data Privacy Framework)")
    SCC = "scc", _("Standard contractual clauses")
    NONE = "none", _("No transfer basis")


class ThirdPartyProvider(index.Indexed, models.Model):
    """The company (or instance operator) that runs a platform: named in every privacy notice."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Short name, e.g. Meta.")
    )
    legal_name = models.CharField(
        _("legal name"),
        max_length=255,
        help_text=_("Full legal name, e.g. Meta Platforms Ireland Ltd."),
    )
    address = models.TextField(
        _("address"), help_text=_("Postal address of the provider.")
    )
    country = models.CharField(
        _("country of processing"),
        max_length=100,
        help_text=_("Where the data is processed, e.g. USA or Ireland."),
    )
    is_third_country = models.BooleanField(
        _("processes data outside the EU/EEA"), default=False
    )
    transfer_basis = models.CharField(
        _("third-country transfer basis"),
        max_length=20,
        choices=TransferBasis.choices,
        default=TransferBasis.NOT_NEEDED,
    )
    dpf_checked_on = models.DateField(
        _("DPF listing checked on"),
        null=True,
        blank=True,
        help_text=_(
            "When the entry on the Data Privacy Framework list was last checked."
        ),
    )
    privacy_policy_url = models.URLField(_("privacy policy URL"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("legal_name"),
        FieldPanel("address"),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("is_third_country"),
                FieldPanel("transfer_basis"),
                FieldPanel("dpf_checked_on"),
            ],
            heading=_("Third-country transfer"),
        ),
        FieldPanel("privacy_policy_url"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("legal_name")]

    class Meta:
        verbose_name = _("platform operator")
        verbose_name_plural = _("platform operators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.is_third_country and self.transfer_basis in (
            TransferBasis.NOT_NEEDED,
            TransferBasis.NONE,
        ):
            raise ValidationError(
                {
                    "transfer_basis": _(
                        "A provider that processes data outside the EU/EEA needs a transfer basis."
                    )
                }
            )


HOST_NAME = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
)


class Platform(index.Indexed, models.Model):
    """A social media platform as data: adding one needs no code."""

    name = models.CharField(_("display name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    profile_hosts = models.TextField(
        _("allowed profile hosts"),
        help_text=_(
            "One host per line, e.g. www.facebook.com. Profile URLs must use exactly one of them."
        ),
    )
    outdated_hosts = models.TextField(
        _("outdated hosts"),
        blank=True,
        help_text=_(
            "Hosts that are still accepted but should be replaced, one per line, e.g. twitter.com."
        ),
    )
    provider = models.ForeignKey(
        ThirdPartyProvider,
        verbose_name=_("operator"),
        on_delete=models.PROTECT,
        related_name="platforms",
    )
    joint_controllership = models.BooleanField(
        _("joint controllership applies"),
        default=False,
        help_text=_("Art. 26 GDPR, e.g. Facebook pages with Page Insights."),
    )
    is_federated = models.BooleanField(
        _("federated (instance operator per channel)"),
        default=False,
        help_text=_(
            "For Mastodon and similar: each channel names the operator of its instance."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("profile_hosts"),
        FieldPanel("outdated_hosts"),
        FieldPanel("provider"),
        FieldPanel("joint_controllership"),
        FieldPanel("is_federated"),
    ]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, ValidationError] = {}
        for field in ("profile_hosts", "outdated_hosts"):
            for host in split_hosts(getattr(self, field)):
                if not HOST_NAME.match(host):
                    errors[field] = ValidationError(
                        _(
                            "“%(host)s” is not a host name. Enter host names only, "
                            "e.g. www.facebook.com, without https:// and without a path."
                        ),
                        params={"host": host},
                    )
                    break
        both = set(split_hosts(self.profile_hosts)) & set(
            split_hosts(self.outdated_hosts)
        )
        if both and "outdated_hosts" not in errors:
            errors["outdated_hosts"] = ValidationError(
                _("“%(host)s” cannot be both an allowed and an outdated host."),
                params={"host": sorted(both)[0]},
            )
        if errors:
            raise ValidationError(errors)

    @property
    def host_list(self) -> list[str]:
        return split_hosts(self.profile_hosts)

    @property
    def outdated_host_list(self) -> list[str]:
        return split_hosts(self.outdated_hosts)


def validate_profile_url(url: str, platform: Platform) -> None:
    """Check that `url` is an https address on one of the platform's hosts.

    Hosts must match exactly: facebook.com.evil.org and evilfacebook.com are
    refused. Outdated hosts (twitter.com) are accepted; see `is_outdated_host`.
    Raises ValidationError with a message that says what is wrong.
    """
    allowed = platform.host_list + platform.outdated_host_list
    hosts = ", ".join(allowed)
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ValidationError(
            _("Enter the full address of the profile, e.g. https://%(host)s/name."),
            code="invalid",
            params={"host": allowed[0] if allowed else "example.org"},
        ) from None
    if parts.scheme.lower() != "https":
        raise ValidationError(
            _(
                "The profile address must start with https://. Unencrypted (http) "
                "and other addresses are not accepted."
            ),
            code="not_https",
        )
    host = url_host(url)
    if not host:
        raise ValidationError(
            _("Enter the full address of the profile, e.g. https://%(host)s/name."),
            code="invalid",
            params={"host": allowed[0] if allowed else "example.org"},
        )
    if host not in allowed:
        raise ValidationError(
            _(
                "“%(host)s” is not an address of %(platform)s. "
                "Allowed hosts: %(hosts)s."
            ),
            code="wrong_host",
            params={"host": host, "platform": platform.name, "hosts": hosts},
        )
    if parts.username or parts.password or port not in (None, 443):
        raise ValidationError(
            _("The profile address must not contain a user name, password or port."),
            code="invalid",
        )
    if parts.path.strip("/") == "" and not parts.query:
        raise ValidationError(
            _(
                "This is the start page of %(platform)s. Enter the address of "
                "our profile, e.g. https://%(host)s/name."
            ),
            code="no_profile",
            params={"platform": platform.name, "host": host},
        )


def is_outdated_host(url: str, platform: Platform) -> bool:
    """True when the URL uses a host the platform has replaced (see rules.hosts)."""
    return hosts.is_outdated_host(url, platform.outdated_host_list)
