"""`/` lists every enriched deal with its card link; the snapshot is the same, browsable from disk."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from app.site import DEMO_RECAP
from app.site.snapshot import write_snapshot
from tests.pipeline.test_card_api import enriched  # noqa: F401 - the fixture: one enriched deal


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("data-testid") == "deal-link":
            self.links.append(str(a["href"]))


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.links


def test_the_index_lists_the_enriched_deal_with_a_working_card_link_in_sandbox_mode_only(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    outside = app.test_client().get("/").data.decode()
    assert "running" in outside and "deal-link" not in outside and "8807" not in outside
    app.config["SANDBOX_MODE"] = True
    app.config[DEMO_RECAP] = ["You edited 1 deal in the HubSpot sandbox."]
    client = app.test_client()
    page = client.get("/")
    assert page.status_code == 200
    html = page.data.decode()
    assert "You edited 1 deal" in html
    hrefs = links(html)
    assert len(hrefs) == 1 and hrefs[0].endswith("/deal/8807")
    card = client.get(hrefs[0])
    assert card.status_code == 200 and 'data-testid="nba-title"' in card.data.decode()
    assert 'href="/"' in card.data.decode()  # back to the index


def test_the_snapshot_holds_the_index_and_every_card_with_relative_links(enriched, tmp_path: Path) -> None:  # noqa: F811
    app, _, _ = enriched
    (tmp_path / "snapshot" / "cards").mkdir(parents=True)
    (tmp_path / "snapshot" / "cards" / "gone.html").write_text("a card from an earlier run")
    index = write_snapshot(app, tmp_path, recap=["It finished with no errors."])
    assert index == tmp_path / "snapshot" / "index.html"
    hrefs = links(index.read_text())
    assert hrefs and all(not h.startswith(("/", "http")) for h in hrefs)
    for href in hrefs:
        card = (index.parent / href).read_text()
        assert 'data-testid="draft-body"' in card and 'href="../index.html"' in card
        assert not re.search(r"(src|href)=\"(/|https?:)", card)
    assert "It finished with no errors." in index.read_text()
    assert not (tmp_path / "snapshot" / "cards" / "gone.html").exists()


def _add_lead(app) -> str:
    """A second enrichment, of a Lead (as a Salesforce org's are): the deal's row copied under a lead id."""
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import Enrichment

    with get_db(app).session() as s:
        row = s.execute(select(Enrichment)).scalars().first()
        card = {**(row.card or {}), "record": {**((row.card or {}).get("record") or {}), "name": "Mei Tanaka"}}
        s.add(Enrichment(tenant_id=row.tenant_id, object_type="lead", record_id="00Q5g00000LEAD1", scores=row.scores,
                         analysis=row.analysis, strategy=row.strategy, draft=row.draft, card=card,
                         model_versions=row.model_versions, generated_by=row.generated_by))
    return "00Q5g00000LEAD1"


def test_enriched_leads_are_listed_apart_labelled_as_leads_with_their_own_card_links(enriched, tmp_path) -> None:  # noqa: F811
    # Wave 22: the Salesforce demo enriched 37 Leads and the index listed only the 40 deals.
    app, _, _ = enriched
    lead = _add_lead(app)
    app.config["SANDBOX_MODE"] = True
    html = app.test_client().get("/").data.decode()
    assert "Deals (1)" in html and "Leads (1)" in html
    assert "1 enriched deal and 1 lead<" in html.split("</title>")[0] + "<"
    deals_table = html.split('data-testid="deals"')[1].split("</table>")[0]
    leads_table = html.split('data-testid="leads"')[1].split("</table>")[0]
    assert lead not in deals_table and "8807" not in leads_table
    href = re.search(r'href="([^"]+)" data-testid="lead-link"', leads_table)
    assert href and href.group(1).endswith(f"/lead/{lead}")
    assert app.test_client().get(href.group(1)).status_code == 200
    index = write_snapshot(app, tmp_path)
    files = sorted(p.name for p in (index.parent / "cards").glob("*.html"))
    assert len(files) == 2 and any(f"lead-{lead}" in f for f in files)


def test_a_tenant_without_leads_keeps_the_one_deals_table_without_headings(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    html = app.test_client().get("/").data.decode()
    assert 'data-testid="leads"' not in html and "Deals (" not in html


def test_a_salesforce_org_reads_opportunities_where_a_hubspot_portal_reads_deals(enriched) -> None:  # noqa: F811
    # Wave 27: a newcomer's walk read "40 enriched deals" on the Salesforce demo and looked for a Deals tab.
    from sqlalchemy import update

    from app.storage import get_db
    from app.storage.models import Tenant

    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    _add_lead(app)
    hubspot = app.test_client().get("/").data.decode()
    assert "Deals (1)" in hubspot and ">Deal</th>" in hubspot and "pportunit" not in hubspot
    with get_db(app).session() as s:
        s.execute(update(Tenant).values(crm="salesforce"))
    html = app.test_client().get("/").data.decode()
    assert "1 enriched opportunity and 1 lead<" in html.split("</title>")[0] + "<"
    assert "Opportunities (1)" in html and ">Opportunity</th>" in html and "Every enriched opportunity" in html
    assert "Deals (" not in html and ">Deal</th>" not in html and "Leads (1)" in html
