"""What makes a channel page an entry of the official-channel register.

A persistent identifier that survives renames, copies and old revisions, the
Bluesky DID, and the statement "Offizieller Kanal des …, zuletzt geprüft am …".
"""

import uuid

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from ..monitor.outcomes import GOOD_OUTCOMES
from .platforms import validate_did


class RegisterEntryMixin(models.Model):
    """Fields and behaviour of a channel page as an entry of the register."""

    register_id = models.UUIDField(
        _("register identifier"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_(
            "Persistent identifier of the channel in the official-channel register; "
            "it never changes, not even when the channel is renamed."
        ),
    )
    bluesky_did = models.CharField(
        _("Bluesky DID"),
        max_length=255,
        blank=True,
        validators=[validate_did],
        help_text=_(
            "Only for Bluesky: the account's permanent identifier, e.g. did:plc:…. "
            "When the handle is our own domain, this site serves it at "
            "/.well-known/atproto-did."
        ),
    )

    # Each copy is a channel of its own, with an identifier of its own.
    exclude_fields_in_copy = ["register_id"]

    class Meta:
        abstract = True

    def official_statement(self, request: HttpRequest | None) -> dict:
        """For "Offizieller Kanal des …, zuletzt geprüft am …": body and last good check."""
        parent = self.get_parent()
        parent = parent.specific if parent is not None else None
        site = Site.find_for_request(request) if request else self.get_site()
        body = parent.official_body(site) if hasattr(parent, "official_body") else ""
        checked = (
            self.verifications.filter(outcome__in=GOOD_OUTCOMES)
            .order_by("-checked_at")
            .values_list("checked_at", flat=True)
            .first()
            if self.pk
            else None
        )
        return {
            "official_body": body,
            "checked_on": timezone.localdate(checked) if checked else None,
        }

    def with_content_json(self, content: dict) -> Page:
        """A revision's content, keeping the register identifier of the page itself.

        Publishing an old revision (or one saved before the identifier existed)
        must never change the identifier citizens and machines rely on.
        """
        page = super().with_content_json(content)
        page.register_id = self.register_id
        return page
