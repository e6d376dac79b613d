"""The index lists titles in one order on every database: by letters, whatever their case or accents.

PostgreSQL ordered the index's titles by the database's collation (wave 29 left it): on a linguistic collation
(ICU "en", en_US.UTF-8) "Polar Supply – Enterprise plan" came before "Polar Supply Ltd – Premium support", on C and on
SQLite after it; and SQLite's lower() folds ASCII only, so "Émile" came after "Zeta". A rep paging through the same
book saw different pages on the demo and in production.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from app.site.deals import title_key
from app.storage import get_db
from app.storage.models import Enrichment
from tests.pipeline.test_card_api import enriched  # noqa: F401 - the fixture: one enriched deal
from tests.site.test_index_pages import _add_records

NAMES = [
    "Zeta Logistics – Pilot",
    "émile Analytics – Team plan",
    "Emile Beta – Pilot",
    "eagle Eye – Pilot",
    "Polar Supply Ltd – Premium support",
    "Polar Supply – Enterprise plan",
    "Straße Media – Pilot",
    "strata Labs – Pilot",
    "ÉCOLE Norte – Pilot",
    "Ärzte Group – Pilot",
    "Apex Analytics – Pilot",
]


def _rename(app, names: list[str]) -> None:
    with get_db(app).session() as s:
        ids = s.execute(select(Enrichment.id).order_by(Enrichment.id)).scalars().all()
        for row_id, name in zip(ids, names, strict=True):
            card = s.get(Enrichment, row_id).card
            s.execute(
                update(Enrichment)
                .where(Enrichment.id == row_id)
                .values(card={**card, "record": {**card["record"], "name": name}})
            )


def test_the_index_orders_titles_by_their_letters_on_this_database(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    _add_records(app, len(NAMES) - 1)
    _rename(app, NAMES)
    html = app.test_client().get("/").data.decode()
    listed = [t.replace("&amp;", "&") for t in re.findall(r'data-testid="deal-link">([^<]+)<', html)]
    assert listed == [
        "Apex Analytics – Pilot",
        "Ärzte Group – Pilot",
        "eagle Eye – Pilot",
        "ÉCOLE Norte – Pilot",
        "émile Analytics – Team plan",
        "Emile Beta – Pilot",
        "Polar Supply Ltd – Premium support",
        "Polar Supply – Enterprise plan",
        "Straße Media – Pilot",
        "strata Labs – Pilot",
        "Zeta Logistics – Pilot",
    ], listed


@pytest.mark.parametrize(
    "earlier, later",
    [
        ("Émile", "Emilf"),  # an accent does not move a letter past the next one
        ("emile", "Émile"),  # equal letters: the unaccented first, then as written
        ("Ärzte", "Arzu"),
        ("straße", "strasse z"),  # ß is "ss"
        ("Deal 10", "Deal 9"),  # digits are characters, as in every CRM's own list views
        ("ZETA", "zeta"),
    ],
)
def test_title_key_orders_look_alikes_as_a_reader_would(earlier, later):
    assert title_key(earlier) < title_key(later)


def test_title_key_is_case_blind_only_to_break_ties():
    assert title_key("zeta")[0] == title_key("ZETA")[0] == "zeta"
    assert sorted(["b", "B", "a", "A"], key=title_key) == ["A", "a", "B", "b"]
