"""Writing a validated import file: all or nothing, in one transaction.

`import_data()` validates first (`validate.Validator`) and writes only a file
without errors. Every page goes through `save_page()`, which turns a rule the page
breaks into the German error list, so a rule checked only while saving still
ends in `ImportErrors` and a rolled-back transaction, never a traceback.
"""

from collections.abc import Callable
from functools import partial

from django.core.exceptions import ValidationError
from django.db import models, transaction
from wagtail.models import Page

from ..models import (
    AwarenessAction,
    ChannelDecision,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStageChange,
    ChannelSuccessor,
    ConceptDocument,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    ImprintResponsiblePerson,
    OfficeHours,
    UsageConceptPage,
)
from .errors import ImportErrors, error_lines
from .pages import page_at, site_root
from .schema import (
    ACTION_FIELDS,
    CHANNEL_BODY_BLOCK,
    CHANNEL_PAGE_REFS,
    CHANNEL_STRUCT_LISTS,
    CHANNEL_TEXT_LISTS,
    CONCEPT_FIELDS,
    CONCEPT_ROLES,
    EVALUATION_FIELDS,
    IMPRINT_FIELDS,
    SECTIONS,
    SECTIONS_BY_NAME,
    Section,
)
from .validate import validate


Progress = Callable[[str], None]


def import_data(data: object, progress: Progress = lambda _m: None) -> dict[str, int]:
    """Validate everything, then write everything in one transaction. Returns counts."""
    errors = validate(data)
    if errors:
        raise ImportErrors(errors)
    counts: dict[str, int] = {}
    with transaction.atomic():
        objects: dict[str, dict] = {}
        for spec in SECTIONS:
            objects[spec.name] = {}
            rows = data.get(spec.name, [])
            write = partial(write_record, spec, objects)
            counts[spec.name] = write_rows(spec.name, rows, write, progress)
            if spec.model is ChannelProfilePage:
                link_successors(rows, objects)
        for name, write_one in (("imprint", write_imprint), ("concept", write_concept)):
            if data.get(name):
                write_one(data[name], objects)
                counts[name] = 1
                progress(f"{name}: 1/1")
        for name, write_each in (
            ("evaluations", write_evaluation),
            ("awareness_actions", write_action),
        ):
            rows = data.get(name) or []
            write = partial(write_each, objects=objects)
            counts[name] = write_rows(name, rows, write, progress)
    return counts


def write_rows(
    name: str, rows: list, write: Callable[..., object], progress: Progress
) -> int:
    """Write each row as `write(row, where=...)`; progress every 100 rows and at the end."""
    for i, row in enumerate(rows, start=1):
        write(row, where=f"{name}[{i - 1}]")
        if i % 100 == 0 or i == len(rows):
            progress(f"{name}: {i}/{len(rows)}")
    return len(rows)


def write_record(spec: Section, objects: dict, row: dict, where: str) -> None:
    """One record (or channel page) of a section, matched by its natural key."""
    values = {name: row.get(name) for name in spec.fields if name in row}
    for ref, target in spec.refs.items():
        key = row.get(ref)
        values[ref] = lookup(objects, target, key) if key not in (None, "") else None
    if spec.model is ChannelProfilePage:
        obj = write_channel(row, values, where)
    else:
        obj, _created = spec.model.objects.update_or_create(
            **{spec.key: row[spec.key]}, defaults=blank_none(spec.model, values)
        )
    if spec.model is ContactPoint:
        obj.office_hours.all().delete()
        for hours in row.get("office_hours") or []:
            OfficeHours.objects.create(contact_point=obj, **hours)
    objects[spec.name][row[spec.key]] = obj


def save_page(page: Page, parent: Page, live: bool, where: str) -> None:
    """Save (and publish or unpublish) a page; a rule it breaks becomes an import error."""
    try:
        if page.pk is None:
            page.live = live
            parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        elif page.live:
            page.unpublish()
    except ValidationError as exc:
        raise ImportErrors(error_lines(where, exc)) from exc


def set_fields(page: Page, values: dict) -> None:
    """Set plain field values; a missing value is blank unless the field is nullable."""
    nullable = {f.name for f in type(page)._meta.concrete_fields if f.null}
    for name, value in values.items():
        setattr(page, name, "" if value is None and name not in nullable else value)


def blank_none(model: type[models.Model], values: dict) -> dict:
    """YAML null for a blank text field means the empty string."""
    result = {}
    for name, value in values.items():
        if value is None and not model._meta.get_field(name).null:
            value = ""
        result[name] = value
    return result


def lookup(objects: dict, section: str, key: object) -> models.Model:
    """A record by its key: written by this import, else from the database."""
    if key in objects.get(section, {}):
        return objects[section][key]
    spec = SECTIONS_BY_NAME[section]
    return spec.model.objects.get(**{spec.key: key})


