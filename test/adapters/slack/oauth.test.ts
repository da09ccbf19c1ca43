/**
 * Slack for many workspaces, through the real Bolt and its OAuth flow on the fake Slack: each
 * workspace installs with "Add to Slack", is answered and posted to with its own token, and
 * leaves (uninstall, revoked token) without touching the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { addTravisMeeting, channel, ManualClock, subscribe } from '../../scheduler/helpers.ts';
import { shown } from './harness.ts';
import { CLIENT, startOAuthHarness, workspace, type OAuthHarness } from './oauth-harness.ts';

const ACME = workspace('A', 'Acme Organizers');
const BRAVO = workspace('B', 'Bravo Coalition');
const CHARLIE = workspace('C', 'Charlie Mutual Aid');
const DELTA = workspace('D', 'Delta Tenants Union');
const ECHO = workspace('E', 'Echo Faith Network');
const TRAVIS = { state: 'TX', fips: '48453' };
/** Commands run at the test clock's now (TEST_NOW, Tuesday 2026-11-24 15:00 UTC); these subscriptions just before. */
const SUBSCRIBED_AT = '2026-11-24T00:00:00.000Z';
/** The weekly Travis meeting (Tuesdays 9:00 Central, see addTravisMeeting): its reminder for Dec 1, then for Dec 8, is due by these. */
const REMINDER_DUE = '2026-11-28T15:00:00.000Z';
const NEXT_REMINDER_DUE = '2026-12-05T15:00:00.000Z';

let h: OAuthHarness;
beforeAll(async () => {
  h = await startOAuthHarness();
  addTravisMeeting(h.core.store);
});
afterAll(async () => h.stop());

const rawRow = (teamId: string) =>
  h.core.store.db.prepare('SELECT * FROM installations WHERE platform = ? AND workspace_id = ?').get('slack', teamId) as
    | { sealed: Buffer | null; installer_id: string | null; workspace_name: string | null; removed_reason: string | null }
    | undefined;

const postsWith = (token: string) => h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.token === token);

