"""The demo's official-channel register: checks that never leave the machine, and
manual confirmations for the platforms that block automated reading.

Each public channel is checked once, offline (`monitor.fetch.offline()`): no request
goes to a platform, so the log records "nicht erreichbar". Facebook, X and Vimeo
then get a manual confirmation by the channels' editorial owner, once.
"""

from smgovernance.monitor import Outcome
from smgovernance.monitor.fetch import offline
from smgovernance.tasks import channels_to_verify, check_channel, record_confirmation


CONFIRMED_BY = "Hartmut Schneider"
MANUAL_CONFIRMATIONS = {
    "facebook": "Feld „Impressum“ in der Seiteninfo verlinkt /impressum/#kanal-facebook "
    "(Browser und App geprüft).",
    "twitter": "Bio des Profils x.com/mswirtschaft nennt den Link auf "
    "/impressum/#kanal-twitter (Browser und App geprüft).",
    "vimeo": "Profilbeschreibung verlinkt /impressum/#kanal-vimeo (Browser geprüft).",
}


def build(context: dict) -> None:
    with offline():
        for channel in channels_to_verify():
            check_channel(channel)
    for slug, note in MANUAL_CONFIRMATIONS.items():
        channel = context["channels"][slug]
        if not channel.verifications.filter(outcome=Outcome.CONFIRMED).exists():
            record_confirmation(channel, None, note, name=CONFIRMED_BY)
