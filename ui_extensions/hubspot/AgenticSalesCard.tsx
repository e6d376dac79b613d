// Entry point of the Agentic Sales sidebar card (crm.record.sidebar on deals, contacts, companies).
// It reads the record from the extension context, fetches the card payload from our backend with
// hubspot.fetch(), and renders one of: loading, not enriched yet, pending, stale, enriched, error.
// Action first: the next best action and its draft (copy, open the composer prefilled, mark the task
// done), then the chance to close with its reasons, Accept / Dismiss with a reason, then details.
import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Select,
  StatusTag,
  Text,
  hubspot,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';

import {
  CardApiError,
  type CardPayload,
  type FeedbackAction,
  type RecordRef,
  completeTask,
  fetchCard,
  objectTypeName,
  requestRescore,
  sendFeedback,
} from './api.ts';
import { ActionSection, ConversionSection, DetailsSection } from './Sections.tsx';
import { type UiKey, cardView, servedView, uiWords } from './view.ts';

type View =
  | { kind: 'loading' }
  | { kind: 'loaded'; payload: CardPayload }
  | { kind: 'error'; error: CardApiError };

interface Notice {
  variant: 'success' | 'danger' | 'info';
  text: string;
}


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
  const [reason, setReason] = useState<string | null>(null);
  const [taskDoneNow, setTaskDoneNow] = useState(false);
  const actions = useExtensionActions<'crm.record.sidebar'>();
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

  // The card's words in the record's language (the payload's `ui`), English before a payload arrives.
  const t: (key: UiKey, values?: Record<string, string>) => string = uiWords(view.kind === 'loaded' ? view.payload : {});

  const feedback = (action: FeedbackAction, payload: CardPayload) => {
    setBusy(action);
    sendFeedback(shownRecord(payload, ref), action, payload.enrichment_id, action === 'dismiss' ? (reason ?? undefined) : undefined)
      .then(() => {
        setFeedbackGiven(action);
        setNotice({ variant: 'success', text: t(action === 'accept' ? 'marked_accepted' : 'marked_dismissed') });
      })
      .catch((err: unknown) => setNotice({ variant: 'danger', text: t('feedback_failed', { error: toError(err).message }) }))
      .finally(() => setBusy(null));
  };

  const copy = (text: string, email: boolean) => {
    Promise.resolve(actions.copyTextToClipboard(text))
      .then(() => setNotice({ variant: 'success', text: t(email ? 'copied_email' : 'copied_short') }))
      .catch((err: unknown) => setNotice({ variant: 'danger', text: t('copy_failed_error', { error: String(err) }) }));
  };

  const markTaskDone = (payload: CardPayload) => {
    setBusy('task_done');
    completeTask(shownRecord(payload, ref), payload.enrichment_id)
      .then(() => {
        setTaskDoneNow(true);
        setNotice({ variant: 'success', text: t('task_marked_done', { crm: 'HubSpot' }) });
      })
      .catch((err: unknown) => setNotice({ variant: 'danger', text: t('task_failed', { error: toError(err).message }) }))
      .finally(() => setBusy(null));
  };

  const rescore = (payload: CardPayload) => {
    setBusy('rescore');
    requestRescore(shownRecord(payload, ref))
      .then(() => {
        setNotice({ variant: 'info', text: t('rescore_queued') });
        setFeedbackGiven(null);
        setPolls(0);
        setView({ kind: 'loaded', payload: { ...payload, status: 'pending' } });
      })
      .catch((err: unknown) => setNotice({ variant: 'danger', text: t('rescore_failed', { error: toError(err).message }) }))
      .finally(() => setBusy(null));
  };

  if (view.kind === 'loading') {
    return <LoadingSpinner label="Loading AI insights" showLabel={true} layout="centered" testId="state-loading" />;
  }
  if (view.kind === 'error') {
    return <LoadError error={view.error} onRetry={load} />;
  }

  const { payload } = view;
  const card = servedView(payload) ?? cardView(payload, { objectType: ref.objectType });
  const noticeView = notice ? <Alert title={notice.text} variant={notice.variant} testId="notice" /> : null;
  const canRescore = card.actions.includes('rescore') && payload.status !== 'not_enriched';
  const statusRow = (
    <Flex direction="row" justify="between" align="center">
      <StatusTag variant={card.statusVariant} testId="status">
        {card.statusLabel}
      </StatusTag>
      <Flex direction="row" gap="extra-small" align="center">
        {card.updated ? (
          <Text variant="microcopy" testId="updated">
            {card.updated}
          </Text>
        ) : null}
        {canRescore ? (
          <Button variant="transparent" size="xs" onClick={() => rescore(payload)} disabled={busy !== null} testId="btn-rescore">
            {t('rescore')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );

  if (payload.status === 'not_enriched') {
    return (
      <Flex direction="column" gap="small">
        {statusRow}
        {noticeView}
        <EmptyState title={t('not_scored_title')} layout="vertical" imageWidth={100} testId="state-not-enriched">
          <Text>{t('not_scored_now')}</Text>
          <Button onClick={() => rescore(payload)} disabled={busy !== null} testId="btn-rescore" size="sm">
            {t('score_now')}
          </Button>
        </EmptyState>
      </Flex>
    );
  }

  const shown = shownRecord(payload, ref);
  const verdict = feedbackGiven ?? card.feedback;
  const taskDone = taskDoneNow || Boolean(card.task?.done);
  const draft = card.draft;
  const buttons = draft ? (
    <ButtonRow disableDropdown={true}>
      <Button variant="primary" size="sm" onClick={() => copy(draft.copyText, draft.email)} testId="btn-copy">
        {draft.copyLabel}
      </Button>
      {draft.email && shown.objectType === 'deal' && /^\d+$/.test(shown.objectId) ? (
        <CrmActionButton
          size="sm"
          variant="secondary"
          testId="btn-compose"
          actionType="SEND_EMAIL"
          actionContext={{
            objectTypeId: '0-3',
            objectId: Number(shown.objectId),
            initialEmailSubject: draft.subject,
            initialEmailBody: draft.body,
          }}
          onError={(errors) => setNotice({ variant: 'danger', text: t('composer_failed', { error: errors.join('; ') }) })}
        >
          {t('open_composer')}
        </CrmActionButton>
      ) : null}
      {card.task && card.actions.includes('task_done') ? (
        <Button size="sm" onClick={() => markTaskDone(payload)} disabled={busy !== null || taskDone} testId="btn-task-done">
          {taskDone ? t('task_done') : t('mark_task_done')}
        </Button>
      ) : null}
    </ButtonRow>
  ) : null;

  return (
    <Flex direction="column" gap="small">
      {statusRow}
      {card.related ? (
        <Text variant="microcopy" testId="related-record">
          {card.related}
        </Text>
      ) : null}
      {payload.status === 'pending' ? (
        <Alert title={t('pending_title')} variant="info" testId="state-pending">
          <Text>{t('pending_text')}</Text>
          <Button onClick={load} size="xs" testId="btn-refresh">
            {t('refresh')}
          </Button>
        </Alert>
      ) : null}
      {payload.status === 'stale' ? (
        <Alert title={t('stale_title')} variant="warning" testId="state-stale">
          {t('stale_text')}
        </Alert>
      ) : null}
      {card.degraded ? (
        <Alert title={t('retraining_title')} variant="warning" testId="state-degraded">
          {card.degraded}
        </Alert>
      ) : null}
      {card.outcome ? (
        <Alert title={card.outcome.text} variant={card.outcome.variant} testId="outcome" />
      ) : null}
      {noticeView}
      <ActionSection view={card} buttons={buttons} t={t} />
      <ConversionSection view={card} />
      {card.actions.includes('accept') || card.actions.includes('dismiss') ? (
      <Flex direction="row" gap="extra-small" align="end" wrap="wrap" testId="feedback">
        {card.actions.includes('accept') ? (
          <Button
            size="sm"
            onClick={() => feedback('accept', payload)}
            disabled={busy !== null || verdict !== null}
            testId="btn-accept"
          >
            {verdict === 'accept' ? t('accepted') : t('accept')}
          </Button>
        ) : null}
        {card.actions.includes('dismiss') ? (
          <>
            <Select
              name="dismiss-reason"
              label={t('reason_to_dismiss')}
              placeholder={t('choose_reason')}
              options={card.dismissReasons}
              value={reason ?? card.feedbackReason ?? undefined}
              onChange={(value) => setReason(String(value))}
              readOnly={verdict !== null}
              testId="dismiss-reason"
            />
            <Button
              size="sm"
              onClick={() => feedback('dismiss', payload)}
              disabled={busy !== null || verdict !== null || !reason}
              testId="btn-dismiss"
            >
              {verdict === 'dismiss' ? t('dismissed') : t('dismiss')}
            </Button>
          </>
        ) : null}
      </Flex>
      ) : null}
      <DetailsSection view={card} t={t} />
    </Flex>
  );
}

hubspot.extend<'crm.record.sidebar'>(() => <AgenticSalesCard />);
