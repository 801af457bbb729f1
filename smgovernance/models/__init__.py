"""The extension's models, re-exported so that `smgovernance.models.X` always works."""

from .channels import PUBLIC_STAGES, ChannelIndexPage, ChannelProfilePage, ChannelStage
from .contacts import ContactPoint, OfficeHours, ResponsiblePerson, Weekday
from .platforms import Platform, ThirdPartyProvider, TransferBasis
from .privacy import LegalBasis
from .videos import VideoCategory, VideoIndexPage, VideoPage


__all__ = [
    "PUBLIC_STAGES",
    "ChannelIndexPage",
    "ChannelProfilePage",
    "ChannelStage",
    "ContactPoint",
    "LegalBasis",
    "OfficeHours",
    "Platform",
    "ResponsiblePerson",
    "ThirdPartyProvider",
    "TransferBasis",
    "VideoCategory",
    "VideoIndexPage",
    "VideoPage",
    "Weekday",
]
