"""The dossier of one evaluation as HTML, and as PDF/A-3b with PDF/UA tagging.

The HTML comes from `smgovernance/dossier/dossier.html`; WeasyPrint lays it out
and embeds the YAML export of the concept (`nutzungskonzept-<date>.yaml`), so the
PDF carries the data it was printed from. An evaluation belongs to one body: its
dossier shows that site's concept, channels and contacts only.
"""

import logging

import yaml
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Site

from ..concept_io import export_data
from ..models import (
    ChannelDecision,
    ContactPoint,
    EvaluationRecord,
    UsageConceptPage,
)


logger = logging.getLogger(__name__)

TEMPLATE = "smgovernance/dossier/dossier.html"
PDF_VARIANT = "pdf/a-3b"
PDFUA_XMP = (
    b'<rdf:Description rdf:about="" '
    b'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1" />'
)


class DossierError(Exception):
    """The dossier could not be built; the message says why, in German."""


def yaml_name(evaluation: EvaluationRecord) -> str:
    return f"nutzungskonzept-{evaluation.date.isoformat()}.yaml"


def pdf_name(evaluation: EvaluationRecord) -> str:
    return f"nutzungskonzept-dossier-{evaluation.date.isoformat()}.pdf"


def concept_yaml(site: Site | None = None) -> str:
    """The site's whole concept as YAML, as `smgovernance_export --site` writes it
    (None: the default site's)."""
    return yaml.safe_dump(
        export_data(site=site), allow_unicode=True, sort_keys=False, width=100
    )


def concept_page(site: Site) -> UsageConceptPage:
    """The site's published concept page (the first in the tree)."""
    page = UsageConceptPage.objects.live().in_site(site).order_by("path").first()
    if page is None:
        raise DossierError(
            gettext("There is no published usage concept to build the dossier from.")
        )
    return page


def dossier_context(evaluation: EvaluationRecord) -> dict:
    """Everything the dossier prints, loaded in a fixed number of queries."""
    site = Site.objects.select_related("root_page").get(pk=evaluation.site_id)
    concept = concept_page(site)
    now = timezone.localtime()
    channels = list(
        concept.channels(site)
        .select_related("responsible_archive")
        .prefetch_related("archive_handovers")
    )
    decisions = list(
        ChannelDecision.objects.filter(evaluation=evaluation)
        .select_related("channel")
        .order_by("sort_order", "pk")
    )
    contacts = ContactPoint.objects.filter(
        pk__in=concept.contact_points.values("pk")
    ).prefetch_related("office_hours")
    return {
        "concept": concept,
        "site": site,
        "site_name": (site.site_name if site else "") or concept.title,
        "evaluation": evaluation,
        "decisions": decisions,
        "channels": channels,
        "persons": list(concept.responsible_persons.select_related("contact_point")),
        "contacts": list(contacts.order_by("name")),
        "documents": list(concept.documents.all()),
        "generated_at": now,
        "created_iso": now.isoformat(timespec="seconds"),
        "yaml_name": yaml_name(evaluation),
    }


def render_html(evaluation: EvaluationRecord) -> str:
    return render_to_string(TEMPLATE, dossier_context(evaluation))


def _finish(document: object, pdf: object) -> None:
    """Declare PDF/UA-1 next to PDF/A-3b in the XMP metadata, and list each
    attachment once in the catalog's /AF (WeasyPrint adds it twice)."""
    catalog = pdf.catalog
    if "AF" in catalog:
        unique = list(dict.fromkeys(catalog["AF"]))
        catalog["AF"].clear()
        catalog["AF"].extend(unique)
    metadata_ref = catalog.get("Metadata")
    if metadata_ref is None:
        return
    metadata = pdf.objects[int(metadata_ref.split()[0])]
    metadata.stream = [
        part.replace(b"</rdf:RDF>", PDFUA_XMP + b"</rdf:RDF>", 1)
        for part in metadata.stream
    ]


def _site_root_url(site: Site | None) -> str | None:
    return site.root_url + "/" if site is not None else None


def render_pdf(evaluation: EvaluationRecord) -> bytes:
    """The dossier as PDF bytes. Raises `DossierError` on any failure."""
    context = dossier_context(evaluation)
    html = render_to_string(TEMPLATE, context)
    data = concept_yaml(context["site"])
    try:
        # Imported here, not at module level: WeasyPrint loads Pango through
        # ctypes on import, and a missing system library must fail this one
        # dossier, never the admin or the evaluation register.
        from weasyprint import HTML, Attachment
        from weasyprint.urls import URLFetcher

        attachment = Attachment(
            string=data,
            name=context["yaml_name"],
            description=gettext("The usage concept as data (YAML)"),
            relationship="Data",
        )
        # Only data: URLs are fetched: no byte leaves the machine while printing.
        fetcher = URLFetcher(allowed_protocols={"data"})
        return HTML(
            string=html,
            base_url=_site_root_url(context["site"]),
            url_fetcher=fetcher,
        ).write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_tags=True,
            attachments=[attachment],
            finisher=_finish,
        )
    except Exception as exc:  # any failure of the layout engine, whatever its kind
        logger.exception("Evaluation dossier for %s failed", evaluation.pk)
        raise DossierError(
            gettext("The PDF could not be produced: %(error)s") % {"error": exc}
        ) from exc
