import { scoreRows } from '../format';

// What app/cards/view.py shows in the chance-to-close and discount tiles of each payload (written by
// tests/cards/test_card_parity.py; regenerate there with AGENTIC_SALES_UPDATE_CARD_VIEWS=1).
const CASES = require('./data/score_views.json');

describe('the two chances to close as the app card says them', () => {
    it.each(Object.keys(CASES))('%s', (name) => {
        const c = CASES[name];
        const rows = scoreRows(c.scores, c.record.object_type || 'deal', {}, c.record.currency, c.record);
        const shown = Object.fromEntries(rows.filter((r) => r.key in c.expected)
            .map((r) => [r.key, { label: r.label, value: r.value, detail: r.detail }]));
        expect(shown).toEqual(c.expected);
    });
});
