"""Import and export of the whole concept as one YAML document (docs/concept-schema.md).

`export_data()` returns plain data; `import_data()` validates everything first and
raises `ImportErrors` listing every problem with its location ("channels[2].stage"),
then writes all or nothing in one transaction.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext
from wagtail.models import Page, Site

from .models import (
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
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    UsageConceptPage,
)


SCHEMA = "smgovernance-concept/1"


@dataclass
class Section:
    """One list of records: its model, natural key, plain fields and references."""

    name: str
    model: type[models.Model]
    key: str
    fields: list[str]
    refs: dict[str, str] = field(default_factory=dict)  # field -> section it points to


SECTIONS = [
    Section(
        "providers",
        ThirdPartyProvider,
        "name",
        [
            "name",
            "legal_name",
            "address",
            "country",
            "is_third_country",
            "transfer_basis",
            "dpf_checked_on",
            "privacy_policy_url",
        ],
    ),
    Section(
        "platforms",
        Platform,
        "slug",
        [
            "slug",
            "name",
            "profile_hosts",
            "outdated_hosts",
            "joint_controllership",
            "is_federated",
        ],
        {"provider": "providers"},
    ),
    Section(
        "contact_points",
        ContactPoint,
        "name",
        [
            "name",
            "organisation",
            "phone",
            "email",
            "street",
            "postal_code",
            "city",
            "verified_on",
        ],
    ),
    Section(
        "persons",
        ResponsiblePerson,
        "name",
        ["name", "function", "phone", "email", "verified_on"],
        {"contact_point": "contact_points"},
    ),
    Section(
        "channels",
        ChannelProfilePage,
        "slug",
        [
            "slug",
            "title",
            "intro",
            "profile_url",
            "handle",
            "purpose",
            "platform_reasons",
            "type_and_scope",
            "dialogue_policy",
            "service_hours",
            "comments_enabled",
            "online_services_name",
            "online_services_url",
            "stage",
            "stage_changed_on",
            "imprint_verified_on",
            "risk_assessment_on",
            "processing_record_ref",
            "privacy_purposes",
            "legal_basis",
            "retention",
        ],
        {
            "platform": "platforms",
            "instance_operator": "providers",
            "responsible_unit": "contact_points",
            "editorial_owner": "persons",
            "technical_owner": "persons",
            "data_subject_owner": "persons",
        },
    ),
]
# Channel fields that point to pages of the site: written as their path ("/kontakt/").
CHANNEL_PAGE_REFS = [
    "netiquette_page",
    "alternative_contact_page",
    "website_equivalent_page",
]
CHANNEL_BODY_BLOCK = ChannelProfilePage._meta.get_field("body").stream_block
# Channel StreamFields: lists of short texts, or of small objects.
CHANNEL_TEXT_LISTS = ["content_kinds", "target_groups", "not_offered"]
CHANNEL_STRUCT_LISTS = {
    "interaction_features": ("feature", ["name", "needs_registration"]),
    "website_equivalent_urls": ("link", ["text", "url"]),
}
CHANNEL_EXTRA = {
    "body",
    "live",
    "stage_changes",
    "successors",
    *CHANNEL_PAGE_REFS,
    *CHANNEL_TEXT_LISTS,
    *CHANNEL_STRUCT_LISTS,
}
IMPRINT_FIELDS = [
    "slug",
    "title",
    *ImprintPage.PROVIDER_FIELDS,
    "vat_id",
    "w_idnr",
    "supervisory_authority_name",
    "supervisory_authority_address",
    "supervisory_authority_url",
    "provider_verified_on",
    "body",
]
CONCEPT_FIELDS = [
    "slug",
    "title",
    "version",
    "version_date",
    "preamble",
    "task",
    "responsible_bodies",
    "self_commitment",
]
EVALUATION_FIELDS = [
    "date",
    "evaluator",
    "findings",
    "next_due",
    "published",
    "submitted",
]
ACTION_FIELDS = ["date", "kind", "link", "description"]


class ImportErrors(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def _plain(value: object) -> object:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _values(obj: models.Model, names: list[str]) -> dict:
    return {name: _plain(getattr(obj, name)) for name in names}


def _page_path(page: Page | None) -> str | None:
    """A page's path below its site root ("/kontakt/"), the key of page references."""
    if page is None:
        return None
    root = _site_root()
    return "/" + page.url_path[len(root.url_path) :]


