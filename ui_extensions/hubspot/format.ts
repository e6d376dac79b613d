// Formatting for people, a line-for-line port of app/cards/humanize.py: percentages, money, dates
// relative to the reader in the owner's time zone, labels for internal values. Pure functions (the
// clock is passed in), so the preview page and this card say the same thing about one payload.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b/g;
const ARROWS = /\s*[↑↓▲▼]/g;
const SCORE_FACTOR = /Score factor:\s*/g;
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const CAPS_ENUM = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const PROVIDER_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  openai_compatible: 'OpenAI-compatible server',
};
const MODEL_STAMP = /(\d{4})(\d{2})(\d{2})T\d+Z/;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

export function percent(fraction: unknown): string {
  return isNumber(fraction) ? `${Math.floor(fraction * 100 + 0.5)}%` : '–';
}

export function money(value: unknown, currency?: string | null): string {
  if (!isNumber(value)) return '–';
  const rounded = Math.floor(value + 0.5)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (currency || 'USD') === 'USD' ? `$${rounded}` : `${rounded} ${currency}`;
}

/** `executive_alignment` / `FINANCIAL_SERVICES` -> `Executive alignment`. */
/** Identifiers whose words take a hyphen (app/cards/humanize.py HYPHENATED). */
const HYPHENATED: Record<string, string> = {
  re_engagement: 'Re-engagement',
  limited_time_incentive: 'Limited-time incentive',
};

export function words(name: unknown): string {
  if (typeof name !== 'string' || !name) return '';
  const key = name.trim().toLowerCase();
  if (HYPHENATED[key]) return HYPHENATED[key];
  const text = name.replace(/_/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function parseTime(iso: unknown): Date | null {
  if (typeof iso !== 'string' || !iso) return null;
  // A bare date or a time without an offset counts as UTC, as in the Python side.
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(withZone) ? `${withZone}T00:00:00Z` : withZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

interface Local {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Monday, as Python's weekday()
}

function local(at: Date, timeZone: string | null | undefined): Local {
  let zone = timeZone || 'UTC';
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    }).formatToParts(at);
  } catch {
    zone = 'UTC';
    return local(at, zone);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    weekday: weekdays.indexOf(get('weekday')),
  };
}

function dayNumber(d: Local): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function clock(d: Local): string {
  const hour = d.hour % 12 || 12;
  return `${hour}:${String(d.minute).padStart(2, '0')} ${d.hour < 12 ? 'AM' : 'PM'}`;
}

export function day(at: Local, now: Local): string {
  const delta = dayNumber(at) - dayNumber(now);
  if (delta === 0) return 'today';
  if (delta === 1) return 'tomorrow';
  if (delta === -1) return 'yesterday';
  const text = `${WEEKDAYS[at.weekday]} ${at.day} ${MONTHS[at.month - 1]}`;
  return at.year === now.year ? text : `${text} ${at.year}`;
}

/** When something is due, in the reader's time zone: "tomorrow, 10:00 AM". */
export function dueText(iso: unknown, now: Date, timeZone?: string | null): string {
  const at = parseTime(iso);
  if (!at) return '';
  const there = local(at, timeZone);
  return `${day(there, local(now, timeZone))}, ${clock(there)}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", else "on 2 Dec 2026". */
export function ago(iso: unknown, now: Date): string {
  const at = parseTime(iso);
  if (!at) return '';
  const seconds = (now.getTime() - at.getTime()) / 1000;
  const unit = (n: number, word: string) => `${n} ${word}${n !== 1 ? 's' : ''} ago`;
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return unit(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return unit(Math.floor(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return unit(Math.floor(seconds / 86_400), 'day');
  const utc = local(at, 'UTC');
  return `on ${utc.day} ${MONTHS[utc.month - 1]} ${utc.year}`;
}

/** A date as "3 Dec 2026" (UTC), "" when absent. */
export function dateText(iso: unknown): string {
  const at = parseTime(iso);
  if (!at) return '';
  const utc = local(at, 'UTC');
  return `${utc.day} ${MONTHS[utc.month - 1]} ${utc.year}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Free text from the agents made readable: internal values -> labels, no ISO dates, no arrows. */
export function prose(text: unknown, labels: Record<string, string> = {}): string {
  if (typeof text !== 'string') return '';
  let out = text.replace(SCORE_FACTOR, '').replace(ARROWS, '');
  const pairs = Object.entries(labels).sort((a, b) => b[0].length - a[0].length);
  for (const [raw, label] of pairs) {
    if (raw && label && raw !== label) out = out.replace(new RegExp(`\\b${escapeRegExp(raw)}\\b`, 'g'), label);
  }
  out = out.replace(ISO, (match, y: string, m: string, d: string) => {
    const month = Number(m);
    return month >= 1 && month <= 12 ? `${Number(d)} ${MONTHS[month - 1]} ${y}` : match;
  });
  out = out.replace(CAPS_ENUM, (m) => words(m).toLowerCase());
  return out.replace(SNAKE, (m) => m.replace(/_/g, ' '));
}

/** `conversion-20261201T150909712275Z-4f5177` -> "Conversion model of 1 Dec 2026". */
export function modelText(task: string, version: unknown): string {
  const name = task === 'clv' ? 'CLV' : words(task); // an acronym, as the card's "Customer lifetime value" box
  const match = MODEL_STAMP.exec(String(version ?? ''));
  if (!match) return `${name} model`;
  return `${name} model of ${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Who wrote the analysis and draft, in words a rep can interpret. */
export function writerText(generatedBy: unknown): string {
  if (typeof generatedBy !== 'string' || !generatedBy) return '';
  // Comma-separated when the roles differ: a role whose model answer was not used falls back to
  // the templates while the others keep the model's (same rule as app/cards/humanize.py).
  const parts = generatedBy.split(',').filter((p) => p);
  const models = [...new Set(parts)].filter((p) => !p.startsWith('offline'));
  if (models.length === 0) {
    return 'Written from built-in templates (no AI model is configured for this account)';
  }
  const named = models.map((part) => {
    const i = part.indexOf(':');
    if (i < 0) return part;
    const provider = part.slice(0, i);
    return `${part.slice(i + 1)} (${PROVIDER_NAMES[provider] ?? words(provider)})`;
  });
  const partly = models.length < parts.length
    ? "; parts from built-in templates where the model's answer was not used" : '';
  return `Written by ${named.join(', ')}${partly}`;
}
