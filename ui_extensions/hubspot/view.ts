// What the card shows, built from one payload: a line-for-line port of app/cards/view.py, so the
// preview page and this card have the same structure and the same words (checked on the same
// fixtures by tests/view.test.ts and tests/cards/test_render.py).
import type { CardPayload } from './api.ts';
import { ago, dateText, dueText, modelText, money, percent, prose, words, writerText } from './format.ts';

type Obj = Record<string, unknown>;

export const DETAIL_SCORES = ['churn', 'clv', 'price'] as const;
export type ScoreKey = 'conversion' | 'churn' | 'clv' | 'price';

export const SCORE_LABELS: Record<ScoreKey, string> = {
  conversion: 'Chance to close',
  churn: 'Churn risk',
  clv: 'Customer lifetime value',
  price: 'Recommended discount',
};

const BAND_TEXT: Partial<Record<ScoreKey, Record<string, string>>> = {
  conversion: { low: 'Unlikely', medium: 'Possible', high: 'Likely' },
  churn: { low: 'Low risk', medium: 'Some risk', high: 'High risk' },
  clv: { low: 'Below peers', medium: 'Typical', high: 'Above peers' },
};

const HISTORY_UNITS: Record<ScoreKey, string> = {
  conversion: 'closed deals',
  churn: 'customers with a known renewal or churn',
  clv: 'closed customers',
  price: 'closed deals',
};

/** How many reasons the chance to close shows. */
export const TOP_FACTORS = 3;

export const DISMISS_REASONS: { value: string; label: string }[] = [
  { value: 'not_relevant', label: 'Not relevant to this deal' },
  { value: 'wrong_timing', label: 'Wrong timing' },
  { value: 'wrong_contact', label: 'Wrong contact' },
  { value: 'already_done', label: 'Already done' },
  { value: 'draft_quality', label: 'Draft not usable' },
  { value: 'other', label: 'Other' },
];

export const STATUS_TAGS: Record<string, [string, 'success' | 'info' | 'warning' | 'default' | 'danger']> = {
  enriched: ['Up to date', 'success'],
  pending: ['Scoring…', 'info'],
  stale: ['Out of date', 'warning'],
  not_enriched: ['Not scored yet', 'default'],
  error: ['Unavailable', 'danger'],
};

const RETRAINING = 'model_retraining';
const CHANNEL_VERBS: Record<string, string> = { email: 'Email', call: 'Call', meeting: 'Meet', linkedin: 'Message' };

export type Variant = 'success' | 'warning' | 'danger' | 'default';

export interface FactorView {
  marker: '▲' | '▼';
  direction: 'up' | 'down';
  text: string;
}

export interface ScoreView {
  key: ScoreKey;
  label: string;
  absent: string | null;
  headline?: string;
  detail?: string;
  band?: string | null;
  bandVariant?: Variant;
  factors?: FactorView[];
}

export interface CardView {
  status: string;
  statusLabel: string;
  statusVariant: 'success' | 'info' | 'warning' | 'default' | 'danger';
  error: { code: string; message: string; retraining: boolean } | null;
  degraded: string | null;
  related: string | null;
  updated: string;
  outcome: { kind: string; text: string; variant: 'success' | 'danger' | 'info' | 'warning'; closed: boolean } | null;
  action: { title: string; meta: string; approval: string | null } | null;
  /** Why no action was taken (holdout: control group, or no strategy allowed). */
  noAction: string | null;
  draft: {
    heading: string;
    copyLabel: string;
    to: string | null;
    toEmail: string | null;
    subject: string;
    body: string;
    copyText: string;
    email: boolean;
  } | null;
  task: { id: string | null; subject: string; due: string; done: boolean } | null;
  conversion: ScoreView | null;
  details: {
    scores: ScoreView[];
    summary: string;
    risks: string[];
    signals: string[];
    strategy: string | null;
    rationale: string;
    why?: string | null;
    model: string[];
  };
  actions: string[];
  dismissReasons: { value: string; label: string }[];
  feedback: string | null;
  feedbackReason: string | null;
}

