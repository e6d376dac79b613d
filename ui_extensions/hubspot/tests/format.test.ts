import { describe, expect, it } from 'vitest';

import { bandVariant, headline, money, percent, personText, timingText, topFactors, when } from '../format.ts';

describe('format helpers', () => {
  it('formats numbers without locale surprises', () => {
    expect(percent(0.083)).toBe('8%');
    expect(percent(undefined)).toBe('–');
    expect(money(1234567.4)).toBe('$1,234,567');
    expect(money(950, 'EUR')).toBe('950 EUR');
  });

  it('formats times', () => {
    expect(when('2026-11-25T15:04:12Z')).toBe('2026-11-25 15:04 UTC');
    expect(when('2026-11-25T15:04:12.123+00:00')).toBe('2026-11-25 15:04 UTC');
    expect(when('2026-11-26T09:30:00-05:00')).toBe('2026-11-26 09:30');
    expect(when('tomorrow')).toBe('tomorrow');
    expect(timingText({ timing: 'today' })).toBe('Today');
    expect(timingText({})).toBe('–');
  });

  it('colours bands by what is good news for the task', () => {
    expect(bandVariant('conversion', 'high')).toBe('success');
    expect(bandVariant('churn', 'high')).toBe('danger');
    expect(bandVariant('churn', 'low')).toBe('success');
    expect(bandVariant('clv', 'medium')).toBe('warning');
    expect(bandVariant('conversion', undefined)).toBe('default');
  });

  it('picks headline numbers per task', () => {
    expect(headline('conversion', { probability: 0.4 })).toBe('40%');
    expect(headline('churn', { score_1_99: 12 })).toBe('12');
    expect(headline('clv', { value: 1000, currency: 'USD' })).toBe('$1,000');
    expect(headline('price', { best_discount: 0.1 })).toBe('10%');
  });

  it('keeps the strongest factors by absolute impact', () => {
    const factors = [
      { feature: 'a', direction: '+' as const, impact: 0.01 },
      { feature: 'b', direction: '-' as const, impact: -0.3 },
      { feature: 'c', direction: '+' as const, impact: 0.2 },
    ];
    expect(topFactors({ factors }, 2).map((f) => f.feature)).toEqual(['b', 'c']);
    expect(topFactors({})).toEqual([]);
  });

  it('names people', () => {
    expect(personText({ name: 'Dana', email: 'd@x.io' })).toBe('Dana <d@x.io>');
    expect(personText({ email: 'd@x.io' })).toBe('d@x.io');
    expect(personText(null)).toBe('–');
    expect(personText('d@x.io')).toBe('d@x.io');
  });
});