describe('Slack OAuth: installing in a workspace', () => {
  it('GIVEN the Add to Slack page THEN its button goes to Slack with our client id, every bot scope and a state the browser also holds', async () => {
    const page = await h.installPage();
    expect(page.status).toBe(200);
    expect(page.html).toContain('Add to Slack');
    expect(page.html).toContain('Añadir a Slack');
    expect(page.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(page.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read']));
    const state = page.authorizeUrl.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(page.cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('GIVEN Slack sends the browser back with a code THEN the code is exchanged and the installation is stored sealed, never in plain text', async () => {
    const result = await h.install(ACME);
    expect(result.status).toBe(200);
    // The browser asked for Spanish.
    expect(result.html).toContain('Sheriff Watch está instalado en Acme Organizers');
    const exchange = h.slack.calls.filter((c) => c.method === 'oauth.v2.access').at(-1)!;
    expect(exchange.args.client_id).toBe(CLIENT.clientId);
    expect(exchange.args.client_secret).toBe(CLIENT.clientSecret);
    const row = rawRow(ACME.teamId)!;
    expect(row.installer_id).toBe(ACME.installerId);
    expect(row.workspace_name).toBe(ACME.teamName);
    expect(row.sealed).toBeInstanceOf(Buffer);
    for (const encoding of ['utf8', 'latin1', 'base64', 'hex'] as const) {
      expect(row.sealed!.toString(encoding)).not.toContain(ACME.token);
      expect(row.sealed!.toString(encoding)).not.toContain(ACME.token.slice(5));
    }
    // The whole database file's pages: the token is nowhere in the installations table.
    const dump = h.core.store.db.prepare('SELECT * FROM installations').all();
    expect(JSON.stringify(dump)).not.toContain(ACME.token);
  });

  it('GIVEN a redirect whose state is not the one in the browser THEN nothing is exchanged or stored, and the page says to start again', async () => {
    const exchanges = h.slack.calls.filter((c) => c.method === 'oauth.v2.access').length;
    const result = await h.install(BRAVO, { state: 'forged-state' });
    expect(result.status).toBe(400);
    expect(result.html).toContain('Sheriff Watch no se instaló');
    expect(result.html).toContain('/slack/install');
    expect(h.slack.calls.filter((c) => c.method === 'oauth.v2.access')).toHaveLength(exchanges);
    expect(rawRow(BRAVO.teamId)).toBeUndefined();
  });

  it('GIVEN a second workspace THEN it installs beside the first, each with its own sealed token', async () => {
    expect((await h.install(BRAVO)).status).toBe(200);
    expect((await h.install(CHARLIE)).status).toBe(200);
    expect(rawRow(BRAVO.teamId)!.sealed!.equals(rawRow(ACME.teamId)!.sealed!)).toBe(false);
    expect(rawRow(BRAVO.teamId)!.installer_id).toBe(BRAVO.installerId);
  });
});

describe('Slack OAuth: each workspace answered with its own token', () => {
  it("GIVEN the installer's `/sheriff subscribe` in Acme THEN they manage the channel there, the lookup uses Acme's token, and the change names Acme", async () => {
    const answer = await h.command(ACME, 'subscribe Travis, TX meetings', ACME.installerId);
    expect(shown(answer)).toContain('Travis');
    const stored = h.core.store.subscriptions.forChannel('slack', ACME.channelId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.workspaceId).toBe(ACME.teamId);
    const history = h.core.store.db.prepare("SELECT workspace_id, workspace_name FROM change_log WHERE entity = 'subscription' ORDER BY id DESC LIMIT 1").get() as { workspace_id: string; workspace_name: string };
    expect(history).toEqual({ workspace_id: ACME.teamId, workspace_name: ACME.teamName });
  });

  it("GIVEN Acme's installer in Bravo THEN they are a plain member there: subscribe is refused, asked with Bravo's token", async () => {
    const answer = await h.command(BRAVO, 'subscribe Travis, TX meetings', ACME.installerId);
    expect(answer.response_type).toBe('ephemeral');
    expect(h.core.store.subscriptions.forChannel('slack', BRAVO.channelId)).toHaveLength(0);
    const lookup = h.slack.calls.filter((c) => c.method === 'users.info' && c.args.user === ACME.installerId).at(-1)!;
    expect(lookup.token).toBe(BRAVO.token);
  });

  it("GIVEN a Bravo admin THEN they manage Bravo's channels; a mention there is answered in the thread with Bravo's token", async () => {
    h.slack.users.set('U0BRAVOADMIN', { is_admin: true, team_id: BRAVO.teamId });
    const answer = await h.command(BRAVO, 'subscribe Travis, TX meetings', 'U0BRAVOADMIN');
    expect(answer.response_type).toBe('in_channel');
    await h.mention(BRAVO, 'Travis, TX', 'U0BRAVOMEMBER');
    const post = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === BRAVO.channelId);
    expect(post.token).toBe(BRAVO.token);
    expect(String(post.args.text)).toContain('Travis');
  });

  it('GIVEN reminders due in each workspace THEN each is posted with its own workspace token', async () => {
    subscribe(h.core.store, channel(CHARLIE.channelId, CHARLIE.teamId, 'slack'), TRAVIS, SUBSCRIBED_AT, ['meetings']);
    const scheduler = new Scheduler({ store: h.core.store, clock: new ManualClock(REMINDER_DUE), logger: silentLogger, senders: [h.bot.sender], hasCommand: () => true });
    await scheduler.tick();
    for (const ws of [ACME, BRAVO, CHARLIE]) {
      const posts = postsWith(ws.token).filter((c) => c.args.channel === ws.channelId && JSON.stringify(c.args.metadata ?? null).includes('sheriff_watch_delivery'));
      expect(posts, ws.teamName).toHaveLength(1);
    }
  });
});

describe('Slack OAuth: leaving', () => {
  it("GIVEN app_uninstalled from Acme THEN its tokens are deleted and its subscriptions paused; Bravo's stay and Bravo is still answered", async () => {
    await h.event(ACME, { type: 'app_uninstalled' });
    await expect.poll(() => rawRow(ACME.teamId)!.sealed).toBeNull();
    expect(rawRow(ACME.teamId)!.removed_reason).toBe('app_uninstalled');
    expect(rawRow(ACME.teamId)!.installer_id).toBe(ACME.installerId);
    const acme = h.core.store.subscriptions.forChannel('slack', ACME.channelId);
    expect(acme).toHaveLength(1);
    expect(acme[0]!.pausedAt).not.toBeNull();
    expect(acme[0]!.endedAt).toBeNull();
    expect(h.core.store.subscriptions.forChannel('slack', BRAVO.channelId)[0]!.pausedAt).toBeNull();
    // The change Acme's installer made stays on record.
    const made = h.core.store.db.prepare("SELECT COUNT(*) AS n FROM change_log WHERE workspace_id = ? AND action = 'created'").get(ACME.teamId) as { n: number };
    expect(made.n).toBe(1);
    // Acme can no longer be posted to; Bravo can.
    await expect(h.bot.sender.send(ACME.channelId, { status: 'ok', title: 'x', sections: [], notes: [] }, { key: 'after-uninstall', workspaceId: ACME.teamId })).rejects.toMatchObject({ reason: 'access_revoked' });
    const answer = await h.command(BRAVO, 'Travis, TX', 'U0BRAVOMEMBER');
    expect(shown(answer)).toContain('Travis');
  });

  it("GIVEN tokens_revoked THEN only the bot's own token counts: a user token revoked changes nothing, the bot's removes the workspace", async () => {
    for (const ws of [DELTA, ECHO]) {
      expect((await h.install(ws)).status).toBe(200);
      subscribe(h.core.store, channel(ws.channelId, ws.teamId, 'slack'), TRAVIS, SUBSCRIBED_AT, ['meetings']);
    }
    await h.event(DELTA, { type: 'tokens_revoked', tokens: { oauth: [DELTA.installerId] } });
    await h.event(ECHO, { type: 'tokens_revoked', tokens: { bot: [ECHO.botUserId] } });
    // Echo's event was sent after Delta's: once Echo is handled, Delta's has been too.
    await expect.poll(() => rawRow(ECHO.teamId)!.sealed).toBeNull();
    expect(rawRow(ECHO.teamId)!.removed_reason).toBe('tokens_revoked');
    expect(h.core.store.subscriptions.forChannel('slack', ECHO.channelId)[0]!.pausedReason).toBe('the bot was uninstalled from the workspace or its access was revoked');
    expect(rawRow(DELTA.teamId)!.sealed).not.toBeNull();
    expect(h.core.store.subscriptions.forChannel('slack', DELTA.channelId)[0]!.pausedAt).toBeNull();
    expect(shown(await h.command(DELTA, 'Travis, TX', 'U0DELTAMEMBER'))).toContain('Travis');
  });

  it("GIVEN Bravo's token revoked at Slack THEN its next reminder fails once, all of Bravo pauses and forgets the token, and Charlie's reminder is still posted", async () => {
    subscribe(h.core.store, channel('C0BSECOND', BRAVO.teamId, 'slack'), TRAVIS, SUBSCRIBED_AT, ['meetings']);
    h.slack.revoked.add(BRAVO.token);
    const bravoBefore = postsWith(BRAVO.token).length;
    const charlieBefore = postsWith(CHARLIE.token).length;
    const scheduler = new Scheduler({ store: h.core.store, clock: new ManualClock(NEXT_REMINDER_DUE), logger: silentLogger, senders: [h.bot.sender], hasCommand: () => true });
    await scheduler.tick();
    const bravo = [...h.core.store.subscriptions.forWorkspace('slack', BRAVO.teamId)];
    expect(bravo).toHaveLength(2);
    for (const s of bravo) expect(s.pausedReason).toBe('the bot was uninstalled from the workspace or its access was revoked');
    expect(postsWith(BRAVO.token).length - bravoBefore).toBeGreaterThanOrEqual(1);
    expect(rawRow(BRAVO.teamId)!.sealed).toBeNull();
    const charlie = postsWith(CHARLIE.token).slice(charlieBefore);
    expect(charlie.map((c) => c.args.channel)).toEqual([CHARLIE.channelId]);
    expect(h.core.store.subscriptions.forChannel('slack', CHARLIE.channelId)[0]!.pausedAt).toBeNull();
  });
});
