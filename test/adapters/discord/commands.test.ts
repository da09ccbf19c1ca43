/**
 * Every core command through the real discord.js client and the fake Discord, on the
 * shipped data: the facts in the embeds, not snapshots of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/commands/index.ts';
import { parseCommandLine } from '../../../src/framework/parse.ts';
import { PAGE_SIZE } from '../../../src/framework/paging.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { InteractionOptions } from '../../helpers/fake-discord/index.ts';
import { MEMBER_PERMISSIONS, PERMISSIONS } from '../../helpers/fake-discord/index.ts';
import { agreementsInState } from '../../../src/queries/agreements.ts';
import type { Reply, Rich } from '../../../src/reply.ts';
import { createCustomIds, customIdSecret } from '../../../adapters/discord/custom-id.ts';
import { renderReply } from '../../../adapters/discord/render-embed.ts';
import { loadedStore } from '../../helpers/store.ts';
import { dateStamp, embedText, EPHEMERAL, messageOf, startHarness, type Embed, type Harness } from './harness.ts';

/** The core's commands, each recording the reply its handler returned (run once, by the bot). */
let lastReply: Reply | undefined;
const spied = new CommandRegistry(
  createRegistry().all().map((command) => ({
    ...command,
    handler: async (ctx, args) => {
      lastReply = undefined;
      const reply = await command.handler(ctx, args);
      lastReply = reply;
      return reply;
    },
  })),
);

const recorded = (): Reply | undefined => lastReply;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ registry: spied });
});
afterAll(() => h?.stop());

