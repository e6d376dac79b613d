// Entry point of the Agentic Sales sidebar card (crm.record.sidebar on deals, contacts, companies).
// It reads the record from the extension context, fetches the card payload from our backend with
// hubspot.fetch(), and renders one of: loading, not enriched yet, pending, stale, enriched, error.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  StatusTag,
  Text,
  hubspot,
  useExtensionContext,
} from '@hubspot/ui-extensions';

import {
  CardApiError,
  type CardPayload,
  type FeedbackAction,
  type RecordRef,
  fetchCard,
  objectTypeName,
  requestRescore,
  sendFeedback,
} from './api.ts';
import { present, when } from './format.ts';
import { DraftView, NextBest, Scores, Strategy } from './Sections.tsx';

type View =
  | { kind: 'loading' }
  | { kind: 'loaded'; payload: CardPayload }
  | { kind: 'error'; error: CardApiError };

interface Notice {
  variant: 'success' | 'danger' | 'info';
  text: string;
}

const STATUS_TAGS: Record<CardPayload['status'], { label: string; variant: 'success' | 'info' | 'warning' | 'default' }> = {
  enriched: { label: 'Up to date', variant: 'success' },
  pending: { label: 'Scoring…', variant: 'info' },
  stale: { label: 'Out of date', variant: 'warning' },
  not_enriched: { label: 'Not scored yet', variant: 'default' },
};

/**
 * The record an action is about: the one the payload shows (on a contact or company card, the
 * related deal whose enrichment is on screen), else the card's own record.
 */
function shownRecord(payload: CardPayload, fallback: RecordRef): RecordRef {
  const record = payload.record;
  return record?.object_type && record.id ? { objectType: record.object_type, objectId: String(record.id) } : fallback;
}

function toError(err: unknown): CardApiError {
  return err instanceof CardApiError ? err : new CardApiError(0, 'unexpected', String(err));
}

function LoadError({ error, onRetry }: { error: CardApiError; onRetry: () => void }) {
  if (error.isRetraining) {
    return (
      <Flex direction="column" gap="small">
        <Alert title="Models are retraining" variant="warning" testId="state-degraded">
          {error.message || 'Scores for this portal are being retrained. Try again in a few minutes.'}
        </Alert>
        <Button onClick={onRetry} testId="btn-retry" size="sm">
          Try again
        </Button>
      </Flex>
    );
  }
  return (
    <ErrorState title="Couldn't load AI insights" type="error" testId="state-error">
      <Text>{error.message}</Text>
      <Button onClick={onRetry} testId="btn-retry" size="sm">
        Try again
      </Button>
    </ErrorState>
  );
}

/** While a record is pending, look again this often (ms) ... */
export const PENDING_POLL_MS = 5_000;
/** ... and at most this many times (a minute), to stay far below HubSpot's fetch limits. */
export const PENDING_MAX_POLLS = 12;

export interface AgenticSalesCardProps {
  pollMs?: number;
  maxPolls?: number;
}