def _page_at(path: str) -> Page | None:
    root = _site_root()
    return Page.objects.filter(url_path=root.url_path + path.lstrip("/")).first()


def _export_channel_extras(channel: ChannelProfilePage) -> dict:
    row: dict = {name: _page_path(getattr(channel, name)) for name in CHANNEL_PAGE_REFS}
    for name in CHANNEL_TEXT_LISTS:
        row[name] = [str(block.value) for block in getattr(channel, name)]
    for name, (_type, keys) in CHANNEL_STRUCT_LISTS.items():
        row[name] = [
            {key: block.value[key] for key in keys} for block in getattr(channel, name)
        ]
    row["stage_changes"] = [
        {
            "stage": change.stage,
            "changed_on": _plain(change.changed_on),
            "reason": change.reason,
        }
        for change in channel.stage_changes.all()
    ]
    row["successors"] = [item.successor.slug for item in channel.successors.all()]
    # The free blocks below the facts, in Wagtail's own JSON form (type and value).
    row["body"] = [
        {"type": child["type"], "value": child["value"]}
        for child in channel.body.raw_data
    ]
    row["live"] = channel.live
    return row


# --------------------------------------------------------------------------
# Export


def export_data() -> dict:
    """The whole concept as plain data (lists in a stable order)."""
    data: dict = {"schema": SCHEMA}
    for section in SECTIONS:
        rows = []
        objects = section.model.objects.all()
        if section.model is ChannelProfilePage:
            objects = objects.order_by("path")
        else:
            objects = objects.order_by(section.key)
        for obj in objects:
            row = _values(obj, section.fields)
            for ref, target in section.refs.items():
                target_section = next(s for s in SECTIONS if s.name == target)
                related = getattr(obj, ref)
                row[ref] = (
                    getattr(related, target_section.key)
                    if related is not None
                    else None
                )
            if section.model is ContactPoint:
                row["office_hours"] = [
                    _values(h, ["weekday", "opens", "closes"])
                    for h in obj.office_hours.all()
                ]
            if section.model is ChannelProfilePage:
                row.update(_export_channel_extras(obj))
            rows.append(row)
        data[section.name] = rows
    imprint = ImprintPage.objects.order_by("path").first()
    if imprint is not None:
        row = _values(imprint, IMPRINT_FIELDS)
        row["live"] = imprint.live
        row["responsible_persons"] = [
            {
                "person": item.person.name,
                "area": item.area,
                "meets_requirements": item.meets_requirements,
            }
            for item in imprint.responsible_persons.all()
        ]
        data["imprint"] = row
    concept = UsageConceptPage.objects.order_by("path").first()
    if concept is not None:
        row = _values(concept, CONCEPT_FIELDS)
        row["live"] = concept.live
        row["responsible_persons"] = sorted(
            p.name for p in concept.responsible_persons.all()
        )
        row["contact_points"] = sorted(c.name for c in concept.contact_points.all())
        row["evaluation_owner"] = (
            concept.evaluation_owner.name if concept.evaluation_owner else None
        )
        row["evaluation_deputy"] = (
            concept.evaluation_deputy.name if concept.evaluation_deputy else None
        )
        row["documents"] = [
            _values(d, ["title", "author", "year"]) for d in concept.documents.all()
        ]
        data["concept"] = row
    data["evaluations"] = []
    for evaluation in EvaluationRecord.objects.order_by("date", "pk"):
        row = _values(evaluation, EVALUATION_FIELDS)
        row["corrects"] = (
            {
                "date": _plain(evaluation.corrects.date),
                "evaluator": evaluation.corrects.evaluator,
            }
            if evaluation.corrects
            else None
        )
        row["decisions"] = [
            {"channel": d.channel.slug, "decision": d.decision, "reasons": d.reasons}
            for d in evaluation.decisions.all()
        ]
        data["evaluations"].append(row)
    data["awareness_actions"] = [
        {
            **_values(a, ACTION_FIELDS),
            "channels": sorted(c.slug for c in a.channels.all()),
        }
        for a in AwarenessAction.objects.order_by("date", "pk")
    ]
    return data


