"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .channels import PUBLIC_STAGES, ChannelIndexPage, ChannelProfilePage, ChannelStage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .content import ContentPage
from .platforms import Platform, ThirdPartyProvider, TransferBasis
from .privacy import LegalBasis


__all__ = [
    "PUBLIC_STAGES",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ContactPoint",
    "ContentPage",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "Weekday",
]
