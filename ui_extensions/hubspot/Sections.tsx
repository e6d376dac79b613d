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

import type { CardPayload, Draft, NextBestAction, Score, ScoreKey } from './api.ts';
import {
  SCORE_LABELS,
  bandVariant,
  detail,
  factorText,
  headline,
  nbaText,
  ownerText,
  titleCase,
  topFactors,
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
  const present = SCORE_ORDER.filter((key) => scores?.[key]);
  if (present.length === 0) return null;
  return (
    <Flex direction="column" gap="small" testId="scores">
      {present.map((key) => (
        <ScoreTile key={key} name={key} score={scores![key]!} />
      ))}
    </Flex>
  );
}

export function Strategy({ payload }: { payload: CardPayload }) {
  const { strategy, analysis } = payload;
  if (!strategy && !analysis?.summary) return null;
  return (
    <Flex direction="column" gap="extra-small" testId="strategy">
      <Divider />
      <Text format={{ fontWeight: 'bold' }}>Strategy</Text>
      {strategy ? (
        <Text testId="strategy-name" format={{ fontWeight: 'demibold' }}>
          {strategy.label ?? titleCase(strategy.name)}
        </Text>
      ) : null}
      {strategy?.rationale ? <Text testId="strategy-rationale">{strategy.rationale}</Text> : null}
      {analysis?.summary ? (
        <Text variant="microcopy" testId="analysis-summary">
          {analysis.summary}
        </Text>
      ) : null}
    </Flex>
  );
}

export function NextBest({ nba }: { nba: NextBestAction | undefined }) {
  if (!nba) return null;
  const due = when(nba.task?.due_at ?? nba.due_at);
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
          <Text testId="nba-timing">{nba.timing ?? (due || '–')}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Owner">
          <Text testId="nba-owner">{ownerText(nba.owner)}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {nba.task?.subject ? (
        <Text variant="microcopy" testId="task-subject">
          {`Task: ${nba.task.subject}${due ? ` (due ${due})` : ''}`}
        </Text>
      ) : null}
    </Flex>
  );
}

export function DraftView({ draft, generatedBy }: { draft: Draft | undefined; generatedBy?: string }) {
  if (!draft) return null;
  return (
    <Flex direction="column" gap="extra-small" testId="draft">
      <Divider />
      <Flex direction="row" justify="between" align="center">
        <Text format={{ fontWeight: 'bold' }}>{`Draft ${draft.channel ?? 'email'}`}</Text>
        {generatedBy ? (
          <StatusTag variant="info" hollow={true} testId="generated-by">
            {generatedBy}
          </StatusTag>
        ) : null}
      </Flex>
      {draft.to ? <Text testId="draft-to">{`To: ${draft.to}`}</Text> : null}
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