# --------------------------------------------------------------------------
# Validation


class Validator:
    def __init__(self, data: object) -> None:
        self.errors: list[str] = []
        self.data = data if isinstance(data, dict) else {}
        if not isinstance(data, dict):
            self.errors.append(
                "(Datei): erwartet wird ein YAML-Objekt mit Abschnitten."
            )
        elif data.get("schema") != SCHEMA:
            self.errors.append(f"schema: erwartet wird „{SCHEMA}“.")
        self.keys: dict[str, set] = {}

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def rows(self, name: str) -> list:
        rows = self.data.get(name, [])
        if not isinstance(rows, list):
            self.error(name, gettext("expected: a list."))
            return []
        return rows

    def known(self, section: str) -> set:
        if section not in self.keys:
            spec = next(s for s in SECTIONS if s.name == section)
            from_file = {
                r.get(spec.key) for r in self.rows(section) if isinstance(r, dict)
            }
            in_db = set(spec.model.objects.values_list(spec.key, flat=True))
            self.keys[section] = from_file | in_db
        return self.keys[section]

    def check_row(
        self,
        where: str,
        row: object,
        model: type[models.Model],
        names: list[str],
        extra: set[str],
    ) -> dict:
        if not isinstance(row, dict):
            self.error(where, gettext("expected: an object."))
            return {}
        for key in set(row) - set(names) - extra:
            self.error(f"{where}.{key}", gettext("unknown field."))
        values = {}
        for name in names:
            model_field = model._meta.get_field(name)
            value = row.get(name)
            if value is None or value == "":
                if model_field.blank or model_field.has_default():
                    continue
                self.error(f"{where}.{name}", gettext("required field is missing."))
                continue
            try:
                values[name] = model_field.clean(value, None)
            except ValidationError as exc:
                for message in exc.messages:
                    self.error(f"{where}.{name}", message)
        if not issubclass(model, Page) and len(values) == len(
            [n for n in names if row.get(n) not in (None, "")]
        ):
            try:
                model(**values).clean()
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    for message in messages:
                        self.error(f"{where}.{name}", message)
        return values

    def ref(
        self, where: str, value: object, section: str, optional: bool = False
    ) -> None:
        if optional and value in (None, ""):
            return
        if value not in self.known(section):
            self.error(
                where,
                gettext("“%(value)s” does not exist in “%(section)s”.")
                % {"value": value, "section": section},
            )

    def validate_channel_extras(self, where: str, row: dict) -> None:
        body = row.get("body") or []
        if not isinstance(body, list):
            self.error(f"{where}.body", gettext("expected: a list of blocks."))
        elif body:
            try:
                CHANNEL_BODY_BLOCK.clean(CHANNEL_BODY_BLOCK.to_python(body))
            except (ValidationError, KeyError, TypeError, ValueError) as exc:
                messages = getattr(exc, "messages", None) or [str(exc)]
                self.error(f"{where}.body", " ".join(str(m) for m in messages))
        for name in CHANNEL_PAGE_REFS:
            path = row.get(name)
            if path and _page_at(str(path)) is None:
                self.error(
                    f"{where}.{name}",
                    gettext("no page at “%(path)s”.") % {"path": path},
                )
        for name in CHANNEL_TEXT_LISTS:
            items = row.get(name) or []
            if not isinstance(items, list) or not all(
                isinstance(i, str) for i in items
            ):
                self.error(f"{where}.{name}", gettext("expected: a list of texts."))
        for name, (_type, keys) in CHANNEL_STRUCT_LISTS.items():
            for j, item in enumerate(row.get(name) or []):
                if not isinstance(item, dict) or set(item) - set(keys):
                    self.error(
                        f"{where}.{name}[{j}]",
                        gettext("expected: an object with %(keys)s.")
                        % {"keys": ", ".join(keys)},
                    )
        for j, change in enumerate(row.get("stage_changes") or []):
            self.check_row(
                f"{where}.stage_changes[{j}]",
                change,
                ChannelStageChange,
                ["stage", "changed_on", "reason"],
                set(),
            )
        for j, slug in enumerate(row.get("successors") or []):
            self.ref(f"{where}.successors[{j}]", slug, "channels")

    def validate(self) -> None:
        for spec in SECTIONS:
            seen = set()
            extra = set(spec.refs)
            if spec.model is ContactPoint:
                extra.add("office_hours")
            if spec.model is ChannelProfilePage:
                extra |= CHANNEL_EXTRA
            for i, row in enumerate(self.rows(spec.name)):
                where = f"{spec.name}[{i}]"
                values = self.check_row(where, row, spec.model, spec.fields, extra)
                key = values.get(spec.key)
                if key in seen:
                    self.error(
                        f"{where}.{spec.key}",
                        gettext("“%(key)s” appears twice.") % {"key": key},
                    )
                seen.add(key)
                for ref, target in spec.refs.items():
                    self.ref(
                        f"{where}.{ref}",
                        row.get(ref) if isinstance(row, dict) else None,
                        target,
                        optional=spec.model._meta.get_field(ref).null,
                    )
                if spec.model is ChannelProfilePage and isinstance(row, dict):
                    self.validate_channel_extras(where, row)
                if spec.model is ContactPoint and isinstance(row, dict):
                    for j, hours in enumerate(row.get("office_hours") or []):
                        self.check_row(
                            f"{where}.office_hours[{j}]",
                            hours,
                            OfficeHours,
                            ["weekday", "opens", "closes"],
                            set(),
                        )
        imprint = self.data.get("imprint")
        if imprint is not None:
            self.check_row(
                "imprint",
                imprint,
                ImprintPage,
                IMPRINT_FIELDS,
                {"live", "responsible_persons"},
            )
            if isinstance(imprint, dict):
                for j, item in enumerate(imprint.get("responsible_persons") or []):
                    where = f"imprint.responsible_persons[{j}]"
                    self.check_row(
                        where,
                        item,
                        ImprintResponsiblePerson,
                        ["area", "meets_requirements"],
                        {"person"},
                    )
                    if isinstance(item, dict):
                        self.ref(f"{where}.person", item.get("person"), "persons")
        concept = self.data.get("concept")
        if concept is not None:
            extra = {
                "live",
                "responsible_persons",
                "contact_points",
                "evaluation_owner",
                "evaluation_deputy",
                "documents",
            }
            self.check_row("concept", concept, UsageConceptPage, CONCEPT_FIELDS, extra)
            if isinstance(concept, dict):
                for j, name in enumerate(concept.get("responsible_persons") or []):
                    self.ref(f"concept.responsible_persons[{j}]", name, "persons")
                for j, name in enumerate(concept.get("contact_points") or []):
                    self.ref(f"concept.contact_points[{j}]", name, "contact_points")
                for role in ("evaluation_owner", "evaluation_deputy"):
                    if concept.get(role):
                        self.ref(f"concept.{role}", concept[role], "persons")
                for j, doc in enumerate(concept.get("documents") or []):
                    self.check_row(
                        f"concept.documents[{j}]",
                        doc,
                        ConceptDocument,
                        ["title", "author", "year"],
                        set(),
                    )
        evaluation_keys = {
            (str(r.get("date")), r.get("evaluator"))
            for r in self.rows("evaluations")
            if isinstance(r, dict)
        } | {
            (d.isoformat(), e)
            for d, e in EvaluationRecord.objects.values_list("date", "evaluator")
        }
        for i, row in enumerate(self.rows("evaluations")):
            where = f"evaluations[{i}]"
            self.check_row(
                where,
                row,
                EvaluationRecord,
                EVALUATION_FIELDS,
                {"corrects", "decisions"},
            )
            if not isinstance(row, dict):
                continue
            corrects = row.get("corrects")
            if (
                corrects
                and (str(corrects.get("date")), corrects.get("evaluator"))
                not in evaluation_keys
            ):
                self.error(
                    f"{where}.corrects",
                    gettext("the corrected evaluation does not exist."),
                )
            for j, decision in enumerate(row.get("decisions") or []):
                self.check_row(
                    f"{where}.decisions[{j}]",
                    decision,
                    ChannelDecision,
                    ["decision", "reasons"],
                    {"channel"},
                )
                if isinstance(decision, dict):
                    self.ref(
                        f"{where}.decisions[{j}].channel",
                        decision.get("channel"),
                        "channels",
                    )
        for i, row in enumerate(self.rows("awareness_actions")):
            where = f"awareness_actions[{i}]"
            self.check_row(where, row, AwarenessAction, ACTION_FIELDS, {"channels"})
            if isinstance(row, dict):
                for j, slug in enumerate(row.get("channels") or []):
                    self.ref(f"{where}.channels[{j}]", slug, "channels")
        for key in (
            set(self.data)
            - {"schema", "imprint", "concept", "evaluations", "awareness_actions"}
            - {s.name for s in SECTIONS}
        ):
            self.error(key, gettext("unknown section."))


