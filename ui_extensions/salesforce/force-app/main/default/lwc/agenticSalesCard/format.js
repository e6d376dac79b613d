/**
 * Pure view-model helpers for the card (no LWC imports, unit-tested on their own).
 * The card payload is the app's GET /api/cards/<crm> answer (DESIGN.md "Card payload"),
 * the same document HubSpot's card renders.
 */

const TASK_LABELS = {
    conversion: 'Chance to close',
    churn: 'Churn risk',
    clv: 'Lifetime value',
    price: 'Recommended discount'
};

/** What the chance to close is (app/cards/view.py TODAY): a deal's conversion model never sees the discount. */
export const TODAY = 'Today, before any discount';

/** A Lead's conversion score is the lead model's (will this lead convert?), not a deal's win chance. */
const LEAD_CONVERSION_LABEL = 'Lead conversion';

const STRATEGY_LABELS = {
    value_reinforcement: 'Value reinforcement',
    social_proof: 'Social proof',
    limited_time_incentive: 'Limited-time incentive',
    executive_alignment: 'Executive alignment',
    risk_reversal: 'Risk reversal',
    education_nurture: 'Education nurture',
    re_engagement: 'Re-engagement'
};

export function percent(value) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) {
        return '';
    }
    return `${Math.round(Number(value) * 100)}%`;
}

export function money(value, currency) {
    if (value === null || value === undefined) {
        return '';
    }
    try {
        return new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency: currency || 'USD',
            maximumFractionDigits: 0
        }).format(Number(value));
    } catch {
        // An ISO code Intl does not know (a custom currency of the org): plain number and code.
        return `${Math.round(Number(value))} ${currency || ''}`.trim();
    }
}

/** The currencies of a record's amount and its past revenue (the app's record_currencies). */
function recordCurrencies(record) {
    const found = new Set((record.past_revenue || []).map((p) => p && p.currency).filter(Boolean));
    if (record.currency) {
        found.add(record.currency);
    }
    return [...found].sort();
}

function headline(task, score, currencies = []) {
    if (task === 'price' && score.best_discount !== undefined) {
        return score.best_discount === 0 ? 'No discount' : percent(score.best_discount);
    }
    if (task === 'clv' && score.value !== undefined) {
        if (!score.currency && currencies.length > 1) {
            // Learnt from amounts in several currencies: in none of them (the app says the same).
            return `${Math.round(Number(score.value)).toLocaleString('en-US')} (${currencies.join(' and ')}, not converted)`;
        }
        return money(score.value, score.currency || currencies[0]);
    }
    // A chance in percent, as the app's card and HubSpot's show it ("62/99" read as a grade, not a chance).
    if (typeof score.probability === 'number') {
        return percent(score.probability);
    }
    return score.score_1_99 !== undefined && score.score_1_99 !== null ? `${score.score_1_99} of 99` : '';
}

/**
 * What the recommended discount does to the chance to close, from today's chance (app/cards/view.py price_detail):
 * the price model's own level of the chance is not shown beside today's (two chances to close, unexplained).
 */
export function priceDetail(score, today) {
    const curve = (Array.isArray(score.curve) ? score.curve : []).filter((p) => Array.isArray(p) && p.length === 2);
    const best = score.best_discount;
    const point = curve.find((p) => p[0] === best);
    if (!point) {
        return 'the discount with the best expected revenue';
    }
    if (new Set(curve.map((p) => Math.round(p[1] * 1000))).size === 1) {
        return 'A discount would not change the chance to close';
    }
    const zero = curve.find((p) => p[0] === 0);
    if (!best || !zero) {
        return 'A discount would not raise the chance to close enough to pay for itself';
    }
    const points = Math.floor((point[1] - zero[1]) * 100 + 0.5);
    if (points < 1) {
        return `${percent(best)} off would raise the chance to close by less than 1 point`;
    }
    if (typeof today === 'number') {
        return `About ${percent(Math.min(today + points / 100, 0.99))} chance to close with ${percent(best)} off: `
            + `today's ${percent(today)} plus ${points} points`;
    }
    return `${percent(best)} off raises the chance to close by about ${points} points`;
}

