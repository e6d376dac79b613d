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
