/**
 * The platform-neutral reply every command handler returns. Each adapter has exactly one
 * renderer that turns it into text, a Discord embed or Slack Block Kit.
 */

/** A run of inline content. Dates stay structured so each platform can localize them. */
export type Span =
  | { kind: 'text'; text: string; style?: 'bold' | 'italic' | 'code' }
  | { kind: 'link'; text: string; url: string }
  /**
   * A calendar date, 'YYYY-MM-DD' (an election day is the same date for every reader).
   * Platforms that localize timestamps render it at 17:00 UTC, which falls on that date in
   * every US time zone.
   */
  | { kind: 'date'; date: string }
  /** An instant, e.g. a meeting start: ISO UTC, plus the zone it happens in. */
  | { kind: 'time'; at: string; timeZone: string };

/** A line of inline content. */
export type Rich = Span[];

export interface Field {
  label: string;
  value: Rich;
}

export interface Section {
  heading?: string;
  /** Paragraphs. */
  lines?: Rich[];
  /** Label/value pairs (an embed's fields, Block Kit section fields). */
  fields?: Field[];
  /** A bulleted list. */
  items?: Rich[];
}

/** A command that can be run as-is: its name and its arguments. */
export interface Invocation {
  command: string;
  args: Record<string, string | number>;
}

export interface Choice {
  label: string;
  invocation: Invocation;
}

export interface Paging {
  page: number;
  pages: number;
  /** The same query; adapters set args.page to move. */
  invocation: Invocation;
}

/** A file sent with the reply: text (an .ics calendar, a report) or bytes (a PNG map). */
export type Attachment = TextAttachment | BinaryAttachment;

interface AttachmentBase {
  filename: string;
  contentType: string;
  /** What an image shows, for people who cannot see it (screen readers, platform alt text). */
  altText?: string;
}

export interface TextAttachment extends AttachmentBase {
  /** Sent as UTF-8. */
  content: string;
}

export interface BinaryAttachment extends AttachmentBase {
  content: Uint8Array;
}

/** A text attachment's text (bytes are read as UTF-8). */
export function attachmentText(attachment: Attachment): string {
  return typeof attachment.content === 'string' ? attachment.content : Buffer.from(attachment.content).toString('utf8');
}

/** The attachment's bytes: text as UTF-8. */
export function attachmentBytes(attachment: Attachment): Buffer {
  return typeof attachment.content === 'string' ? Buffer.from(attachment.content, 'utf8') : Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
}

/** Images are shown inline where the platform can (a Discord embed's image). */
export function isImage(attachment: Attachment): boolean {
  return attachment.contentType.startsWith('image/');
}

export interface Reply {
  /** 'user_error' replies are shown privately where the platform allows it. */
  status: 'ok' | 'user_error';
  /** A stable identifier for user errors, e.g. 'county_not_found'. */
  errorCode?: string;
  title: string;
  intro?: Rich[];
  sections: Section[];
  /** Sources, as-of dates and caveats: a footer or context block. */
  notes: Rich[];
  /** Runnable alternatives, e.g. the counties an ambiguous name could mean. */
  choices?: Choice[];
  paging?: Paging;
  attachments?: Attachment[];
}

export const text = (value: string, style?: 'bold' | 'italic' | 'code'): Span =>
  style ? { kind: 'text', text: value, style } : { kind: 'text', text: value };
export const link = (label: string, url: string): Span => ({ kind: 'link', text: label, url });
export const date = (iso: string): Span => ({ kind: 'date', date: iso });
export const time = (at: string, timeZone: string): Span => ({ kind: 'time', at, timeZone });

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** '2026-12-01 09:00 CST': a time span's instant in the zone where it happens (renderers without a reader's zone). */
export function localTimeText(at: string, timeZone: string): string {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** Plain text of a line, with dates as ISO and links as their label. */
export function plain(line: Rich): string {
  return line.map((span) => (span.kind === 'date' ? span.date : span.kind === 'time' ? span.at : span.text)).join('');
}

export function userError(errorCode: string, title: string, lines: string[], choices?: Choice[]): Reply {
  return {
    status: 'user_error',
    errorCode,
    title,
    intro: lines.map((line) => [text(line)]),
    sections: [],
    notes: [],
    ...(choices?.length ? { choices } : {}),
  };
}
