// Presentational parts of the card, one per part of the view (view.ts). Same order, same testIds
// and same words as the preview page (app/cards/templates/card.html), so both are checked alike.
import {
  Accordion,
  Alert,
  Divider,
  Flex,
  Heading,
  List,
  StatusTag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';

import type { CardView, ScoreView } from './view.ts';

function Paragraphs({ text, testId }: { text: string; testId: string }) {
  // Text collapses line breaks: one Text per paragraph keeps the draft's shape.
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return (
    <Flex direction="column" gap="extra-small" testId={testId}>
      {paragraphs.map((p, i) => (
        <Text key={i}>{p}</Text>
      ))}
    </Flex>
  );
}

export function ActionSection({ view, buttons }: { view: CardView; buttons: React.ReactNode }) {
  const { action, draft, task } = view;
  if (!action && view.noAction) {
    return (
      <Flex direction="column" gap="extra-small" testId="no-action">
        <Text variant="microcopy" format={{ fontWeight: 'demibold' }}>
          Next best action
        </Text>
        <Text variant="microcopy" testId="no-action-why">
          {view.noAction}
        </Text>
      </Flex>
    );
  }
  if (!action) return null;
  return (
    <Flex direction="column" gap="extra-small" testId="nba">
      <Text variant="microcopy" format={{ fontWeight: 'demibold' }}>
        Next best action
      </Text>
      <Heading testId="nba-title">{action.title}</Heading>
      {action.meta ? (
        <Text variant="microcopy" testId="nba-meta">
          {action.meta}
        </Text>
      ) : null}
      {action.approval ? (
        <Alert title="Approval needed" variant="warning" testId="nba-approval">
          {action.approval}
        </Alert>
      ) : null}
      {draft ? (
        <Flex direction="column" gap="extra-small" testId="draft">
          {draft.subject ? (
            <Text format={{ fontWeight: 'demibold' }} testId="draft-subject">
              {draft.subject}
            </Text>
          ) : null}
          <Tile compact={true}>
            <Paragraphs text={draft.body} testId="draft-body" />
          </Tile>
        </Flex>
      ) : null}
      {draft ? buttons : null}
      {task ? (
        <Text variant="microcopy" testId="task">
          {`Task: ${task.subject}${task.due ? `, due ${task.due}` : ''}`}
        </Text>
      ) : null}
    </Flex>
  );
}

function ScoreTile({ score }: { score: ScoreView }) {
  if (score.absent !== null) {
    return (
      <Tile compact={true} testId={`score-${score.key}-absent`}>
        <Text>
          <Text inline={true} format={{ fontWeight: 'demibold' }}>{`${score.label}: `}</Text>
          <Text inline={true} variant="microcopy" testId={`absent-${score.key}`}>
            {score.absent}
          </Text>
        </Text>
      </Tile>
    );
  }
  return (
    <Tile compact={true} testId={`score-${score.key}-tile`}>
      <Flex direction="row" justify="between" align="center">
        <Text format={{ fontWeight: 'demibold' }}>{score.label}</Text>
        {score.band ? (
          <StatusTag variant={score.bandVariant ?? 'default'} testId={`band-${score.key}`}>
            {score.band}
          </StatusTag>
        ) : null}
      </Flex>
      <Heading testId={`score-${score.key}`}>{score.headline ?? ''}</Heading>
      {score.detail ? (
        <Text variant="microcopy" testId={`detail-${score.key}`}>
          {score.detail}
        </Text>
      ) : null}
      {score.factors && score.factors.length > 0 ? (
        <Flex direction="column" gap="flush" testId={`factors-${score.key}`}>
          {score.factors.map((f, i) => (
            <Text key={f.text} variant="microcopy" testId={`factor-${score.key}-${i}`}>
              {`${f.marker}${f.text}`}
            </Text>
          ))}
        </Flex>
      ) : null}
    </Tile>
  );
}

export function ConversionSection({ view }: { view: CardView }) {
  if (!view.conversion) return null;
  return (
    <Flex direction="column" gap="extra-small" testId="conversion">
      <Divider />
      <ScoreTile score={view.conversion} />
    </Flex>
  );
}

export function DetailsSection({ view }: { view: CardView }) {
  const d = view.details;
  return (
    <Accordion title="Details" defaultOpen={false} size="sm" testId="details">
      <Flex direction="column" gap="small">
        {d.scores.map((s) => (
          <ScoreTile key={s.key} score={s} />
        ))}
        {d.summary || d.risks.length || d.signals.length ? (
          <Flex direction="column" gap="extra-small" testId="analysis">
            <Text format={{ fontWeight: 'bold' }}>Analysis</Text>
            {d.summary ? (
              <Text variant="microcopy" testId="analysis-summary">
                {d.summary}
              </Text>
            ) : null}
            {d.risks.length ? (
              <>
                <Text variant="microcopy">Risks:</Text>
                <List variant="unordered" testId="analysis-risks">
                  {d.risks.map((r) => (
                    <Text key={r} variant="microcopy">
                      {r}
                    </Text>
                  ))}
                </List>
              </>
            ) : null}
            {d.signals.length ? (
              <>
                <Text variant="microcopy">Buying signals:</Text>
                <List variant="unordered" testId="analysis-signals">
                  {d.signals.map((r) => (
                    <Text key={r} variant="microcopy">
                      {r}
                    </Text>
                  ))}
                </List>
              </>
            ) : null}
          </Flex>
        ) : null}
        {d.strategy ? (
          <Flex direction="column" gap="extra-small" testId="strategy">
            <Text format={{ fontWeight: 'bold' }}>
              {'Strategy: '}
              <Text inline={true} format={{ fontWeight: 'bold' }} testId="strategy-name">
                {d.strategy}
              </Text>
            </Text>
            {d.rationale ? (
              <Text variant="microcopy" testId="strategy-rationale">
                {d.rationale}
              </Text>
            ) : null}
            {d.why ? (
              <Text variant="microcopy" testId="strategy-why">
                {d.why}
              </Text>
            ) : null}
          </Flex>
        ) : null}
        {d.model.length ? (
          <Flex direction="column" gap="extra-small" testId="model-info">
            <Text format={{ fontWeight: 'bold' }}>About this analysis</Text>
            <List variant="unordered">
              {d.model.map((line) => (
                <Text key={line} variant="microcopy">
                  {line}
                </Text>
              ))}
            </List>
          </Flex>
        ) : null}
      </Flex>
    </Accordion>
  );
}