# --------------------------------------------------------------------------
# Writing


def _site_root() -> Page:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_page if site else Page.get_first_root_node()


def _set_fields(page: Page, values: dict) -> None:
    """Set plain field values; a missing value is blank unless the field is nullable."""
    nullable = {f.name for f in type(page)._meta.concrete_fields if f.null}
    for name, value in values.items():
        setattr(page, name, "" if value is None and name not in nullable else value)


def _save_or_report(page: Page, parent: Page, live: bool, where: str) -> None:
    """Save the page; a rule it breaks becomes an import error with its location."""
    try:
        _save_page(page, parent, live)
    except ValidationError as exc:
        raise ImportErrors(
            [
                f"{where}.{name}: {message}"
                for name, messages in exc.message_dict.items()
                for message in messages
            ]
        ) from exc


def _save_page(page: Page, parent: Page, live: bool) -> None:
    if page.pk is None:
        page.live = live
        parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    elif page.live:
        page.unpublish()


def import_data(
    data: object, progress: Callable[[str], None] = lambda _m: None
) -> dict[str, int]:
    """Validate everything, then write everything in one transaction. Returns counts."""
    validator = Validator(data)
    validator.validate()
    if validator.errors:
        raise ImportErrors(validator.errors)
    counts: dict[str, int] = {}
    with transaction.atomic():
        objects: dict[str, dict] = {}
        for spec in SECTIONS:
            rows = data.get(spec.name, [])
            objects[spec.name] = {}
            for i, row in enumerate(rows, start=1):
                values = {name: row.get(name) for name in spec.fields if name in row}
                for ref, target in spec.refs.items():
                    key = row.get(ref)
                    values[ref] = (
                        _lookup(objects, target, key) if key not in (None, "") else None
                    )
                if spec.model is ChannelProfilePage:
                    obj = _import_channel(row, values, f"{spec.name}[{i - 1}]")
                else:
                    obj, _created = spec.model.objects.update_or_create(
                        **{spec.key: row[spec.key]},
                        defaults=_blank_none(spec.model, values),
                    )
                if spec.model is ContactPoint:
                    obj.office_hours.all().delete()
                    for hours in row.get("office_hours") or []:
                        OfficeHours.objects.create(contact_point=obj, **hours)
                objects[spec.name][row[spec.key]] = obj
                if i % 100 == 0 or i == len(rows):
                    progress(f"{spec.name}: {i}/{len(rows)}")
            counts[spec.name] = len(rows)
            if spec.model is ChannelProfilePage:
                _link_successors(rows, objects)
        if data.get("imprint"):
            _import_imprint(data["imprint"], objects)
            counts["imprint"] = 1
            progress("imprint: 1/1")
        if data.get("concept"):
            _import_concept(data["concept"], objects)
            counts["concept"] = 1
            progress("concept: 1/1")
        rows = data.get("evaluations") or []
        for i, row in enumerate(rows, start=1):
            _import_evaluation(row, objects)
            if i % 100 == 0 or i == len(rows):
                progress(f"evaluations: {i}/{len(rows)}")
        counts["evaluations"] = len(rows)
        rows = data.get("awareness_actions") or []
        for i, row in enumerate(rows, start=1):
            values = _blank_none(
                AwarenessAction, {n: row.get(n) for n in ACTION_FIELDS}
            )
            action, _created = AwarenessAction.objects.update_or_create(
                date=values["date"],
                kind=values["kind"],
                link=values["link"],
                defaults=values,
            )
            action.channels.set(
                [_lookup(objects, "channels", s) for s in row.get("channels") or []]
            )
            if i % 100 == 0 or i == len(rows):
                progress(f"awareness_actions: {i}/{len(rows)}")
        counts["awareness_actions"] = len(rows)
    return counts


