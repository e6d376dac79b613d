import { readFileSync, readdirSync } from 'node:fs';

import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Heading,
  LoadingSpinner,
  Select,
  StatusTag,
  Text,
  hubspot,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
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
/** Card payloads exactly as a demo run served them (the same files the Python tests read). */
const DEMO_DIR = new URL('../../../tests/fixtures/hubspot/cards/', import.meta.url);
const DEMO: [string, CardPayload][] = readdirSync(DEMO_DIR)
  .filter((f) => f.startsWith('demo_deal_') && f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, DEMO_DIR), 'utf8')) as CardPayload]);

const CARD_URL = `${API_BASE}/api/cards/hubspot`;
const ISO_TIME = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;
const CAPS_ENUM = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
const DECIMAL_PERCENT = /\d+[.,]\d+\s*%/;

function payload(overrides: Partial<CardPayload> = {}): CardPayload {
  return {
    ...structuredClone(ENRICHED),
    actions: ['accept', 'dismiss', 'rescore', 'task_done'],
    ...overrides,
  };
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

type Renderer = ReturnType<typeof setup>;

/** Every text the card shows (collapsed details included). */
function allText(r: Renderer): string {
  return [...r.findAll(Text), ...r.findAll(Heading), ...r.findAll(StatusTag)].map((t) => t.text).join('\n');
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
    const [url, options] = spy.mock.calls[0]!;
    expect(url).toBe(`${CARD_URL}?objectType=deal&objectId=456`);
    expect(options?.method).toBe('GET');
    expect(options?.timeout).toBeLessThanOrEqual(15_000);
  });
});

describe('layout', () => {
  it('leads with the action and its draft, then the chance to close, then collapsed details', async () => {
    mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Heading, 'nba-title').text).toBe('Email Dana Reyes'));
    expect(r.findByTestId(Text, 'draft-subject').text).toBe(ENRICHED.draft!.subject);
    expect(r.findByTestId(Heading, 'score-conversion').text).toBe('62%');
    // Today's chance, said as such: the discount's chance in the details is another number (wave 31).
    expect(r.findByTestId(Text, 'detail-conversion').text).toBe('Today, before any discount');
    expect(r.findByTestId(StatusTag, 'band-conversion').text).toBe('Possible');
    const factors = [0, 1, 2].map((i) => r.findByTestId(Text, `factor-conversion-${i}`).text);
    expect(factors).toEqual(['▲Last activity 2 days ago', '▼Only one contact engaged', '▼Amount 1.8x the median won deal']);
    const details = r.findByTestId(Accordion, 'details');
    expect(details.props.defaultOpen).toBe(false);
    expect(details.props.title).toBe('Details');
    // The other scores live in the details, with words for their bands and why one is absent.
    const inDetails = (ids: string[]) =>
      [...details.findAll(Heading), ...details.findAll(StatusTag), ...details.findAll(Text)]
        .filter((el) => ids.includes(String(el.props.testId)))
        .map((el) => el.text);
    expect(inDetails(['score-clv', 'band-clv', 'absent-churn', 'detail-price'])).toEqual([
      '$48,000',
      'Above peers',
      'needs 30 customers with a known renewal or churn, this account has 4',
      "About 70% chance to close with 8% off: today's 62% plus 8 points",
    ]);
    expect(inDetails(['score-conversion', 'nba-title'])).toEqual([]);
  });

  it('hides a score the tenant does not use', async () => {
    const scores = structuredClone(ENRICHED.scores!);
    (scores as Record<string, unknown>).churn = { not_used: {} };
    mockBackend(() => json(payload({ scores })));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Heading, 'score-conversion').text).toBe('62%'));
    expect(r.maybeFindByTestId(Text, 'absent-churn')).toBeNull();
  });

  it.each(DEMO)('%s shows no internal value, ISO time, arrow pair or decimal percentage', async (_name, data) => {
    mockBackend(() => json(data));
    const r = setup('0-3', Number(data.record!.id));
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'status').text).toBe('Up to date'));
    const text = allText(r);
    expect(text).not.toContain((data.record as unknown as { stage: string }).stage);
    expect(text).not.toMatch(CAPS_ENUM);
    expect(text).not.toMatch(ISO_TIME);
    expect(text).not.toMatch(DECIMAL_PERCENT);
    expect(text).not.toMatch(/[↑↓]|Score factor|offline-template/);
    expect(r.findByTestId(Heading, 'nba-title').text).toMatch(/^(Email|Call|Meet) [A-Z]/);
  });

  it('renders a real pipeline payload (no trained models yet) with the reasons', async () => {
    mockBackend(() => json(PIPELINE));
    const r = setup('0-3', 8807);
    await r.waitFor(() => expect(r.findByTestId(Text, 'absent-conversion').text).toBe('no model trained for this account yet'));
    for (const key of ['churn', 'clv', 'price']) {
      expect(r.findByTestId(Text, `absent-${key}`).text).toBe('no model trained for this account yet');
    }
    expect(r.findByTestId(Text, 'strategy-name').text).toBe('Value reinforcement');
  });

  it('names the related deal on a contact record', async () => {
    mockBackend(() => json(payload()));
    const r = setup('0-1', 55);
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'related-record').text).toBe('Showing the related deal: Northwind Logistics - 250 seats'),
    );
  });
});

