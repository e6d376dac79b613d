import { createElement } from 'lwc';
import AgenticSalesCard from 'c/agenticSalesCard';
import getCard from '@salesforce/apex/AgenticSalesCardController.getCard';
import sendFeedback from '@salesforce/apex/AgenticSalesCardController.sendFeedback';
import { cardView, factorText, scoreRows } from '../format';

jest.mock('@salesforce/apex/AgenticSalesCardController.getCard', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AgenticSalesCardController.sendFeedback', () => ({ default: jest.fn() }), {
    virtual: true
});

const ENRICHED = require('./data/payload_enriched.json');
const ESCALATED = require('./data/payload_escalated.json');
const OPP_ID = '0065g00000AbCdEAAV';

function flush() {
    // Resolve the Apex promise, then let the template re-render.
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(payload) {
    getCard.mockResolvedValue(typeof payload === 'string' ? payload : JSON.stringify(payload));
    const el = createElement('c-agentic-sales-card', { is: AgenticSalesCard });
    el.recordId = OPP_ID;
    document.body.appendChild(el);
    await flush();
    return el;
}

const q = (el, sel) => el.shadowRoot.querySelector(sel);

describe('c-agentic-sales-card', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks the Apex controller for the card of its own record', async () => {
        await mount(ENRICHED);
        expect(getCard).toHaveBeenCalledWith({ recordId: OPP_ID });
    });

    it('shows each score with its top factors, and why a missing score is missing', async () => {
        const el = await mount(ENRICHED);
        const conversion = q(el, 'li[data-task="conversion"]');
        expect(conversion.textContent).toContain('62%');
        expect(conversion.querySelector('[data-id="detail"]').textContent).toBe('Today, before any discount');
        expect(conversion.querySelectorAll('li.factor')).toHaveLength(3);
        expect(conversion.querySelector('li.factor.negative').textContent).toContain('Only one contact engaged');
        const churn = q(el, 'li[data-task="churn"]');
        expect(churn.textContent).toContain('Not enough history (4 of 30 closed records)');
        const price = q(el, 'li[data-task="price"]');
        expect(price.querySelector('.score-label').textContent).toBe('Recommended discount');
        expect(price.querySelector('[data-id="detail"]').textContent)
            .toBe("About 70% chance to close with 8% off: today's 62% plus 8 points");
    });

    it('shows the strategy, the next best action and the draft', async () => {
        const el = await mount(ENRICHED);
        expect(q(el, '[data-id="strategy"]').textContent).toContain('Executive alignment');
        expect(q(el, '[data-id="action-title"]').textContent).toBe('Email Dana Reyes');
        expect(q(el, '[data-id="action-meta"]').textContent).toContain('Executive alignment');
        expect(q(el, '[data-id="draft"]').textContent).toContain('Bringing your VP Operations');
    });

    it('tells the rep a manager must approve first, and why, in the decision\'s own words', async () => {
        const el = await mount(ESCALATED);
        const line = q(el, '[data-id="approval"]').textContent;
        expect(line).toContain("Needs a manager's approval before it reaches the customer");
        expect(line).toContain('churn risk 86% above 70%');
        expect(line).toContain('amount 515,500 above 100,000');
        expect(line).toContain('discount 8% above 5%');
        // A swapped channel or a moved due time is not why a manager must look.
        expect(line).not.toContain('linkedin');
        expect(line).not.toContain('quiet hours');
    });

    it('shows no approval line when the decision needs no manager', async () => {
        const el = await mount(ENRICHED);
        expect(q(el, '[data-id="approval"]')).toBeNull();
    });

    it('records Accept as feedback once and hides the buttons', async () => {
        sendFeedback.mockResolvedValue('{"recorded":true}');
        const el = await mount(ENRICHED);
        q(el, 'lightning-button[data-id="accept"]').click();
        await flush();
        expect(sendFeedback).toHaveBeenCalledTimes(1);
        expect(sendFeedback).toHaveBeenCalledWith({ recordId: OPP_ID, enrichmentId: 'enr_7f3a9c', decision: 'accept' });
        expect(q(el, 'lightning-button[data-id="accept"]')).toBeNull();
        expect(q(el, '[data-id="decision"]').textContent).toContain('Accepted');
    });

    it('records Reject as feedback', async () => {
        sendFeedback.mockResolvedValue('{"recorded":true}');
        const el = await mount(ENRICHED);
        q(el, 'lightning-button[data-id="reject"]').click();
        await flush();
        expect(sendFeedback).toHaveBeenCalledWith({ recordId: OPP_ID, enrichmentId: 'enr_7f3a9c', decision: 'reject' });
        expect(q(el, '[data-id="decision"]').textContent).toContain('Rejected');
    });

    it('announces the verdict in a live region that was there before it, and names each section with a heading', async () => {
        sendFeedback.mockResolvedValue('{"recorded":true}');
        const el = await mount(ENRICHED);
        const region = q(el, '[data-id="announce"]');
        expect(region.getAttribute('aria-live')).toBe('polite');
        expect(region.textContent.trim()).toBe('');
        q(el, 'lightning-button[data-id="accept"]').click();
        await flush();
        expect(q(el, '[data-id="announce"]')).toBe(region);
        expect(region.textContent).toContain('Accepted');
        const headings = [...el.shadowRoot.querySelectorAll('h3')].map((h) => h.textContent);
        expect(headings[0]).toContain('Strategy');
        expect(headings).toContain('Next best action');
    });

    it('reads a failed feedback call out as an alert', async () => {
        sendFeedback.mockRejectedValue({ body: { message: 'Agentic Sales answered 503' } });
        const el = await mount(ENRICHED);
        q(el, 'lightning-button[data-id="accept"]').click();
        await flush();
        expect(q(el, '[data-id="error"]').getAttribute('role')).toBe('alert');
    });

    it('keeps the buttons and shows the error when feedback fails', async () => {
        sendFeedback.mockRejectedValue({ body: { message: 'Agentic Sales answered 503' } });
        const el = await mount(ENRICHED);
        q(el, 'lightning-button[data-id="accept"]').click();
        await flush();
        expect(q(el, '[data-id="error"]').textContent).toBe('Agentic Sales answered 503');
        expect(q(el, 'lightning-button[data-id="accept"]')).not.toBeNull();
    });

    it('says so when the record is not enriched yet, without decision buttons', async () => {
        const el = await mount({ status: 'pending', scores: {}, actions: [] });
        expect(q(el, '[data-id="status"]').textContent).toContain('pending');
        expect(q(el, 'lightning-button[data-id="accept"]')).toBeNull();
    });

    it('shows the Apex error message when the card cannot be loaded', async () => {
        getCard.mockRejectedValue({ body: { message: 'Agentic Sales answered 401' } });
        const el = createElement('c-agentic-sales-card', { is: AgenticSalesCard });
        el.recordId = OPP_ID;
        document.body.appendChild(el);
        await flush();
        expect(q(el, '[data-id="error"]').textContent).toBe('Agentic Sales answered 401');
        expect(q(el, '[data-id="scores"]')).toBeNull();
    });
});

