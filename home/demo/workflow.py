"""Groups and the approval workflow of §2 and §3 of the concept.

The press office (Pressestelle) is responsible for press and public relations and
approves what is published; the economic-development unit (Wirtschaftsförderung)
edits the channel and video pages. Pages are found by slug, so the workflow also
covers page types added later (imprint, privacy, contact, videos).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)


PRESS = "Pressestelle"
ECONOMY = "Wirtschaftsförderung"
# The editors of the county portal (the second site): the same rights as the press
# office, on that site's pages and records only.
COUNTY = "Redaktion Kreisportal"
WORKFLOW = "Freigabe durch die Pressestelle"
TASK = "Freigabe Pressestelle"

# Pages under the press office's approval, by slug below the home page.
APPROVAL_SLUGS = [
    "impressum",
    "datenschutz",
    "kontakt",
    "nutzungskonzept",
    "kanaele",
    "videos",
]
# Subtrees the economic-development unit edits (without publishing).
ECONOMY_SLUGS = ["kanaele", "videos"]

PAGE_PERMISSIONS = {
    PRESS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ECONOMY: ["add_page", "change_page"],
}
PAGE_PERMISSIONS[COUNTY] = PAGE_PERMISSIONS[PRESS]
# Records (snippets and registers) each group may manage.
MODEL_PERMISSIONS = {
    PRESS: [
        "add_contactpoint",
        "change_contactpoint",
        "view_contactpoint",
        "add_responsibleperson",
        "change_responsibleperson",
        "view_responsibleperson",
        # Platforms and their operators are shared by all sites: superusers
        # change them, editors choose them.
        "view_platform",
        "view_thirdpartyprovider",
        "add_evaluationrecord",
        "change_evaluationrecord",
        "view_evaluationrecord",
        "add_awarenessaction",
        "change_awarenessaction",
        "view_awarenessaction",
    ],
    ECONOMY: [
        "view_contactpoint",
        "view_responsibleperson",
        "view_platform",
        "view_thirdpartyprovider",
        "add_evaluationrecord",
        "change_evaluationrecord",
        "view_evaluationrecord",
        "add_awarenessaction",
        "change_awarenessaction",
        "view_awarenessaction",
    ],
}
MODEL_PERMISSIONS[COUNTY] = MODEL_PERMISSIONS[PRESS]


def build(context: dict) -> None:
    home = context["home"]
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    county_site = context.get("county_site")
    groups = {}
    for name in (PRESS, ECONOMY, COUNTY) if county_site else (PRESS, ECONOMY):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                access_admin,
                *Permission.objects.filter(
                    content_type__app_label="smgovernance",
                    codename__in=MODEL_PERMISSIONS[name],
                ),
            ]
        )
        groups[name] = group

    def grant(group: Group, page, codenames: list[str]) -> None:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )

    grant(groups[PRESS], home, PAGE_PERMISSIONS[PRESS])
    if county_site is not None:
        grant(groups[COUNTY], county_site.root_page, PAGE_PERMISSIONS[COUNTY])
    children = {page.slug: page for page in home.get_children()}
    for slug in ECONOMY_SLUGS:
        if slug in children:
            grant(groups[ECONOMY], children[slug], PAGE_PERMISSIONS[ECONOMY])

    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.set([groups[PRESS]])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for slug in APPROVAL_SLUGS:
        if slug in children:
            WorkflowPage.objects.update_or_create(
                page=children[slug], defaults={"workflow": workflow}
            )
    context["groups"] = groups
