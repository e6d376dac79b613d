// Presentational pieces of the card. Each renders one part of the payload and carries the same
// testIds as the server-side preview (app/cards/templates/card.html), so both are checked alike.
import {
  DescriptionList,
  DescriptionListItem,
  Divider,
  Flex,
  Heading,
  StatusTag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';

import type { CardPayload, Score, ScoreKey, Signal } from './api.ts';
import {
  SCORE_LABELS,
  bandVariant,
  detail,
  factorText,
  headline,
  nbaText,
  ownerText,
  percent,
  personText,
  present,
  resolveScore,
  strategyName,
  taskOf,
  timingText,
  topFactors,
  unavailableReason,
  when,
} from './format.ts';

const SCORE_ORDER: ScoreKey[] = ['conversion', 'churn', 'clv', 'price'];

function ScoreTile({ name, score }: { name: ScoreKey; score: Score }) {
  if (score.not_enough_history) {
    const { have, need } = score.not_enough_history;
    return (
      <Tile compact={true} testId={`score-${name}-missing`}>
        <Text format={{ fontWeight: 'demibold' }}>{SCORE_LABELS[name]}</Text>
        <Text variant="microcopy" testId={`not-enough-history-${name}`}>
          {`Not enough history yet: ${have} of ${need} records needed to train this model.`}
        </Text>
      </Tile>
    );
  }
  const reason = unavailableReason(score);
  if (reason) {
    return (
      <Tile compact={true} testId={`score-${name}-missing`}>
        <Text format={{ fontWeight: 'demibold' }}>{SCORE_LABELS[name]}</Text>
        <Text variant="microcopy" testId={`score-unavailable-${name}`}>{`Not available: ${reason}`}</Text>
      </Tile>
    );
  }
  const factors = topFactors(score);
  return (
    <Tile compact={true} testId={`score-${name}-tile`}>
      <Flex direction="row" justify="between" align="center">
        <Text format={{ fontWeight: 'demibold' }}>{SCORE_LABELS[name]}</Text>
        {score.band ? (
          <StatusTag variant={bandVariant(name, score.band)} testId={`band-${name}`}>
            {score.band}
          </StatusTag>
        ) : null}
      </Flex>
      <Heading testId={`score-${name}`}>{headline(name, score)}</Heading>
      <Text variant="microcopy">{detail(name, score)}</Text>
      {factors.length > 0 ? (
        <Flex direction="column" gap="flush" testId={`factors-${name}`}>
          {factors.map((factor, i) => (
            <Text key={factor.feature} variant="microcopy" testId={`factor-${name}-${i}`}>
              {factorText(factor)}
            </Text>
          ))}
        </Flex>
      ) : null}
    </Tile>
  );
}

export function Scores({ scores }: { scores: CardPayload['scores'] }) {
  const shown = SCORE_ORDER.flatMap((key) => {
    const score = resolveScore(scores, key);
    return score ? [{ key, score }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <Flex direction="column" gap="small" testId="scores">
      {shown.map(({ key, score }) => (
        <ScoreTile key={key} name={key} score={score} />
      ))}
    </Flex>
  );
}

function signalLabels(signals: (Signal | string)[] | undefined): string {
  return (signals ?? []).map((s) => (typeof s === 'string' ? s : s.label)).join('; ');
}

export function Strategy({ payload }: { payload: CardPayload }) {
  const strategy = present(payload.strategy) ? payload.strategy : undefined;
  const analysis = present(payload.analysis) ? payload.analysis : undefined;
  if (!strategy && !analysis?.summary) return null;
  return (
    <Flex direction="column" gap="extra-small" testId="strategy">
      <Divider />
      <Text format={{ fontWeight: 'bold' }}>Strategy</Text>
      {strategy ? (
        <Text testId="strategy-name" format={{ fontWeight: 'demibold' }}>
          {strategyName(strategy)}
        </Text>
      ) : null}
      {strategy?.rationale ? <Text testId="strategy-rationale">{strategy.rationale}</Text> : null}
      {analysis?.summary ? (
        <Text variant="microcopy" testId="analysis-summary">
          {analysis.summary}
        </Text>
      ) : null}
      {signalLabels(analysis?.risk_indicators) ? (
        <Text variant="microcopy" testId="analysis-risks">
          {`Risks: ${signalLabels(analysis?.risk_indicators)}`}
        </Text>
      ) : null}
      {signalLabels(analysis?.buying_signals) ? (
        <Text variant="microcopy" testId="analysis-signals">
          {`Buying signals: ${signalLabels(analysis?.buying_signals)}`}
        </Text>
      ) : null}
    </Flex>
  );
}

export function NextBest({ payload }: { payload: CardPayload }) {
  const nba = payload.next_best_action;
  if (!present(nba)) return null;
  const task = taskOf(payload);
  return (
    <Flex direction="column" gap="extra-small" testId="nba">
      <Divider />
      <Text format={{ fontWeight: 'bold' }}>Next best action</Text>
      <Text testId="nba-text">{nbaText(nba)}</Text>
      <DescriptionList direction="row">
        <DescriptionListItem label="Channel">
          <Text testId="nba-channel">{nba.channel ?? '–'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="When">
          <Text testId="nba-timing">{timingText(nba)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Owner">
          <Text testId="nba-owner">{ownerText(nba.owner)}</Text>
        </DescriptionListItem>
        {nba.recipient ? (
          <DescriptionListItem label="With">
            <Text testId="nba-recipient">{personText(nba.recipient)}</Text>
          </DescriptionListItem>
        ) : null}
        {typeof nba.discount === 'number' ? (
          <DescriptionListItem label="Discount">
            <Text testId="nba-discount">{percent(nba.discount)}</Text>
          </DescriptionListItem>
        ) : null}
      </DescriptionList>
      {task?.subject ? (
        <Flex direction="column" gap="flush">
          <Text variant="microcopy">{`Task in HubSpot${task.due_at ? `, due ${when(task.due_at)}` : ''}:`}</Text>
          <Text testId="task-subject">{task.subject}</Text>
        </Flex>
      ) : null}
    </Flex>
  );
}

export function DraftView({ payload }: { payload: CardPayload }) {
  const { draft } = payload;
  if (!present(draft)) return null;
  const generatedBy = draft.generated_by ?? payload.generated_by;
  return (
    <Flex direction="column" gap="extra-small" testId="draft">
      <Divider />
      <Flex direction="row" justify="between" align="center">
        <Text format={{ fontWeight: 'bold' }}>{draft.kind === 'call_script' ? 'Call script' : 'Draft email'}</Text>
        {generatedBy ? (
          <StatusTag variant="info" hollow={true} testId="generated-by">
            {generatedBy}
          </StatusTag>
        ) : null}
      </Flex>
      {draft.to ? <Text testId="draft-to">{`To: ${personText(draft.to)}`}</Text> : null}
      {draft.subject ? (
        <Text testId="draft-subject" format={{ fontWeight: 'demibold' }}>
          {draft.subject}
        </Text>
      ) : null}
      <Text testId="draft-body">{draft.body ?? ''}</Text>
      <Text variant="microcopy">Suggestion only: nothing is sent to the customer from this card.</Text>
    </Flex>
  );
}