/** Why the app took no action on this deal (holdout, or no strategy allowed), if so. */
export function noActionText(payload: Obj, labels: Record<string, string>): string | null {
  const why = obj(obj(payload.strategy).why);
  if (why.mode !== 'holdout' && why.mode !== 'no_allowed_strategy') return null;
  return prose(why.text, labels) || null;
}

function obj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function has(value: unknown): boolean {
  return Object.keys(obj(value)).length > 0;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function personName(person: unknown): string {
  if (typeof person === 'string') return person;
  const p = obj(person);
  return str(p.name) || str(p.email);
}

/** Factors whose value is an amount ("Amount: 48,000 EUR"); past revenue is written per currency (pastRevenueText). */
const MONEY_FEATURES = new Set(['amount', 'closed_won_sum']);

/** Factors in the CRM account's company currency, which the app does not read: said so, never the deal's. */
const COMPANY_CURRENCY_FEATURES = new Set(['company_annual_revenue']);

function thousands(value: number): string {
  return Math.floor(value + 0.5)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Past revenue won, one amount per currency, never added up across currencies (app/cards/view.py). */
export function pastRevenueText(past: unknown): string | null {
  const rows = (Array.isArray(past) ? past : []).map(obj).filter((p) => isNumber(p.amount));
  if (!rows.length) return null;
  const texts = rows.map((p) =>
    str(p.currency) ? money(p.amount, str(p.currency)) : `${thousands(Number(p.amount))} (currency not recorded)`,
  );
  if (texts.length === 1) return texts[0]!;
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]} (mixed currencies, not added up)`;
}

/** The currencies of a record's amount and its past revenue (a lifetime value learnt from two is in neither). */
export function recordCurrencies(record: Obj): string[] {
  const found = new Set<string>();
  for (const p of Array.isArray(record.past_revenue) ? record.past_revenue : []) {
    if (str(obj(p).currency)) found.add(str(obj(p).currency));
  }
  if (str(record.currency)) found.add(str(record.currency));
  return [...found].sort();
}

/** Features whose value is a code, in words (app/cards/view.py VALUE_WORDS). */
const TITLE_LEVEL_WORDS = ['below director', 'director', 'VP or head of', 'C-level, president or founder'];
const VALUE_WORDS: Record<string, string[]> = {
  has_exec_contact: ['none on the deal', 'yes'],
  top_title_level: TITLE_LEVEL_WORDS,
  title_seniority: TITLE_LEVEL_WORDS,
};

export function factorView(
  factor: Obj,
  labels: Record<string, string>,
  currency?: string | null,
  past?: unknown,
  scoresCurrency?: string | null,
): FactorView {
  const down = factor.direction === '-';
  let text = prose(str(factor.label) || words(factor.feature), labels).replace(': missing', ': none recorded');
  const at = text.lastIndexOf(': ');
  const value = at >= 0 ? text.slice(at + 2) : '';
  const amount = at >= 0 && /^-?[\d,]+(\.\d+)?$/.test(value);
  const perCurrency = amount && factor.feature === 'closed_won_sum' ? pastRevenueText(past) : null;
  if (perCurrency) {
    text = `${text.slice(0, at)}: ${perCurrency}`;
  } else if (amount && MONEY_FEATURES.has(str(factor.feature))) {
    // The deal amount is in the scores' currency (the corporate one where the CRM's rates converted it).
    const shownIn = factor.feature === 'amount' ? (scoresCurrency ?? currency) : currency;
    text = `${text.slice(0, at)}: ${money(Number(value.replace(/,/g, '')), shownIn)}`;
  } else if (amount && COMPANY_CURRENCY_FEATURES.has(str(factor.feature))) {
    text = `${text.slice(0, at)}: ${value} (company currency)`;
  }
  const coded = VALUE_WORDS[str(factor.feature)];
  if (at >= 0 && coded && /^\d+$/.test(value) && Number(value) < coded.length) {
    text = `${text.slice(0, at)}: ${coded[Number(value)]}`;
  }
  return { marker: down ? '▼' : '▲', direction: down ? 'down' : 'up', text };
}

export function topFactors(
  score: Obj,
  labels: Record<string, string>,
  n = TOP_FACTORS,
  currency?: string | null,
  past?: unknown,
  scoresCurrency?: string | null,
): FactorView[] {
  const factors = (Array.isArray(score.factors) ? score.factors : []).map(obj).filter(has);
  factors.sort((a, b) => Math.abs(Number(b.impact ?? 0)) - Math.abs(Number(a.impact ?? 0)));
  const out: FactorView[] = [];
  for (const f of factors) {
    const view = factorView(f, labels, currency, past, scoresCurrency);
    if (view.text && out.every((v) => v.text !== view.text)) out.push(view);
    if (out.length === n) break;
  }
  return out;
}

export function absentText(key: ScoreKey, score: Obj): string | null {
  if (['probability', 'value', 'best_discount', 'score_1_99'].some((k) => isNumber(score[k]))) return null;
  const history = obj(score.not_enough_history);
  if (has(history)) {
    const unit = str(history.unit) || HISTORY_UNITS[key] || 'records';
    return `needs ${String(history.need)} ${unit}, this account has ${String(history.have)}`;
  }
  if (RETRAINING in score) return 'the model is retraining; back within the hour';
  // Wave 31: these three said "not scored" on this card while the preview said why.
  if (score.refused) return "not shown: on this account's history it was no better than a simple rule of thumb";
  if (score.training_error) return "training failed on this account's history; an admin can see why in the model report";
  if (score.reason) return prose(score.reason);
  if ('no_model' in score) return 'no model trained for this account yet';
  if ('no_purchase_history' in score) return 'no purchases or deal amount to value yet';
  return 'not scored';
}

export function headline(key: ScoreKey, score: Obj, currencies: string[] = []): string {
  if (key === 'clv') {
    if (isNumber(score.value) && !str(score.currency) && currencies.length > 1) return thousands(score.value);
    return money(score.value, str(score.currency) || currencies[0]);
  }
  if (key === 'price') return score.best_discount === 0 ? 'No discount' : percent(score.best_discount);
  if (isNumber(score.probability)) return percent(score.probability);
  return `${String(score.score_1_99)} of 99`;
}

/** What the chance to close is (a deal's conversion model never sees the discount the card recommends). */
export const TODAY = 'Today, before any discount';

/** What the recommended discount does to the chance to close, from today's chance (app/cards/view.py price_detail). */
export function priceDetail(score: Obj, today: unknown = null): string {
  const curve = (Array.isArray(score.curve) ? score.curve : []).filter(
    (p): p is [number, number] => Array.isArray(p) && p.length === 2,
  );
  const best = score.best_discount;
  const point = curve.find((p) => p[0] === best);
  if (!point) return 'the discount with the best expected revenue';
  if (new Set(curve.map((p) => Math.round(p[1] * 1000))).size === 1) {
    return 'A discount would not change the chance to close';
  }
  const zero = curve.find((p) => p[0] === 0);
  if (!best || !zero) return 'A discount would not raise the chance to close enough to pay for itself';
  const points = Math.floor((point[1] - zero[1]) * 100 + 0.5);
  if (points < 1) return `${percent(best)} off would raise the chance to close by less than 1 point`;
  if (isNumber(today)) {
    return (
      `About ${percent(Math.min(today + points / 100, 0.99))} chance to close with ${percent(best)} off: ` +
      `today's ${percent(today)} plus ${points} points`
    );
  }
  return `${percent(best)} off raises the chance to close by about ${points} points`;
}

