"""Records the demo pages share: platform operators, platforms, contact points, persons.

Facts come from the 2018 concept (shared/seeds), updated where obligations.md §H
marks them outdated (Meta instead of Facebook Inc., X instead of Twitter, Vimeo's
owner). Everything stays editable in the admin.
"""

import datetime

from smgovernance.models import (
    ContactPoint,
    OfficeHours,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
)


VERIFIED_ON = datetime.date(2026, 11, 2)

PROVIDERS = {
    "meta": {
        "name": "Meta",
        "legal_name": "Meta Platforms Ireland Ltd.",
        "address": "Merrion Road, Dublin 4, D04 X2K5, Irland",
        "country": "Irland (Übermittlung an Meta Platforms, Inc., USA)",
        "is_third_country": True,
        "transfer_basis": TransferBasis.DPF,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://www.facebook.com/privacy/policy/",
    },
    "x": {
        "name": "X",
        "legal_name": "Twitter International Unlimited Company",
        "address": "One Cumberland Place, Fenian Street, Dublin 2, D02 AX07, Irland",
        "country": "Irland (Übermittlung an X Corp., USA)",
        "is_third_country": True,
        "transfer_basis": TransferBasis.SCC,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://x.com/de/privacy",
    },
    "vimeo": {
        "name": "Vimeo",
        "legal_name": "Vimeo.com, Inc. (Bending Spoons)",
        "address": "330 West 34th Street, 5th Floor, New York, NY 10001, USA",
        "country": "USA",
        "is_third_country": True,
        "transfer_basis": TransferBasis.DPF,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://vimeo.com/privacy",
    },
    "google": {
        "name": "Google",
        "legal_name": "Google Ireland Limited",
        "address": "Gordon House, Barrow Street, Dublin 4, Irland",
        "country": "Irland (Übermittlung an Google LLC, USA)",
        "is_third_country": True,
        "transfer_basis": TransferBasis.DPF,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://policies.google.com/privacy",
    },
    "linkedin": {
        "name": "LinkedIn",
        "legal_name": "LinkedIn Ireland Unlimited Company",
        "address": "Wilton Plaza, Wilton Place, Dublin 2, Irland",
        "country": "Irland (Übermittlung an LinkedIn Corporation, USA)",
        "is_third_country": True,
        "transfer_basis": TransferBasis.DPF,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://www.linkedin.com/legal/privacy-policy",
    },
    "bluesky": {
        "name": "Bluesky",
        "legal_name": "Bluesky Social, PBC",
        "address": "San Francisco, CA, USA",
        "country": "USA",
        "is_third_country": True,
        "transfer_basis": TransferBasis.SCC,
        "dpf_checked_on": VERIFIED_ON,
        "privacy_policy_url": "https://bsky.social/about/support/privacy-policy",
    },
    "mastodon-sachsen": {
        "name": "social.sachsen.de",
        "legal_name": "Sächsische Staatskanzlei (Betreiber der Instanz social.sachsen.de)",
        "address": "Archivstraße 1, 01097 Dresden",
        "country": "Deutschland",
        "is_third_country": False,
        "transfer_basis": TransferBasis.NOT_NEEDED,
        "dpf_checked_on": None,
        "privacy_policy_url": "https://social.sachsen.de/privacy-policy",
    },
}

PLATFORMS = [
    # slug, name, hosts, outdated hosts, provider, joint controllership, federated
    (
        "facebook",
        "Facebook",
        "www.facebook.com\nfacebook.com\nm.facebook.com",
        "",
        "meta",
        True,
        False,
    ),
    (
        "instagram",
        "Instagram",
        "www.instagram.com\ninstagram.com",
        "",
        "meta",
        True,
        False,
    ),
    (
        "x",
        "X (ehemals Twitter)",
        "x.com",
        "twitter.com\nwww.twitter.com",
        "x",
        False,
        False,
    ),
    (
        "mastodon",
        "Mastodon",
        "social.sachsen.de\nsocial.bund.de",
        "",
        "mastodon-sachsen",
        False,
        True,
    ),
    ("bluesky", "Bluesky", "bsky.app", "", "bluesky", False, False),
    (
        "threads",
        "Threads",
        "www.threads.net\nthreads.net\nwww.threads.com",
        "",
        "meta",
        True,
        False,
    ),
    (
        "linkedin",
        "LinkedIn",
        "www.linkedin.com\nlinkedin.com",
        "",
        "linkedin",
        False,
        False,
    ),
    ("youtube", "YouTube", "www.youtube.com\nyoutube.com", "", "google", False, False),
    ("vimeo", "Vimeo", "vimeo.com\nwww.vimeo.com", "", "vimeo", False, False),
]

ORGANISATION = "Landratsamt Mittelsachsen"
ADDRESS = {
    "street": "Frauensteiner Straße 43",
    "postal_code": "09599",
    "city": "Freiberg",
}

# Opening hours of the Landratsamt (demo values; the concept refers to them without listing them).
OPENING_HOURS = [
    (0, "08:00", "12:00"),
    (1, "08:00", "18:00"),
    (2, "08:00", "12:00"),
    (3, "08:00", "18:00"),
    (4, "08:00", "12:00"),
]

CONTACT_POINTS = {
    "presse": {
        "name": "Pressestelle",
        "phone": "(03731) 799 3305",
        "email": "presse@landkreis-mittelsachsen.de",
    },
    "wirtschaft": {
        "name": "Referat Wirtschaftsförderung und Kreisentwicklung",
        "phone": "(03731) 799 1402",
        "email": "regionalmanagement@landkreis-mittelsachsen.de",
    },
}

PERSONS = {
    "kaiser": {
        "name": "André Kaiser",
        "function": "Leiter der Pressestelle",
        "contact_point": "presse",
        "phone": "(03731) 799 3305",
        "email": "presse@landkreis-mittelsachsen.de",
    },
    "schneider": {
        "name": "Hartmut Schneider",
        "function": "Referatsleiter Wirtschaftsförderung und Kreisentwicklung",
        "contact_point": "wirtschaft",
        "phone": "(03731) 799 1410",
        "email": "regionalmanagement@landkreis-mittelsachsen.de",
    },
}


def build(context: dict) -> None:
    providers = {}
    for key, fields in PROVIDERS.items():
        providers[key], _created = ThirdPartyProvider.objects.update_or_create(
            name=fields["name"], defaults=fields
        )
    platforms = {}
    for slug, name, hosts, outdated, provider, joint, federated in PLATFORMS:
        platforms[slug], _created = Platform.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "profile_hosts": hosts,
                "outdated_hosts": outdated,
                "provider": providers[provider],
                "joint_controllership": joint,
                "is_federated": federated,
            },
        )
    contact_points = {}
    for key, fields in CONTACT_POINTS.items():
        point, _created = ContactPoint.objects.update_or_create(
            name=fields["name"],
            defaults={**fields, **ADDRESS, "organisation": ORGANISATION},
        )
        point.office_hours.all().delete()
        for weekday, opens, closes in OPENING_HOURS:
            OfficeHours.objects.create(
                contact_point=point, weekday=weekday, opens=opens, closes=closes
            )
        contact_points[key] = point
    persons = {}
    for key, fields in PERSONS.items():
        persons[key], _created = ResponsiblePerson.objects.update_or_create(
            name=fields["name"],
            defaults={
                **fields,
                "contact_point": contact_points[fields["contact_point"]],
                "verified_on": VERIFIED_ON,
            },
        )
    context.update(
        providers=providers,
        platforms=platforms,
        contact_points=contact_points,
        persons=persons,
    )
