import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createChannelSender, NONCE_DEDUPE_WINDOW_MS } from '../../../adapters/discord/channel-sender.ts';
import type { DiscordMessage } from '../../../adapters/discord/render-embed.ts';

describe('Discord channel sender', () => {
  it('GIVEN the Discord sender THEN it declares the nonce window, so the scheduler resends an interrupted post only within it', async () => {
    const bodies: unknown[] = [];
    const rest = { post: async (_route: string, options: { body: unknown }) => (bodies.push(options.body), { id: `m${bodies.length}` }) } as unknown as REST;
    const render = (): DiscordMessage => ({ parts: [{ title: 'Reminder' }], components: [], files: [] }) as unknown as DiscordMessage;
    const sender = createChannelSender(rest, render);
    expect(sender.dedupeWindowMs).toBe(NONCE_DEDUPE_WINDOW_MS);
    expect(NONCE_DEDUPE_WINDOW_MS).toBeLessThanOrEqual(5 * 60_000);
    await sender.send('c1', { status: 'ok', title: 'x', sections: [], notes: [] }, { key: 'r-1' });
    expect(bodies[0]).toMatchObject({ nonce: 'r-1', enforce_nonce: true, allowed_mentions: { parse: [] } });
  });
});
