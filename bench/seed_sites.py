"""Many bodies on one installation (issue 17): sites seeded for `bench/sites.py`.

Each body is a Wagtail Site with its own root (a `HomePage`) and below it a contact
page, a netiquette page, the imprint, the channel index with its channels and the
usage concept; its contact points, persons, archive, evaluation and awareness
action are records of that site. Platforms and their operators are shared.

- `template_data(site, channels)`: the concept of a site as `export_data` writes
  it, cut or grown to `channels` channels, register identifiers stripped.
- `import_site(data, number)`: a new empty site, then `import_data(data, site=)`,
  the way a body moves onto the installation. About a second per channel.
- `copy_site(template, number)`: a copy of a seeded site by bulk inserts, in
  milliseconds. As `listing.grow_channels` does for channels, the page tree is
  written directly: the copied subtree keeps its relative treebeard paths below a
  new root, and every reference into the template site (pages, records) is
  pointed at the copy. A relation this module does not know fails loudly.
"""

import copy
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from modelcluster.models import (
    ClusterableModel,
    get_all_child_m2m_relations,
    get_all_child_relations,
)
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, Site

from smgovernance.concept_io import export_data, import_data
from smgovernance.models.sites import SiteScopedModel


HOSTNAME = "body-{number}.localhost"
SLUG = "body-{number}"
# Pages a channel refers to that the concept file names only by their path.
HELPER_PAGES = ("kontakt", "netiquette")


# --- the concept file ---------------------------------------------------------------


def template_data(site: Site, channels: int) -> dict:
    """The concept of `site`, with exactly `channels` channels.

    Missing channels are copies of the first one (slug, title and profile address
    numbered); surplus channels are dropped with every reference to them.
    """
    data = strip_register_ids(export_data(site=site))
    rows = data["channels"]
    if not rows:
        raise RuntimeError(f"{site}: no channel to copy")
    for n in range(len(rows), channels):
        row = copy.deepcopy(rows[0])
        row.update(
            slug=f"{rows[0]['slug']}-{n + 1}",
            title=f"{rows[0]['title']} {n + 1}",
            profile_url=f"{rows[0]['profile_url'].rstrip('/')}-{n + 1}",
            successors=[],
            archive_handovers=[],
        )
        rows.append(row)
    del rows[channels:]
    kept = {row["slug"] for row in rows}
    for row in rows:
        row["successors"] = [s for s in row.get("successors") or [] if s in kept]
    for evaluation in data.get("evaluations") or []:
        evaluation["decisions"] = [
            d for d in evaluation.get("decisions") or [] if d["channel"] in kept
        ]
    for action in data.get("awareness_actions") or []:
        action["channels"] = [s for s in action.get("channels") or [] if s in kept]
    return data


def strip_register_ids(data: dict) -> dict:
    """The data without register identifiers (unique over the installation).

    The export does not write them on this version (they are not in
    `concept_io.schema`); the import gives each new channel page its own. Should a
    later export write them, an import of it into another site would collide, so
    they are removed here.
    """
    for row in data.get("channels") or []:
        row.pop("register_id", None)
    return data


# --- a site made by the import ----------------------------------------------------------


def new_root(number: int) -> Page:
    """A live `HomePage` at depth 2, through treebeard, as the root of a new site."""
    from home.models import HomePage

    home = HomePage(title=f"Körperschaft {number}", slug=SLUG.format(number=number))
    Page.get_first_root_node().add_child(instance=home)
    return home


def helper_pages(home: Page, source: Site) -> None:
    """The contact and netiquette pages the channels link to, copied from `source`."""
    for slug in HELPER_PAGES:
        page = (
            Page.objects.descendant_of(source.root_page)
            .filter(slug=slug, depth=source.root_page.depth + 1)
            .first()
        )
        if page is None:
            continue
        page = page.specific
        own = {
            f.attname: getattr(page, f.attname)
            for f in type(page)._meta.concrete_fields
            if f.model is type(page) and not f.primary_key and not f.is_relation
        }
        home.add_child(instance=type(page)(title=page.title, slug=slug, **own))


def import_site(data: dict, number: int, source: Site) -> Site:
    """A new site with its root and helper pages, then the concept imported into it."""
    home = new_root(number)
    site = Site.objects.create(
        hostname=HOSTNAME.format(number=number),
        port=80,
        root_page=home,
        site_name=f"Körperschaft {number}",
    )
    helper_pages(home, source)
    import_data(data, site=site)
    return site


