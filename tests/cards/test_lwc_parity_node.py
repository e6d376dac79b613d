"""The Salesforce card's parity cases, run with plain Node.js where the LWC's jest is not installed.

`__tests__/actionParity.test.js` checks them under sfdx-lwc-jest (`npm test` in ui_extensions/salesforce); that
needs node_modules, which a checkout without `npm ci` there lacks. format.js is a pure module, so Node alone can
load it: this test runs every case of `action_views.json` and `prose_cases.json` (written by test_card_parity.py
from app/cards/view.py) through format.js's actionView and prose. Skipped only when Node.js is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.cards.test_card_parity import ACTION_VIEWS, PROSE_VIEWS, SALESFORCE_LWC, SCORE_VIEWS

FORMAT_JS = SALESFORCE_LWC.parent / "format.js"

CHECK = """
import { readFileSync } from 'node:fs';
import { actionView, cardView, prose, scoreRows } from './format.mjs';
const [actions, proses, scores] = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
const NOW = new Date('2026-12-01T16:00:00Z');
const out = { actions: {}, prose: {} };
for (const [name, c] of Object.entries(actions)) out.actions[name] = actionView(c.next_best_action, c.strategy, NOW, c.labels);
for (const [name, c] of Object.entries(proses)) out.prose[name] = prose(c.text, c.labels);
const card = cardView({ status: 'enriched', labels: { Amount__c: 'Amount' },
    next_best_action: { summary: 'Confirm Amount__c by 2026-12-07', due_at: '2026-12-03T15:00:00Z' },
    analysis: { summary: 'Amount__c grew; stage CLOSED_WON' }, strategy: { arm: 'social_proof', rationale: 'hs_lead_status moved' },
    draft: { body: 'About Amount__c', subject: 'Amount__c' } }, NOW);
out.card = { title: card.action.title, summary: card.summary, rationale: card.strategy.rationale, draft: card.draft };
out.scores = {};
for (const [name, c] of Object.entries(scores)) {
    const rows = scoreRows(c.scores, c.record.object_type || 'deal', {}, c.record.currency, c.record);
    out.scores[name] = Object.fromEntries(rows.filter((r) => r.key in c.expected)
        .map((r) => [r.key, { label: r.label, value: r.value, detail: r.detail }]));
}
console.log(JSON.stringify(out));
"""

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")


@pytest.fixture(scope="module")
def node_view(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("lwc")
    shutil.copy(FORMAT_JS, folder / "format.mjs")  # an ES module by its name, without the LWC's package.json
    (folder / "check.mjs").write_text(CHECK)
    done = subprocess.run(
        ["node", "check.mjs", str(ACTION_VIEWS), str(PROSE_VIEWS), str(SCORE_VIEWS)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_format_js_makes_every_next_best_action_the_python_card_makes(node_view: dict) -> None:
    cases = json.loads(ACTION_VIEWS.read_text())
    assert node_view["actions"] == {name: c["expected"] for name, c in cases.items()}
    assert any(c["labels"] for c in cases.values())  # the label substitution is among what is compared


def test_format_js_prose_is_the_python_cards(node_view: dict) -> None:
    cases = json.loads(PROSE_VIEWS.read_text())
    assert node_view["prose"] == {name: c["expected"] for name, c in cases.items()}


def test_the_salesforce_card_shows_a_summary_title_its_summary_rationale_and_draft_in_the_crms_words(
    node_view: dict,
) -> None:
    # Wave 29: without a channel or a recipient the title was the agents' summary as written ("Confirm Amount__c").
    assert node_view["card"] == {
        "title": "Confirm Amount by 7 Dec 2026",
        "summary": "Amount grew; stage closed won",
        "rationale": "hs lead status moved",
        "draft": {"heading": "Draft", "to": "", "subject": "Amount", "body": "About Amount"},
    }


def test_format_js_says_both_chances_to_close_as_the_python_card_does(node_view: dict) -> None:
    cases = json.loads(SCORE_VIEWS.read_text())
    assert node_view["scores"] == {name: c["expected"] for name, c in cases.items()}
