import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { helpCommand } from '../../../src/commands/about/help.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { date, text, type Reply } from '../../../src/reply.ts';
import { coreApp, dateToken, shown, startHarness, type Harness } from './harness.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

const reminder: Reply = {
  status: 'ok',
  title: 'Sheriff election in Travis County, Texas',
  intro: [[text('Election day: '), date('2028-11-07')]],
  sections: [],
  notes: [[text('You get this because this channel subscribed.')]],
};

let handlerRuns = 0;
/** Test-only commands: one replies with a file, one needs a file. */
const testCommands: CommandDef[] = [
  {
    name: 'test-calendar',
    // Test-only: replies with a calendar file; any catalog entry describes it.
    descriptionKey: 'command.about.description',
    options: [],
    permission: 'everyone',
    examples: ['test-calendar'],
    handler: () => ({ ...reminder, attachments: [{ filename: 'travis.ics', contentType: 'text/calendar', content: ICS }] }),
  },
  {
    name: 'test-upload',
    // Test-only: needs a file; any catalog entry describes it.
    descriptionKey: 'command.about.description',
    options: [{ name: 'file', descriptionKey: 'option.note', type: 'attachment', required: true }],
    permission: 'everyone',
    examples: ['test-upload'],
    handler: () => {
      handlerRuns += 1;
      return reminder;
    },
  },
  {
    name: 'test-mod-upload',
    // Test-only: editors send a file; any catalog entry describes it.
    descriptionKey: 'command.about.description',
    options: [{ name: 'file', descriptionKey: 'option.note', type: 'attachment', required: true }],
    permission: 'editor',
    examples: ['test-mod-upload'],
    handler: () => {
      handlerRuns += 1;
      return reminder;
    },
  },
];

function coreWithTestCommands(): App {
  const base = coreApp();
  const registry: CommandRegistry = new CommandRegistry([
    ...base.registry.all().filter((c) => c.name !== 'help'),
    helpCommand(() => registry),
    ...testCommands,
  ]);
  return { ...base, registry, contextFor: (caller, where) => ({ ...base.contextFor(caller, where), registry }) };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: 'http', core: coreWithTestCommands(), moderatorIds: ['U0MOD'] });
});
afterAll(async () => h.stop());

describe('Slack ChannelSender (reminders and alerts)', () => {
  it('GIVEN a reply and a key THEN chat.postMessage posts its blocks with the key in the message metadata', async () => {
    const { messageId } = await h.bot.sender.send('C0NEWS', reminder, { key: 'rem-2028-travis' });
    const post = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0NEWS');
    expect(h.bot.sender.platform).toBe('slack');
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(post.token).toBe('xoxb-test');
    expect(post.args.metadata).toEqual({ event_type: 'sheriff_watch_delivery', event_payload: { key: 'rem-2028-travis' } });
    expect(post.args.text).toBe('Sheriff election in Travis County, Texas\nElection day: 2028-11-07\nYou get this because this channel subscribed.');
    expect(shown({ blocks: post.args.blocks as unknown[] })).toContain(`Election day: ${dateToken('2028-11-07')}`);
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN a post made before a crash THEN findDelivered finds it by its key, and an unknown key is absent', async () => {
    const { messageId } = await h.bot.sender.send('C0FIND', reminder, { key: 'rem-find-1' });
    await h.bot.sender.send('C0FIND', reminder, { key: 'rem-find-2' });
    expect(await h.bot.sender.findDelivered!('C0FIND', 'rem-find-1')).toEqual({ messageId });
    expect(await h.bot.sender.findDelivered!('C0FIND', 'rem-never-sent')).toBeNull();
    const lookup = h.slack.calls.filter((c) => c.method === 'conversations.history').at(-1)!;
    expect(lookup.args).toMatchObject({ channel: 'C0FIND', include_all_metadata: 'true' });
  });

  it('GIVEN Slack refuses the post THEN send rejects with Slack\'s reason, so the caller can retry or give up', async () => {
    h.slack.onMethod('chat.postMessage', (call) =>
      call.args.channel === 'C0GONE' ? { ok: false, error: 'channel_not_found' } : { ok: true, channel: call.args.channel, ts: '1.2' },
    );
    await expect(h.bot.sender.send('C0GONE', reminder, { key: 'k1' })).rejects.toThrow(/channel_not_found/);
  });

  it('GIVEN a reply with a file THEN the file is shared in the channel, in the delivered message\'s thread', async () => {
    await h.bot.sender.send('C0FILES', { ...reminder, attachments: [{ filename: 'travis.ics', contentType: 'text/calendar', content: ICS }] }, { key: 'k2' });
    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C0FILES');
    expect(complete.args.thread_ts).toBe('1.2');
    const ask = h.slack.calls.filter((c) => c.method === 'files.getUploadURLExternal').at(-1);
    expect(ask?.args).toMatchObject({ filename: 'travis.ics', length: String(Buffer.byteLength(ICS)) });
    const upload = await h.slack.uploads.waitFor((u) => u.bytes.includes('BEGIN:VCALENDAR'));
    expect(complete.args.files).toEqual([{ id: upload.fileId, title: 'travis.ics' }]);
  });
});

describe('Slack /sheriff replies with files, and commands that need one', () => {
  it('GIVEN a command whose reply carries a file THEN the answer is posted and the file is uploaded to that channel', async () => {
    const answer = await h.command('test-calendar', { channel_id: 'C0CAL' });
    expect(answer.response_type).toBe('in_channel');
    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C0CAL');
    expect(complete.args.files).toEqual([expect.objectContaining({ title: 'travis.ics' })]);
  });

  it('GIVEN Slack will not take the file there THEN the user is told privately how to fix it', async () => {
    h.slack.onMethod('files.completeUploadExternal', () => ({ ok: false, error: 'not_in_channel' }));
    const url = h.slack.responseUrl();
    const first = await h.command('test-calendar', { channel_id: 'C0PRIVATE', response_url: url });
    expect(first.response_type).toBe('in_channel');
    const second = (await h.slack.responseTo(url, 1)).body;
    expect(second).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(second.text).toContain('not_in_channel');
    expect(second.text).toContain('/invite');
  });

  it('GIVEN a command with a file option THEN Slack users are told where files can be sent, and the handler never runs', async () => {
    const answer = await h.command('test-upload my.csv');
    expect(answer.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('`test-upload` needs a file, and Slack cannot send one with a slash command');
    // Where files can go instead: a message to the bot, with the file (messages.ts).
    expect(shown(answer)).toContain('Slack sends files only with messages');
    expect(shown(answer)).toContain('`@Sheriff Watch test-upload`');
    expect(handlerRuns).toBe(0);
  });

  it('GIVEN a moderator-only command with a file option THEN others hear "moderators only" first, moderators where to send the file', async () => {
    const other = await h.command('test-mod-upload x.csv');
    expect(shown(other)).toContain('Moderators only');
    const moderator = await h.command('test-mod-upload x.csv', { user_id: 'U0MOD' });
    expect(moderator.response_type).toBe('ephemeral');
    expect(shown(moderator)).toContain('`test-mod-upload` needs a file');
    expect(handlerRuns).toBe(0);
  });
});