describe('outcomes', () => {
  const read = (name: string): CardPayload =>
    JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

  it('a won deal shows its outcome and nothing to act on', async () => {
    mockBackend(() => json(read('payload_outcome_won.json')));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'outcome').props.title).toBe('Won on 30 Nov 2026 · $52,000'));
    expect(r.findByTestId(Alert, 'outcome').props.variant).toBe('success');
    for (const id of ['nba-title', 'score-conversion']) expect(r.maybeFindByTestId(Heading, id)).toBeNull();
    for (const id of ['btn-copy', 'btn-accept', 'btn-dismiss', 'btn-task-done']) {
      expect(r.maybeFindByTestId(Button, id)).toBeNull();
    }
    expect(r.findByTestId(Button, 'btn-rescore')).toBeTruthy();
  });

  it('a stage advance is said with the stage label, the suggestion stays', async () => {
    mockBackend(() => json(read('payload_outcome_stage_advanced.json')));
    const r = setup();
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'outcome').props.title).toBe('Moved to Contract Sent on 30 Nov 2026'),
    );
    expect(r.findByTestId(Heading, 'nba-title').text).toBe('Email Dana Reyes');
  });
});

describe('acting from the card', () => {
  it('copy puts the subject and the body on the clipboard', async () => {
    mockBackend(() => json(payload()));
    const r = setup();
    r.mocks.actions.copyTextToClipboard.willCall(async () => undefined);
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-copy').text).toBe('Copy email'));
    r.findByTestId(Button, 'btn-copy').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toContain('Copied'));
    expect(r.mocks.actions.copyTextToClipboard.calls).toEqual([
      [`Subject: ${ENRICHED.draft!.subject}\n\n${ENRICHED.draft!.body}`],
    ]);
  });

  it("a meeting's draft is its invitation e-mail: the button copies an invitation, never a script", async () => {
    const meeting: CardPayload = JSON.parse(
      readFileSync(new URL('./fixtures/payload_meeting_draft.json', import.meta.url), 'utf8'),
    );
    mockBackend(() => json(meeting));
    const r = setup('0-3', 123);
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-copy').text).toBe('Copy invitation'));
    expect(r.findByTestId(Heading, 'nba-title').text).toBe('Invite Noah Kim to a meeting');
    // an e-mail, so the composer opens with it
    expect(r.findByTestId(CrmActionButton, 'btn-compose').props.actionType).toBe('SEND_EMAIL');
    expect(r.findByTestId(Text, 'factor-conversion-0').text).toContain('Past revenue won: 1,541,500 EUR');
    expect(r.findByTestId(Text, 'factor-conversion-1').text).toContain('Deal Type: Existing Business');
  });

  it("a call's script is copied as a script, with no word of an e-mail", async () => {
    const call = payload();
    call.draft = { ...call.draft!, channel: 'call', kind: 'call_script' };
    mockBackend(() => json(call));
    const r = setup();
    r.mocks.actions.copyTextToClipboard.willCall(async () => undefined);
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-copy').text).toBe('Copy script'));
    r.findByTestId(Button, 'btn-copy').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe('Copied.'));
  });

  it('opens the email composer on the deal with the draft prefilled', async () => {
    mockBackend(() => json(payload()));
    const r = setup('0-3', 123);
    await r.waitFor(() => expect(r.findByTestId(CrmActionButton, 'btn-compose')).toBeTruthy());
    const compose = r.findByTestId(CrmActionButton, 'btn-compose');
    expect(compose.props.actionType).toBe('SEND_EMAIL');
    expect(compose.props.actionContext).toEqual({
      objectTypeId: '0-3',
      objectId: 123,
      initialEmailSubject: ENRICHED.draft!.subject,
      initialEmailBody: ENRICHED.draft!.body,
    });
  });

  it('marks the task done once and says so', async () => {
    const spy = mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-task-done').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-task-done').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-task-done').text).toBe('Task done'));
    expect(r.findByTestId(Button, 'btn-task-done').props.disabled).toBe(true);
    const [url, options] = spy.mock.calls[1]!;
    expect(url).toBe(`${CARD_URL}/task-done`);
    expect(options).toMatchObject({ method: 'POST', body: { objectType: 'deal', objectId: '123', enrichment_id: 'enr_7f3a9c' } });
  });

  it('a task already marked done shows as done', async () => {
    mockBackend(() => json(payload({ feedback: { task_done: true } })));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-task-done').text).toBe('Task done'));
    expect(r.findByTestId(Button, 'btn-task-done').props.disabled).toBe(true);
  });

  it('accept posts feedback with the enrichment id and locks the verdict', async () => {
    const spy = mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-accept').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-accept').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe('Marked as accepted.'));
    expect(spy.mock.calls[1]![1]).toMatchObject({
      method: 'POST',
      body: { objectType: 'deal', objectId: '123', action: 'accept', enrichment_id: 'enr_7f3a9c' },
    });
    expect(r.findByTestId(Button, 'btn-dismiss').props.disabled).toBe(true);
  });

  it('dismiss needs a reason and sends it', async () => {
    const spy = mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Select, 'dismiss-reason')).toBeTruthy());
    expect(r.findByTestId(Button, 'btn-dismiss').props.disabled).toBe(true);
    expect(r.findByTestId(Select, 'dismiss-reason').props.options.map((o) => o.value)).toContain(
      'wrong_timing',
    );
    r.findByTestId(Select, 'dismiss-reason').trigger('onChange', 'wrong_timing' as never); // the testing types want the handler here
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-dismiss').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-dismiss').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-dismiss').text).toBe('Dismissed'));
    expect(spy.mock.calls[1]![1]).toMatchObject({
      body: { objectType: 'deal', objectId: '123', action: 'dismiss', reason: 'wrong_timing' },
    });
  });

  it('the dismiss reason has a label a screen reader reads with the field, not only a placeholder', async () => {
    mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Select, 'dismiss-reason')).toBeTruthy());
    expect(r.findByTestId(Select, 'dismiss-reason').props.label).toBe('Reason to dismiss');
  });

  it('a verdict given earlier is shown and cannot be given again', async () => {
    mockBackend(() => json(payload({ feedback: { action: 'dismiss', reason: 'other' } })));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-dismiss').text).toBe('Dismissed'));
    expect(r.findByTestId(Button, 'btn-accept').props.disabled).toBe(true);
    expect(r.findByTestId(Select, 'dismiss-reason').props.value).toBe('other');
  });

  it('a failed feedback call is reported, not swallowed', async () => {
    mockBackend(
      () => json(payload()),
      () => json({ error: 'invalid_signature' }, 401),
    );
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-accept').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-accept').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.variant).toBe('danger'));
    expect(r.findByTestId(Button, 'btn-accept').props.disabled).toBe(false);
  });

  it('on a contact card, actions go to the related deal on screen', async () => {
    const spy = mockBackend(() => json(payload()));
    const r = setup('0-1', 55);
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-accept').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-accept').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').props.title).toBe('Marked as accepted.'));
    expect(spy.mock.calls[1]![1]).toMatchObject({ body: { objectType: 'deal', objectId: '123', action: 'accept' } });
  });

  it('re-score enqueues a job and switches the card to pending, then polls back', async () => {
    const answers = [payload(), payload({ status: 'pending' }), payload({ enrichment_id: 'enr_new' })];
    const spy = mockBackend(() => json(answers.shift() ?? payload()));
    const r = setup('0-3', 123, { pollMs: 5, maxPolls: 5 });
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-rescore').props.disabled).toBe(false));
    r.findByTestId(Button, 'btn-rescore').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'status').text).toBe('Scoring…'));
    expect(spy.mock.calls[1]![0]).toBe(`${CARD_URL}/rescore`);
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'status').text).toBe('Up to date'));
  });
});

