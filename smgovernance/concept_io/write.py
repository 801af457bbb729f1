"""Writing a validated import file: all or nothing, in one transaction.

`import_data()` validates first (`validate.Validator`) and writes only a file
without errors. Every page goes through `save_page()`, which turns a rule the page
breaks into the German error list, and every row is written inside `guard()`, so a
rule checked only while writing still ends in `ImportErrors` and a rolled-back
transaction, never a traceback.

A key missing from the file leaves that data unchanged (`given()`); with
`replace=True` a missing key empties it, as a complete file would. With
`dry_run=True` the import runs and is rolled back; the result then lists each
object as new, changed, unchanged or deleted (`changes.compare`).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext
from wagtail.models import Page

from ..models import (
    ArchiveHandover,
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
from .changes import compare, keyed
from .errors import ImportErrors, error_lines
from .evaluations import evaluation_key, evaluation_order
from .export import _export
from .pages import in_site, page_at, site_root, site_values, using_site
from .sanitise import sanitised
from .schema import (
    ACTION_FIELDS,
    CHANNEL_BODY_BLOCK,
    CHANNEL_PAGE_REFS,
    CHANNEL_STRUCT_LISTS,
    CHANNEL_TEXT_LISTS,
    CONCEPT_FIELDS,
    CONCEPT_ROLES,
    EVALUATION_FIELDS,
    HANDOVER_FIELDS,
    IMPRINT_FIELDS,
    SECTIONS,
    SECTIONS_BY_NAME,
    Section,
)
from .validate import validate


Progress = Callable[[str], None]
TEXT_FIELDS = (models.CharField, models.TextField)


@dataclass
class ImportResult:
    """Rows written per section; for a dry run, one German line per object."""

    counts: dict[str, int] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)


class DryRun(Exception):
    """Raised at the end of a dry run to roll the transaction back."""


def given(row: dict, name: str, replace: bool) -> bool:
    """Whether the import sets `name`: the file has the key, or it replaces."""
    return replace or name in row


@contextmanager
def guard(where: str) -> Iterator[None]:
    """Any failure while writing a row becomes a German line at its location."""
    try:
        yield
    except ImportErrors:
        raise
    except ValidationError as exc:
        raise ImportErrors(error_lines(where, exc)) from exc
    except (
        DatabaseError,
        ObjectDoesNotExist,
        LookupError,
        TypeError,
        ValueError,
    ) as exc:
        raise ImportErrors(
            [
                f"{where}: "
                + gettext("could not be written (%(error)s).") % {"error": exc}
            ]
        ) from exc


def import_data(
    data: object,
    progress: Progress = lambda _m: None,
    replace: bool = False,
    dry_run: bool = False,
    site=None,
) -> ImportResult:
    """Validate everything, then write everything in one transaction, into the
    pages and records of `site` (None: the default site).

    Returns the counts per section (and, for a dry run, the changes; nothing is
    written then).
    """
    with using_site(site):
        return _import(data, progress, replace, dry_run)


def _import(
    data: object, progress: Progress, replace: bool, dry_run: bool
) -> ImportResult:
    data = sanitised(data)
    errors = validate(data)
    if errors:
        raise ImportErrors(errors)
    result = ImportResult()
    before = _export() if dry_run else {}
    try:
        with transaction.atomic():
            write_all(data, result.counts, progress, replace)
            if dry_run:
                result.changes = compare(before, _export(), set(keyed(data)))
                raise DryRun
    except DryRun:
        pass
    return result


def write_all(data: dict, counts: dict, progress: Progress, replace: bool) -> None:
    objects: dict[str, dict] = {}
    for spec in SECTIONS:
        objects[spec.name] = {}
        rows = data.get(spec.name, [])
        write = partial(write_record, spec, objects, replace=replace)
        counts[spec.name] = write_rows(spec.name, rows, write, progress)
        if spec.model is ChannelProfilePage:
            with guard("channels"):
                link_successors(rows, objects, replace)
    for name, write_one in (("imprint", write_imprint), ("concept", write_concept)):
        if data.get(name):
            with guard(name):
                write_one(data[name], objects, replace)
            counts[name] = 1
            progress(f"{name}: 1/1")
    evaluations = data.get("evaluations") or []
    order = evaluation_order(evaluations)
    counts["evaluations"] = write_rows(
        "evaluations",
        evaluations,
        partial(write_evaluation, objects=objects, replace=replace),
        progress,
        order,
    )
    counts["awareness_actions"] = write_rows(
        "awareness_actions",
        data.get("awareness_actions") or [],
        partial(write_action, objects=objects, replace=replace),
        progress,
    )


def write_rows(
    name: str,
    rows: list,
    write: Callable[..., object],
    progress: Progress,
    order: list[int] | None = None,
) -> int:
    """Write each row as `write(row, where=...)` (in `order`, if given: indexes);
    progress every 100 rows and at the end."""
    for n, i in enumerate(order if order is not None else range(len(rows)), start=1):
        where = f"{name}[{i}]"
        with guard(where):
            write(rows[i], where=where)
        if n % 100 == 0 or n == len(rows):
            progress(f"{name}: {n}/{len(rows)}")
    return len(rows)


def write_record(
    spec: Section, objects: dict, row: dict, where: str, replace: bool = False
) -> None:
    """One record (or channel page) of a section, matched by its natural key."""
    values = {name: row.get(name) for name in spec.fields if given(row, name, replace)}
    for ref, target in spec.refs.items():
        if not given(row, ref, replace):
            continue
        key = row.get(ref)
        values[ref] = lookup(objects, target, key) if key not in (None, "") else None
    if spec.model is ChannelProfilePage:
        obj = write_channel(row, values, where, replace)
    else:
        obj, _created = spec.model.objects.update_or_create(
            **{spec.key: row[spec.key]},
            **site_values(spec.model),
            defaults=blank_none(spec.model, values),
        )
    if spec.model is ContactPoint and given(row, "office_hours", replace):
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
    """YAML null for a field that is not nullable: the empty string for text, the
    default for a field with one (else None, for `save()` to fill in)."""
    result = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if value is None and not field.null:
            if isinstance(field, TEXT_FIELDS):
                value = ""
            elif field.has_default():
                value = field.get_default()
        elif value is not None and not field.is_relation:
            value = field.to_python(value)  # "2026-02-01" as a date, for save()
        result[name] = value
    return result


def lookup(objects: dict, section: str, key: object) -> models.Model:
    """A record by its key: written by this import, else from the database."""
    if key in objects.get(section, {}):
        return objects[section][key]
    spec = SECTIONS_BY_NAME[section]
    return in_site(spec.model.objects.all()).get(**{spec.key: key})


def channel_index() -> ChannelIndexPage:
    """The first channel index, or a new `/kanaele/` below the site root."""
    index = in_site(ChannelIndexPage.objects.order_by("path")).first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        site_root().add_child(instance=index)
        index.save_revision().publish()
    return index


def write_channel(
    row: dict, values: dict, where: str, replace: bool = False
) -> ChannelProfilePage:
    """Create or update one channel page with its lists, page links and history."""
    page = (
        in_site(ChannelProfilePage.objects.filter(slug=row["slug"])).first()
        or ChannelProfilePage()
    )
    set_fields(page, values)
    for name in CHANNEL_PAGE_REFS:
        if given(row, name, replace):
            path = row.get(name)
            setattr(page, name, page_at(path) if path else None)
    if given(row, "body", replace):
        page.body = CHANNEL_BODY_BLOCK.to_python(row.get("body") or [])
    for name in CHANNEL_TEXT_LISTS:
        if given(row, name, replace):
            setattr(page, name, [("item", text) for text in row.get(name) or []])
    for name, (block_type, keys) in CHANNEL_STRUCT_LISTS.items():
        if given(row, name, replace):
            items = row.get(name) or []
            setattr(
                page,
                name,
                [(block_type, {key: item.get(key) for key in keys}) for item in items],
            )
    if given(row, "stage_changes", replace):
        page.stage_changes = [
            ChannelStageChange(
                stage=change["stage"],
                changed_on=change["changed_on"],
                reason=change.get("reason") or "",
                sort_order=n,
            )
            for n, change in enumerate(row.get("stage_changes") or [])
        ]
    if given(row, "archive_handovers", replace):
        page.archive_handovers = [
            ArchiveHandover(
                **blank_none(
                    ArchiveHandover,
                    {name: item.get(name) for name in HANDOVER_FIELDS},
                ),
                sort_order=n,
            )
            for n, item in enumerate(row.get("archive_handovers") or [])
        ]
    save_page(page, channel_index(), live_state(row, page, replace), where)
    return page


def link_successors(rows: list[dict], objects: dict, replace: bool = False) -> None:
    """Successors after all channels exist (a successor may come later in the file)."""
    for i, row in enumerate(rows):
        if not given(row, "successors", replace):
            continue
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


def live_state(row: dict, page: Page, replace: bool = False) -> bool:
    """`live` from the file; missing: as the page is (a new page, or replace: live)."""
    if "live" in row or page.pk is None or replace:
        return bool(row.get("live", True))
    return page.live


def write_imprint(row: dict, objects: dict, replace: bool = False) -> None:
    page = in_site(ImprintPage.objects.order_by("path")).first() or ImprintPage()
    set_fields(
        page,
        {name: row.get(name) for name in IMPRINT_FIELDS if given(row, name, replace)},
    )
    if given(row, "responsible_persons", replace):
        page.responsible_persons = [
            ImprintResponsiblePerson(
                person=lookup(objects, "persons", item["person"]),
                area=item.get("area") or "",
                meets_requirements=bool(item.get("meets_requirements")),
                sort_order=n,
            )
            for n, item in enumerate(row.get("responsible_persons") or [])
        ]
    save_page(page, site_root(), live_state(row, page, replace), "imprint")


def write_concept(row: dict, objects: dict, replace: bool = False) -> None:
    page = (
        in_site(UsageConceptPage.objects.filter(slug=row["slug"])).first()
        or UsageConceptPage()
    )
    for name in CONCEPT_FIELDS:
        if given(row, name, replace):
            setattr(page, name, row.get(name) if row.get(name) is not None else "")
    for role in CONCEPT_ROLES:
        if given(row, role, replace):
            person = lookup(objects, "persons", row[role]) if row.get(role) else None
            setattr(page, role, person)
    if given(row, "documents", replace):
        page.documents = [ConceptDocument(**doc) for doc in row.get("documents") or []]
    if given(row, "responsible_persons", replace):
        page.responsible_persons = [
            lookup(objects, "persons", n) for n in row.get("responsible_persons") or []
        ]
    if given(row, "contact_points", replace):
        page.contact_points = [
            lookup(objects, "contact_points", n)
            for n in row.get("contact_points") or []
        ]
    save_page(page, site_root(), live_state(row, page, replace), "concept")


def write_evaluation(
    row: dict, objects: dict, where: str = "", replace: bool = False
) -> None:
    existing = (
        EvaluationRecord.objects.for_site(site_values(EvaluationRecord)["site"])
        .filter(date=row["date"], evaluator=row["evaluator"])
        .first()
    )
    if existing is not None and existing.submitted:
        return  # append-only: a submitted evaluation is never overwritten
    evaluation = existing or EvaluationRecord(**site_values(EvaluationRecord))
    values = blank_none(
        EvaluationRecord,
        {n: row.get(n) for n in EVALUATION_FIELDS if given(row, n, replace)},
    )
    for name, value in values.items():
        setattr(evaluation, name, value)
    if given(row, "corrects", replace):
        corrects = row.get("corrects")
        evaluation.corrects = (
            in_site(EvaluationRecord.objects.all()).get(**evaluation_key(corrects))
            if corrects
            else None
        )
    if given(row, "decisions", replace):
        evaluation.decisions = [
            ChannelDecision(
                channel=lookup(objects, "channels", d["channel"]),
                decision=d["decision"],
                reasons=d.get("reasons") or "",
            )
            for d in row.get("decisions") or []
        ]
    evaluation.save()


def write_action(
    row: dict, objects: dict, where: str = "", replace: bool = False
) -> None:
    values = blank_none(
        AwarenessAction,
        {n: row.get(n) for n in ACTION_FIELDS if given(row, n, replace)},
    )
    action, _created = AwarenessAction.objects.update_or_create(
        **site_values(AwarenessAction),
        date=row["date"],
        kind=row["kind"],
        link=row.get("link") or "",
        defaults=values,
    )
    if given(row, "channels", replace):
        action.channels.set(
            [lookup(objects, "channels", s) for s in row.get("channels") or []]
        )