# --- a site made by bulk copies ---------------------------------------------------------


class Copier:
    """Copies one site's pages and records into a new site; old pk → new pk maps."""

    def __init__(self, template: Site, site: Site) -> None:
        self.template, self.site = template, site
        self.pages: dict[int, int] = {}
        self.records: dict[type, dict[int, int]] = {}

    def target(self, field: models.Field, value: object) -> object:
        """The copy's value of a foreign key: remapped into the new site."""
        if value is None:
            return None
        model = field.related_model
        if model is Site:
            return self.site.pk if value == self.template.pk else value
        if issubclass(model, Page):
            return self.pages.get(value, value)  # a page outside the site stays
        concrete = model._meta.concrete_model
        if concrete in self.records:
            return self.records[concrete][value]
        if issubclass(model, SiteScopedModel):
            raise RuntimeError(f"{field}: {model.__name__} has not been copied yet")
        return value  # shared: platforms, providers, images, documents, users

    def values(self, obj: models.Model, fields: list, skip: set[str]) -> dict:
        result = {}
        for field in fields:
            if field.attname in skip or field.name in skip:
                continue
            value = getattr(obj, field.attname)
            if field.is_relation:
                value = self.target(field, value)
            elif field.unique and field.has_default():
                value = field.get_default()  # e.g. a register identifier
            result[field.attname] = value
        return result

    def clone(self, model: type, rows: list, **fixed: object) -> list:
        """New rows of `model` (a non-page model), references remapped; kept in maps."""
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self_ref = any(f.is_relation and f.related_model is model for f in fields)
        made = []
        for row in rows:  # rows in pk order, so a self reference is mapped already
            obj = model(**{**self.values(row, fields, set(fixed)), **fixed})
            if self_ref:
                models.QuerySet(model).bulk_create([obj])
                self.records.setdefault(model, {})[row.pk] = obj.pk
            made.append(obj)
        if not self_ref:
            models.QuerySet(model).bulk_create(made)
        mapping = self.records.setdefault(model._meta.concrete_model, {})
        for row, obj in zip(rows, made, strict=True):
            mapping[row.pk] = obj.pk
        return made

    def copy_records(self) -> list[tuple[type, list]]:
        """The template's site-scoped records (parents before the rows naming them)."""
        done = []
        for model in ordered(site_models()):
            rows = list(model._base_manager.filter(site=self.template).order_by("pk"))
            if rows:
                self.clone(model, rows, site_id=self.site.pk)
                done.append((model, rows))
        return done

    def copy_tree(self, number: int) -> Page:
        """The template's page tree below a new root at depth 2; returns the root."""
        old_root = self.template.root_page
        tree_root = Page.get_first_root_node()
        last = tree_root.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        path = Page._get_path(tree_root.path, old_root.depth, step)
        slug = SLUG.format(number=number)
        url_path = f"{tree_root.url_path}{slug}/"
        pages = list(
            Page.objects.descendant_of(old_root, inclusive=True)
            .order_by("path")
            .specific()
        )
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        skip = {"path", "url_path", "latest_revision", "live_revision", "alias_of"}
        if old_root.depth != 2:
            raise RuntimeError(f"{self.template}: its root is not at depth 2")
        new_pages = []
        for page in pages:
            values = self.values(page, base_fields, skip)
            values["path"] = path + page.path[len(old_root.path) :]
            values["url_path"] = url_path + page.url_path[len(old_root.url_path) :]
            values["translation_key"] = uuid.uuid4()  # unique with the locale
            if page.pk == old_root.pk:
                values.update(slug=slug, title=f"Körperschaft {number}")
                values["draft_title"] = values["title"]
            new_pages.append(Page(**values))
        models.QuerySet(Page).bulk_create(new_pages)
        self.pages = {old.pk: new.pk for old, new in zip(pages, new_pages, strict=True)}
        Page.objects.filter(pk=tree_root.pk).update(numchild=F("numchild") + 1)
        for page in pages:  # the specific rows, references remapped
            model = type(page)
            own = [
                f
                for f in model._meta.concrete_fields
                if f.model is model and not f.primary_key
            ]
            skip_own = set(getattr(model, "exclude_fields_in_copy", []))
            row = model(page_ptr_id=self.pages[page.pk])
            for name, value in self.values(page, own, skip_own).items():
                setattr(row, name, value)
            for name in skip_own:
                field = model._meta.get_field(name)
                if field.concrete and field.has_default():
                    setattr(row, field.attname, field.get_default())
            row.save_base(raw=True, force_insert=True)
        for page in pages:
            self.copy_children(page, self.pages[page.pk])
        return Page.objects.get(pk=self.pages[old_root.pk])

    def copy_children(self, obj: models.Model, new_pk: int) -> None:
        """Inline rows (ParentalKey) and many-to-many links of a page or record."""
        relations = (
            get_all_child_relations(obj) if isinstance(obj, ClusterableModel) else []
        )
        for relation in relations:
            model = relation.related_model
            if model._meta.label == "wagtailcore.Comment":
                continue  # editors' comments are not part of a body's concept
            rows = list(
                model._base_manager.filter(**{relation.field.name: obj.pk}).order_by(
                    "pk"
                )
            )
            if rows:
                self.clone(model, rows, **{relation.field.attname: new_pk})
        parental = (
            get_all_child_m2m_relations(obj)
            if isinstance(obj, ClusterableModel)
            else []
        )
        for field in dict.fromkeys([*parental, *type(obj)._meta.local_many_to_many]):
            self.copy_links(field, obj.pk, new_pk)

    def copy_links(self, field: models.Field, old_pk: int, new_pk: int) -> None:
        through = field.remote_field.through
        source = field.m2m_field_name() + "_id"
        target_field = through._meta.get_field(field.m2m_reverse_field_name())
        links = [
            through(
                **{
                    source: new_pk,
                    target_field.attname: self.target(
                        target_field, getattr(link, target_field.attname)
                    ),
                }
            )
            for link in through._base_manager.filter(**{source: old_pk})
        ]
        through._base_manager.bulk_create(links)

    def copy_settings(self) -> None:
        """The template site's settings rows (`BaseSiteSetting`), for the new site."""
        for model in apps.get_models():
            if issubclass(model, BaseSiteSetting):
                rows = list(model._base_manager.filter(site=self.template))
                if rows:
                    self.clone(model, rows, site_id=self.site.pk)


