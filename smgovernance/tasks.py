"""Background jobs (django-tasks): channel verification, Vimeo posters, reminder mails.

The jobs run wherever the project's ``TASKS`` backend runs them: the database
backend (``django_tasks_db``) stores them until ``manage.py db_worker`` picks them
up; the immediate backend (tests, simple set-ups) runs them at once. The commands
``smgovernance_verify_channels``, ``smgovernance_fetch_vimeo_posters`` and
``smgovernance_remind`` enqueue them (cron), and publishing a channel page enqueues
a verification of that channel.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Page, Site

from . import __version__, monitor
from .models import ChannelProfilePage, VideoPage
from .models.register import ChannelVerification
from .monitor.fetch import FetchError
from .reminders import send_reminder
from .rules.hosts import split_hosts
from .rules.stages import PUBLIC_STAGES
from .vimeo_posters import PosterError, set_poster


logger = logging.getLogger(__name__)


# --- channel verification -------------------------------------------------------


def own_hosts(site: Site | None = None) -> tuple[str, ...]:
    """The host names of the channel's body: its site and every site that serves
    the same pages (www and without). A link to another body's site is not ours.
    Without a site: every site of the installation."""
    sites = Site.objects.all()
    if site is not None:
        sites = sites.filter(root_page_id=site.root_page_id)
    return tuple(
        dict.fromkeys(
            host.lower() for host in sites.values_list("hostname", flat=True) if host
        )
    )


def user_agent(site: Site | None) -> str:
    """A User-Agent that names the site, so platform operators know who asks."""
    where = site.root_url if site else ""
    name = site.site_name if site and site.site_name else ""
    about = "; ".join(part for part in (where, name) if part)
    return f"smgovernance-channel-monitor/{__version__} (+{about})"


def target_for(channel: ChannelProfilePage) -> monitor.Target:
    """What the monitor needs to know about a channel, read from its record."""
    platform = channel.platform
    site = channel.get_site()
    return monitor.Target(
        kind=monitor.verifier_kind(platform.slug, platform.is_federated),
        platform_name=platform.name,
        profile_url=channel.profile_url,
        handle=channel.handle,
        platform_hosts=tuple(
            split_hosts(platform.profile_hosts) + split_hosts(platform.outdated_hosts)
        ),
        own_hosts=own_hosts(site),
        user_agent=user_agent(site),
        did=getattr(channel, "bluesky_did", "") or "",
    )


def check_channel(channel: ChannelProfilePage) -> ChannelVerification:
    """Verify one channel's profile now and append the result to the log."""
    try:
        result = monitor.verify(target_for(channel))
    except (
        FetchError
    ) as error:  # the verifiers turn these into results; belt and braces
        result = monitor.Result(monitor.Outcome.UNREACHABLE, error.message)
    return ChannelVerification.objects.create(
        channel=channel,
        outcome=result.outcome,
        reason=result.reason,
        profile_url=channel.profile_url[:500],
        checked_url=result.checked_url[:1000],
        http_status=result.status,
        new_url=result.new_url[:500],
        request_sent=result.request_sent,
    )


def record_confirmation(
    channel: ChannelProfilePage, user: object = None, note: str = "", name: str = ""
) -> ChannelVerification:
    """Someone checked the profile by hand: who (the user, or `name`), when, what."""
    if user is not None and not name:
        name = (user.get_full_name() or user.get_username()).strip()
    return ChannelVerification.objects.create(
        channel=channel,
        outcome=monitor.Outcome.CONFIRMED,
        reason=note.strip()
        or gettext("The imprint link on the profile was checked by hand."),
        profile_url=channel.profile_url[:500],
        confirmed_by=name[:255],
        confirmed_by_user=user if getattr(user, "pk", None) else None,
    )


def channels_to_verify() -> list[ChannelProfilePage]:
    """Live channels in a public stage: those that exist on their platform."""
    return list(
        ChannelProfilePage.objects.live()
        .filter(stage__in=PUBLIC_STAGES)
        .select_related("platform")
        .order_by("path")
    )


@task()
def verify_channel(channel_id: int) -> str:
    """Check one channel's profile; returns the outcome ("" when the page is gone)."""
    channel = (
        ChannelProfilePage.objects.select_related("platform")
        .filter(pk=channel_id)
        .first()
    )
    if channel is None:
        return ""
    return check_channel(channel).outcome


def enqueue_verification(channel_id: int) -> None:
    """Queue a check; a broken queue is logged and never breaks the caller."""
    try:
        verify_channel.enqueue(channel_id)
    except Exception:  # the queue is a dependency: it degrades, the site stays up
        logger.exception("Could not queue the verification of channel %s", channel_id)


def queue_verification_on_publish(
    sender: type, instance: Page, **kwargs: object
) -> None:
    """`page_published` receiver: a published channel page gets its profile checked.

    Queued after the transaction commits, so the worker sees the published page.
    """
    if isinstance(instance, ChannelProfilePage) and instance.stage in PUBLIC_STAGES:
        channel_id = instance.pk
        transaction.on_commit(lambda: enqueue_verification(channel_id))


# --- Vimeo posters and reminders ------------------------------------------------


@task()
def fetch_vimeo_posters(replace: bool = False) -> dict[str, list]:
    """Fetch missing Vimeo previews (all with `replace`); titles stored and errors."""
    pages = VideoPage.objects.order_by("path")
    if not replace:
        pages = pages.filter(poster__isnull=True)
    stored: list[str] = []
    failed: list[list[str]] = []
    for page in pages:
        try:
            set_poster(page)
        except PosterError as exc:
            failed.append([page.title, str(exc)])
        else:
            stored.append(page.title)
    return {"stored": stored, "failed": failed}


@task()
def send_reminders(site_id: int | None = None) -> int:
    """The evaluation reminder mails of every body (or of the site `site_id`) whose
    evaluation is due; returns the number of mails sent."""
    if site_id is None:
        return send_reminder()
    site = Site.objects.select_related("root_page").filter(pk=site_id).first()
    return send_reminder(site=site) if site is not None else 0
