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

import type { CardView, ScoreView, UiKey } from './view.ts';

/** The card's words in the record's language (view.ts uiWords). */
type Words = (key: UiKey, values?: Record<string, string>) => string;

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

export function ActionSection({ view, buttons, t }: { view: CardView; buttons: React.ReactNode; t: Words }) {
  const { action, draft, task } = view;
  if (!action && view.noAction) {
    return (
      <Flex direction="column" gap="extra-small" testId="no-action">
        <Text variant="microcopy" format={{ fontWeight: 'demibold' }}>
          {t('next_best_action')}
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
        {t('next_best_action')}
      </Text>
      <Heading testId="nba-title">{action.title}</Heading>
      {action.meta ? (
        <Text variant="microcopy" testId="nba-meta">
          {action.meta}
        </Text>
      ) : null}
      {action.approval ? (
        <Alert title={t('approval_title')} variant="warning" testId="nba-approval">
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
          {task.due ? t('task_due', { subject: task.subject, due: task.due }) : t('task', { subject: task.subject })}
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

export function DetailsSection({ view, t }: { view: CardView; t: Words }) {
  const d = view.details;
  return (
    <Accordion title={t('details')} defaultOpen={false} size="sm" testId="details">
      <Flex direction="column" gap="small">
        {d.scores.map((s) => (
          <ScoreTile key={s.key} score={s} />
        ))}
        {d.summary || d.risks.length || d.signals.length ? (
          <Flex direction="column" gap="extra-small" testId="analysis">
            <Text format={{ fontWeight: 'bold' }}>{t('analysis')}</Text>
            {d.summary ? (
              <Text variant="microcopy" testId="analysis-summary">
                {d.summary}
              </Text>
            ) : null}
            {d.risks.length ? (
              <>
                <Text variant="microcopy">{t('risks')}</Text>
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
                <Text variant="microcopy">{t('signals')}</Text>
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
              {t('strategy', { name: '' })}
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
            <Text format={{ fontWeight: 'bold' }}>{t('about')}</Text>
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
