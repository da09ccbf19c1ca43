/**
 * Decisions told to proposers go through an outbox: a failed post is tried again later with
 * backoff and posted once; one that keeps failing is given up after a bounded number of
 * attempts, and that is logged.
 */
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/framework/types.ts';
import type { ChannelSender } from '../../src/delivery/channel-sender.ts';
import { ChannelNotFoundError, RetryAfterError } from '../../src/delivery/errors.ts';
import type { Reply } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { MAX_NOTICE_ATTEMPTS, NOTICE_BACKOFF_MS } from '../../src/trust/decision-outbox.ts';
import { createTrust, type TrustServices } from '../../src/trust/services.ts';
import { NO_LIMITS } from '../helpers/app.ts';
import { testCaller } from '../helpers/caller.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore, TEST_NOW } from '../helpers/store.ts';

const HOME: Conversation = { platform: 'discord', workspaceId: 'G-editors', workspaceName: 'Editors', channelId: 'C-editors' };
const ELSEWHERE: Conversation = { platform: 'discord', workspaceId: 'G-other', workspaceName: 'Other', channelId: 'C-proposed' };

/** A sender that fails the first `failures` posts with `error`, then posts. */
function flakySender(failures: number, error: () => Error) {
  const posts: { channel: string; reply: Reply; key: string }[] = [];
  let calls = 0;
  const sender: ChannelSender = {
    platform: 'discord',
    async send(channel, reply, { key }) {
      calls += 1;
      if (calls <= failures) throw error();
      posts.push({ channel, reply, key });
      return { messageId: `m${posts.length}` };
    },
  };
  return { sender, posts, calls: () => calls };
}

let now: number;
const clock = { now: () => new Date(now) };
let store: Store;
let logs: { msg: string; level: number }[];
let trust: TrustServices;

function chat(id: string, where: Conversation, editor: boolean) {
  const c = conversation({ store, moderator: editor, conversation: where });
  c.ctx.caller = testCaller(id, { displayName: id, moderator: editor });
  c.ctx.clock = clock;
  c.ctx.trust = trust;
  return c;
}

/** A proposal from ELSEWHERE, approved by an editor at HOME: the decision is queued and tried at once. */
async function approvedProposal(): Promise<number> {
  const { reply } = await chat('discord:500', ELSEWHERE, false).ask('position set Travis, TX detainers no https://www.kut.org/memo');
  const id = Number(/#(\d+)/.exec(reply.title)![1]);
  expect((await chat('discord:100', HOME, true).ask(`approve ${id}`)).reply.title).toBe(`Approved #${id}: Travis County, TX`);
  await trust.notices.settled();
  return id;
}

beforeEach(() => {
  now = Date.parse(TEST_NOW);
  store = loadedStore({ fresh: true });
  logs = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as { msg: string; level: number }) });
  trust = createTrust(clock, logger, NO_LIMITS);
});