def _blank_none(model: type[models.Model], values: dict) -> dict:
    """YAML null for a blank text field means the empty string."""
    result = {}
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        if value is None and not model_field.null:
            value = ""
        result[name] = value
    return result


def _lookup(objects: dict, section: str, key: object) -> models.Model:
    if key in objects.get(section, {}):
        return objects[section][key]
    spec = next(s for s in SECTIONS if s.name == section)
    return spec.model.objects.get(**{spec.key: key})


def _import_channel(row: dict, values: dict, where: str) -> ChannelProfilePage:
    """Create or update one channel page with its lists, page links and history."""
    page = (
        ChannelProfilePage.objects.filter(slug=row["slug"]).first()
        or ChannelProfilePage()
    )
    _set_fields(page, values)
    for name in CHANNEL_PAGE_REFS:
        path = row.get(name)
        setattr(page, name, _page_at(path) if path else None)
    page.body = CHANNEL_BODY_BLOCK.to_python(row.get("body") or [])
    for name in CHANNEL_TEXT_LISTS:
        setattr(page, name, [("item", text) for text in row.get(name) or []])
    for name, (block_type, keys) in CHANNEL_STRUCT_LISTS.items():
        setattr(
            page,
            name,
            [
                (block_type, {key: item.get(key) for key in keys})
                for item in row.get(name) or []
            ],
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
    _save_or_report(page, _channel_index(), row.get("live", True), where)
    return page


def _link_successors(rows: list[dict], objects: dict) -> None:
    for row in rows:
        page = objects["channels"][row["slug"]]
        wanted = [
            _lookup(objects, "channels", slug).pk
            for slug in row.get("successors") or []
        ]
        if wanted == [item.successor_id for item in page.successors.all()]:
            continue
        page.successors = [
            ChannelSuccessor(successor_id=pk, sort_order=n)
            for n, pk in enumerate(wanted)
        ]
        _save_page(page, page.get_parent(), page.live)


def _import_imprint(row: dict, objects: dict) -> None:
    page = ImprintPage.objects.order_by("path").first() or ImprintPage()
    _set_fields(page, {name: row.get(name) for name in IMPRINT_FIELDS})
    page.responsible_persons = [
        ImprintResponsiblePerson(
            person=_lookup(objects, "persons", item["person"]),
            area=item.get("area") or "",
            meets_requirements=bool(item.get("meets_requirements")),
            sort_order=n,
        )
        for n, item in enumerate(row.get("responsible_persons") or [])
    ]
    _save_or_report(page, _site_root(), row.get("live", True), "imprint")


def _channel_index() -> ChannelIndexPage:
    index = ChannelIndexPage.objects.order_by("path").first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        _site_root().add_child(instance=index)
        index.save_revision().publish()
    return index


def _import_concept(row: dict, objects: dict) -> None:
    page = (
        UsageConceptPage.objects.filter(slug=row["slug"]).first() or UsageConceptPage()
    )
    for name in CONCEPT_FIELDS:
        setattr(page, name, row.get(name) if row.get(name) is not None else "")
    for role in ("evaluation_owner", "evaluation_deputy"):
        setattr(
            page,
            role,
            _lookup(objects, "persons", row[role]) if row.get(role) else None,
        )
    page.documents = [ConceptDocument(**doc) for doc in row.get("documents") or []]
    page.responsible_persons = [
        _lookup(objects, "persons", n) for n in row.get("responsible_persons") or []
    ]
    page.contact_points = [
        _lookup(objects, "contact_points", n) for n in row.get("contact_points") or []
    ]
    _save_page(page, _site_root(), row.get("live", True))


def _import_evaluation(row: dict, objects: dict) -> None:
    existing = EvaluationRecord.objects.filter(
        date=row["date"], evaluator=row["evaluator"]
    ).first()
    if existing is not None and existing.submitted:
        return  # append-only: a submitted evaluation is never overwritten
    evaluation = existing or EvaluationRecord()
    for name, value in _blank_none(
        EvaluationRecord, {n: row.get(n) for n in EVALUATION_FIELDS}
    ).items():
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
            channel=_lookup(objects, "channels", d["channel"]),
            decision=d["decision"],
            reasons=d.get("reasons") or "",
        )
        for d in row.get("decisions") or []
    ]
    evaluation.save()
