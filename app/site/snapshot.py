"""Write the index and every card as static HTML files (the `demo --once` snapshot).

The pages are self-contained (inline CSS, relative links), so the snapshot stays browsable
after the demo's server has stopped: open `<data dir>/snapshot/index.html` from disk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.connectors import deal_words_of, index_deal_words, label_of
from app.site.deals import EnrichedDeal, active_tenants, enriched_deals
from app.site.pages import card_html, index_html
from app.storage import get_db

SNAPSHOT_DIR = "snapshot"
"""Folder of the data directory that holds the snapshot (replaced on every run)."""


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)


def card_file(deal: EnrichedDeal) -> str:
    kind = "" if deal.object_type == "deal" else f"{deal.object_type}-"  # deal files keep their names
    return f"cards/{_safe(f'{deal.crm}-{deal.account}-{kind}{deal.record_id}')}.html"


def write_snapshot(app: Any, data_dir: Path, *, recap: Sequence[str] = (), now: datetime | None = None) -> Path:
    """Write index.html and cards/*.html under `data_dir/snapshot`; returns the index's path."""
    now = now or datetime.now(UTC)
    out = Path(data_dir) / SNAPSHOT_DIR
    (out / "cards").mkdir(parents=True, exist_ok=True)
    for old in (out / "cards").glob("*.html"):
        old.unlink()
    with get_db(app).session() as s:
        deals = [d for t in active_tenants(s) for d in enriched_deals(s, t, deal_word=deal_words_of(t.crm, app)[0])]
    for deal in deals:
        (out / card_file(deal)).write_text(card_html(deal, now=now, back_url="../index.html",
                                                           crm_label=label_of(deal.crm, app),
                                                           deals_word=deal_words_of(deal.crm, app)[1]), encoding="utf-8")
    stamp = f"Snapshot of {now.strftime('%d %b %Y, %H:%M')} UTC."
    index = out / "index.html"
    index.write_text(index_html(deals, href=card_file, recap=recap, now=now, generated=stamp,
                                deal_words=index_deal_words({d.crm for d in deals}, app)), encoding="utf-8")
    return index


def forget_account(app: Any, data_dir: Path, crm: str, account: str) -> int:
    """After an uninstall: rewrite the snapshot without the account's cards; returns cards removed.

    Call it once the account's rows are deleted. Its cards are files named after the account (the
    erasure of per-tenant folders does not see them) and the index lists its deals, so the snapshot
    is written again from the tenants left; the run's recap goes with it, as it described that run.
    """
    cards = Path(data_dir) / SNAPSHOT_DIR / "cards"
    prefix = _safe(f"{crm}-{account}-")
    gone = [p for p in cards.glob("*.html") if p.name.startswith(prefix)] if cards.is_dir() else []
    if gone:
        write_snapshot(app, data_dir)
    return len(gone)