function detailText(task, score, objectType, today) {
    if (task === 'price') {
        return priceDetail(score, today);
    }
    if (task === 'conversion' && objectType !== 'lead' && score.task !== 'lead_conversion') {
        return TODAY;
    }
    return '';
}

/** Factors whose value is an amount in the record's currency ("Amount: 48,000" → "€48,000"); past revenue is
 * written per currency when the payload says it (pastRevenueText). */
const MONEY_FEATURES = new Set(['amount', 'closed_won_sum']);

/** Factors in the org's or Account's currency, which the app does not read: said so, never the deal's. */
const COMPANY_CURRENCY_FEATURES = new Set(['company_annual_revenue']);

/** Past revenue won, one amount per currency, never added up across currencies (the app's past_revenue_text). */
export function pastRevenueText(past) {
    const rows = (past || []).filter((p) => p && typeof p.amount === 'number');
    if (!rows.length) {
        return null;
    }
    const texts = rows.map((p) => (p.currency ? money(p.amount, p.currency)
        : `${Math.round(p.amount).toLocaleString('en-US')} (currency not recorded)`));
    if (texts.length === 1) {
        return texts[0];
    }
    return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]} (mixed currencies, not added up)`;
}

/** A Lead's own word for a feature the scorer labels with the Opportunity field's label (the app's LEAD_FIELD_LABELS). */
const LEAD_FIELD_LABELS = { owner: 'Lead owner', owner_id: 'Lead owner' };

/** Features whose value is a code, in words (the app's VALUE_WORDS): "Executive contact: 0" read as a count. */
const TITLE_LEVEL_WORDS = ['below director', 'director', 'VP or head of', 'C-level, president or founder'];
const VALUE_WORDS = {
    has_exec_contact: ['none on the deal', 'yes'],
    top_title_level: TITLE_LEVEL_WORDS,
    title_seniority: TITLE_LEVEL_WORDS
};

/**
 * A factor's text as the rep reads it (the same rules as the HubSpot card's factorView): without the
 * scorer's arrow, a picklist value by its label (`labels` keys "<field label>: <value>", from the
 * app's card payload), an amount with the record's currency (the deal amount in `scoresCurrency`, the
 * payload's record.scores_currency, where the scorer converted it to the corporate currency).
 */
export function factorText(factor, labels, currency, objectType, past, scoresCurrency) {
    let text = String(factor.label || factor.feature || '').replace(/\s*[↑↓▲▼]/g, '');
    const pairs = Object.entries(labels || {}).filter(([raw]) => raw.includes(': '));
    for (const [raw, label] of pairs.sort((a, b) => b[0].length - a[0].length)) {
        if (text === raw || text.startsWith(`${raw} `)) {
            text = label + text.slice(raw.length);
        }
    }
    let at = text.lastIndexOf(': ');
    const value = at >= 0 ? text.slice(at + 2) : '';
    const own = objectType === 'lead' ? LEAD_FIELD_LABELS[factor.feature] : undefined;
    if (own && at >= 0) {
        text = `${own}: ${value}`;
        at = own.length;
    }
    const coded = VALUE_WORDS[factor.feature];
    if (at >= 0 && coded && /^\d+$/.test(value) && Number(value) < coded.length) {
        text = `${text.slice(0, at)}: ${coded[Number(value)]}`;
    }
    const amount = at >= 0 && /^-?[\d,]+(\.\d+)?$/.test(value);
    const perCurrency = amount && factor.feature === 'closed_won_sum' ? pastRevenueText(past) : null;
    if (perCurrency) {
        text = `${text.slice(0, at)}: ${perCurrency}`;
    } else if (amount && MONEY_FEATURES.has(factor.feature)) {
        const shownIn = factor.feature === 'amount' ? scoresCurrency || currency : currency;
        text = `${text.slice(0, at)}: ${money(Number(value.replace(/,/g, '')), shownIn)}`;
    } else if (amount && COMPANY_CURRENCY_FEATURES.has(factor.feature)) {
        text = `${text.slice(0, at)}: ${value} (company currency)`;
    }
    return text;
}

function taskLabel(task, score, objectType) {
    if (task === 'conversion' && (objectType === 'lead' || score.task === 'lead_conversion')) {
        return LEAD_CONVERSION_LABEL;
    }
    return TASK_LABELS[task];
}

/**
 * Why a task without a number has none, in the app card's words (app/cards/view.py absent_text); '' when it has one.
 * Wave 31: a score the model was refused for (or that failed to train) showed its label and nothing else.
 */
export function absentReason(score) {
    if (['probability', 'value', 'best_discount', 'score_1_99'].some((k) => typeof score[k] === 'number')) {
        return '';
    }
    if ('model_retraining' in score) {
        return 'the model is retraining; back within the hour';
    }
    if (score.refused) {
        return "not shown: on this account's history it was no better than a simple rule of thumb";
    }
    if (score.training_error) {
        return "training failed on this account's history; an admin can see why in the model report";
    }
    if (score.reason) {
        return prose(score.reason);
    }
    if ('no_model' in score) {
        return 'no model trained for this account yet';
    }
    if ('no_purchase_history' in score) {
        return 'no purchases or deal amount to value yet';
    }
    return 'not scored';
}

/** One row per scoring task; an absent task says why (not enough history, or absentReason). */
export function scoreRows(scores, objectType, labels, currency, record) {
    const rec = record || { currency };
    const conversion = scores && scores.conversion;
    const today = objectType !== 'lead' && conversion && conversion.task !== 'lead_conversion'
        && typeof conversion.probability === 'number' ? conversion.probability : null;
    return Object.keys(TASK_LABELS)
        .filter((task) => scores && scores[task])
        .map((task) => {
            const score = scores[task];
            const missing = score.not_enough_history || absentReason(score);
            const factors = (score.factors || []).slice(0, 3).map((f, i) => ({
                key: `${task}-${i}`,
                label: factorText(f, labels, currency, objectType, rec.past_revenue, rec.scores_currency),
                sign: f.direction === '-' ? '▼' : '▲',
                className: f.direction === '-' ? 'factor negative' : 'factor positive'
            }));
            return {
                key: task,
                label: taskLabel(task, score, objectType),
                value: missing ? '' : headline(task, score, recordCurrencies(rec)),
                band: missing ? '' : score.band || '',
                detail: missing ? '' : detailText(task, score, objectType, today),
                missing: Boolean(missing),
                missingText: typeof missing === 'string' ? missing : missing
                    ? `Not enough history (${missing.have} of ${missing.need} ${missing.unit || 'closed records'})`
                    : '',
                factors
            };
        });
}

export function strategyView(strategy, labels) {
    if (!strategy || !strategy.arm) {
        return null;
    }
    return {
        // The app's words for the strategy (the payload's label), never a tenant arm's identifier ("value_selling").
        label: strategy.label || STRATEGY_LABELS[strategy.arm] || words(strategy.arm),
        rationale: prose(strategy.rationale, labels)
    };
}

/** An identifier as words (app/cards/humanize.py words): `executive_alignment` -> "Executive alignment". */
const HYPHENATED = { re_engagement: 'Re-engagement', limited_time_incentive: 'Limited-time incentive' };
export function words(name) {
    if (typeof name !== 'string' || !name) {
        return '';
    }
    const key = name.trim().toLowerCase();
    if (HYPHENATED[key]) {
        return HYPHENATED[key];
    }
    const text = name.replace(/_/g, ' ').trim().toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* The patterns of app/cards/humanize.py's prose, in the same order. */
const ISO_TIME = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b/g;
const ARROWS = /\s*[↑↓▲▼]/g;
const SCORE_FACTOR = /Score factor:\s*/g;
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const CAPS_ENUM = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text from the agents, made readable as the app's card makes it (app/cards/humanize.py prose): the CRM's
 * internal values to the labels its users see (`labels`, the payload's; longest first, whole words only), ISO
 * dates as "7 Dec 2026", no arrows, and what no label covers in words when it looks like an identifier
 * (`CLOSED_WON` -> "closed won", `hs_next_step` -> "hs next step").
 */
export function prose(text, labels) {
    if (typeof text !== 'string') {
        return '';
    }
    let out = text.replace(SCORE_FACTOR, '').replace(ARROWS, '');
    const pairs = Object.entries(labels || {}).filter(([raw, label]) => raw && label && raw !== label);
    for (const [raw, label] of pairs.sort((a, b) => b[0].length - a[0].length)) {
        // A function, so that a label with "$&" in it is written as it is.
        out = out.replace(new RegExp(`\\b${escapeRegExp(raw)}\\b`, 'g'), () => String(label));
    }
    out = out.replace(ISO_TIME, (all, year, month, day) => (Number(month) >= 1 && Number(month) <= 12
        ? `${Number(day)} ${MONTHS[Number(month) - 1]} ${Number(year)}` : all));
    out = out.replace(CAPS_ENUM, (name) => words(name).toLowerCase());
    return out.replace(SNAKE, (name) => name.replace(/_/g, ' '));
}

/** An ISO-8601 time as a Date (a bare date, or a time without an offset, is UTC as on the Python side), else null. */
export function parseTime(iso) {
    if (typeof iso !== 'string' || !iso) {
        return null;
    }
    const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
    const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
    return Number.isNaN(at.getTime()) ? null : at;
}

/** The wall clock of `at` in a time zone (UTC when the zone is unknown). */
function local(at, timeZone) {
    let parts;
    try {
        parts = new Intl.DateTimeFormat('en-US', {
            timeZone: timeZone || 'UTC',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            hourCycle: 'h23',
            weekday: 'short'
        }).formatToParts(at);
    } catch {
        return local(at, 'UTC');
    }
    const get = (type) => (parts.find((p) => p.type === type) || {}).value || '';
    return {
        year: Number(get('year')),
        month: Number(get('month')),
        day: Number(get('day')),
        hour: Number(get('hour')) % 24,
        minute: Number(get('minute')),
        weekday: WEEKDAYS.indexOf(get('weekday'))
    };
}

function dayText(at, now) {
    const delta = Math.floor(Date.UTC(at.year, at.month - 1, at.day) / 86400000)
        - Math.floor(Date.UTC(now.year, now.month - 1, now.day) / 86400000);
    if (delta === 0) {
        return 'today';
    }
    if (delta === 1) {
        return 'tomorrow';
    }
    if (delta === -1) {
        return 'yesterday';
    }
    const text = `${WEEKDAYS[at.weekday]} ${at.day} ${MONTHS[at.month - 1]}`;
    return at.year === now.year ? text : `${text} ${at.year}`;
}

/** When something is due, in the owner's time zone (app/cards/humanize.py due_text): "tomorrow, 10:00 AM". */
export function dueText(iso, now, timeZone) {
    const at = parseTime(iso);
    if (!at) {
        return '';
    }
    const there = local(at, timeZone);
    const hour = there.hour % 12 || 12;
    const clock = `${hour}:${String(there.minute).padStart(2, '0')} ${there.hour < 12 ? 'AM' : 'PM'}`;
    return `${dayText(there, local(now, timeZone))}, ${clock}`;
}

/** The verb of an action on a channel (app/cards/view.py CHANNEL_VERBS; a meeting's is actionTitle's). */
const CHANNEL_VERBS = { email: 'Email', call: 'Call', linkedin: 'Message' };

/** What falls due at the action's due time when it is not the action itself (app/cards/view.py DUE_WORDS): a
 * meeting's due time is when the rep sends the invitation; the meeting's own times are the draft's. */
const DUE_WORDS = { meeting: 'send the invitation' };

/** What the rep does, in the words of the app's card and the CRM task (app/cards/view.py action_title). */
export function actionTitle(channel, who) {
    if (!channel || !who) {
        return '';
    }
    if (channel === 'meeting') {
        return `Invite ${who} to a meeting`;
    }
    return `${CHANNEL_VERBS[channel] || words(channel)} ${who}`;
}

function personName(person) {
    if (typeof person === 'string') {
        return person;
    }
    return (person && (person.name || person.email)) || '';
}

/**
 * The next best action as the app's card shows it (app/cards/view.py action_view): a title ("Invite Amelia Jensen
 * to a meeting") and one line of when and how ("Send the invitation Mon 7 Dec, 10:00 AM · Executive alignment").
 * `now` is the reader's clock (for "today" / "tomorrow"). A title without a channel or a recipient is the agents'
 * summary in the CRM's words (`labels`, the payload's: prose), as the app's card and the main path show it; it was
 * shown as written, internal names such as `Amount__c` or `hs_next_step` and ISO dates included.
 */
export function actionView(nba, strategy, now = new Date(), labels = {}) {
    if (!nba || !(nba.summary || nba.channel)) {
        return null;
    }
    const channel = typeof nba.channel === 'string' ? nba.channel : '';
    const who = personName(nba.recipient);
    const title = actionTitle(channel, who) || prose(nba.summary || nba.action || nba.text, labels);
    let due = dueText(nba.due_at, now, nba.timezone);
    if (due && who && DUE_WORDS[channel]) {
        due = `${DUE_WORDS[channel]} ${due}`;
    }
    const discount = typeof nba.discount === 'number' && nba.discount > 0 ? nba.discount : 0;
    const s = strategy || {};
    const meta = [
        due ? due.charAt(0).toUpperCase() + due.slice(1) : '',
        discount ? `offer ${percent(discount)} off` : '',
        s.label || words(s.arm || s.name)
    ];
    return { title, meta: meta.filter(Boolean).join(' · ') };
}

/** How agents/decision.py ends a reason that sends the action to a human (app/cards/view.py's APPROVAL_SUFFIXES). */
const APPROVAL_SUFFIXES = [': human review', ': needs approval', ' needs approval'];

/** Why the action waits for a manager, in the decision's own words (as app/cards/view.py's approval_reasons). */
export function approvalReasons(decision) {
    const reasons = decision && Array.isArray(decision.reasons) ? decision.reasons : [];
    const out = [];
    for (const reason of reasons) {
        if (typeof reason !== 'string') {
            continue;
        }
        const end = APPROVAL_SUFFIXES.find((e) => reason.endsWith(e));
        const cut = end ? reason.slice(0, -end.length).trim() : '';
        if (cut) {
            out.push(cut);
        }
    }
    return out;
}

/** The line that tells the rep a manager must approve first, with why; null when nothing waits for one. */
export function approvalText(decision) {
    if (!decision || !(decision.requires_approval || decision.escalate)) {
        return null;
    }
    const why = approvalReasons(decision).join('; ');
    return `Needs a manager's approval before it reaches the customer${why ? ` (${why})` : ''}.`;
}