describe('states', () => {
  it('not enriched: explains and offers to score now', async () => {
    mockBackend(() => json({ status: 'not_enriched', record: { id: '123' }, actions: ['rescore'] }));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'state-not-enriched')).toBeTruthy());
    expect(r.findByTestId(Button, 'btn-rescore').text).toBe('Score now');
    expect(r.maybeFindByTestId(Button, 'btn-accept')).toBeNull();
  });

  it('pending before the first enrichment: empty parts render nothing', async () => {
    mockBackend(() =>
      json({
        status: 'pending',
        record: { id: '123', name: null, object_type: 'deal' },
        scores: { conversion: {} },
        analysis: {},
        strategy: {},
        next_best_action: {},
        draft: {},
        enriched_at: null,
        actions: ['rescore'],
      }),
    );
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'state-pending')).toBeTruthy());
    for (const id of ['nba-title', 'draft-subject', 'task', 'updated']) {
      expect(r.maybeFindByTestId(Text, id)).toBeNull();
    }
    expect(r.maybeFindByTestId(Button, 'btn-accept')).toBeNull();
    expect(r.findByTestId(Button, 'btn-rescore')).toBeTruthy();
  });

  it('pending: stops polling after maxPolls', async () => {
    const spy = mockBackend(() => json(payload({ status: 'pending' })));
    const r = setup('0-3', 123, { pollMs: 1, maxPolls: 2 });
    await r.waitFor(() => expect(r.findByTestId(Alert, 'state-pending')).toBeTruthy());
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('stale: warns that the record changed after the analysis', async () => {
    mockBackend(() => json(payload({ status: 'stale' })));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'state-stale').props.title).toBe('Out of date'));
    expect(r.findByTestId(Heading, 'nba-title').text).toBe('Email Dana Reyes');
  });

  it('error: shows the backend message and retries', async () => {
    let calls = 0;
    mockBackend(() =>
      ++calls === 1 ? json({ error: 'internal', message: 'Something broke on our side.' }, 500) : json(payload()),
    );
    const r = setup();
    await r.waitFor(() =>
      expect(r.findByTestId(ErrorState, 'state-error').find(Text).text).toContain('Something broke on our side.'),
    );
    r.findByTestId(Button, 'btn-retry').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Heading, 'score-conversion').text).toBe('62%'));
  });

  it('degraded: models retraining (503) gets its own message', async () => {
    mockBackend(() => json({ error: 'model_retraining', message: 'Models are being retrained.' }, 503));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'state-degraded').text).toContain('Models are being retrained.'));
    expect(r.maybeFindByTestId(ErrorState, 'state-error')).toBeNull();
  });

  it('degraded: an enriched payload flagged as degraded still renders, with a warning', async () => {
    mockBackend(() => json(payload({ degraded: { reason: 'model_retraining' } })));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Alert, 'state-degraded').props.title).toBe('Models are retraining'));
    expect(r.findByTestId(Heading, 'score-conversion').text).toBe('62%');
  });
});

