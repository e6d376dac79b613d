import { readFileSync } from 'node:fs';

import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  LoadingSpinner,
  StatusTag,
  Text,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AgenticSalesCard, type AgenticSalesCardProps } from '../AgenticSalesCard.tsx';
import type { CardPayload } from '../api.ts';
import { API_BASE } from '../config.ts';

const ENRICHED: CardPayload = JSON.parse(
  readFileSync(new URL('./fixtures/payload_enriched.json', import.meta.url), 'utf8'),
);

/** A payload exactly as app/pipeline/card.py stored it for a deal before any model was trained. */
const PIPELINE: CardPayload = JSON.parse(
  readFileSync(new URL('./fixtures/payload_pipeline_no_models.json', import.meta.url), 'utf8'),
);

const CARD_URL = `${API_BASE}/api/cards/hubspot`;

function payload(overrides: Partial<CardPayload> = {}): CardPayload {
  return { ...structuredClone(ENRICHED), ...overrides };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

type FetchArgs = Parameters<typeof hubspot.fetch>;

/** Route hubspot.fetch calls: GET answers with `card`, POSTs with `post` (both fresh each call). */
function mockBackend(card: () => Response | Promise<Response>, post: () => Response = () => json({ ok: true })) {
  return vi.spyOn(hubspot, 'fetch').mockImplementation(async (...[, options]: FetchArgs) => {
    return options?.method === 'POST' ? post() : card();
  });
}

/** Render the card for a record; polling is off unless a test turns it on. */
function setup(objectTypeId = '0-3', objectId = 123, props: AgenticSalesCardProps = { maxPolls: 0 }) {
  const renderer = createRenderer('crm.record.sidebar');
  renderer.mocks.context.crm.objectTypeId = objectTypeId;
  renderer.mocks.context.crm.objectId = objectId;
  renderer.render(<AgenticSalesCard {...props} />);
  return renderer;
}

beforeEach(() => {
  vi.restoreAllMocks();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loading', () => {
  it('shows a spinner until the payload arrives', async () => {
    const spy = mockBackend(() => new Promise<Response>(() => {}));
    const { findByTestId, maybeFindByTestId } = setup();
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    expect(findByTestId(LoadingSpinner, 'state-loading').props.label).toBe('Loading AI insights');
    expect(maybeFindByTestId(Heading, 'score-conversion')).toBeNull();
  });

  it('calls the backend through hubspot.fetch with the record from the context', async () => {
    const spy = mockBackend(() => json(payload()));
    const { findByTestId, waitFor } = setup('0-3', 456);
    await waitFor(() => expect(findByTestId(StatusTag, 'status').text).toBe('Up to date'));
    expect(spy).toHaveBeenCalledTimes(1);
    const [url, options] = spy.mock.calls[0]!;
    expect(url).toBe(`${CARD_URL}?objectType=deal&objectId=456`);
    expect(options?.method).toBe('GET');
    expect(options?.timeout).toBeLessThanOrEqual(15_000);
  });
});

describe('enriched', () => {
  it('renders every score with its band and top factors', async () => {
    mockBackend(() => json(payload()));
    const { findByTestId, maybeFindByTestId, findAll, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Heading, 'score-conversion').text).toBe('62'));

    expect(findByTestId(StatusTag, 'band-conversion').text).toBe('medium');
    expect(findByTestId(StatusTag, 'band-conversion').props.variant).toBe('warning');
    // top 3 by |impact|, strongest first; the 4th factor is left out
    const factors = findByTestId(Flex, 'factors-conversion').findAll(Text).map((t) => t.text);
    expect(factors).toEqual([
      '▲ Last activity 2 days ago',
      '▼ Only one contact engaged',
      '▼ Amount 1.8x the median won deal',
    ]);
    expect(findByTestId(Heading, 'score-clv').text).toBe('$48,000');
    expect(findByTestId(StatusTag, 'band-clv').props.variant).toBe('success');
    expect(findByTestId(Text, 'factor-clv-0').text).toBe('▲ Company size 1,200 employees');
    expect(findByTestId(Heading, 'score-price').text).toBe('8%');
    expect(findAll(Text).some((t) => t.text === 'win probability 63% at this discount')).toBe(true);
    // churn has no trained model yet: the reason is shown instead of a number
    expect(maybeFindByTestId(Heading, 'score-churn')).toBeNull();
    expect(findByTestId(Text, 'not-enough-history-churn').text).toBe(
      'Not enough history yet: 4 of 30 records needed to train this model.',
    );
  });

  it('renders the strategy, next best action, task and draft', async () => {
    mockBackend(() => json(payload()));
    const { findByTestId, maybeFindByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Text, 'nba-text').text).toBe(ENRICHED.next_best_action!.summary));

    expect(findByTestId(Text, 'strategy-name').text).toBe('Executive alignment');
    expect(findByTestId(Text, 'strategy-rationale').text).toContain('bring in an economic buyer');
    expect(findByTestId(Text, 'analysis-summary').text).toBe(ENRICHED.analysis!.summary);
    expect(findByTestId(Text, 'analysis-risks').text).toBe('Risks: Single-threaded');
    expect(findByTestId(Text, 'nba-channel').text).toBe('email');
    expect(findByTestId(Text, 'nba-timing').text).toBe('Next business day · 2026-11-26 09:30 America/New_York');
    expect(findByTestId(Text, 'nba-owner').text).toBe('Sam Rep');
    expect(findByTestId(Text, 'nba-recipient').text).toBe('Dana Reyes <dana.reyes@northwind.example>');
    expect(maybeFindByTestId(Text, 'nba-discount')).toBeNull();
    expect(findByTestId(Text, 'task-subject').text).toBe('[AI] Request exec intro at Northwind Logistics');
    expect(findByTestId(Text, 'draft-to').text).toBe('To: Dana Reyes <dana.reyes@northwind.example>');
    expect(findByTestId(Text, 'draft-subject').text).toBe(ENRICHED.draft!.subject);
    expect(findByTestId(Text, 'draft-body').text).toBe(ENRICHED.draft!.body);
    expect(findByTestId(StatusTag, 'generated-by').text).toBe('offline-template');
    expect(findByTestId(Text, 'enriched-at').text).toBe('2026-11-25 15:04 UTC');
  });

  it('accepts the simpler shapes too (plain strings, top-level task, missing.<score>)', async () => {
    const scores = structuredClone(ENRICHED.scores!);
    delete scores.churn;
    scores.missing = { churn: { not_enough_history: { have: 2, need: 30 } } };
    scores.clv = { reason: 'no trained model' };
    mockBackend(() =>
      json(
        payload({
          scores,
          strategy: { name: 'risk_reversal', rationale: 'Offer a pilot.' },
          next_best_action: { action: 'Call the CFO', channel: 'call', timing: 'Friday', owner: 'Sam', discount: 0.05 },
          task: { subject: 'Call the CFO about the pilot' },
          draft: { to: 'cfo@northwind.example', subject: 'Pilot', body: 'Hello', kind: 'call_script' },
        }),
      ),
    );
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Text, 'nba-text').text).toBe('Call the CFO'));
    expect(findByTestId(Text, 'not-enough-history-churn').text).toContain('2 of 30');
    expect(findByTestId(Text, 'score-unavailable-clv').text).toBe('Not available: no trained model');
    expect(findByTestId(Text, 'strategy-name').text).toBe('Risk reversal');
    expect(findByTestId(Text, 'nba-timing').text).toBe('Friday');
    expect(findByTestId(Text, 'nba-owner').text).toBe('Sam');
    expect(findByTestId(Text, 'nba-discount').text).toBe('5%');
    expect(findByTestId(Text, 'task-subject').text).toBe('Call the CFO about the pilot');
    expect(findByTestId(Text, 'draft-to').text).toBe('To: cfo@northwind.example');
  });

  it('renders a real pipeline payload (no trained models yet)', async () => {
    mockBackend(() => json(PIPELINE));
    const { findByTestId, maybeFindByTestId, waitFor } = setup('0-3', 8807);
    await waitFor(() => expect(findByTestId(Text, 'nba-text').text).toBe(PIPELINE.next_best_action!.summary));
    for (const key of ['conversion', 'churn', 'clv', 'price']) {
      expect(findByTestId(Text, `score-unavailable-${key}`).text).toBe('Not available: no trained model yet');
      expect(maybeFindByTestId(Heading, `score-${key}`)).toBeNull();
    }
    expect(findByTestId(Text, 'strategy-name').text).toBe('Value reinforcement');
    expect(findByTestId(Text, 'task-subject').text).toBe(PIPELINE.next_best_action!.task!.subject);
    expect(findByTestId(Text, 'nba-timing').text).toBe('Today · 2026-11-25 11:00 America/Chicago');
    expect(findByTestId(Text, 'draft-body').text).toBe(PIPELINE.draft!.body);
    expect(findByTestId(StatusTag, 'generated-by').text).toBe('offline-template');
  });

  it('names the related deal on a contact record', async () => {
    const spy = mockBackend(() => json(payload()));
    const { findByTestId, waitFor } = setup('0-1', 55);
    await waitFor(() =>
      expect(findByTestId(Text, 'related-record').text).toBe(
        'Showing the related deal: Northwind Logistics - 250 seats',
      ),
    );
    expect(spy.mock.calls[0]![0]).toBe(`${CARD_URL}?objectType=contact&objectId=55`);
  });

  it('shows only the actions the payload allows', async () => {
    mockBackend(() => json(payload({ actions: ['rescore'] })));
    const { findByTestId, maybeFindByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Button, 'btn-rescore').text).toBe('Re-score'));
    expect(maybeFindByTestId(Button, 'btn-accept')).toBeNull();
    expect(maybeFindByTestId(Button, 'btn-dismiss')).toBeNull();
  });
});

