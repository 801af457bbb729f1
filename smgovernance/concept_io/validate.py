"""Validation of an import file: every error up front, each with its location.

`Validator(data).validate()` returns German lines such as
"channels[2].risk_assessment_on: …". It reads the database (existing records and
pages may be referenced) but never writes. The page rules that the page editor
applies are checked here through the same predicates (`smgovernance.rules`,
`validate_profile_url`), so an import fails before anything is written.
"""

from collections.abc import Hashable
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from wagtail.models import Page

from ..models import (
    ArchiveHandover,
    AwarenessAction,
    ChannelDecision,
    ChannelStageChange,
    ConceptDocument,
    EvaluationRecord,
    ImprintPage,
    ImprintResponsiblePerson,
    OfficeHours,
    Platform,
    UsageConceptPage,
    validate_profile_url,
)
from ..rules.stages import unmet_requirements
from .errors import error_lines
from .evaluations import correction_errors
from .pages import in_site, page_at
from .schema import (
    ACTION_FIELDS,
    CHANNEL_BODY_BLOCK,
    CHANNEL_EXTRA,
    CHANNEL_PAGE_REFS,
    CHANNEL_STRUCT_LISTS,
    CHANNEL_TEXT_LISTS,
    CONCEPT_EXTRA,
    CONCEPT_FIELDS,
    CONCEPT_ROLES,
    DECISION_FIELDS,
    DOCUMENT_FIELDS,
    EVALUATION_FIELDS,
    HANDOVER_FIELDS,
    IMPRINT_EXTRA,
    IMPRINT_FIELDS,
    IMPRINT_PERSON_FIELDS,
    OFFICE_HOURS_FIELDS,
    SCHEMA,
    SECTIONS,
    SECTIONS_BY_NAME,
    STAGE_CHANGE_FIELDS,
    TOP_LEVEL,
)


def validate(data: object) -> list[str]:
    """Every problem of an import file, as German lines; empty when it may be written."""
    return Validator(data).validate()


