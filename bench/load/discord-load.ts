/**
 * The Discord half of the load: lookups (/sheriff on a random county), pages (/positions 287g
 * or /elections for a state, the first page) and button presses (Next/Previous, or a choice,
 * on an earlier answer), each from a random member of a random server, on its server's shard.
 */
import type { FakeDiscord, RestCall } from '../../test/helpers/fake-discord/index.ts';
import type { SentInteraction } from '../../test/helpers/fake-discord/interactions.ts';
import type { Jurisdiction } from '../../src/domain/types.ts';
import { INTERNAL_ERROR, PAGED_STATES, within, type Kind, type Outcome } from './paced.ts';
import { seededRandom } from './seed.ts';


interface Button {
  customId: string;
  message: Record<string, unknown>;
  guildId: string;
}

interface CallbackBody {
  type: number;
  data?: { flags?: number; embeds?: { title?: string }[]; components?: { components?: { custom_id?: string; disabled?: boolean }[] }[] };
}

export function discordLoad(fake: FakeDiscord, places: readonly Jurisdiction[]): (i: number) => Promise<Outcome> {
  const random = seededRandom(7);
  const buttons: Button[] = [];
  const guilds = fake.guilds;

  /** The callback, or, after a defer (5, 6), the edit of the original answer that follows. */
  async function answer(kind: Kind, sent: SentInteraction, guildId: string): Promise<Outcome> {
    const call = await sent.callback;
    let final: RestCall = call;
    const body = call.body as CallbackBody;
    if (body.type === 5 || body.type === 6) {
      const original = `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`;
      final = await fake.waitForCall((c) => c.method === 'PATCH' && c.path === original && c.status < 300);
    }
    const ms = final.receivedAt - sent.sentAt;
    const data = (final === call ? body.data : (final.body as CallbackBody['data'])) ?? {};
    const text = JSON.stringify(data);
    if (text.includes(INTERNAL_ERROR)) return { kind, ms, error: data.embeds?.[0]?.title ?? INTERNAL_ERROR };
    if ((data.flags ?? 0) & 64) return { kind, ms, refused: data.embeds?.[0]?.title ?? text.slice(0, 120) };
    for (const row of data.components ?? []) {
      for (const button of row.components ?? []) {
        if (button.custom_id && !button.disabled) buttons.push({ customId: button.custom_id, message: data as Record<string, unknown>, guildId });
      }
    }
    if (buttons.length > 500) buttons.splice(0, buttons.length - 500);
    return { kind, ms };
  }

  return (i) => {
    const guild = guilds[random(guilds.length)]!;
    const options = { guildId: guild.id, channelId: guild.channelIds[random(3)]!, member: { id: String(400_000_000_000_000_000n + BigInt(random(50_000))), roles: [guild.roles[1]!.id] } };
    const roll = i % 4;
    if (roll === 3 && buttons.length) {
      const button = buttons[random(buttons.length)]!;
      const owner = guilds.find((g) => g.id === button.guildId)!;
      const sent = fake.clickButton(button.customId, button.message, { ...options, guildId: owner.id, channelId: owner.channelIds[0]! });
      return within('button', answer('button', sent, owner.id));
    }
    if (roll >= 2) {
      const state = PAGED_STATES[random(PAGED_STATES.length)]!;
      const sent = random(3) === 0 ? fake.sendCommand('elections', { state }, options) : fake.sendCommand('positions', { topic: '287g', state }, options);
      return within('page', answer('page', sent, guild.id));
    }
    const place = places[random(places.length)]!;
    return within('lookup', answer('lookup', fake.sendCommand('sheriff', { county: place.name, state: place.state }, options), guild.id));
  };
}
