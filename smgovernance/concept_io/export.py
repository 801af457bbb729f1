"""The whole concept as plain data, in the YAML format of `schema`."""

from ..models import (
    AwarenessAction,
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    UsageConceptPage,
)
from .pages import in_site, page_path, plain, plain_values, using_site
from .schema import (
    ACTION_FIELDS,
    CHANNEL_PAGE_REFS,
    CHANNEL_STRUCT_LISTS,
    CHANNEL_TEXT_LISTS,
    CONCEPT_FIELDS,
    CONCEPT_ROLES,
    DOCUMENT_FIELDS,
    EVALUATION_FIELDS,
    HANDOVER_FIELDS,
    IMPRINT_FIELDS,
    OFFICE_HOURS_FIELDS,
    SCHEMA,
    SECTIONS,
    SECTIONS_BY_NAME,
    STAGE_CHANGE_FIELDS,
    Section,
)


def export_data(site=None) -> dict:
    """The concept of `site` (None: the default site) as plain data (lists in a
    stable order). Platforms and their operators are shared by all sites."""
    with using_site(site):
        return _export()


def _export() -> dict:
    data: dict = {"schema": SCHEMA}
    for section in SECTIONS:
        data[section.name] = [export_row(section, obj) for obj in _ordered(section)]
    imprint = in_site(ImprintPage.objects.order_by("path")).first()
    if imprint is not None:
        data["imprint"] = export_imprint(imprint)
    concept = in_site(UsageConceptPage.objects.order_by("path")).first()
    if concept is not None:
        data["concept"] = export_concept(concept)
    data["evaluations"] = [
        export_evaluation(evaluation)
        for evaluation in in_site(EvaluationRecord.objects.order_by("date", "pk"))
    ]
    data["awareness_actions"] = [
        {
            **plain_values(action, ACTION_FIELDS),
            "channels": sorted(c.slug for c in action.channels.all()),
        }
        for action in in_site(AwarenessAction.objects.order_by("date", "pk"))
    ]
    return data


def _ordered(section: Section) -> object:
    # Channels in the page tree's order, records by their key.
    order = "path" if section.model is ChannelProfilePage else section.key
    return in_site(section.model.objects.order_by(order))


def export_row(section: Section, obj: object) -> dict:
    """One record of a section: plain fields, references by their target's key."""
    row = plain_values(obj, section.fields)
    for ref, target in section.refs.items():
        related = getattr(obj, ref)
        row[ref] = (
            getattr(related, SECTIONS_BY_NAME[target].key)
            if related is not None
            else None
        )
    if section.model is ContactPoint:
        row["office_hours"] = [
            plain_values(hours, OFFICE_HOURS_FIELDS) for hours in obj.office_hours.all()
        ]
    if section.model is ChannelProfilePage:
        row.update(export_channel_extras(obj))
    return row


def export_channel_extras(channel: ChannelProfilePage) -> dict:
    """A channel's page links, lists, history, successors and free blocks."""
    row: dict = {name: page_path(getattr(channel, name)) for name in CHANNEL_PAGE_REFS}
    for name in CHANNEL_TEXT_LISTS:
        row[name] = [str(block.value) for block in getattr(channel, name)]
    for name, (_type, keys) in CHANNEL_STRUCT_LISTS.items():
        row[name] = [
            {key: block.value[key] for key in keys} for block in getattr(channel, name)
        ]
    row["stage_changes"] = [
        plain_values(change, STAGE_CHANGE_FIELDS)
        for change in channel.stage_changes.all()
    ]
    row["successors"] = [item.successor.slug for item in channel.successors.all()]
    row["archive_handovers"] = [
        plain_values(handover, HANDOVER_FIELDS)
        for handover in channel.archive_handovers.all()
    ]
    # The free blocks below the facts, in Wagtail's own JSON form (type and value).
    row["body"] = [
        {"type": child["type"], "value": child["value"]}
        for child in channel.body.raw_data
    ]
    row["live"] = channel.live
    return row


def export_imprint(imprint: ImprintPage) -> dict:
    row = plain_values(imprint, IMPRINT_FIELDS)
    row["live"] = imprint.live
    row["responsible_persons"] = [
        {
            "person": item.person.name,
            "area": item.area,
            "meets_requirements": item.meets_requirements,
        }
        for item in imprint.responsible_persons.all()
    ]
    return row


def export_concept(concept: UsageConceptPage) -> dict:
    row = plain_values(concept, CONCEPT_FIELDS)
    row["live"] = concept.live
    row["responsible_persons"] = sorted(
        p.name for p in concept.responsible_persons.all()
    )
    row["contact_points"] = sorted(c.name for c in concept.contact_points.all())
    for role in CONCEPT_ROLES:
        person = getattr(concept, role)
        row[role] = person.name if person else None
    row["documents"] = [
        plain_values(document, DOCUMENT_FIELDS) for document in concept.documents.all()
    ]
    return row


def export_evaluation(evaluation: EvaluationRecord) -> dict:
    row = plain_values(evaluation, EVALUATION_FIELDS)
    row["corrects"] = (
        {
            "date": plain(evaluation.corrects.date),
            "evaluator": evaluation.corrects.evaluator,
        }
        if evaluation.corrects
        else None
    )
    row["decisions"] = [
        {"channel": d.channel.slug, "decision": d.decision, "reasons": d.reasons}
        for d in evaluation.decisions.all()
    ]
    return row