export function draftView(draft, labels) {
    if (!draft || !draft.body) {
        return null;
    }
    const to = draft.to ? draft.to.name || draft.to.email || '' : '';
    return {
        // An escalated record's brief is for its owner, not a draft to the customer (app/cards/view.py OWNER_NOTE).
        heading: draft.kind === 'owner_brief' ? 'Note for you (not for the customer)'
            : to ? `Draft to ${to}` : 'Draft',
        to,
        subject: prose(draft.subject, labels),
        body: prose(draft.body, labels)
    };
}

/** The card's fixed words in English (app/cards/messages/en.json `ui.*`); a payload's `ui` says them in its language. */
const UI_EN = {
    next_best_action: 'Next best action',
    accept: 'Accept',
    reject: 'Reject',
    refresh: 'Refresh',
    accepted_noted: 'Accepted: thanks, noted.',
    rejected_noted: 'Rejected: the app will learn from it.',
    not_enriched_status: 'Not enriched yet ({status}).',
    strategy: 'Strategy: {name}'
};

/** The card's words for a payload: its `ui` over the English, `{name}` filled from `values`. */
export function uiWords(card, values = {}) {
    const own = card && card.ui && typeof card.ui === 'object' ? card.ui : {};
    const out = {};
    for (const key of Object.keys(UI_EN)) {
        const template = typeof own[key] === 'string' ? own[key] : UI_EN[key];
        out[key] = template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? values[name] : whole));
    }
    return out;
}