describe('the record language', () => {
  /** What GET /api/cards/hubspot serves for a German record (tests/cards/test_card_speaks_the_records_language.py). */
  const SERVED_DE: CardPayload = JSON.parse(
    readFileSync(new URL('./fixtures/served_de.json', import.meta.url), 'utf8'),
  );

  it('renders a German record in the words the backend said, buttons and titles included', async () => {
    mockBackend(() => json(SERVED_DE));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'status').text).toBe('Aktuell'));
    expect(r.findByTestId(Heading, 'nba-title').text).toBe('E-Mail an Dana Reyes');
    expect(r.findByTestId(Heading, 'score-conversion').text).toBe('62\u00a0%');
    expect(r.findByTestId(Button, 'btn-accept').text).toBe('Annehmen');
    expect(r.findByTestId(Button, 'btn-copy').text).toBe('E-Mail kopieren');
    expect(r.findByTestId(Accordion, 'details').props.title).toBe('Details');
    expect(r.findByTestId(Select, 'dismiss-reason').props.label).toBe('Grund zum Verwerfen');
    const shown = allText(r);
    for (const english of ['Chance to close', 'Next best action', 'Accept', 'Today, before any discount', 'Up to date']) {
      expect(shown).not.toContain(english);
    }
  });

  it('keeps its English words for a payload without them (an older backend)', async () => {
    mockBackend(() => json(payload()));
    const r = setup();
    await r.waitFor(() => expect(r.findByTestId(Button, 'btn-accept').text).toBe('Accept'));
    expect(r.findByTestId(Select, 'dismiss-reason').props.label).toBe('Reason to dismiss');
  });
});
