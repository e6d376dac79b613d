// view.ts must make exactly what app/cards/view.py makes of the same payload at the same time: the
// expected views are written by tests/cards/test_card_parity.py (keys in snake_case there).
import { readFileSync, readdirSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { cardView } from '../view.ts';

const VIEWS = new URL('./fixtures/views/', import.meta.url);
const DEMO = new URL('../../../tests/fixtures/hubspot/cards/', import.meta.url);
const UI = new URL('./fixtures/', import.meta.url);
const NOW = new Date('2026-12-01T16:00:00Z');

function snake(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snake);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snake(v)]),
    );
  }
  return value;
}

const cases = readdirSync(VIEWS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const source = f.startsWith('demo_deal_') ? new URL(f, DEMO) : new URL(f, UI);
    return [f, JSON.parse(readFileSync(source, 'utf8')), JSON.parse(readFileSync(new URL(f, VIEWS), 'utf8'))] as const;
  });

describe('the React card and the preview page build the same view', () => {
  it('has a view for every fixture payload', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s', (_name, payload, expected) => {
    expect(snake(cardView(payload, { objectType: 'deal', now: NOW }))).toEqual(expected);
  });
});
