import { localTimeText, type Rich, type Span } from '../../src/reply.ts';
import { escapeText, safeUrl } from './escape.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Unix seconds of a calendar date at 17:00 UTC: that instant falls on the same date in every
 * US time zone (Hawaii 07:00 … Eastern 13:00), so each reader sees the election day itself.
 */
export function dateUnix(isoDate: string): number {
  return Date.parse(`${isoDate}T17:00:00Z`) / 1000;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Wraps in a mrkdwn marker, keeping surrounding spaces outside (`* x*` would not render). */
function styled(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  return core ? `${before}${marker}${core}${marker}${after}` : text;
}

/** One span as Slack mrkdwn; everything that came from data or users is escaped. */
export function spanMrkdwn(span: Span): string {
  switch (span.kind) {
    case 'text': {
      const text = escapeText(span.text);
      if (span.style === 'bold') return styled(text, '*');
      if (span.style === 'italic') return styled(text, '_');
      if (span.style === 'code') return styled(text.replace(/`/g, 'ˋ'), '`');
      return text;
    }
    case 'link': {
      const url = safeUrl(span.url);
      const label = escapeText(span.text.trim() || span.url);
      return url ? `<${url}|${label}>` : label;
    }
    case 'date':
      if (!ISO_DATE.test(span.date) || Number.isNaN(dateUnix(span.date))) return escapeText(span.date);
      return `<!date^${dateUnix(span.date)}^{date_short_pretty}|${span.date}>`;
    case 'time': {
      const ms = Date.parse(span.at);
      if (Number.isNaN(ms) || !validZone(span.timeZone)) return escapeText(span.at);
      return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${escapeText(localTimeText(span.at, span.timeZone))}>`;
    }
  }
}

export const richMrkdwn = (line: Rich): string => line.map(spanMrkdwn).join('');

/** One span as escaped plain text (headers, buttons, the notification fallback). */
export function spanPlain(span: Span): string {
  switch (span.kind) {
    case 'text':
      return escapeText(span.text);
    case 'link':
      return escapeText(span.text === span.url || !span.text.trim() ? span.url : `${span.text} (${span.url})`);
    case 'date':
      return escapeText(span.date);
    case 'time':
      return escapeText(Number.isNaN(Date.parse(span.at)) || !validZone(span.timeZone) ? span.at : localTimeText(span.at, span.timeZone));
  }
}

export const richPlain = (line: Rich): string => line.map(spanPlain).join('');