def site_models() -> list[type]:
    return [m for m in apps.get_models() if issubclass(m, SiteScopedModel)]


def ordered(record_models: list[type]) -> list[type]:
    """Site-scoped models, each after the site-scoped models it refers to."""
    result: list[type] = []
    pending = sorted(record_models, key=lambda m: m._meta.label)
    while pending:
        for model in pending:
            needs = {
                f.related_model._meta.concrete_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in pending
            } - {model}
            if not needs:
                result.append(model)
                pending.remove(model)
                break
        else:
            raise RuntimeError(f"circular references between {pending}")
    return result


def copy_site(template: Site, number: int) -> Site:
    """A new site holding a copy of `template`'s pages and records (bulk inserts)."""
    with transaction.atomic():
        # The Site row first (its root set below): records point to it.
        site = Site(
            hostname=HOSTNAME.format(number=number),
            port=80,
            root_page_id=template.root_page_id,
            site_name=f"Körperschaft {number}",
        )
        models.QuerySet(Site).bulk_create([site])  # no signal: cache cleared below
        copier = Copier(template, site)
        records = copier.copy_records()
        root = copier.copy_tree(number)
        models.QuerySet(Site).filter(pk=site.pk).update(root_page=root)
        site.root_page = root
        for model, rows in records:  # their inline rows may name copied pages
            for row, new_pk in ((r, copier.records[model][r.pk]) for r in rows):
                copier.copy_children(row, new_pk)
        copier.copy_settings()
    Site.clear_site_root_paths_cache()
    return site


def seeded_sites() -> list[Site]:
    """The sites this module made, by number."""
    prefix, _, suffix = HOSTNAME.partition("{number}")
    sites = Site.objects.filter(hostname__startswith=prefix, hostname__endswith=suffix)
    return sorted(sites.select_related("root_page"), key=site_number)


def site_number(site: Site) -> int:
    return int(site.hostname.split(".")[0].removeprefix("body-"))


def seed(
    source: Site, total: int, channels: int, imported: int = 1, progress=None
) -> list[Site]:
    """Seeded sites up to `total`: the first `imported` through the import (from
    `source`'s concept with `channels` channels), the rest copies of the first."""
    sites = seeded_sites()
    data = None
    for number in range(len(sites) + 1, total + 1):
        if number <= imported:
            data = data or template_data(source, channels)
            sites.append(import_site(data, number, source))
        else:
            sites.append(copy_site(sites[0], number))
        if progress and number % 50 == 0:
            progress(number)
    ContentType.objects.clear_cache()
    return sites