def channel_index() -> ChannelIndexPage:
    """The first channel index, or a new `/kanaele/` below the site root."""
    index = ChannelIndexPage.objects.order_by("path").first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        site_root().add_child(instance=index)
        index.save_revision().publish()
    return index


def write_channel(row: dict, values: dict, where: str) -> ChannelProfilePage:
    """Create or update one channel page with its lists, page links and history."""
    page = (
        ChannelProfilePage.objects.filter(slug=row["slug"]).first()
        or ChannelProfilePage()
    )
    set_fields(page, values)
    for name in CHANNEL_PAGE_REFS:
        path = row.get(name)
        setattr(page, name, page_at(path) if path else None)
    page.body = CHANNEL_BODY_BLOCK.to_python(row.get("body") or [])
    for name in CHANNEL_TEXT_LISTS:
        setattr(page, name, [("item", text) for text in row.get(name) or []])
    for name, (block_type, keys) in CHANNEL_STRUCT_LISTS.items():
        items = row.get(name) or []
        setattr(
            page,
            name,
            [(block_type, {key: item.get(key) for key in keys}) for item in items],
        )
    page.stage_changes = [
        ChannelStageChange(
            stage=change["stage"],
            changed_on=change["changed_on"],
            reason=change.get("reason") or "",
            sort_order=n,
        )
        for n, change in enumerate(row.get("stage_changes") or [])
    ]
    save_page(page, channel_index(), row.get("live", True), where)
    return page


def link_successors(rows: list[dict], objects: dict) -> None:
    """Successors after all channels exist (a successor may come later in the file)."""
    for i, row in enumerate(rows):
        page = objects["channels"][row["slug"]]
        wanted = [
            lookup(objects, "channels", slug).pk for slug in row.get("successors") or []
        ]
        if wanted == [item.successor_id for item in page.successors.all()]:
            continue
        page.successors = [
            ChannelSuccessor(successor_id=pk, sort_order=n)
            for n, pk in enumerate(wanted)
        ]
        save_page(page, page.get_parent(), page.live, f"channels[{i}]")


def write_imprint(row: dict, objects: dict) -> None:
    page = ImprintPage.objects.order_by("path").first() or ImprintPage()
    set_fields(page, {name: row.get(name) for name in IMPRINT_FIELDS})
    page.responsible_persons = [
        ImprintResponsiblePerson(
            person=lookup(objects, "persons", item["person"]),
            area=item.get("area") or "",
            meets_requirements=bool(item.get("meets_requirements")),
            sort_order=n,
        )
        for n, item in enumerate(row.get("responsible_persons") or [])
    ]
    save_page(page, site_root(), row.get("live", True), "imprint")


def write_concept(row: dict, objects: dict) -> None:
    page = (
        UsageConceptPage.objects.filter(slug=row["slug"]).first() or UsageConceptPage()
    )
    for name in CONCEPT_FIELDS:
        setattr(page, name, row.get(name) if row.get(name) is not None else "")
    for role in CONCEPT_ROLES:
        person = lookup(objects, "persons", row[role]) if row.get(role) else None
        setattr(page, role, person)
    page.documents = [ConceptDocument(**doc) for doc in row.get("documents") or []]
    page.responsible_persons = [
        lookup(objects, "persons", n) for n in row.get("responsible_persons") or []
    ]
    page.contact_points = [
        lookup(objects, "contact_points", n) for n in row.get("contact_points") or []
    ]
    save_page(page, site_root(), row.get("live", True), "concept")


def write_evaluation(row: dict, objects: dict, where: str = "") -> None:
    existing = EvaluationRecord.objects.filter(
        date=row["date"], evaluator=row["evaluator"]
    ).first()
    if existing is not None and existing.submitted:
        return  # append-only: a submitted evaluation is never overwritten
    evaluation = existing or EvaluationRecord()
    values = blank_none(EvaluationRecord, {n: row.get(n) for n in EVALUATION_FIELDS})
    for name, value in values.items():
        setattr(evaluation, name, value)
    corrects = row.get("corrects")
    evaluation.corrects = (
        EvaluationRecord.objects.get(
            date=corrects["date"], evaluator=corrects["evaluator"]
        )
        if corrects
        else None
    )
    evaluation.decisions = [
        ChannelDecision(
            channel=lookup(objects, "channels", d["channel"]),
            decision=d["decision"],
            reasons=d.get("reasons") or "",
        )
        for d in row.get("decisions") or []
    ]
    evaluation.save()


def write_action(row: dict, objects: dict, where: str = "") -> None:
    values = blank_none(AwarenessAction, {n: row.get(n) for n in ACTION_FIELDS})
    action, _created = AwarenessAction.objects.update_or_create(
        date=values["date"], kind=values["kind"], link=values["link"], defaults=values
    )
    action.channels.set(
        [lookup(objects, "channels", s) for s in row.get("channels") or []]
    )