describe('decision notices', () => {
  it('GIVEN the first post fails (rate limited) THEN it waits in the outbox, is not retried early, and is posted once when due', async () => {
    const flaky = flakySender(1, () => new RetryAfterError(5_000, 'rate limited'));
    trust.notices.register(flaky.sender);
    const id = await approvedProposal();
    expect(flaky.posts).toEqual([]);
    expect(store.decisionNotices.byId(id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(now + NOTICE_BACKOFF_MS[0]!).toISOString() });
    expect(logs.some((l) => l.msg === 'could not tell the proposer the decision; will retry')).toBe(true);

    now += NOTICE_BACKOFF_MS[0]! - 1000;
    await trust.notices.sendDecisions(store, clock);
    expect(flaky.calls()).toBe(1);

    now += 1000;
    expect(await trust.notices.sendDecisions(store, clock)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(flaky.posts.map((p) => [p.channel, p.key, p.reply.title])).toEqual([['C-proposed', `sw-dec-${id}`, `Proposal #${id} was approved`]]);
    expect(store.decisionNotices.byId(id)).toMatchObject({ status: 'sent', attempts: 2 });

    now += 24 * 3_600_000;
    expect(await trust.notices.sendDecisions(store, clock)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(flaky.posts).toHaveLength(1);
  });

  it('GIVEN every post fails (channel gone) THEN it is tried MAX_NOTICE_ATTEMPTS times with growing waits, then given up and logged', async () => {
    const broken = flakySender(Number.POSITIVE_INFINITY, () => new ChannelNotFoundError('Unknown Channel'));
    trust.notices.register(broken.sender);
    const id = await approvedProposal();
    const waits: number[] = [];
    while (store.decisionNotices.byId(id)!.status === 'queued') {
      const next = Date.parse(store.decisionNotices.byId(id)!.nextAttemptAt);
      waits.push(next - now);
      now = next;
      await trust.notices.sendDecisions(store, clock);
    }
    expect(waits).toEqual(NOTICE_BACKOFF_MS);
    expect(broken.calls()).toBe(MAX_NOTICE_ATTEMPTS);
    expect(store.decisionNotices.byId(id)).toMatchObject({ status: 'failed', attempts: MAX_NOTICE_ATTEMPTS });
    expect(store.decisionNotices.byId(id)!.detail).toBe(`gave up after ${MAX_NOTICE_ATTEMPTS} attempts: Unknown Channel`);
    expect(logs.filter((l) => l.msg === 'could not tell the proposer the decision; given up').map((l) => l.level)).toEqual([50]);
    now += 24 * 3_600_000;
    await trust.notices.sendDecisions(store, clock);
    expect(broken.calls()).toBe(MAX_NOTICE_ATTEMPTS);
  });

  it('GIVEN a rejection THEN the proposer is told; GIVEN a withdrawal by its own author THEN nothing is queued', async () => {
    const ok = flakySender(0, () => new Error('never'));
    trust.notices.register(ok.sender);
    const proposer = chat('discord:500', ELSEWHERE, false);
    const first = Number(/#(\d+)/.exec((await proposer.ask('position set Travis, TX detainers no https://www.kut.org/memo')).reply.title)![1]);
    await chat('discord:100', HOME, true).ask(`reject ${first} not what the memo says`);
    // An editor's own change under REQUIRE_REVIEW, withdrawn by that editor: nobody to tell.
    const editor = chat('discord:101', ELSEWHERE, true);
    editor.ctx.requireReview = true;
    const second = Number(/#(\d+)/.exec((await editor.ask('position set Harris, TX detainers no https://www.kut.org/memo')).reply.title)![1]);
    expect((await editor.ask(`reject ${second}`)).reply.title).toBe(`Withdrawn: change #${second}`);
    await trust.notices.settled();
    expect(ok.posts.map((p) => p.reply.title)).toEqual([`Proposal #${first} was rejected`]);
    expect(store.decisionNotices.byId(second)).toBeUndefined();
  });

  it('GIVEN a decision for a platform this process does not run THEN it waits untouched for one that does, and does not hold up the others', async () => {
    const ok = flakySender(0, () => new Error('never'));
    trust.notices.register(ok.sender);
    const slack = chat('slack:U1', { platform: 'slack', workspaceId: 'T1', workspaceName: 'acme', channelId: 'C1' }, false);
    const fromSlack = Number(/#(\d+)/.exec((await slack.ask('position set Harris, TX detainers no https://www.kut.org/memo')).reply.title)![1]);
    await chat('discord:100', HOME, true).ask(`reject ${fromSlack}`);
    const fromDiscord = await approvedProposal();
    expect(ok.posts.map((p) => p.reply.title)).toEqual([`Proposal #${fromDiscord} was approved`]);
    expect(store.decisionNotices.byId(fromSlack)).toMatchObject({ platform: 'slack', status: 'queued', attempts: 0 });
  });
});
