// What every meeting source (Legistar, an .ics address, …) hands the importer. A new platform
// is one more adapter in registry.ts; the commands and the importer do not change.

/** One meeting as the county's calendar publishes it, in the county's local time. */
export interface SourceEvent {
  /** Stable identity in the source (Legistar EventId; the .ics UID and occurrence). */
  externalId: string;
  body: string;
  /** Local date 'YYYY-MM-DD' and time 'HH:MM' in the county's zone. */
  date: string;
  time: string;
  location: string | null;
  agendaUrl: string | null;
  minutesUrl: string | null;
  videoUrl: string | null;
  /** The meeting's own page at the source, when it has one. */
  detailUrl: string | null;
  cancelled: boolean;
  /** The source's remark (Legistar EventComment), e.g. how to give public comment. */
  comment: string | null;
  /** Changes when the agenda is (re)published; null while there is no agenda. */
  agendaVersion: string | null;
}

/** One item of a meeting's agenda. */
export interface AgendaItem {
  number: string | null;
  title: string;
}

/** How a source is read: the link an editor made. */
export interface SourceLink {
  kind: string;
  locator: string;
  body: string | null;
  token: string | null;
}

export interface ImportWindow {
  /** Local dates, inclusive from, exclusive to. */
  from: string;
  to: string;
}

export type SourceErrorKind = 'not-found' | 'no-body' | 'token' | 'down' | 'malformed';

/** A source that cannot be read; the kind decides the message. Never carries a token. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly kind: SourceErrorKind,
    detail: string,
    /** For 'no-body': the bodies the source does list, to offer instead. */
    readonly bodies: readonly string[] = [],
  ) {
    super(`${kind}: ${detail}`);
  }
}

export interface MeetingSourceAdapter {
  kind: string;
  /** Checks what an editor typed for the locator (a client name, an address); returns it normalized or throws SourceError('not-found'). */
  checkLocator(locator: string): string;
  /** Events whose local date (in the county's zone) is in the window, of the linked body when one is named. */
  events(link: SourceLink, window: ImportWindow, timeZone: string): Promise<SourceEvent[]>;
  /** The agenda's items, when the source publishes them. */
  agendaItems?(link: SourceLink, event: SourceEvent): Promise<AgendaItem[]>;
  /** An address for people (never the API with its token). */
  publicUrl(link: SourceLink): string;
}
