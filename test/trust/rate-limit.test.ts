import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/framework/types.ts';
import { silentLogger } from '../../src/logger.ts';
import { parseLimit, RateLimiter } from '../../src/trust/rate-limit.ts';
import { createTrust } from '../../src/trust/services.ts';
import { conversation } from '../helpers/conversation.ts';
import { testCaller } from '../helpers/caller.ts';
import { loadedStore, TEST_NOW } from '../helpers/store.ts';

function movableClock() {
  let at = Date.parse(TEST_NOW);
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

const DISCORD: Conversation = { platform: 'discord', workspaceId: 'G1', workspaceName: 'Organizers', channelId: 'C1' };

describe('parseLimit', () => {
  it('GIVEN count/window THEN the limit; GIVEN anything else THEN undefined', () => {
    expect(parseLimit('10/30s')).toEqual({ count: 10, windowMs: 30_000 });
    expect(parseLimit(' 5 / 1h ')).toEqual({ count: 5, windowMs: 3_600_000 });
    expect(parseLimit('20/2m')).toEqual({ count: 20, windowMs: 120_000 });
    for (const bad of ['', '10', '0/30s', '10/0s', '10/30', 'ten/30s', '10/30d']) expect(parseLimit(bad), bad).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('GIVEN 10 per 30 s THEN the 11th use waits until the first leaves the window, and other identities are unaffected', () => {
    const clock = movableClock();
    const limiter = new RateLimiter({ count: 10, windowMs: 30_000 }, clock);
    for (let i = 0; i < 10; i++) {
      expect(limiter.take('discord:G1:discord:1')).toBe(0);
      clock.advance(1000);
    }
    // First use at t=0, now t=10 s: it leaves the window at t=30 s.
    expect(limiter.take('discord:G1:discord:1')).toBe(20);
    expect(limiter.take('discord:G2:discord:2')).toBe(0);
    clock.advance(20_000);
    expect(limiter.take('discord:G1:discord:1')).toBe(0);
    expect(limiter.take('discord:G1:discord:1')).toBe(1);
  });
});

describe('per-user limits in the core', () => {
  it('GIVEN a chat user over the command limit THEN a private "try again in N s"; the console operator is never limited', async () => {
    const clock = movableClock();
    const trust = createTrust(clock, silentLogger, { commands: { count: 3, windowMs: 30_000 } });
    const store = loadedStore();
    const chat = conversation({ store, conversation: DISCORD });
    chat.ctx.trust = trust;
    for (let i = 0; i < 3; i++) expect((await chat.ask('sheriff Travis, TX')).reply.status).toBe('ok');
    const refused = await chat.ask('sheriff Travis, TX');
    expect(refused.reply).toMatchObject({ status: 'user_error', errorCode: 'rate_limited', title: 'Too many requests' });
    expect(refused.text).toContain('Try again in 30 s.');
    const operator = conversation({ store, conversation: { ...DISCORD, platform: 'console', workspaceId: 'local' } });
    operator.ctx.trust = trust;
    for (let i = 0; i < 5; i++) expect((await operator.ask('sheriff Travis, TX')).reply.status).toBe('ok');
  });

  it('GIVEN a member over the proposal limit THEN the next proposal is refused with the wait, and nothing is stored', async () => {
    const clock = movableClock();
    const store = loadedStore({ fresh: true });
    const chat = conversation({ store, conversation: DISCORD });
    chat.ctx.trust = createTrust(clock, silentLogger, { proposals: { count: 2, windowMs: 3_600_000 } });
    chat.ctx.clock = clock;
    chat.ctx.caller = testCaller('discord:42', { displayName: 'member', moderator: false });
    expect((await chat.ask('position set Travis, TX detainers no https://www.kut.org/a')).reply.title).toMatch(/^Proposed: change #1 /);
    clock.advance(60_000);
    expect((await chat.ask('position set Travis, TX jail-access no https://www.kut.org/a')).reply.title).toMatch(/^Proposed: change #2 /);
    clock.advance(60_000);
    const refused = await chat.ask('position set Travis, TX info-sharing no https://www.kut.org/a');
    expect(refused.reply.errorCode).toBe('proposals_limited');
    // The first left the window an hour after it was made: 58 minutes from now.
    expect(refused.text).toContain('You can propose 2 changes per hour; try again in 3480 s.');
    expect(store.pending.open()).toHaveLength(2);
  });
});
