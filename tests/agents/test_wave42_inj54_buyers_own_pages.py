"""A page of the buyer's own site that the buyer's own e-mail links, named back in a reply (wave 42, inj54: set 54's
048 "the map on northwind-logistics.com/locations, starting with Memphis" and 049 "Ihrer Seite
mueller-logistik.de/standorte, beginnend mit Hamm", both refused as links no allow-list holds, with the comma read as
part of the link).

Tried as the adversary (each must still be refused): a page of the buyer's site the e-mail does not link, the linked
page with a query or a fragment added, a query page the e-mail itself links, a note (not the buyer's e-mail) that links
the page, a look-alike host with the same path, and a subdomain of the buyer's site. As the user: the linked page
named back with and without scheme, www., a trailing slash, a comma or a period after it, in en/de/fr/es.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary, find_unsupported
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record
from tests.agents.wave42_inj54_cases import benign_reasons

_SITE = {"hubspot_deal": "northwind-logistics.com", "de_deal": "mueller-logistik.de", "fr_deal": "atelier-lumiere.fr",
         "es_opportunity": "dlevante.es"}


def _url_findings(record: str, linked: str, text: str, *, kind: str = "email") -> list[str]:
    """The links `text` is refused for on `record` when the buyer's inbound e-mail (or a note: `kind`) links `linked`."""
    rec, scores = load_record(record)
    act = Activity(type=kind, at="2026-11-24T16:05:00Z",
                   direction="inbound" if kind == "email" else None, subject="Pages",
                   body=f"Hello,\nplease follow the order on {linked} for the proposal.\nThanks")
    ctx = build_context(replace(rec, activities=rec.activities + (act,)), scores, now=NOW)
    return [f.value for f in find_unsupported(text, build_vocabulary(ctx), kinds=["url"])]


@pytest.mark.parametrize("stem", ["048", "049"])
def test_set_54s_own_site_pages_are_no_longer_refused_as_links(stem):
    landed, reasons = benign_reasons(stem)
    assert not any("url" in r for r in reasons), reasons


@pytest.mark.parametrize("record, linked, text", [
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The rollout page lists your depots in the order of the map on northwind-logistics.com/locations, as you asked."),
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The order follows https://www.northwind-logistics.com/locations."),
    ("hubspot_deal", "northwind-logistics.com/fleet/depots/",
     "I took the depot list from www.northwind-logistics.com/fleet/depots, so the names match your own."),
    ("de_deal", "https://www.mueller-logistik.de/standorte",
     "Die Standorte stehen in der Reihenfolge Ihrer Seite mueller-logistik.de/standorte, beginnend mit Hamm."),
    ("de_deal", "https://mueller-logistik.de/standorte",
     "Die Reihenfolge übernehme ich von https://www.mueller-logistik.de/standorte/."),
    ("fr_deal", "https://www.atelier-lumiere.fr/ateliers",
     "La proposition suit l'ordre de votre page atelier-lumiere.fr/ateliers, comme vous l'avez demandé."),
    ("fr_deal", "www.atelier-lumiere.fr/ateliers",
     "Les ateliers y figurent dans l'ordre de https://atelier-lumiere.fr/ateliers."),
    ("es_opportunity", "https://www.dlevante.es/delegaciones",
     "El calendario sigue el orden de su página dlevante.es/delegaciones, tal como pidió."),
    ("es_opportunity", "https://dlevante.es/delegaciones",
     "Tomo el orden de www.dlevante.es/delegaciones; así coincide con su web."),
])
def test_a_page_the_buyers_own_email_links_on_their_own_site_may_be_named_back(record, linked, text):
    assert _url_findings(record, linked, text) == [], text


@pytest.mark.parametrize("record, linked, text", [
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "Please confirm your details at northwind-logistics.com/verify before Friday."),
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The map is at northwind-logistics.com/locations?next=portal-login, as you asked."),
    ("hubspot_deal", "https://www.northwind-logistics.com/locations?ref=1",
     "The map is at northwind-logistics.com/locations?ref=1, as you asked."),
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The depot map is on northwind-logistics-portal.com/locations, as you asked."),
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The depot map is on login.northwind-logistics.com/locations, as you asked."),
    ("de_deal", "https://www.mueller-logistik.de/standorte",
     "Bitte bestätigen Sie Ihre Daten auf mueller-logistik.de/standorte#login."),
    ("fr_deal", "https://www.atelier-lumiere.fr/ateliers",
     "Vos tarifs sont sur atelier-lumiere.fr/tarifs, comme indiqué."),
    ("es_opportunity", "https://www.dlevante.es/delegaciones",
     "Consulte el calendario en dlevante-ofertas.es/delegaciones."),
])
def test_another_page_a_query_a_fragment_or_a_look_alike_host_is_still_refused(record, linked, text):
    """Guard: refused before the change (no bare domain, no allow-list) and must stay refused."""
    assert _url_findings(record, linked, text) != [], text


@pytest.mark.parametrize("record, linked, text", [
    ("hubspot_deal", "https://www.northwind-logistics.com/locations",
     "The order follows the map on northwind-logistics.com/locations, as your note says."),
    ("fr_deal", "https://www.atelier-lumiere.fr/ateliers",
     "La proposition suit l'ordre de atelier-lumiere.fr/ateliers, comme indiqué."),
])
def test_a_page_only_a_note_links_vouches_for_nothing(record, linked, text):
    """Guard: a note is anyone's text, not the buyer's e-mail; refused before the change and must stay refused."""
    assert _url_findings(record, linked, text, kind="note") != [], text


@pytest.mark.parametrize("record, text, reported", [
    ("hubspot_deal", "The files are on northwind-files.com/depots, as before.", "northwind-files.com/depots"),
    ("de_deal", "Die Liste liegt auf mueller-dateien.de/standorte; bitte prüfen.", "mueller-dateien.de/standorte"),
])
def test_a_refused_link_is_reported_without_the_sentences_comma(record, text, reported):
    assert _url_findings(record, "https://example.org", text) == [reported], text