/**
 * The LWC's view from what the app already said in a German, French or Spanish record's language (the payload's
 * `view`: app/cards/view.py card_view; app/cards/catalogue.py); null for an English payload, which this module's own
 * port keeps saying as before.
 */
export function servedView(card) {
    const served = card && card.view;
    if (!served || typeof served !== 'object' || !card.language || card.language === 'en') {
        return null;
    }
    const details = served.details || {};
    const tiles = [served.conversion, ...(details.scores || [])].filter(Boolean);
    const scores = tiles.map((s) => ({
        key: s.key === 'lead_conversion' ? 'conversion' : s.key,
        label: s.label,
        value: s.absent ? '' : s.headline || '',
        band: s.absent ? '' : s.band || '',
        detail: s.absent ? '' : s.detail || '',
        missing: Boolean(s.absent),
        missingText: s.absent || '',
        factors: (s.factors || []).map((f, i) => ({
            key: `${s.key}-${i}`,
            label: f.text,
            sign: f.marker,
            className: f.direction === 'down' ? 'factor negative' : 'factor positive'
        }))
    }));
    const said = uiWords(card, { status: card.status || 'unknown', name: details.strategy || '' });
    return {
        scores,
        strategy: details.strategy ? { label: details.strategy, rationale: details.rationale || '', title: said.strategy } : null,
        action: served.action ? { title: served.action.title, meta: served.action.meta } : null,
        approval: served.action ? served.action.approval || null : null,
        draft: served.draft ? { heading: served.draft.heading, to: served.draft.to || '', subject: served.draft.subject,
            body: served.draft.body } : null,
        summary: details.summary || '',
        words: said
    };
}

/** The whole view model of a card payload (string or object). Throws on a non-JSON string. */
export function cardView(payload, now = new Date()) {
    const card = typeof payload === 'string' ? JSON.parse(payload) : payload || {};
    const strategy = strategyView(card.strategy, card.labels);
    const said = uiWords(card, { status: card.status || 'unknown', name: strategy ? strategy.label : '' });
    const own = {
        strategy: strategy ? { ...strategy, title: said.strategy } : null,
        words: said
    };
    return {
        status: card.status || 'unknown',
        enriched: card.status === 'enriched',
        enrichmentId: card.enrichment_id === undefined || card.enrichment_id === null ? null : String(card.enrichment_id),
        scores: scoreRows(card.scores || {}, (card.record || {}).object_type, card.labels,
            (card.record || {}).currency, card.record || {}),
        strategy: own.strategy,
        action: actionView(card.next_best_action, card.strategy, now, card.labels),
        approval: approvalText(card.decision),
        draft: draftView(card.draft, card.labels),
        summary: prose(card.analysis && card.analysis.summary, card.labels),
        words: own.words,
        ...(servedView(card) || {}),
        canDecide: Array.isArray(card.actions) && card.actions.includes('accept'),
        enrichedAt: card.enriched_at || ''
    };
}