describe('format', () => {
    it('refuses a card that is not JSON instead of rendering garbage', () => {
        expect(() => cardView('<html>')).toThrow();
    });

    it('renders an empty score set as no rows', () => {
        expect(scoreRows({})).toEqual([]);
    });

    it('formats lifetime value as money in the score currency', () => {
        const rows = scoreRows({ clv: { value: 48000, currency: 'EUR', score_1_99: 71, band: 'high', factors: [] } });
        expect(rows[0].value).toBe('€48,000');
    });

    it('shows a factor\'s picklist value by its label and an amount in the record\'s currency', () => {
        const view = cardView({
            status: 'enriched',
            record: { object_type: 'deal', currency: 'EUR' },
            labels: { 'Type: existing_upgrade': 'Type: Existing Customer - Upgrade', existing_upgrade: 'never bare' },
            scores: { conversion: { probability: 0.4, score_1_99: 40, band: 'medium', factors: [
                { feature: 'closed_won_sum', label: 'Past revenue won: 1,541,500 ↑', direction: '+' },
                { feature: 'deal_type', label: 'Type: existing_upgrade ↑', direction: '+' },
                { feature: 'n_contacts', label: 'Contacts on the deal: 1 ↓', direction: '-' }
            ] } }
        });
        expect(view.scores[0].factors.map((f) => f.label)).toEqual([
            'Past revenue won: €1,541,500', 'Type: Existing Customer - Upgrade', 'Contacts on the deal: 1'
        ]);
    });

    it('writes past revenue won per currency and never one total across currencies', () => {
        const factors = [{ feature: 'closed_won_sum', label: 'Past revenue won: 92,300 ↑', direction: '+' },
            { feature: 'company_annual_revenue', label: 'Company annual revenue: 5,000,000 ↑', direction: '+' }];
        const past = [{ currency: 'USD', amount: 80300 }, { currency: 'EUR', amount: 12000 }];
        const view = cardView({
            status: 'enriched',
            record: { object_type: 'deal', currency: 'EUR', past_revenue: past },
            scores: { conversion: { probability: 0.4, score_1_99: 40, band: 'medium', factors },
                clv: { value: 34723, score_1_99: 50, band: 'medium', factors: [] } }
        });
        expect(view.scores[0].factors.map((f) => f.label)).toEqual([
            'Past revenue won: $80,300 and €12,000 (mixed currencies, not added up)',
            'Company annual revenue: 5,000,000 (company currency)'
        ]);
        expect(view.scores[1].value).toBe('34,723 (EUR and USD, not converted)');
        const euros = cardView({
            status: 'enriched',
            record: { object_type: 'deal', currency: 'EUR', past_revenue: [{ currency: 'EUR', amount: 92300 }] },
            scores: { clv: { value: 34723, score_1_99: 50, band: 'medium', factors: [] } }
        });
        expect(euros.scores[0].value).toBe('€34,723');
    });

    it('labels a lead card\'s conversion "Lead conversion", a deal card\'s "Chance to close"', () => {
        const conversion = { probability: 0.34, score_1_99: 34, band: 'medium', factors: [], task: 'lead_conversion' };
        const lead = cardView({ status: 'enriched', record: { object_type: 'lead' }, scores: { conversion } });
        expect(lead.scores[0].label).toBe('Lead conversion');
        const deal = cardView({ status: 'enriched', record: { object_type: 'deal' },
            scores: { conversion: { ...conversion, task: undefined } } });
        expect(deal.scores[0].label).toBe('Chance to close');
        expect(lead.scores[0].detail).toBe(''); // a lead's conversion is not today's chance to close a deal
    });

    it('says why a refused score is absent and heads an escalation\'s brief as a note for the owner (wave 31)', () => {
        const card = require('../../../../../../../hubspot/tests/fixtures/payload_walk_w31_refused_and_brief.json');
        const view = cardView(card);
        const churn = view.scores.find((r) => r.key === 'churn');
        expect(churn.missing).toBe(true);
        expect(churn.missingText).toBe("not shown: on this account's history it was no better than a simple rule of thumb");
        expect(view.draft.heading).toBe('Note for you (not for the customer)');
    });

    it('names a lead\'s owner "Lead owner", not the Opportunity field the scorer labelled it with', () => {
        const factors = [{ feature: 'owner', label: 'Opportunity owner: Emma Taylor ↓', direction: '-' }];
        const conversion = { probability: 0.29, score_1_99: 29, band: 'low', factors, task: 'lead_conversion' };
        const lead = cardView({ status: 'enriched', record: { object_type: 'lead' }, scores: { conversion } });
        expect(lead.scores[0].factors.map((f) => f.label)).toEqual(['Lead owner: Emma Taylor']);
        const deal = cardView({ status: 'enriched', record: { object_type: 'deal' }, scores: { conversion } });
        expect(deal.scores[0].factors.map((f) => f.label)).toEqual(['Opportunity owner: Emma Taylor']);
    });

    it('says a yes/no factor in words, not as a count', () => {
        expect(factorText({ feature: 'has_exec_contact', label: 'Executive contact: 0 ↓', direction: '-' }, {}))
            .toBe('Executive contact: none on the deal');
        expect(factorText({ feature: 'has_exec_contact', label: 'Executive contact: 1', direction: '+' }, {}))
            .toBe('Executive contact: yes');
        expect(factorText({ feature: 'title_seniority', label: 'Title seniority: 2', direction: '+' }, {}))
            .toBe('Title seniority: VP or head of');
    });

    it('says a lead score needs more closed leads, in the unit the app sent', () => {
        const rows = scoreRows({ conversion: { not_enough_history: { have: 12, need: 50, unit: 'closed leads' } } },
            'lead');
        expect(rows[0]).toMatchObject({ label: 'Lead conversion', missing: true,
            missingText: 'Not enough history (12 of 50 closed leads)' });
    });

    it('shows a French record in the words the app said, buttons and titles included', async () => {
        const served = require('./data/served_fr.json');
        const el = await mount(served);
        const conversion = q(el, 'li[data-task="conversion"]');
        expect(conversion.querySelector('.score-label').textContent).toBe('Chance de conclure');
        expect(conversion.textContent).toContain('62\u00a0%');
        expect(q(el, '[data-id="action-title"]').textContent).toBe('Écrire à Dana Reyes');
        expect(q(el, '[data-id="strategy"] h3').textContent).toBe(`Stratégie : ${served.view.details.strategy}`);
        expect(q(el, '[data-id="action"] h3').textContent).toBe('Prochaine action recommandée');
        expect(q(el, '[data-id="accept"]').label).toBe('Accepter');
        expect(q(el, '[data-id="reject"]').label).toBe('Refuser');
        const shown = el.shadowRoot.textContent;
        for (const english of ['Chance to close', 'Next best action', 'Strategy:', 'Today, before any discount']) {
            expect(shown).not.toContain(english);
        }
    });

    it('keeps its own English words for an English payload, served view or not', async () => {
        const el = await mount({ ...ENRICHED, language: 'en', view: { status: 'enriched' }, ui: {} });
        expect(q(el, '[data-id="accept"]').label).toBe('Accept');
        expect(q(el, '[data-id="action"] h3').textContent).toBe('Next best action');
    });
});