export function detail(key: ScoreKey, score: Obj, currencies: string[] = [], today: unknown = null): string {
  if (key === 'price') return priceDetail(score, today);
  if (key === 'conversion') return TODAY;
  if (key === 'clv') {
    const rank = isNumber(score.score_1_99) ? `Higher than ${score.score_1_99}% of customers` : '';
    const mixed =
      !str(score.currency) && currencies.length > 1 ? `from amounts in ${currencies.join(' and ')}, not converted` : '';
    return [rank, mixed].filter(Boolean).join('; ');
  }
  return '';
}

export function bandVariant(key: ScoreKey, band: unknown): Variant {
  if (band !== 'low' && band !== 'medium' && band !== 'high') return 'default';
  const [good, bad] = key === 'churn' ? ['low', 'high'] : ['high', 'low'];
  return band === good ? 'success' : band === bad ? 'danger' : 'warning';
}

export function scoreView(
  key: ScoreKey,
  score: Obj,
  labels: Record<string, string>,
  currency?: string | null,
  record: Obj = { currency },
  today: unknown = null,
): ScoreView | null {
  if ('not_used' in score) return null;
  const currencies = recordCurrencies(record);
  const view: ScoreView = { key, label: SCORE_LABELS[key], absent: absentText(key, score) };
  if (view.absent === null) {
    const band = score.band;
    view.headline = headline(key, score, currencies);
    view.detail = detail(key, score, currencies, today);
    view.band = typeof band === 'string' ? (BAND_TEXT[key]?.[band] ?? null) : null;
    view.bandVariant = bandVariant(key, band);
    view.factors =
      key === 'conversion'
        ? topFactors(score, labels, TOP_FACTORS, currency, record.past_revenue, str(record.scores_currency) || null)
        : [];
  }
  return view;
}

