import { actionView, cardView, dueText, prose } from '../format';

// What app/cards/view.py's action_view makes of each payload's next best action at NOW (written by
// tests/cards/test_card_parity.py; regenerate there with AGENTIC_SALES_UPDATE_CARD_VIEWS=1).
const CASES = require('./data/action_views.json');
// What app/cards/humanize.py's prose makes of free text with a payload's labels (written by the same test).
const PROSE = require('./data/prose_cases.json');
const NOW = new Date('2026-12-01T16:00:00Z');

describe('the next best action as the app card shows it', () => {
    it.each(Object.keys(CASES))('%s', (name) => {
        const c = CASES[name];
        expect(actionView(c.next_best_action, c.strategy, NOW, c.labels)).toEqual(c.expected);
    });

    it.each(Object.keys(PROSE))('prose: %s', (name) => {
        expect(prose(PROSE[name].text, PROSE[name].labels)).toBe(PROSE[name].expected);
    });

    it('puts a summary shown as the title in the CRM\'s words, on the card as in the action alone', () => {
        // Wave 29: without a channel or a recipient the title was the summary as written ("Confirm Amount__c").
        const payload = { status: 'enriched', labels: { Amount__c: 'Amount' },
            next_best_action: { summary: 'Confirm Amount__c by 2026-12-07', due_at: '2026-12-03T15:00:00Z' },
            analysis: { summary: 'Amount__c grew; stage CLOSED_WON' },
            strategy: { arm: 'social_proof', rationale: 'hs_lead_status moved' },
            draft: { body: 'About Amount__c', subject: 'Amount__c' } };
        const view = cardView(payload, NOW);
        expect(view.action.title).toBe('Confirm Amount by 7 Dec 2026');
        expect(view.summary).toBe('Amount grew; stage closed won');
        expect(view.strategy.rationale).toBe('hs lead status moved');
        expect(view.draft).toEqual({ heading: 'Draft', to: '', subject: 'Amount', body: 'About Amount' });
    });

    it('calls a meeting an invitation the rep sends, not the meeting itself', () => {
        const nba = { channel: 'meeting', recipient: { name: 'Amelia Jensen' }, due_at: '2026-12-07T10:00:00-05:00',
            timezone: 'America/New_York' };
        const view = actionView(nba, { arm: 'executive_alignment' }, NOW);
        expect(view.title).toBe('Invite Amelia Jensen to a meeting');
        expect(view.meta).toBe('Send the invitation Mon 7 Dec, 10:00 AM · Executive alignment');
        expect(view.title).not.toMatch(/^Meet /);
    });

    it('says when in the owner\'s zone, not a UTC date', () => {
        // 23:30 in New York on 1 Dec is 2 Dec in UTC: the old card printed "2026-12-02".
        expect(dueText('2026-12-02T04:30:00Z', NOW, 'America/New_York')).toBe('today, 11:30 PM');
        expect(dueText('2026-12-02T04:30:00Z', NOW, 'Not/AZone')).toBe('tomorrow, 4:30 AM');
        expect(dueText('not a date', NOW, 'UTC')).toBe('');
    });

    it('is what the card view holds', () => {
        const payload = { status: 'enriched', next_best_action: { channel: 'call', recipient: { name: 'Li Wu' },
            due_at: '2026-12-03T15:00:00Z', timezone: 'UTC' }, strategy: { arm: 'social_proof' } };
        expect(cardView(payload, NOW).action).toEqual({ title: 'Call Li Wu', meta: 'Thu 3 Dec, 3:00 PM · Social proof' });
        expect(cardView({ status: 'enriched', next_best_action: {} }, NOW).action).toBeNull();
    });
});