export function AgenticSalesCard({ pollMs = PENDING_POLL_MS, maxPolls = PENDING_MAX_POLLS }: AgenticSalesCardProps) {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const ref: RecordRef = {
    objectType: objectTypeName(String(context.crm.objectTypeId)),
    objectId: String(context.crm.objectId),
  };
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [feedbackGiven, setFeedbackGiven] = useState<FeedbackAction | null>(null);
  const [polls, setPolls] = useState(0);

  const load = useCallback(() => {
    setView({ kind: 'loading' });
    setNotice(null);
    setPolls(0);
    fetchCard(ref)
      .then((payload) => setView({ kind: 'loaded', payload }))
      .catch((err: unknown) => setView({ kind: 'error', error: toError(err) }));
    // ref is rebuilt on every render; its two strings are the real dependencies.
  }, [ref.objectType, ref.objectId]);

  useEffect(load, [load]);

  // A pending record is being scored right now: look again quietly until it is done.
  const pending = view.kind === 'loaded' && view.payload.status === 'pending';
  useEffect(() => {
    if (!pending || polls >= maxPolls) return undefined;
    const timer = setTimeout(() => {
      fetchCard(ref)
        .then((payload) => {
          setPolls((n) => n + 1);
          setView({ kind: 'loaded', payload });
          if (payload.status !== 'pending') setNotice(null); // "re-scoring queued" is done
        })
        .catch(() => setPolls(maxPolls));
    }, pollMs);
    return () => clearTimeout(timer);
  }, [pending, polls, maxPolls, pollMs, ref.objectType, ref.objectId]);

  const feedback = (action: FeedbackAction, payload: CardPayload) => {
    setBusy(action);
    sendFeedback(shownRecord(payload, ref), action, payload.enrichment_id)
      .then(() => {
        setFeedbackGiven(action);
        setNotice({ variant: 'success', text: action === 'accept' ? 'Marked as accepted.' : 'Dismissed.' });
      })
      .catch((err: unknown) => setNotice({ variant: 'danger', text: `Feedback not saved: ${toError(err).message}` }))
      .finally(() => setBusy(null));
  };

  const rescore = (payload: CardPayload) => {
    setBusy('rescore');
    requestRescore(shownRecord(payload, ref))
      .then(() => {
        setNotice({ variant: 'info', text: 'Re-scoring queued; this card refreshes itself.' });
        setFeedbackGiven(null);
        setPolls(0);
        setView({ kind: 'loaded', payload: { ...payload, status: 'pending' } });
      })
      .catch((err: unknown) => setNotice({ variant: 'danger', text: `Re-score failed: ${toError(err).message}` }))
      .finally(() => setBusy(null));
  };

  if (view.kind === 'loading') {
    return <LoadingSpinner label="Loading AI insights" showLabel={true} layout="centered" testId="state-loading" />;
  }
  if (view.kind === 'error') {
    return <LoadError error={view.error} onRetry={load} />;
  }

  const { payload } = view;
  const tag = STATUS_TAGS[payload.status] ?? STATUS_TAGS.not_enriched;
  const noticeView = notice ? (
    <Alert title={notice.text} variant={notice.variant} testId="notice" />
  ) : null;

  if (payload.status === 'not_enriched') {
    return (
      <Flex direction="column" gap="small">
        <StatusTag variant={tag.variant} testId="status">
          {tag.label}
        </StatusTag>
        {noticeView}
        <EmptyState title="Not scored yet" layout="vertical" imageWidth={100} testId="state-not-enriched">
          <Text>No AI analysis for this record yet. It runs on the next change, or now:</Text>
          <Button onClick={() => rescore(payload)} disabled={busy !== null} testId="btn-rescore" size="sm">
            Score now
          </Button>
        </EmptyState>
      </Flex>
    );
  }

  const allowed = payload.actions ?? ['accept', 'dismiss', 'rescore'];
  const related =
    payload.record?.object_type && payload.record.object_type !== ref.objectType
      ? `Showing the related ${payload.record.object_type}: ${payload.record.name ?? payload.record.id}`
      : null;

  return (
    <Flex direction="column" gap="small">
      <Flex direction="row" justify="between" align="center">
        <StatusTag variant={tag.variant} testId="status">
          {tag.label}
        </StatusTag>
        {payload.enriched_at ? (
          <Text variant="microcopy" testId="enriched-at">
            {when(payload.enriched_at)}
          </Text>
        ) : null}
      </Flex>
      {related ? (
        <Text variant="microcopy" testId="related-record">
          {related}
        </Text>
      ) : null}
      {payload.status === 'pending' ? (
        <Alert title="Scoring in progress" variant="info" testId="state-pending">
          <Text>A new analysis is on its way; what you see below may be replaced.</Text>
          <Button onClick={load} size="xs" testId="btn-refresh">
            Refresh
          </Button>
        </Alert>
      ) : null}
      {payload.status === 'stale' ? (
        <Alert title="Out of date" variant="warning" testId="state-stale">
          The record changed after this analysis. Re-score to refresh it.
        </Alert>
      ) : null}
      {present(payload.degraded) ? (
        <Alert title="Models are retraining" variant="warning" testId="state-degraded">
          {payload.degraded.message ?? 'Some scores may be missing until retraining finishes.'}
        </Alert>
      ) : null}
      {noticeView}
      <Scores scores={payload.scores} />
      <Strategy payload={payload} />
      <NextBest payload={payload} />
      <DraftView payload={payload} />
      <ButtonRow disableDropdown={true}>
        {allowed.includes('accept') ? (
          <Button
            variant="primary"
            size="sm"
            onClick={() => feedback('accept', payload)}
            disabled={busy !== null || feedbackGiven !== null}
            testId="btn-accept"
          >
            Accept
          </Button>
        ) : null}
        {allowed.includes('dismiss') ? (
          <Button
            size="sm"
            onClick={() => feedback('dismiss', payload)}
            disabled={busy !== null || feedbackGiven !== null}
            testId="btn-dismiss"
          >
            Dismiss
          </Button>
        ) : null}
        {allowed.includes('rescore') ? (
          <Button
            variant="transparent"
            size="sm"
            onClick={() => rescore(payload)}
            disabled={busy !== null}
            testId="btn-rescore"
          >
            Re-score
          </Button>
        ) : null}
      </ButtonRow>
    </Flex>
  );
}

hubspot.extend<'crm.record.sidebar'>(() => <AgenticSalesCard />);