export function resolveScore(scores: Obj, key: ScoreKey): Obj | null {
  const score = obj(scores[key]);
  if (has(score)) return score;
  const elsewhere = obj(obj(scores.missing)[key]);
  if (has(elsewhere)) return elsewhere;
  const absent = obj(obj(scores.absent)[key]);
  return has(absent) ? absent : null;
}

export function errorOf(payload: Obj): CardView['error'] {
  if (['enriched', 'pending', 'stale', 'not_enriched'].includes(str(payload.status)) && !('error' in payload)) {
    return null;
  }
  const code = str(payload.error) || 'bad_payload';
  const message =
    str(payload.message) ||
    (code === RETRAINING
      ? 'Scores are being retrained. Try again in a few minutes.'
      : code === 'bad_payload'
        ? 'The card payload has no status.'
        : 'Could not load AI insights.');
  return { code, message, retraining: code === RETRAINING };
}

function actionView(payload: Obj, now: Date, labels: Record<string, string>): CardView['action'] {
  const nba = obj(payload.next_best_action);
  if (!has(nba)) return null;
  const channel = str(nba.channel);
  const who = personName(nba.recipient);
  const verb = CHANNEL_VERBS[channel] ?? words(channel);
  let title = verb && who ? `${verb} ${who}` : prose(nba.summary || nba.action || nba.text, labels);
  const strategy = obj(payload.strategy);
  let due = dueText(nba.due_at, now, str(nba.timezone) || null);
  if (channel === 'meeting' && who) {
    // the due time is when the rep sends the invitation; the meeting's slots are the draft's (app/cards/view.py)
    title = `Invite ${who} to a meeting`;
    due = due ? `send the invitation ${due}` : '';
  }
  const discount = nba.discount;
  const meta = [
    due ? due.charAt(0).toUpperCase() + due.slice(1) : '',
    isNumber(discount) && discount > 0 ? `offer ${percent(discount)} off` : '',
    str(strategy.label) || words(strategy.arm || strategy.name),
  ];
  const decision = obj(payload.decision);
  const approval = Boolean(decision.requires_approval || decision.escalate);
  const why = approvalReasons(decision).join('; ');
  return {
    title,
    meta: meta.filter(Boolean).join(' · '),
    approval: approval ? `Needs a manager's approval before it reaches the customer${why ? ` (${why})` : ''}.` : null,
  };
}

