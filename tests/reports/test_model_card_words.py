"""A model card in the console says what the tenant's CRM says, in its charts and their alternatives as in its
text: a Salesforce org's importance chart drew "Past deals won" beside a table of "Past opportunities won"."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.conftest import base_config
from tests.reports.test_tenant_cards import data_dir  # noqa: F401 - the fixture: a tenant with a champion

DEAL_WORD = re.compile(r"\bdeals?\b", re.IGNORECASE)


def _models_page(data: Any, tenant: str, crm: str) -> str:
    from sqlalchemy import update

    from app import create_app, settings
    from app.storage import get_db
    from app.storage.models import Tenant
    from integrations.base import FieldSpec

    app = create_app(
        base_config(
            f"sqlite:///{data / 'demo.db'}", DATA_DIR=str(data), ADMIN_TOKEN=ADMIN_TOKEN, START_WORKER=False
        )
    )
    # A factor the CRM labels with the word: the chart draws the label, the table below writes it.
    settings.set_mappings(
        app,
        tenant,
        "deal",
        {"zz_driver_a": "deals_won"},
        author="revops",
        describe=lambda _ot: [FieldSpec("deals_won", "Past deals won", "number")],
    )
    with get_db(app).session() as s:
        s.execute(update(Tenant).where(Tenant.id == tenant).values(crm=crm))
    page = operator_session(app.test_client()).get(f"/admin/t/{tenant}/models")
    assert page.status_code == 200
    return page.get_data(as_text=True)


def _chart_texts(page: str) -> dict[str, str]:
    """Each chart's drawn text (its <text> elements), by chart name."""
    out = {}
    for name, data in re.findall(
        r"data-figure='([^']+)'><img alt='[^']*' src='data:image/svg\+xml;base64,([^']+)'", page
    ):
        svg = base64.b64decode(data).decode("utf-8")
        out[name] = " | ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    return out


def _alts(page: str) -> list[str]:
    return [alt for _, alt in re.findall(r"\salt=(['\"])(.*?)\1", page)]


@pytest.mark.parametrize(
    ("crm", "said"), [("salesforce", "Past opportunities won"), ("hubspot", "Past deals won")]
)
def test_the_charts_draw_the_crms_word_as_the_cards_text_writes_it(data_dir, crm, said) -> None:  # noqa: F811
    data, tenant = data_dir
    page = _models_page(data, tenant, crm)
    charts = _chart_texts(page)
    assert set(charts) == {"importance", "calibration", "gain"}
    assert said in charts["importance"], charts["importance"]
    assert said in page.split("data-figure='importance'")[1]  # the data table under the chart writes the same
    assert _alts(page) and all(alt.startswith(("Bar chart", "Line chart")) for alt in _alts(page))
    if crm == "salesforce":
        drawn = [text for text in charts.values() if DEAL_WORD.search(text)]
        assert not drawn, drawn
        assert not [alt for alt in _alts(page) if DEAL_WORD.search(alt)]
    else:
        assert "pportunit" not in " ".join(charts.values())
