/**
 * Spans → Discord markdown. Text is escaped (names from data or typed by users cannot
 * format, link or mention); dates become Discord timestamps, which every reader sees in
 * their own time zone. Lines are cut only between spans or inside plain text, never through
 * a link or a timestamp.
 */
import type { Rich, Span } from '../../src/reply.ts';

const ELLIPSIS = '…';

/** Backslash-escapes what Discord would read as markdown, a mention, a timestamp or a link. */
const SPECIAL = /[\\*_~`|<>[\]]/;
const SPECIALS = /[\\*_~`|<>[\]]/g;

export function escapeText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, '\\$&') : value;
}

/** Markdown that starts a block (heading, list, quote, subtext) only counts at a line start. */
function escapeLineStart(line: string): string {
  return /^(?:#|-|\d+\.|>)/.test(line) ? `\\${line}` : line;
}

const unixByDate = new Map<string, number | undefined>();

/** 'YYYY-MM-DD' → seconds at 17:00 UTC, a moment on that calendar date in every US zone. */
export function dateToUnix(isoDate: string): number | undefined {
  if (unixByDate.has(isoDate)) return unixByDate.get(isoDate);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T17:00:00Z`) : NaN;
  const unix = Number.isNaN(ms) ? undefined : ms / 1000;
  if (unixByDate.size > 10_000) unixByDate.clear();
  unixByDate.set(isoDate, unix);
  return unix;
}

/** Plain text, except that `paired backticks` (as the core's messages use) stay code. */
function plain(value: string): string {
  if (!value.includes('`')) return escapeText(value);
  return value
    .split(/(`[^`\n]+`)/)
    .map((part) => (/^`[^`\n]+`$/.test(part) ? part : escapeText(part)))
    .join('');
}

/** Inline code, or a code block when it spans lines (a letter to copy). */
function code(value: string): string {
  if (value === '') return '';
  if (value.includes('\n')) return `\`\`\`\n${value.replace(/```/g, 'ˋˋˋ')}\n\`\`\``;
  return `\`${value.replace(/`/g, 'ˋ')}\``;
}

function styled(value: string, style: 'bold' | 'italic' | undefined): string {
  if (!style) return plain(value);
  const core = value.trim();
  if (core === '') return escapeText(value);
  // Markers must touch the words: '** x**' is not bold.
  const start = value.indexOf(core);
  const mark = style === 'bold' ? '**' : '*';
  return `${value.slice(0, start)}${mark}${escapeText(core)}${mark}${value.slice(start + core.length)}`;
}

function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s<>]+$/i.test(url)) return undefined;
  return url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}

export function renderSpan(span: Span): string {
  switch (span.kind) {
    case 'text':
      return span.style === 'code' ? code(span.text) : styled(span.text, span.style);
    case 'link': {
      const url = safeUrl(span.url);
      if (!url) return escapeText(span.text);
      return span.text === span.url ? url : `[${escapeText(span.text)}](${url})`;
    }
    case 'date': {
      const unix = dateToUnix(span.date);
      return unix === undefined ? escapeText(span.date) : `<t:${unix}:D>`;
    }
    case 'time': {
      const ms = Date.parse(span.at);
      if (Number.isNaN(ms)) return escapeText(span.at);
      const unix = Math.floor(ms / 1000);
      return `<t:${unix}:f> (<t:${unix}:R>)`;
    }
  }
}

/** A text span cut to fit `room` rendered characters (escapes make the rendered form longer). */
function cutText(span: Extract<Span, { kind: 'text' }>, room: number): string {
  let length = Math.min(span.text.length, room);
  while (length > 0) {
    const rendered = renderSpan({ ...span, text: span.text.slice(0, length).trimEnd() });
    if (rendered.length <= room) return rendered;
    length -= Math.max(1, rendered.length - room);
  }
  return '';
}

/** A line as markdown, at most `max` characters; a cut line ends with '…'. */
export function renderLine(rich: Rich, max = Infinity): string {
  const pieces = rich.map(renderSpan);
  const whole = escapeLineStart(pieces.join(''));
  if (whole.length <= max) return whole;
  let out = '';
  for (const [i, piece] of pieces.entries()) {
    const room = max - ELLIPSIS.length - out.length - 1; // 1 for a possible line-start escape
    if (piece.length <= room) {
      out += piece;
      continue;
    }
    const span = rich[i]!;
    if (span.kind === 'text') out += cutText(span, room);
    break;
  }
  return escapeLineStart(out) + ELLIPSIS;
}

/** Plain text for places without markdown (the footer): styles dropped, dates as ISO. */
export function plainLine(rich: Rich): string {
  return rich.map((s) => (s.kind === 'date' ? s.date : s.kind === 'time' ? s.at : s.text)).join('');
}

/** Plain text cut to `max` characters. */
export function fitPlain(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/**
 * Joins lines into chunks of at most `max` characters, breaking between lines (a line
 * longer than `max` was already cut by renderLine).
 */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const fitted = line.length <= max ? line : fitPlain(line, max);
    if (current && current.length + 1 + fitted.length > max) {
      chunks.push(current);
      current = fitted;
    } else {
      current = current ? `${current}\n${fitted}` : fitted;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
