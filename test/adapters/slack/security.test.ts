import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { formBody, nowSeconds, postSigned, slackSignature, slashCommand } from '../../helpers/fake-slack/index.ts';
import { blockTexts, coreApp, SECRET, startHarness, type Answer, type Harness } from './harness.ts';

/** The core, counting how often a handler asked it for a command context. */
function countingCore(): { core: App; contexts: () => number } {
  const base = coreApp();
  let contexts = 0;
  const core: App = {
    ...base,
    contextFor: (caller, where) => {
      contexts += 1;
      return base.contextFor(caller, where);
    },
  };
  return { core, contexts: () => contexts };
}

/** Every piece of text Slack would process: all text objects and the fallback. */
const everything = (answer: Answer): string[] => [...blockTexts(answer), answer.text ?? ''];

function mrkdwnObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnObjects);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  return o.type === 'mrkdwn' ? [o] : Object.values(o).flatMap(mrkdwnObjects);
}

describe('Slack HTTP receiver: request signatures', () => {
  let h: Harness;
  let counting: ReturnType<typeof countingCore>;
  beforeAll(async () => {
    counting = countingCore();
    h = await startHarness({ mode: 'http', core: counting.core });
  });
  afterAll(async () => h.stop());

  it('GIVEN a wrong, a missing and a stale signature THEN each gets 401 and no handler runs; a good one is answered', async () => {
    const bad = [h.slack.responseUrl(), h.slack.responseUrl(), h.slack.responseUrl()];
    const body = (url: string) => formBody(slashCommand({ text: 'Autauga, AL', response_url: url }));
    const wrong = await postSigned(h.eventsUrl, 'not-the-secret', body(bad[0]!));
    const missing = await postSigned(h.eventsUrl, SECRET, body(bad[1]!), { signature: null });
    const staleTs = nowSeconds() - 6 * 60;
    const stale = await postSigned(h.eventsUrl, SECRET, body(bad[2]!), { timestamp: staleTs, signature: slackSignature(SECRET, staleTs, body(bad[2]!)) });
    expect([wrong.status, missing.status, stale.status]).toEqual([401, 401, 401]);

    const good = h.slack.responseUrl();
    const ok = await postSigned(h.eventsUrl, SECRET, body(good));
    expect(ok.status).toBe(200);
    expect((await h.slack.responseTo(good)).body.response_type).toBe('in_channel');
    expect(counting.contexts()).toBe(1);
    expect(h.slack.responses.filter((r) => bad.includes(r.url))).toEqual([]);
  });

  it('GIVEN a body changed after signing THEN it is refused with 401', async () => {
    const url = h.slack.responseUrl();
    const ts = nowSeconds();
    const signed = formBody(slashCommand({ text: 'Autauga, AL', response_url: url }));
    const res = await postSigned(h.eventsUrl, SECRET, signed.replace('Autauga', 'Baldwin'), { timestamp: ts, signature: slackSignature(SECRET, ts, signed) });
    expect(res.status).toBe(401);
  });

  it('GIVEN GET /healthz THEN 200 without a signature; other paths are 404', async () => {
    const health = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(h.eventsUrl.replace('/slack/events', '/nope'))).status).toBe(404);
  });
});

describe('Slack: nothing typed or stored can ping anyone', () => {
  let h: Harness;
  beforeAll(async () => {
    const core = coreApp();
    const office = core.store.offices.sheriffOf('01001');
    core.db.prepare('UPDATE office_holders SET name = ?, name_as_printed = ? WHERE office_id = ?')
      .run('<!everyone> Bob <@U999> & co @here', '<!channel>', office!.id);
    h = await startHarness({ mode: 'http', core });
  });
  afterAll(async () => h.stop());

  const pings = /<!(channel|here|everyone)|<@U|<!subteam|<#C|(^|[^\u2060])@(channel|here|everyone)/;

  it('GIVEN mentions, a link and an ampersand typed into the command THEN they come back escaped, as typed', async () => {
    const answer = await h.command('<!channel> @here <@U123> <https://evil.example|click> & friends');
    expect(answer.response_type).toBe('ephemeral');
    for (const text of everything(answer)) expect(text).not.toMatch(pings);
    const all = everything(answer).join('\n');
    expect(all).toContain('&lt;!channel&gt; @\u2060here &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; friends');
    expect(all).not.toContain('&amp;lt;');
    expect(mrkdwnObjects(answer.blocks).every((o) => o.verbatim === true)).toBe(true);
  });

  it('GIVEN a stored sheriff name full of mentions THEN the card shows it escaped and pings nobody', async () => {
    const answer = await h.command('Autauga, AL');
    expect(answer.response_type).toBe('in_channel');
    for (const text of everything(answer)) expect(text).not.toMatch(pings);
    const all = everything(answer).join('\n');
    expect(all).toContain('*&lt;!everyone&gt; Bob &lt;@U999&gt; &amp; co @\u2060here*');
    expect(all).toContain('(printed as "&lt;!channel&gt;")');
  });

  it('GIVEN a command name with a mention THEN the error title is escaped too', async () => {
    const answer = await h.command('help <!here>');
    for (const text of everything(answer)) expect(text).not.toMatch(pings);
    expect(everything(answer).join('\n')).toContain('&lt;!here&gt;');
  });
});