/** How agents/decision.py ends a reason that sends the action to a human (app/cards/view.py's APPROVAL_SUFFIXES). */
const APPROVAL_SUFFIXES = [': human review', ': needs approval', ' needs approval'];

/** Why the action waits for a manager, in the decision's own words (as app/cards/view.py's approval_reasons). */
export function approvalReasons(decision: Record<string, unknown>): string[] {
  const reasons = Array.isArray(decision.reasons) ? decision.reasons : [];
  const out: string[] = [];
  for (const reason of reasons) {
    if (typeof reason !== 'string') continue;
    const end = APPROVAL_SUFFIXES.find((e) => reason.endsWith(e));
    const cut = end ? reason.slice(0, -end.length).trim() : '';
    if (cut) out.push(cut);
  }
  return out;
}

/** (heading, copy button, is an e-mail the composer can send): the writer writes a call script for a
 * call and an e-mail for every other channel (a meeting's is the invitation): kind first, then channel. */
const DRAFT_KINDS: Record<string, [string, string, boolean]> = {
  call_script: ['Call script', 'Copy script', false],
  meeting: ['Meeting invitation (email)', 'Copy invitation', true],
  linkedin: ['Draft LinkedIn message', 'Copy message', false],
  email: ['Draft email', 'Copy email', true],
  // An escalated record's brief for its owner: never an e-mail to the customer (app/cards/view.py OWNER_NOTE).
  owner_brief: ['Note for you (not for the customer)', 'Copy note', false],
};

export function draftKind(draft: Obj): [string, string, boolean] {
  if (draft.kind === 'call_script' || draft.kind === 'owner_brief') return DRAFT_KINDS[draft.kind]!;
  return DRAFT_KINDS[str(draft.channel) || 'email'] ?? DRAFT_KINDS.email!;
}

function draftView(payload: Obj, labels: Record<string, string>): CardView['draft'] {
  const draft = obj(payload.draft);
  if (!has(draft) || !(draft.body || draft.subject)) return null;
  const subject = prose(draft.subject, labels);
  const body = prose(draft.body, labels);
  const [heading, copyLabel, email] = draftKind(draft);
  return {
    heading,
    copyLabel,
    to: personName(draft.to) || null,
    toEmail: str(obj(draft.to).email) || null,
    subject,
    body,
    copyText: subject ? `Subject: ${subject}\n\n${body}` : body,
    email,
  };
}

function taskView(payload: Obj, now: Date): CardView['task'] {
  const nba = obj(payload.next_best_action);
  const task = has(nba.task) ? obj(nba.task) : obj(payload.task);
  if (!task.subject) return null;
  return {
    id: task.id ? String(task.id) : null,
    subject: str(task.subject),
    due: dueText(task.due_at, now, str(nba.timezone) || null),
    done: Boolean(obj(payload.feedback).task_done),
  };
}

function outcomeView(payload: Obj, labels: Record<string, string>): CardView['outcome'] {
  const outcome = obj(payload.outcome);
  const kind = str(outcome.kind);
  if (!['won', 'lost', 'stage_advanced', 'stalled'].includes(kind)) return null;
  const on = dateText(outcome.at);
  const record = obj(payload.record);
  const amount = isNumber(outcome.amount) ? money(outcome.amount, str(record.currency) || undefined) : '';
  const stage = outcome.stage;
  const stageText = stage ? labels[String(stage)] || words(stage) : '';
  const texts: Record<string, string> = {
    won: [`Won on ${on}`, amount].filter(Boolean).join(' · '),
    lost: `Lost on ${on}`,
    stage_advanced: `Moved to ${stageText || 'the next stage'} on ${on}`,
    stalled: `Stalled since ${on}`,
  };
  const variants = { won: 'success', lost: 'danger', stage_advanced: 'info', stalled: 'warning' } as const;
  return {
    kind,
    text: texts[kind]!,
    variant: variants[kind as keyof typeof variants],
    closed: kind === 'won' || kind === 'lost',
  };
}

