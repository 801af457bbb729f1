"""`--site HOST[:PORT]` of the commands that work on one body (Wagtail Site)."""

import sys

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext
from wagtail.models import Site

from ..bodies import site_for_host


# The exit status of a usage error, as argparse uses it.
USAGE_ERROR = 2


def add_site_option(parser: CommandParser, help_text: str) -> None:
    parser.add_argument("--site", metavar="HOST[:PORT]", help=help_text)


def chosen_site(command: BaseCommand, host: object) -> Site | None:
    """The site named by `--site`, None without it; an unknown or ambiguous host
    ends the command with a German message and exit status 2."""
    if not host:
        return None
    site = site_for_host(str(host))
    if site is None:
        command.stderr.write(
            gettext(
                "No single site has the host “%(host)s”. Name it as HOST, or as "
                "HOST:PORT when several sites share the host."
            )
            % {"host": host}
        )
        sys.exit(USAGE_ERROR)
    return site
