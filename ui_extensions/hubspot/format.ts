// Pure formatting helpers shared by the card sections; kept free of React so they are trivial to test.
import type { Band, CardPayload, Factor, NextBestAction, Person, Score, ScoreKey, Scores, Strategy, TaskRef } from './api.ts';

export const SCORE_LABELS: Record<ScoreKey, string> = {
  conversion: 'Conversion',
  churn: 'Churn risk',
  clv: 'Customer lifetime value',
  price: 'Best discount',
};

/** How many factors each score shows. */
export const TOP_FACTORS = 3;

export function percent(fraction: number | undefined, digits = 0): string {
  if (fraction === undefined || fraction === null || Number.isNaN(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function money(value: number | undefined, currency = 'USD'): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  const rounded = Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return currency === 'USD' ? `$${rounded}` : `${rounded} ${currency}`;
}

/** The headline number of a score: 1–99 for conversion/churn, money for CLV, a % for price. */
export function headline(key: ScoreKey, score: Score): string {
  if (key === 'clv') return money(score.value, score.currency);
  if (key === 'price') return percent(score.best_discount);
  if (score.score_1_99 !== undefined) return String(score.score_1_99);
  return percent(score.probability);
}

/** A secondary line under the headline (probability, band, or win rate at the best discount). */
export function detail(key: ScoreKey, score: Score): string {
  if (key === 'price') {
    const point = score.curve?.find(([d]) => d === score.best_discount);
    return point ? `win probability ${percent(point[1])} at this discount` : 'discount with the best expected value';
  }
  if (key === 'clv') return score.score_1_99 !== undefined ? `${score.score_1_99}/99 vs. peers` : '';
  return score.probability !== undefined ? `probability ${percent(score.probability)}` : '';
}

export function bandVariant(key: ScoreKey, band: Band | undefined): 'success' | 'warning' | 'danger' | 'default' {
  if (!band) return 'default';
  // For churn a high band is bad news; for the others it is good news.
  const good = key === 'churn' ? 'low' : 'high';
  const bad = key === 'churn' ? 'high' : 'low';
  if (band === good) return 'success';
  if (band === bad) return 'danger';
  return 'warning';
}

/**
 * Why a score entry has no number (`{"reason": ...}`, `{"no_model": {}}`, ...), or undefined when it
 * has one. `not_enough_history` is shown on its own, before this is asked.
 */
export function unavailableReason(score: Score): string | undefined {
  const hasNumber = [score.probability, score.value, score.best_discount, score.score_1_99].some(
    (v) => typeof v === 'number',
  );
  if (hasNumber) return undefined;
  if (score.reason) return score.reason;
  return score.no_model !== undefined ? 'no trained model yet' : 'no score';
}

export function topFactors(score: Score, n = TOP_FACTORS): Factor[] {
  const factors = [...(score.factors ?? [])];
  factors.sort((a, b) => Math.abs(b.impact ?? 0) - Math.abs(a.impact ?? 0));
  return factors.slice(0, n);
}

export function factorText(factor: Factor): string {
  const arrow = factor.direction === '-' ? '▼' : '▲';
  return `${arrow} ${factor.label ?? factor.feature}`;
}

export const TIMING_LABELS: Record<string, string> = {
  today: 'Today',
  next_business_day: 'Next business day',
  in_2_business_days: 'In 2 business days',
  next_week: 'Next week',
};

/** True for an object with at least one key: the backend sends `{}` for parts it does not have. */
export function present<T extends object>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined && typeof value === 'object' && Object.keys(value).length > 0;
}

/** The score of one task, or its `not_enough_history` reason wherever the payload put it. */
export function resolveScore(scores: Scores | undefined, key: ScoreKey): Score | undefined {
  const score = scores?.[key];
  if (present(score)) return score;
  const missing = scores?.missing?.[key];
  return present(missing) ? missing : undefined;
}

export function personText(person: Person | string | null | undefined, fallback = '–'): string {
  if (!person) return fallback;
  if (typeof person === 'string') return person;
  if (person.name && person.email) return `${person.name} <${person.email}>`;
  return person.name ?? person.email ?? person.id ?? person.contact_id ?? fallback;
}

export function ownerText(owner: NextBestAction['owner']): string {
  if (owner && typeof owner === 'object') return owner.name ?? owner.email ?? owner.id ?? 'Unassigned';
  return personText(owner, 'Unassigned');
}

export function nbaText(nba: NextBestAction): string {
  return nba.summary ?? nba.action ?? nba.text ?? nba.task?.subject ?? '';
}

/** "Next business day · 2026-11-26 09:30 America/New_York" from the timing and the due time. */
export function timingText(nba: NextBestAction): string {
  const label = nba.timing ? (TIMING_LABELS[nba.timing] ?? nba.timing) : '';
  const due = when(nba.due_at);
  const at = due && nba.timezone && !due.endsWith('UTC') ? `${due} ${nba.timezone}` : due;
  return [label, at].filter(Boolean).join(' · ') || '–';
}

export function taskOf(payload: CardPayload): TaskRef | undefined {
  const task = payload.next_best_action?.task ?? payload.task;
  return present(task) && task.subject ? task : undefined;
}

export function strategyName(strategy: Strategy): string {
  return strategy.label ?? titleCase(strategy.arm ?? strategy.name);
}

export function when(iso: string | undefined): string {
  if (!iso) return '';
  // Keep it locale-free and deterministic: "2026-11-25 15:04 UTC".
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z|[+-]00:?00)?/.exec(iso);
  if (!match) return iso;
  return match[3] ? `${match[1]} ${match[2]} UTC` : `${match[1]} ${match[2]}`;
}

export function titleCase(name: string | undefined): string {
  if (!name) return '';
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