function detailsView(payload: Obj, labels: Record<string, string>): CardView['details'] {
  const scores = obj(payload.scores);
  const currency = str(obj(payload.record).currency) || null;
  // A lead's conversion is the lead model's (will it convert?), not a deal's chance to close.
  const today = obj(payload.record).object_type === 'lead' ? null : obj(resolveScore(scores, 'conversion')).probability;
  const tiles: ScoreView[] = [];
  for (const key of DETAIL_SCORES) {
    const score = resolveScore(scores, key);
    const view = score ? scoreView(key, score, labels, currency, obj(payload.record), today) : null;
    if (view) tiles.push(view);
  }
  const analysis = obj(payload.analysis);
  const signalTexts = (items: unknown): string[] => {
    const out: string[] = [];
    for (const item of Array.isArray(items) ? items : []) {
      const label = typeof item === 'string' ? item : obj(item).label;
      // Score factors are already shown as the reasons under the chance to close.
      if (typeof label === 'string' && label && !label.startsWith('Score factor')) {
        const text = prose(label, labels);
        if (!out.includes(text)) out.push(text);
      }
    }
    return out;
  };
  const strategy = obj(payload.strategy);
  const modelLines = [writerText(payload.generated_by || obj(payload.draft).generated_by)];
  let versions = obj(payload.model_versions);
  if (!has(versions)) {
    versions = {};
    for (const [k, v] of Object.entries(scores)) {
      if (obj(v).model_version) versions[k] = obj(v).model_version;
    }
  }
  for (const k of Object.keys(versions).sort()) modelLines.push(modelText(k, versions[k]));
  return {
    scores: tiles,
    summary: prose(analysis.summary, labels),
    risks: signalTexts(analysis.risk_indicators),
    signals: signalTexts(analysis.buying_signals),
    strategy: words(strategy.label || strategy.arm || strategy.name) || null,
    rationale: prose(strategy.rationale, labels),
    why: prose(obj(strategy.why).text, labels) || null,
    model: modelLines.filter(Boolean),
  };
}

/** Everything the card shows, from one payload (or an error body `{error, message}`). */
/** The card's fixed words in English (app/cards/messages/en.json `ui.*`); a payload's `ui` says them in the record's language. */
export const UI_EN = {
  rescore: "Re-score",
  score_now: "Score now",
  retraining_title: "Models are retraining",
  error_title: "Couldn't load AI insights",
  not_scored_title: "Not scored yet",
  not_scored_now: "No AI analysis for this record yet. It runs on the next change, or now:",
  pending_title: "Scoring in progress",
  pending_text: "A new analysis is on its way; what you see below may be replaced.",
  stale_title: "Out of date",
  stale_text: "The record changed after this analysis. Re-score to refresh it.",
  next_best_action: "Next best action",
  approval_title: "Approval needed",
  open_composer: "Open in composer",
  task_done: "Task done",
  mark_task_done: "Mark task done",
  task: "Task: {subject}",
  task_due: "Task: {subject}, due {due}",
  accept: "Accept",
  accepted: "Accepted",
  dismiss: "Dismiss",
  dismissed: "Dismissed",
  reason_to_dismiss: "Reason to dismiss",
  choose_reason: "Choose a reason",
  details: "Details",
  analysis: "Analysis",
  risks: "Risks:",
  signals: "Buying signals:",
  about: "About this analysis",
  loading: "Loading AI insights",
  marked_accepted: "Marked as accepted.",
  marked_dismissed: "Dismissed.",
  copied_email: "Copied: paste it into your email.",
  copied_short: "Copied.",
  task_marked_done: "Task marked done in {crm}.",
  rescore_queued: "Re-scoring queued; this card refreshes itself.",
  retraining_text: "Scores for this portal are being retrained. Try again in a few minutes.",
  refresh: "Refresh",
  try_again: "Try again",
  feedback_failed: "Feedback not saved: {error}",
  copy_failed_error: "Copy failed: {error}",
  task_failed: "Task not updated: {error}",
  rescore_failed: "Re-score failed: {error}",
  composer_failed: "Composer: {error}",
  strategy: "Strategy: {name}",
} as const;
export type UiKey = keyof typeof UI_EN;

