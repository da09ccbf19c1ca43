// The meeting sources the bot can read, by kind. Adding a platform is adding it here.
import { icsSource } from './ics-url.ts';
import { legistarSource } from './legistar.ts';
import type { MeetingSourceAdapter } from './types.ts';

export const MEETING_SOURCES: ReadonlyMap<string, MeetingSourceAdapter> = new Map([legistarSource, icsSource].map((s) => [s.kind, s]));