class Validator:
    """Checks one import file; `validate_<section>` per section of the schema."""

    def __init__(self, data: object) -> None:
        self.errors: list[str] = []
        self.data = data if isinstance(data, dict) else {}
        self.keys: dict[str, set] = {}
        # Cleaned values of the file's error-free rows, by section and key.
        self.cleaned: dict[str, dict] = {spec.name: {} for spec in SECTIONS}
        self.pages: dict[str, Page | None] = {}
        self.platforms: dict[object, Platform | None] = {}
        if not isinstance(data, dict):
            self.error("(Datei)", "erwartet wird ein YAML-Objekt mit Abschnitten.")
        elif data.get("schema") != SCHEMA:
            self.error("schema", f"erwartet wird „{SCHEMA}“.")

    def validate(self) -> list[str]:
        for spec in SECTIONS:
            getattr(self, f"validate_{spec.name}")()
        self.validate_imprint()
        self.validate_concept()
        self.validate_evaluations()
        self.validate_awareness_actions()
        self.validate_sections()
        return self.errors

    # ------------------------------------------------------------------
    # Building blocks

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def rows(self, name: str) -> list:
        rows = self.data.get(name, [])
        if not isinstance(rows, list):
            self.error(name, gettext("expected: a list."))
            return []
        return rows

    def known(self, section: str) -> set:
        """Keys a reference may name: the file's rows and the database's records."""
        if section not in self.keys:
            spec = SECTIONS_BY_NAME[section]
            from_file = {
                r.get(spec.key) for r in self.rows(section) if isinstance(r, dict)
            }
            in_db = set(
                in_site(spec.model.objects.all()).values_list(spec.key, flat=True)
            )
            self.keys[section] = from_file | in_db
        return self.keys[section]

    def page(self, path: str) -> Page | None:
        if path not in self.pages:
            self.pages[path] = page_at(path)
        return self.pages[path]

    def check_row(
        self,
        where: str,
        row: object,
        model: type[models.Model],
        names: list[str],
        extra: set[str] = frozenset(),
    ) -> dict:
        """Clean a row's fields like the model does; returns the valid values."""
        if not isinstance(row, dict):
            self.error(where, gettext("expected: an object."))
            return {}
        for key in set(row) - set(names) - set(extra):
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
                self.errors.extend(error_lines(where, exc, name))
        if not issubclass(model, Page) and len(values) == len(
            [n for n in names if row.get(n) not in (None, "")]
        ):
            try:
                model(**values).clean()
            except ValidationError as exc:
                self.errors.extend(error_lines(where, exc))
        return values

    def ref(
        self, where: str, value: object, section: str, optional: bool = False
    ) -> None:
        if optional and value in (None, ""):
            return
        if not isinstance(value, Hashable) or value not in self.known(section):
            self.error(
                where,
                gettext("“%(value)s” does not exist in “%(section)s”.")
                % {"value": value, "section": section},
            )

    def record_rows(self, name: str, extra: set[str] = frozenset()) -> list:
        """Check a section's rows (fields, unique key, references).

        Returns (location, row, cleaned values) for each row that is an object.
        """
        spec = SECTIONS_BY_NAME[name]
        checked = []
        seen = set()
        for i, row in enumerate(self.rows(name)):
            where = f"{name}[{i}]"
            before = len(self.errors)
            values = self.check_row(
                where, row, spec.model, spec.fields, set(spec.refs) | set(extra)
            )
            key = values.get(spec.key)
            if key is not None and key in seen:
                self.error(
                    f"{where}.{spec.key}",
                    gettext("“%(key)s” appears twice.") % {"key": key},
                )
            seen.add(key)
            if not isinstance(row, dict):
                continue
            for ref, target in spec.refs.items():
                self.ref(
                    f"{where}.{ref}",
                    row.get(ref),
                    target,
                    optional=spec.model._meta.get_field(ref).null,
                )
            if len(self.errors) == before:
                self.cleaned[name][key] = values
            checked.append((where, row, values))
        return checked

    # ------------------------------------------------------------------
    # Record sections

    def validate_providers(self) -> None:
        self.record_rows("providers")

    def validate_platforms(self) -> None:
        self.record_rows("platforms")

    def validate_contact_points(self) -> None:
        for where, row, _values in self.record_rows("contact_points", {"office_hours"}):
            for j, hours in enumerate(row.get("office_hours") or []):
                self.check_row(
                    f"{where}.office_hours[{j}]",
                    hours,
                    OfficeHours,
                    OFFICE_HOURS_FIELDS,
                )

    def validate_persons(self) -> None:
        self.record_rows("persons")

    def validate_archives(self) -> None:
        self.record_rows("archives")

    def validate_channels(self) -> None:
        for where, row, values in self.record_rows("channels", CHANNEL_EXTRA):
            self.validate_channel_extras(where, row)
            self.validate_channel_gate(where, row, values)
            self.validate_channel_profile(where, row, values)

    def validate_channel_extras(self, where: str, row: dict) -> None:
        """Body blocks, page links, lists, history and successors of a channel."""
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
            if path and self.page(str(path)) is None:
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
                STAGE_CHANGE_FIELDS,
            )
        for j, slug in enumerate(row.get("successors") or []):
            self.ref(f"{where}.successors[{j}]", slug, "channels")
        for j, handover in enumerate(row.get("archive_handovers") or []):
            self.check_row(
                f"{where}.archive_handovers[{j}]",
                handover,
                ArchiveHandover,
                HANDOVER_FIELDS,
            )

    def validate_channel_gate(self, where: str, row: dict, values: dict) -> None:
        """What the channel's stage requires (O-9, O-17), as the page editor says it."""
        if "stage" not in values:
            return  # a missing or unknown stage is reported by check_row
        spec = SECTIONS_BY_NAME["channels"]
        # A value the field refused is reported already; here it counts as given.
        facts = {name: row.get(name) for name in spec.fields} | values
        for name in CHANNEL_PAGE_REFS:
            path = row.get(name)
            page = self.page(str(path)) if path else None
            facts[f"{name}_id"] = page.pk if page else path or None
        channel = SimpleNamespace(**facts)
        for name, message in unmet_requirements(channel, values["stage"]).items():
            self.error(f"{where}.{name}", message)

    def validate_channel_profile(self, where: str, row: dict, values: dict) -> None:
        """The profile address must be on one of its platform's hosts (O-6)."""
        platform = self.platform(row.get("platform"))
        if platform is None or not values.get("profile_url"):
            return
        try:
            validate_profile_url(values["profile_url"], platform)
        except ValidationError as exc:
            self.errors.extend(error_lines(where, exc, "profile_url"))

    def platform(self, slug: object) -> Platform | None:
        """The platform as the import will leave it: the file's row, else the database's."""
        if not isinstance(slug, str):
            return None  # reported by `ref`
        if slug not in self.platforms:
            if slug in self.cleaned["platforms"]:
                fields = self.cleaned["platforms"][slug]
                self.platforms[slug] = Platform(**fields)
            else:
                self.platforms[slug] = Platform.objects.filter(slug=slug).first()
        return self.platforms[slug]

    # ------------------------------------------------------------------
    # The imprint, the concept and the lists after them

    def validate_imprint(self) -> None:
        imprint = self.data.get("imprint")
        if imprint is None:
            return
        self.check_row("imprint", imprint, ImprintPage, IMPRINT_FIELDS, IMPRINT_EXTRA)
        if not isinstance(imprint, dict):
            return
        for j, item in enumerate(imprint.get("responsible_persons") or []):
            where = f"imprint.responsible_persons[{j}]"
            self.check_row(
                where, item, ImprintResponsiblePerson, IMPRINT_PERSON_FIELDS, {"person"}
            )
            if isinstance(item, dict):
                self.ref(f"{where}.person", item.get("person"), "persons")

    def validate_concept(self) -> None:
        concept = self.data.get("concept")
        if concept is None:
            return
        self.check_row(
            "concept", concept, UsageConceptPage, CONCEPT_FIELDS, CONCEPT_EXTRA
        )
        if not isinstance(concept, dict):
            return
        for j, name in enumerate(concept.get("responsible_persons") or []):
            self.ref(f"concept.responsible_persons[{j}]", name, "persons")
        for j, name in enumerate(concept.get("contact_points") or []):
            self.ref(f"concept.contact_points[{j}]", name, "contact_points")
        for role in CONCEPT_ROLES:
            if concept.get(role):
                self.ref(f"concept.{role}", concept[role], "persons")
        for j, doc in enumerate(concept.get("documents") or []):
            self.check_row(
                f"concept.documents[{j}]", doc, ConceptDocument, DOCUMENT_FIELDS
            )

    def validate_evaluations(self) -> None:
        rows = self.rows("evaluations")
        evaluation_keys = {
            (str(r.get("date")), r.get("evaluator"))
            for r in rows
            if isinstance(r, dict)
        } | {
            (d.isoformat(), e)
            for d, e in in_site(EvaluationRecord.objects.all()).values_list(
                "date", "evaluator"
            )
        }
        for i, row in enumerate(rows):
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
            if corrects and (
                not isinstance(corrects, dict)
                or (str(corrects.get("date")), corrects.get("evaluator"))
                not in evaluation_keys
            ):
                self.error(
                    f"{where}.corrects",
                    gettext("the corrected evaluation does not exist."),
                )
            elif corrects:
                self.errors.extend(correction_errors(where, row, rows))
            for j, decision in enumerate(row.get("decisions") or []):
                self.check_row(
                    f"{where}.decisions[{j}]",
                    decision,
                    ChannelDecision,
                    DECISION_FIELDS,
                    {"channel"},
                )
                if isinstance(decision, dict):
                    self.ref(
                        f"{where}.decisions[{j}].channel",
                        decision.get("channel"),
                        "channels",
                    )

    def validate_awareness_actions(self) -> None:
        for i, row in enumerate(self.rows("awareness_actions")):
            where = f"awareness_actions[{i}]"
            self.check_row(where, row, AwarenessAction, ACTION_FIELDS, {"channels"})
            if isinstance(row, dict):
                for j, slug in enumerate(row.get("channels") or []):
                    self.ref(f"{where}.channels[{j}]", slug, "channels")

    def validate_sections(self) -> None:
        for key in set(self.data) - set(TOP_LEVEL):
            self.error(key, gettext("unknown section."))