/** The card's words for a payload: its `ui` (the record's language) over the English, `{name}` filled from `values`. */
export function uiWords(input: CardPayload | Obj): (key: UiKey, values?: Record<string, string>) => string {
  const served = (input as Obj).ui;
  const own = served !== null && typeof served === 'object' && !Array.isArray(served) ? (served as Record<string, unknown>) : {};
  return (key, values = {}) => {
    const template = typeof own[key] === 'string' ? (own[key] as string) : UI_EN[key];
    return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
}

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Obj).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), camel(v)]),
  );
}

/**
 * The view the backend already said in the record's language (the payload's `view`: app/cards/view.py card_view,
 * German, French or Spanish on such a record; app/cards/catalogue.py), or null from a backend that sends none.
 */
export function servedView(input: CardPayload | Obj): CardView | null {
  const served = (input as Obj).view;
  if (served === null || typeof served !== 'object' || Array.isArray(served)) return null;
  const view = camel(served) as CardView;
  return typeof view.status === 'string' && typeof view.statusLabel === 'string' ? view : null;
}

export function cardView(input: CardPayload | Obj, opts: { objectType?: string; now?: Date } = {}): CardView {
  const payload = input as Obj;
  const now = opts.now ?? new Date();
  const error = errorOf(payload);
  const status = error ? 'error' : str(payload.status);
  const [statusLabel, statusVariant] = STATUS_TAGS[status] ?? STATUS_TAGS.error;
  const record = obj(payload.record);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(payload.labels))) labels[k] = String(v);
  const recType = str(record.object_type);
  const related =
    recType && opts.objectType && recType !== opts.objectType
      ? `Showing the related ${recType}: ${str(record.name) || String(record.id)}`
      : null;
  const degraded = obj(payload.degraded);
  const conversion = resolveScore(obj(payload.scores), 'conversion');
  const reasons = Array.isArray(payload.dismiss_reasons) && payload.dismiss_reasons.length
    ? payload.dismiss_reasons.map(obj).map((r) => ({ value: String(r.value), label: String(r.label) }))
    : DISMISS_REASONS;
  const updated = ago(payload.enriched_at, now);
  const feedback = obj(payload.feedback);
  const outcome = outcomeView(payload, labels);
  const closed = Boolean(outcome?.closed);
  const actions: string[] = Array.isArray(payload.actions) && payload.actions.length
    ? payload.actions.map(String)
    : ['accept', 'dismiss', 'rescore'];
  return {
    status,
    statusLabel,
    statusVariant,
    error,
    degraded: has(degraded)
      ? str(degraded.message) || 'Some scores may be missing until retraining finishes.'
      : null,
    related,
    updated: updated ? `Updated ${updated}` : '',
    outcome,
    // A closed deal gets no suggestion and no chance to close: the outcome says it all.
    action: closed ? null : actionView(payload, now, labels),
    noAction: closed ? null : noActionText(payload, labels),
    draft: closed ? null : draftView(payload, labels),
    task: closed ? null : taskView(payload, now),
    conversion:
      conversion && !closed
        ? scoreView('conversion', conversion, labels, str(obj(payload.record).currency) || null, obj(payload.record))
        : null,
    details: detailsView(payload, labels),
    actions: actions.filter((a) => !closed || a === 'rescore'),
    dismissReasons: reasons,
    feedback: str(feedback.action) || null,
    feedbackReason: str(feedback.reason) || null,
  };
}
