"""A Wagtail Site is a body: which sites a user may manage, and the site of a record.

Records of a body (contacts, persons, archives, evaluations, awareness actions,
video categories) carry a `site`; pages belong to the site whose tree holds them.
An editor manages the sites whose root page, an ancestor of it or a page within it
carries a page permission of one of the editor's groups. Superusers manage all.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Site


def sites_for_user(user) -> list[Site]:
    """The sites the user may manage, by hostname; cached on the user object."""
    if user is None or not user.is_active:
        return []
    cached = getattr(user, "_smgovernance_sites", None)
    if cached is not None:
        return cached
    sites = list(Site.objects.select_related("root_page").order_by("hostname", "port"))
    if not user.is_superuser:
        paths = set(
            GroupPagePermission.objects.filter(group__user=user).values_list(
                "page__path", flat=True
            )
        )
        sites = [
            site
            for site in sites
            if any(
                site.root_page.path.startswith(path)
                or path.startswith(site.root_page.path)
                for path in paths
            )
        ]
    user._smgovernance_sites = sites
    return sites


def manages_all_sites(user) -> bool:
    """Whether the user manages every site (a single-site installation: any editor)."""
    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_smgovernance_all_sites", None)
    if cached is None:
        cached = len(sites_for_user(user)) == Site.objects.count()
        user._smgovernance_all_sites = cached
    return cached


def manages_several_sites(user) -> bool:
    """Whether the user must tell sites apart (site columns, a site to choose)."""
    return len(sites_for_user(user)) > 1


def has_site(model) -> bool:
    """Whether the model's records belong to one site (a body's records)."""
    return any(field.name == "site" for field in model._meta.fields)


def site_ids_for_user(user) -> set[int]:
    return {site.pk for site in sites_for_user(user)}


def user_manages_site(user, site_id: int | None) -> bool:
    return site_id is not None and site_id in site_ids_for_user(user)


def pages_of_sites(sites: list[Site], prefix: str = "") -> Q:
    """A filter for pages (or rows reaching a page through `prefix`) in these sites."""
    query = Q(pk__in=[])
    for site in sites:
        query |= Q(**{f"{prefix}path__startswith": site.root_page.path})
    return query


def site_of_page(page: Page) -> Site | None:
    """The site whose tree holds the page (the deepest root that is its ancestor)."""
    roots = [
        site
        for site in Site.objects.select_related("root_page")
        if page.path.startswith(site.root_page.path)
    ]
    return max(roots, key=lambda site: site.root_page.depth, default=None)


def site_for_host(host: str) -> Site | None:
    """The site named `HOST` or `HOST:PORT` on the command line."""
    hostname, _, port = host.partition(":")
    sites = Site.objects.select_related("root_page").filter(hostname=hostname)
    if port:
        sites = sites.filter(port=int(port)) if port.isdigit() else sites.none()
    return sites.first() if sites.count() == 1 or port else None


def default_site_id() -> int | None:
    """The default site: where a record made without naming its site belongs."""
    site = Site.objects.filter(is_default_site=True).only("pk").first()
    return site.pk if site else None