describe('states', () => {
  it('not enriched: explains and offers to score now', async () => {
    const spy = mockBackend(() => json({ status: 'not_enriched', record: { id: '123' }, actions: ['rescore'] }));
    const { findByTestId, maybeFindByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(EmptyState, 'state-not-enriched').props.title).toBe('Not scored yet'));
    expect(findByTestId(StatusTag, 'status').text).toBe('Not scored yet');
    expect(maybeFindByTestId(Button, 'btn-accept')).toBeNull();

    findByTestId(Button, 'btn-rescore').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'notice').props.title).toContain('Re-scoring queued'));
    expect(findByTestId(Alert, 'state-pending').props.title).toBe('Scoring in progress');
    const [url, options] = spy.mock.calls[1]!;
    expect(url).toBe(`${CARD_URL}/rescore`);
    expect(options).toMatchObject({ method: 'POST', body: { objectType: 'deal', objectId: '123' } });
  });

  it('pending: says scoring is in progress and still shows the last analysis', async () => {
    const spy = mockBackend(() => json(payload({ status: 'pending' })));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Alert, 'state-pending').props.title).toBe('Scoring in progress'));
    expect(findByTestId(StatusTag, 'status').text).toBe('Scoring…');
    expect(findByTestId(Heading, 'score-conversion').text).toBe('62');

    findByTestId(Button, 'btn-refresh').trigger('onClick');
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(2));
  });

  it('pending before the first enrichment: empty parts ({}) render nothing', async () => {
    // The shape app/cards/payload.py answers with when a record has no enrichment yet.
    mockBackend(() =>
      json({
        status: 'pending',
        record: { id: '123', name: null, object_type: 'deal' },
        scores: {},
        analysis: {},
        strategy: {},
        next_best_action: {},
        draft: {},
        generated_by: null,
        enriched_at: null,
        actions: ['rescore'],
        related_to: null,
      }),
    );
    const { findByTestId, maybeFindByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Alert, 'state-pending').props.title).toBe('Scoring in progress'));
    for (const id of ['scores', 'strategy', 'nba', 'draft']) {
      expect(maybeFindByTestId(Flex, id)).toBeNull();
    }
    expect(maybeFindByTestId(Text, 'task-subject')).toBeNull();
    expect(maybeFindByTestId(Button, 'btn-accept')).toBeNull();
    expect(findByTestId(Button, 'btn-rescore').text).toBe('Re-score');
  });

  it('pending: polls quietly until the record is enriched', async () => {
    const answers = [payload({ status: 'pending' }), payload({ status: 'pending' }), payload()];
    const spy = mockBackend(() => json(answers.shift() ?? payload()));
    const { findByTestId, maybeFindByTestId, maybeFind, waitFor } = setup('0-3', 123, { pollMs: 5, maxPolls: 5 });
    await waitFor(() => expect(findByTestId(StatusTag, 'status').text).toBe('Up to date'));
    expect(spy).toHaveBeenCalledTimes(3);
    expect(maybeFindByTestId(Alert, 'state-pending')).toBeNull();
    expect(maybeFind(LoadingSpinner)).toBeNull(); // polling never blanks the card
  });

  it('pending: stops polling after maxPolls', async () => {
    const spy = mockBackend(() => json(payload({ status: 'pending' })));
    const { findByTestId, waitFor } = setup('0-3', 123, { pollMs: 1, maxPolls: 2 });
    await waitFor(() => expect(findByTestId(Alert, 'state-pending')).toBeTruthy());
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('stale: warns that the record changed after the analysis', async () => {
    mockBackend(() => json(payload({ status: 'stale' })));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Alert, 'state-stale').props.title).toBe('Out of date'));
    expect(findByTestId(StatusTag, 'status').text).toBe('Out of date');
    expect(findByTestId(Text, 'nba-text').text).toBe(ENRICHED.next_best_action!.summary);
  });

  it('error: shows the backend message and retries', async () => {
    let calls = 0;
    const spy = mockBackend(() =>
      ++calls === 1 ? json({ error: 'internal', message: 'Something broke on our side.' }, 500) : json(payload()),
    );
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(ErrorState, 'state-error').find(Text).text).toContain('Something broke on our side.'));

    findByTestId(Button, 'btn-retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Heading, 'score-conversion').text).toBe('62'));
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('error: a network failure is an error state too', async () => {
    vi.spyOn(hubspot, 'fetch').mockRejectedValue(new Error('connection reset'));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(ErrorState, 'state-error').find(Text).text).toContain('connection reset'));
  });

  it('error: a payload without a status is rejected', async () => {
    mockBackend(() => json({ scores: {} }));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(ErrorState, 'state-error').find(Text).text).toContain('without a status'));
  });

  it('degraded: models retraining (503) gets its own message', async () => {
    mockBackend(() => json({ error: 'model_retraining', message: 'Models are being retrained.' }, 503));
    const { findByTestId, maybeFindByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Alert, 'state-degraded').text).toContain('Models are being retrained.'));
    expect(maybeFindByTestId(ErrorState, 'state-error')).toBeNull();
    expect(findByTestId(Button, 'btn-retry').text).toBe('Try again');
  });

  it('degraded: an enriched payload flagged as degraded still renders, with a warning', async () => {
    mockBackend(() => json(payload({ degraded: { reason: 'model_retraining' } })));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Alert, 'state-degraded').props.title).toBe('Models are retraining'));
    expect(findByTestId(Heading, 'score-conversion').text).toBe('62');
  });
});

