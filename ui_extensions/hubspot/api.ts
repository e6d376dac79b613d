// The card's side of the backend contract (DESIGN.md "Card payload") and the three calls it makes.
// Every request goes through hubspot.fetch(): HubSpot signs it with the app's client secret and only
// lets it reach origins listed in permittedUrls.fetch. The card sends objectType/objectId itself;
// the backend takes the portal only from the verified request.
import { hubspot } from '@hubspot/ui-extensions';

import { API_BASE } from './config.ts';

export type CardStatus = 'enriched' | 'pending' | 'not_enriched' | 'stale';
export type Band = 'low' | 'medium' | 'high';
export type ScoreKey = 'conversion' | 'churn' | 'clv' | 'price';
export type FeedbackAction = 'accept' | 'dismiss';

export interface Factor {
  feature: string;
  label?: string;
  direction: '+' | '-';
  impact?: number;
}

export interface Score {
  probability?: number;
  value?: number;
  currency?: string;
  score_1_99?: number;
  band?: Band;
  factors?: Factor[];
  model_version?: string;
  best_discount?: number;
  curve?: [number, number][];
  not_enough_history?: { have: number; need: number };
  /** Why a task has no score when it is not a history shortfall, e.g. "no trained model". */
  reason?: string;
  /** The scorer's marker for a task without a trained model (app/pipeline/card.py). */
  no_model?: unknown;
}

export interface Person {
  id?: string | null;
  contact_id?: string | null;
  name?: string | null;
  email?: string | null;
}

export interface TaskRef {
  id?: string;
  subject?: string;
  due_at?: string;
}

/** agents.models.NextBestAction (+ the task the pipeline upserted); `action`/`text` are accepted too. */
export interface NextBestAction {
  summary?: string;
  action?: string;
  text?: string;
  channel?: string;
  timing?: string;
  due_at?: string;
  timezone?: string;
  owner?: Person | string | null;
  recipient?: Person | null;
  discount?: number | null;
  task?: TaskRef | null;
}

/** agents.models.Draft; `to` may also be a plain address. */
export interface Draft {
  channel?: string;
  kind?: string;
  to?: Person | string | null;
  subject?: string;
  body?: string;
  generated_by?: string;
}

export interface Signal {
  label: string;
}

export interface Analysis {
  summary?: string;
  engagement_trend?: string;
  risk_indicators?: (Signal | string)[];
  buying_signals?: (Signal | string)[];
}

/** agents.models.Strategy: the policy's arm and the strategist's rationale. */
export interface Strategy {
  arm?: string;
  name?: string;
  label?: string;
  rationale?: string;
  propensity?: number;
  /** Why the learning loop chose it, or held the deal out (app/pipeline/strategy.py `why`). */
  why?: { text?: string; mode?: string };
}

export type Scores = Partial<Record<ScoreKey, Score>> & {
  /** Alternative place for the reason a score is absent: `missing.churn = {not_enough_history}`. */
  missing?: Partial<Record<ScoreKey, Pick<Score, 'not_enough_history'>>>;
};

export interface CardPayload {
  status: CardStatus;
  record?: { id: string; name?: string; object_type?: string };
  enrichment_id?: string | number;
  scores?: Scores;
  analysis?: Analysis;
  strategy?: Strategy;
  next_best_action?: NextBestAction;
  task?: TaskRef | null;
  draft?: Draft;
  generated_by?: string;
  enriched_at?: string;
  degraded?: { reason?: string; message?: string };
  actions?: string[];
  /** The CRM's labels for internal values (stage ids ...), used in free text. */
  labels?: Record<string, string>;
  dismiss_reasons?: { value: string; label: string }[];
  /** What the rep already did about this enrichment. */
  feedback?: { action?: FeedbackAction; reason?: string; task_done?: boolean };
  decision?: { requires_approval?: boolean; escalate?: boolean };
  model_versions?: Record<string, string>;
}

/** A failed call, with what the card needs to choose an error state. */
export class CardApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'CardApiError';
    this.status = status;
    this.code = code;
  }

  /** The backend answers 503 with this code while a tenant's models are being retrained. */
  get isRetraining(): boolean {
    return this.code === 'model_retraining';
  }
}

/** HubSpot's timeout ceiling for hubspot.fetch() is 15 s; stay under it. */
export const FETCH_TIMEOUT_MS = 10_000;

const OBJECT_TYPES: Record<string, string> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
};

/** Map a HubSpot objectTypeId (e.g. "0-3") to the backend's object type name ("deal"). */
export function objectTypeName(objectTypeId: string): string {
  return OBJECT_TYPES[objectTypeId] ?? objectTypeId;
}

export interface RecordRef {
  objectType: string;
  objectId: string;
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const data: unknown = await response.json();
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function call(path: string, init: { method: 'GET' | 'POST'; body?: Record<string, unknown> }) {
  let response: Response;
  try {
    response = await hubspot.fetch(`${API_BASE}${path}`, { ...init, timeout: FETCH_TIMEOUT_MS });
  } catch (err) {
    throw new CardApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const data = await readJson(response);
  if (!response.ok) {
    const code = typeof data.error === 'string' ? data.error : `http_${response.status}`;
    const message = typeof data.message === 'string' ? data.message : `The backend answered ${response.status}.`;
    throw new CardApiError(response.status, code, message);
  }
  return data;
}

/** Fetch the card payload of one record. */
export async function fetchCard(ref: RecordRef): Promise<CardPayload> {
  const query = `objectType=${encodeURIComponent(ref.objectType)}&objectId=${encodeURIComponent(ref.objectId)}`;
  const data = await call(`/api/cards/hubspot?${query}`, { method: 'GET' });
  if (typeof data.status !== 'string') {
    throw new CardApiError(200, 'bad_payload', 'The backend sent a card without a status.');
  }
  return data as unknown as CardPayload;
}

/** Record the rep's accept, or dismiss with a reason, of an enrichment (the learning loop's feedback). */
export async function sendFeedback(
  ref: RecordRef,
  action: FeedbackAction,
  enrichmentId: string | number | undefined,
  reason?: string,
): Promise<void> {
  await call('/api/cards/hubspot/feedback', {
    method: 'POST',
    body: { ...ref, action, enrichment_id: enrichmentId ?? null, ...(reason ? { reason } : {}) },
  });
}

/** Mark the enrichment's task done in HubSpot (idempotent on the backend). */
export async function completeTask(ref: RecordRef, enrichmentId: string | number | undefined): Promise<void> {
  await call('/api/cards/hubspot/task-done', {
    method: 'POST',
    body: { ...ref, enrichment_id: enrichmentId ?? null },
  });
}

/** Ask the backend to score the record again (it enqueues a job and answers at once). */
export async function requestRescore(ref: RecordRef): Promise<void> {
  await call('/api/cards/hubspot/rescore', { method: 'POST', body: { ...ref } });
}
