"""Checks of the usage concept and its registers: publication, evaluation, awareness."""

from collections.abc import Iterator

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import (
    AwarenessAction,
    ChannelProfilePage,
    ChannelStageChange,
    EvaluationRecord,
    UsageConceptPage,
)
from ..rules.deadlines import awareness_interval, evaluation_due
from ..rules.stages import ChannelStage
from .helpers import (
    concept_page,
    latest_evaluation,
    modeladmin_url,
    page_edit_url,
    public_channel_list,
    public_channels,
    register_required_page,
    short_date,
    today,
)
from .registry import Problem, Severity, register_check


register_required_page(
    "smgovernance.C001",
    _("The usage concept is published"),
    "smgovernance.UsageConceptPage",
    _("The usage concept page is missing or not published."),
    "O-16: the concept must be publicly accessible.",
)


@register_check(
    "smgovernance.C002",
    Severity.ERROR,
    _("The yearly evaluation is not overdue"),
    concerns=(EvaluationRecord,),
)
def evaluation_overdue(site: Site | None) -> Iterator[Problem]:
    """O-16, seed §6: the concept is evaluated once a year."""
    latest = latest_evaluation(site)
    create_url = modeladmin_url(EvaluationRecord, "create")
    if latest is None:
        yield Problem(
            gettext("No evaluation of the usage concept has been submitted yet."),
            None,
            create_url,
        )
        return
    due = evaluation_due(latest.date, latest.next_due)
    if due < today():
        yield Problem(
            gettext(
                "The yearly evaluation is overdue: the last one is of %(date)s, "
                "the next was due on %(due)s."
            )
            % {"date": short_date(latest.date), "due": short_date(due)},
            latest,
            create_url,
        )


@register_check(
    "smgovernance.C003",
    Severity.WARNING,
    _("The latest evaluation is published"),
    concerns=(EvaluationRecord,),
)
def evaluation_unpublished(site: Site | None) -> Iterator[Problem]:
    """O-16: the evaluation must be published along with the concept."""
    latest = latest_evaluation(site)
    if latest is not None and not latest.published:
        yield Problem(
            gettext("The latest evaluation (%(date)s) is not published.")
            % {"date": short_date(latest.date)},
            latest,
            modeladmin_url(EvaluationRecord, "inspect", latest.pk),
        )


@register_check(
    "smgovernance.C004",
    Severity.ERROR,
    _("The concept was updated after every channel activation"),
    concerns=(UsageConceptPage,),
)
def concept_older_than_channel(site: Site | None) -> Iterator[Problem]:
    """Seed §6: the concept is updated when a new channel starts.

    The activation date is the channel's stage history: a change to "active"
    after the concept version's date means the concept is due for an update.
    """
    concept = concept_page(site)
    if concept is None:
        return
    version_date = concept.version_date
    # One query, not the channel list: the concept's editor runs this check alone.
    activated = (
        ChannelStageChange.objects.filter(
            page__in=public_channels(site),
            stage=ChannelStage.ACTIVE,
            changed_on__gt=version_date,
        )
        .order_by("page__path")
        .values_list("page__title", flat=True)
        .distinct()
    )
    for title in activated:
        yield Problem(
            gettext(
                "The channel “%(channel)s” went on a platform after the concept "
                "version of %(date)s: update the usage concept."
            )
            % {"channel": title, "date": short_date(version_date)},
            concept,
            page_edit_url(concept),
        )


@register_check(
    "smgovernance.C005",
    Severity.WARNING,
    _("Every channel had a recent privacy-awareness action"),
    concerns=(ChannelProfilePage,),
)
def awareness_overdue(site: Site | None) -> Iterator[Problem]:
    """O-10: users are made aware of the privacy risks regularly, on every channel."""
    since = today() - awareness_interval()
    channels = [
        channel
        for channel in public_channel_list(site)
        if channel.last_awareness_action is None
        or channel.last_awareness_action < since
    ]
    for channel in channels:
        yield Problem(
            gettext(
                "No privacy-awareness action on the channel “%(channel)s” since "
                "%(date)s."
            )
            % {"channel": channel.title, "date": short_date(since)},
            channel,
            modeladmin_url(AwarenessAction, "create"),
        )
