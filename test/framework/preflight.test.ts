import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/index.ts';
import { commandNamed, commandsFor, mayRun, preflight } from '../../src/framework/preflight.ts';
import { conversation } from '../helpers/conversation.ts';

const registry = createRegistry();
const member = { isEditor: false, isCommunityManager: false };
const manager = { isEditor: false, isCommunityManager: true };
const editor = { isEditor: true, isCommunityManager: false };

describe('preflight: which command a line names', () => {
  it('GIVEN one word, two words for a hyphenated name, any case, a leading slash THEN the command and the words after it', () => {
    expect(commandNamed(registry, 'import 287g 2026-01-23')).toMatchObject({ command: { name: 'import-287g' }, words: ['2026-01-23'] });
    expect(commandNamed(registry, '/Import-287G')).toMatchObject({ command: { name: 'import-287g' }, words: [] });
    expect(commandNamed(registry, '  position   set Travis, TX')).toMatchObject({ command: { name: 'position-set' }, words: ['Travis,', 'TX'] });
    expect(commandNamed(registry, 'Travis, TX')).toBeUndefined();
    expect(commandNamed(registry, '')).toBeUndefined();
  });

  it('GIVEN the file commands THEN their file option is named; the roster needs it, the ICE list not (without one it is fetched); a lookup needs none', () => {
    expect(preflight(registry, { line: 'import roster' }, editor)).toMatchObject({ command: { name: 'import-roster' }, allowed: true, needsFile: true, fileOptions: [{ name: 'file' }] });
    expect(preflight(registry, { line: 'import 287g' }, editor)).toMatchObject({ command: { name: 'import-287g' }, allowed: true, needsFile: false, fileOptions: [{ name: 'file' }] });
    expect(preflight(registry, { line: 'Travis, TX' }, member)).toEqual({ command: undefined, allowed: true, fileOptions: [], needsFile: false });
    expect(preflight(registry, { command: 'no-such' }, editor).command).toBeUndefined();
  });
});

describe('preflight: who may run what', () => {
  it('GIVEN each role THEN editors change the record, community managers the channel, everyone reads', () => {
    const allowed = (caller: typeof member, name: string) => preflight(registry, { command: name }, caller).allowed;
    expect(['import-287g', 'approve', 'revert', 'redact', 'meeting-source'].map((n) => [allowed(member, n), allowed(manager, n), allowed(editor, n)])).toEqual(
      Array(5).fill([false, false, true]),
    );
    // Everyone may propose a record change (it waits for an editor) and read who changed what.
    const record = ['position-set', 'holder-set', 'election-add', 'election-change', 'election-cancel', 'meeting-add', 'meeting-change', 'meeting-cancel', 'history'];
    expect(record.map((n) => [allowed(member, n), allowed(manager, n), allowed(editor, n)])).toEqual(Array(record.length).fill([true, true, true]));
    expect(['subscribe', 'unsubscribe', 'language'].map((n) => [allowed(member, n), allowed(manager, n), allowed(editor, n)])).toEqual(Array(3).fill([false, true, false]));
    expect(['sheriff', 'subscriptions', 'help'].every((n) => allowed(member, n))).toBe(true);
  });

  it('GIVEN a member THEN the list of commands holds exactly those they may run', () => {
    expect(commandsFor(registry, member).map((c) => c.name)).toEqual(registry.all().filter((c) => c.permission === 'everyone').map((c) => c.name));
    expect(commandsFor(registry, { isEditor: true, isCommunityManager: true })).toHaveLength(registry.all().length);
    expect(mayRun({ permission: 'community-manager' }, manager)).toBe(true);
  });

  it('GIVEN a member typing an editor command with broken arguments THEN the refusal, not the argument error', async () => {
    const { reply } = await conversation().ask('import 287g');
    expect(reply).toMatchObject({ status: 'user_error', errorCode: 'forbidden', title: 'Moderators only' });
  });
});
