/**
 * A change to a recorded election or meeting, as data: what the election and meeting commands
 * validated, applied at once for an editor and stored as a proposal for anyone else. Approval
 * applies the same data through the same store writes, so both leave the same history rows.
 */
import type { MeetingSeries } from '../domain/meetings.ts';
import type { Store } from '../store/index.ts';
import type { ExceptionFacts, MeetingFacts } from '../store/meetings.ts';
import type { ElectionFacts, RecordedElection, WriteMeta } from '../store/recorded-elections.ts';

/** Where the change's facts come from (every election and meeting write cites one). */
interface Cited {
  fips: string;
  sourceUrl: string;
  sourceTitle: string;
}

export type EventChange = Cited &
  (
    | { kind: 'election_add'; officeId: number | null; facts: ElectionFacts }
    | { kind: 'election_change'; id: number; patch: Partial<ElectionFacts> }
    | { kind: 'election_cancel'; id: number; reason: string | null }
    | { kind: 'meeting_add'; facts: MeetingFacts }
    | { kind: 'meeting_change'; id: number; patch: Partial<MeetingFacts> }
    | { kind: 'meeting_occurrence'; id: number; originalStart: string; exception: ExceptionFacts }
    | { kind: 'meeting_cancel'; id: number; reason: string | null }
  );

export type EventKind = EventChange['kind'];

const EVENT_KINDS = new Set<string>(['election_add', 'election_change', 'election_cancel', 'meeting_add', 'meeting_change', 'meeting_occurrence', 'meeting_cancel']);

export const isEventKind = (kind: string): kind is EventKind => EVENT_KINDS.has(kind);

/** What a write returned, for the command's reply. */
export type EventResult = { election: RecordedElection } | { meeting: MeetingSeries } | { occurrence: true };

/**
 * The revision of the record the change is about, as it is now: 0 for a new election or
 * meeting (nothing to be stale against). A proposal keeps it; approval writes only if it holds.
 */
export function eventRevision(store: Store, change: EventChange): number {
  switch (change.kind) {
    case 'election_add':
    case 'meeting_add':
      return 0;
    case 'election_change':
    case 'election_cancel':
      return store.recordedElections.byId(change.id)?.revision ?? 0;
    default:
      return store.meetings.byId(change.id)?.revision ?? 0;
  }
}

/**
 * Writes the change with its change-log row; `meta.expectedRevision` (when set) must still be
 * the record's revision, else StaleWriteError and nothing is written.
 */
export function applyEvent(store: Store, change: EventChange, meta: WriteMeta): EventResult {
  switch (change.kind) {
    case 'election_add':
      return { election: store.recordedElections.add({ ...change.facts, fips: change.fips, officeId: change.officeId }, withoutExpected(meta)) };
    case 'election_change':
      return { election: store.recordedElections.change(change.id, change.patch, meta) };
    case 'election_cancel':
      return { election: store.recordedElections.cancel(change.id, { ...meta, reason: change.reason }) };
    case 'meeting_add':
      return { meeting: store.meetings.add({ ...change.facts, fips: change.fips }, withoutExpected(meta)) };
    case 'meeting_change':
      return { meeting: store.meetings.change(change.id, change.patch, meta) };
    case 'meeting_occurrence':
      store.meetings.setException(change.id, change.originalStart, change.exception, meta);
      return { occurrence: true };
    case 'meeting_cancel':
      return { meeting: store.meetings.cancel(change.id, { ...meta, reason: change.reason }) };
  }
}

/** A new election or meeting has no revision to be stale against. */
function withoutExpected(meta: WriteMeta): WriteMeta {
  const rest = { ...meta };
  delete rest.expectedRevision;
  return rest;
}

/** The election a write returned (election kinds only). */
export function electionOf(result: EventResult): RecordedElection {
  if (!('election' in result)) throw new Error('not an election write');
  return result.election;
}

/** The meeting series a write returned (series kinds only). */
export function meetingOf(result: EventResult): MeetingSeries {
  if (!('meeting' in result)) throw new Error('not a meeting series write');
  return result.meeting;
}
