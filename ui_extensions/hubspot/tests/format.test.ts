import { describe, expect, it } from 'vitest';

import { ago, dueText, modelText, money, percent, prose, words, writerText } from '../format.ts';
import { factorView } from '../view.ts';

describe('numbers for people', () => {
  it('rounds percentages and money half up, without decimals or locale surprises', () => {
    expect(percent(0.083)).toBe('8%');
    expect(percent(0.125)).toBe('13%');
    expect(percent(undefined)).toBe('–');
    expect(money(1234567.4)).toBe('$1,234,567');
    expect(money(950, 'EUR')).toBe('950 EUR');
  });
});

describe('times in the reader\'s time zone', () => {
  const now = new Date('2026-11-25T16:00:00Z');

  it('says today / tomorrow / a weekday, in the owner\'s zone', () => {
    expect(dueText('2026-11-26T14:30:00Z', now, 'America/New_York')).toBe('tomorrow, 9:30 AM');
    expect(dueText('2026-11-25T23:30:00Z', now, 'America/Chicago')).toBe('today, 5:30 PM');
    // 00:30 UTC on the 26th is still the 25th in Chicago: "today" there, "tomorrow" in UTC.
    expect(dueText('2026-11-26T00:30:00Z', now, 'America/Chicago')).toBe('today, 6:30 PM');
    expect(dueText('2026-11-26T00:30:00Z', now, 'UTC')).toBe('tomorrow, 12:30 AM');
    expect(dueText('2026-12-02T10:00:00-06:00', now, 'America/Chicago')).toBe('Wed 2 Dec, 10:00 AM');
    expect(dueText('2027-01-04T10:00:00Z', now, 'Not/AZone')).toBe('Mon 4 Jan 2027, 10:00 AM');
    expect(dueText('soon', now)).toBe('');
  });

  it('says how long ago', () => {
    expect(ago('2026-11-25T15:59:30Z', now)).toBe('just now');
    expect(ago('2026-11-25T15:04:12Z', now)).toBe('55 minutes ago');
    expect(ago('2026-11-25T13:00:00Z', now)).toBe('3 hours ago');
    expect(ago('2026-11-23T16:00:00Z', now)).toBe('2 days ago');
    expect(ago('2026-10-01T16:00:00Z', now)).toBe('on 1 Oct 2026');
  });
});

describe('free text', () => {
  it('replaces internal values, ISO dates, arrows and "Score factor" prefixes', () => {
    const labels = { presentationscheduled: 'Presentation Scheduled' };
    expect(prose('In stage presentationscheduled since 2026-11-02T10:00:00Z.', labels)).toBe(
      'In stage Presentation Scheduled since 2 Nov 2026.',
    );
    expect(prose('Signal: Score factor: Stage changes: 3 ↓; FINANCIAL_SERVICES; computer_software')).toBe(
      'Signal: Stage changes: 3; financial services; computer software',
    );
  });

  it('names models and writers in words', () => {
    expect(words('executive_alignment')).toBe('Executive alignment');
    expect(words('re_engagement')).toBe('Re-engagement'); // "Re engagement" read as a typo
    expect(words('limited_time_incentive')).toBe('Limited-time incentive');
    expect(modelText('conversion', 'conversion-20261201T150909712275Z-4f5177')).toBe('Conversion model of 1 Dec 2026');
    expect(modelText('churn', 'v3')).toBe('Churn model');
    expect(writerText('offline-template')).toContain('built-in templates');
    expect(writerText('openai:gpt-4o-mini')).toBe('Written by gpt-4o-mini (OpenAI)');
    const mixed = writerText('offline-template,openai_compatible:qwen2.5-coder-0.5b-instruct-q4_k_m');
    expect(mixed.startsWith('Written by qwen2.5-coder-0.5b-instruct-q4_k_m (OpenAI-compatible server)')).toBe(true);
    expect(mixed).toContain('built-in templates');
    expect(mixed).not.toContain('no AI model is configured');
  });
});

describe('factors for people', () => {
  it('says a yes/no factor in words, not as a count', () => {
    const none = factorView({ feature: 'has_exec_contact', label: 'Executive contact: 0', direction: '-' }, {});
    expect(none.text).toBe('Executive contact: none on the deal');
    expect(factorView({ feature: 'has_exec_contact', label: 'Executive contact: 1', direction: '+' }, {}).text)
      .toBe('Executive contact: yes');
    expect(factorView({ feature: 'top_title_level', label: 'Most senior contact: 3', direction: '-' }, {}).text)
      .toBe('Most senior contact: C-level, president or founder');
    expect(factorView({ feature: 'n_contacts', label: 'Contacts on the deal: 1', direction: '+' }, {}).text)
      .toBe('Contacts on the deal: 1');
  });
});