describe('actions', () => {
  it.each([
    ['accept', 'btn-accept', 'Marked as accepted.'],
    ['dismiss', 'btn-dismiss', 'Dismissed.'],
  ] as const)('%s posts feedback with the enrichment id', async (action, testId, message) => {
    const spy = mockBackend(() => json(payload()));
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Button, testId).props.disabled).toBe(false));

    findByTestId(Button, testId).trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'notice').props.title).toBe(message));
    const [url, options] = spy.mock.calls[1]!;
    expect(url).toBe(`${CARD_URL}/feedback`);
    expect(options).toMatchObject({
      method: 'POST',
      body: { objectType: 'deal', objectId: '123', action, enrichment_id: 'enr_7f3a9c' },
    });
    // one decision per enrichment
    expect(findByTestId(Button, 'btn-accept').props.disabled).toBe(true);
    expect(findByTestId(Button, 'btn-dismiss').props.disabled).toBe(true);
  });

  it('a failed feedback call is reported, not swallowed', async () => {
    mockBackend(
      () => json(payload()),
      () => json({ error: 'invalid_signature' }, 401),
    );
    const { findByTestId, waitFor } = setup();
    await waitFor(() => expect(findByTestId(Button, 'btn-accept').props.disabled).toBe(false));
    findByTestId(Button, 'btn-accept').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'notice').props.variant).toBe('danger'));
    expect(findByTestId(Button, 'btn-accept').props.disabled).toBe(false);
  });

  it('after re-score the card polls back to the new enrichment and clears the notice', async () => {
    const answers = [payload(), payload({ status: 'pending' }), payload({ enrichment_id: 'enr_new' })];
    mockBackend(() => json(answers.shift() ?? payload()));
    const { findByTestId, maybeFindByTestId, waitFor } = setup('0-3', 123, { pollMs: 5, maxPolls: 5 });
    await waitFor(() => expect(findByTestId(Button, 'btn-rescore').props.disabled).toBe(false));
    findByTestId(Button, 'btn-rescore').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'status').text).toBe('Scoring…'));
    await waitFor(() => expect(findByTestId(StatusTag, 'status').text).toBe('Up to date'));
    expect(maybeFindByTestId(Alert, 'notice')).toBeNull();
    expect(findByTestId(Button, 'btn-accept').props.disabled).toBe(false);
  });

  it('on a contact card, feedback and re-score go to the related deal on screen', async () => {
    const spy = mockBackend(() => json(payload()));
    const { findByTestId, waitFor } = setup('0-1', 55);
    await waitFor(() => expect(findByTestId(Button, 'btn-accept').props.disabled).toBe(false));

    findByTestId(Button, 'btn-accept').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'notice').props.title).toBe('Marked as accepted.'));
    expect(spy.mock.calls[1]![1]).toMatchObject({
      body: { objectType: 'deal', objectId: '123', action: 'accept', enrichment_id: 'enr_7f3a9c' },
    });
    findByTestId(Button, 'btn-rescore').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'state-pending')).toBeTruthy());
    expect(spy.mock.calls[2]![1]).toMatchObject({ body: { objectType: 'deal', objectId: '123' } });
  });

  it('re-score enqueues a job and switches the card to pending', async () => {
    const spy = mockBackend(() => json(payload()));
    const { findByTestId, waitFor } = setup('0-3', 123, { maxPolls: 0 });
    await waitFor(() => expect(findByTestId(Button, 'btn-rescore').props.disabled).toBe(false));

    findByTestId(Button, 'btn-rescore').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'state-pending').props.title).toBe('Scoring in progress'));
    const [url, options] = spy.mock.calls[1]!;
    expect(url).toBe(`${CARD_URL}/rescore`);
    expect(options).toMatchObject({ method: 'POST', body: { objectType: 'deal', objectId: '123' } });
  });
});