/** Sends the command; resolves with the reply and any follow-ups that continue it. */
async function ask(name: string, values: Record<string, string | number>, options: InteractionOptions = {}) {
  lastReply = undefined;
  const sent = h.fake.sendCommand(name, values, options);
  let call = await sent.callback;
  let message = messageOf(call);
  if ((call.body as { type: number }).type === 5) {
    // Deferred (a slow first answer, e.g. the first map): the answer is the edit of the original message.
    call = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${h.fake.applicationId}/${sent.token}/messages/@original`);
    message = call.body as typeof message;
  }
  const reply = recorded();
  const parts = reply ? renderReply(reply, createCustomIds(customIdSecret(h.fake.token))).parts.length : 1;
  const more = parts > 1 ? await h.fake.followUps(sent, parts - 1) : [];
  const embeds = [message.embeds[0]!, ...more.map((c) => (c.body as { embeds: Embed[] }).embeds[0]!)];
  for (const m of [message, ...more.map((c) => c.body as { allowed_mentions: unknown })]) expect(m.allowed_mentions).toEqual({ parse: [] });
  return { call, message, reply, embed: embeds[0]!, embeds, text: embeds.map(embedText).join('\n') };
}

const field = (embed: Embed, name: string) => embed.fields?.find((f) => f.name === name)?.value ?? '';

describe('Discord: each command answers with the facts', () => {
  it('GIVEN /sheriff Autauga AL THEN the card shows the sheriff, FIPS, each 287(g) model with its date and MOA link, and the next election', async () => {
    const { embed, message } = await ask('sheriff', { county: 'Autauga', state: 'AL' });
    expect(message.flags ?? 0).toBe(0);
    expect(embed.title).toBe('Sheriff of Autauga County, Alabama');
    expect(embed.description).toContain('FIPS 01001');
    expect(field(embed, 'Name')).toBe('**Mark Harrell**');
    const agreements = field(embed, '287(g) agreements with ICE');
    for (const model of ['Jail Enforcement Model', 'Task Force Model', 'Warrant Service Officer']) {
      expect(agreements).toContain(`**${model}** — signed ${dateStamp('2025-09-22')}`);
    }
    expect(agreements).toMatch(/\[agreement \(MOA\)\]\(https:\/\/www\.ice\.gov\/doclib\/287gMOA\/AutaugaCo\S+\.pdf\)/);
    expect(field(embed, 'Other policies')).toContain('Holds people on ICE detainers without a judicial warrant: *unknown*');
    // Alabama elects sheriffs in midterm years; the test clock is after the 2026 election.
    expect(field(embed, 'Election')).toContain(`**Next regular sheriff election:** ${dateStamp('2030-11-05')}`);
  });

  it('GIVEN /positions 287g TX THEN it counts Texas offices from the data and pages them 15 at a time', async () => {
    const { sheriffs, others } = agreementsInState(loadedStore(), 'TX');
    const { embed, message } = await ask('positions', { topic: '287g', state: 'TX' });
    expect(embed.title).toBe('287(g) agreements in Texas');
    expect(embed.description).toContain(`${sheriffs.length} of 254 sheriff's offices have a 287(g) agreement with ICE`);
    expect(embed.description).toContain(`**${sheriffs[0]!.jurisdiction.name}** — `);
    expect(embed.description).not.toContain(`**${sheriffs[PAGE_SIZE]!.jurisdiction.name}** — `);
    const pages = Math.ceil((sheriffs.length + others.length) / PAGE_SIZE);
    expect(embed.footer?.text).toContain(`Page 1 of ${pages}`);
    expect(message.components?.[0]?.components.map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶']);
  });

  it('GIVEN /positions 287g TX from a Spanish client THEN the answer, the page footer and the buttons are Spanish', async () => {
    const { sheriffs, others } = agreementsInState(loadedStore(), 'TX');
    const { embed, message } = await ask('positions', { topic: '287g', state: 'TX' }, { locale: 'es-419' });
    expect(embed.title).toBe('Acuerdos 287(g) en Texas');
    expect(embed.description).toContain(`${sheriffs.length} de 254 oficinas del sheriff tienen un acuerdo 287(g) con ICE`);
    expect(embed.footer?.text).toContain(`Página 1 de ${Math.ceil((sheriffs.length + others.length) / PAGE_SIZE)}`);
    expect(message.components?.[0]?.components.map((b) => b.label)).toEqual(['◀ Anterior', 'Siguiente ▶']);
  });

  it('GIVEN /election Travis TX THEN the next sheriff election is the 2028 general, as a Discord date', async () => {
    const { embed } = await ask('election', { county: 'Travis', state: 'TX' });
    expect(embed.title).toBe('Sheriff election: Travis County, Texas');
    expect(embed.description).toContain(dateStamp('2028-11-07'));
    expect(embed.description).toContain('Computed from state law');
  });

  it('GIVEN /elections GA THEN every Georgia county is in the 2028 group', async () => {
    const { embed } = await ask('elections', { state: 'GA' });
    expect(embed.title).toBe('Sheriff elections in Georgia');
    expect(loadedStore().jurisdictions.inState('GA')).toHaveLength(159);
    expect(embed.description).toContain(`${dateStamp('2028-11-07')} — all 159 counties`);
  });

  it('GIVEN /help and /help positions THEN every command is listed, and one command shows its usage', async () => {
    const all = await ask('help', {});
    for (const command of createRegistry().all().filter((c) => c.permission === 'everyone')) {
      expect(all.embed.description).toContain(`\`${command.name}`);
    }
    const one = await ask('help', { command: 'positions' });
    expect(one.embed.title).toBe('help: positions');
    expect(one.embed.description).toContain('**Usage**');
    expect(one.embed.description).toContain('`positions 287g TX`');
  });

  it('GIVEN /about THEN every loaded dataset is listed with its version and row count, continued in follow-ups when long', async () => {
    const { embeds, text } = await ask('about', {});
    const loaded = loadedStore().imports.latestOfEach();
    expect(loaded.length).toBeGreaterThan(20);
    expect(embeds.length).toBeGreaterThan(1);
    expect(embeds[1]!.title).toBe('About Sheriff Watch (continued)');
    for (const record of loaded) expect(text).toContain(`(${record.version}) — ${record.rowsRead} rows read`);
    expect(text).not.toContain('shortened to fit');
  });

  it("GIVEN every command's documented examples THEN each Discord answer carries the core reply's title, labels, dates, links and files", async () => {
    // A moderator who manages a channel of its own, so examples that change settings may run and change only there.
    const where: InteractionOptions = {
      channelId: '220000000000000009',
      member: { id: '300000000000000010', permissions: MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD | PERMISSIONS.MANAGE_CHANNELS },
    };
    const registry = createRegistry();
    for (const command of registry.all()) {
      for (const example of command.examples) {
        const { args } = parseCommandLine(registry, example);
        const values = Object.fromEntries(Object.entries(args).filter((e): e is [string, string | number] => e[1] !== undefined));
        const { call, embed, embeds, message, reply, text: shown } = await ask(command.name, values, where);
        if (!reply) throw new Error(`${example}: the handler did not answer (${embed.title})`);
        expect(reply.status, example).toBe('ok');
        expect(embed.title, example).toBe(reply.title);
        expect(message.flags ?? 0, example).toBe(0);
        const lines: Rich[] = [...(reply.intro ?? []), ...reply.sections.flatMap((s) => [...(s.lines ?? []), ...(s.items ?? []), ...(s.fields ?? []).map((f) => f.value)]), ...reply.notes];
        const names = embeds.flatMap((e) => e.fields?.map((x) => x.name) ?? []);
        for (const section of reply.sections) for (const f of section.fields ?? []) expect(names, example).toContain(f.label);
        for (const span of lines.flat()) {
          if (span.kind === 'date') expect(shown, example).toContain(dateStamp(span.date));
          if (span.kind === 'link' && /^https?:/.test(span.url)) expect(shown, example).toContain(span.url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')));
        }
        expect(call.files.map((f) => f.filename), example).toEqual((reply.attachments ?? []).map((a) => a.filename));
      }
    }
  });

  it('GIVEN an unknown county THEN the error is ephemeral and says what to do', async () => {
    const { embed, message } = await ask('sheriff', { county: 'Nowhereville', state: 'TX' });
    expect(message.flags).toBe(EPHEMERAL);
    expect(embed.title).toBe('No county called "Nowhereville" in Texas');
    expect(embed.description).toMatch(/spelling|closest|Did you mean/);
  });
});
