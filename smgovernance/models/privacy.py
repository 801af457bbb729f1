"""Privacy facts shared by the privacy notices (O-7)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    """Legal bases a public body can rely on. Art. 6(1)(f) GDPR is left out on purpose:
    Art. 6(1) subparagraph 2 excludes it for processing by public authorities."""

    PUBLIC_TASK = (
        "art6_1_e",
        _("Art. 6(1)(e) GDPR: task in the public interest (public relations)"),
    )
    CONSENT = "art6_1_a", _("Art. 6(1)(a) GDPR: consent")
    CONTRACT = "art6_1_b", _("Art. 6(1)(b) GDPR: contract or pre-contractual steps")
    LEGAL_OBLIGATION = "art6_1_c", _("Art. 6(1)(c) GDPR: legal obligation")


# Default complaint authority (Art. 13(2)(d) GDPR) for Saxon public bodies; editable
# on the privacy page because other Länder have their own authority.
DEFAULT_COMPLAINT_AUTHORITY = "Sächsische Datenschutz- und Transparenzbeauftragte"
DEFAULT_COMPLAINT_AUTHORITY_ADDRESS = (
    "Maternistraße 17, 01067 Dresden (Postanschrift: Postfach 11 01 32, 01330 Dresden)"
)
DEFAULT_COMPLAINT_AUTHORITY_URL = "https://www.datenschutz.sachsen.de/"
