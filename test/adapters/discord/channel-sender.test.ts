import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createChannelSender, NONCE_DEDUPE_WINDOW_MS } from '../../../adapters/discord/channel-sender.ts';
import type { DiscordMessage } from '../../../adapters/discord/render-embed.ts';

describe('Discord channel sender', () => {
  it('GIVEN a post for a Spanish channel THEN the adapter\'s own words (paging buttons) are Spanish', async () => {
    const { renderReply } = await import('../../../adapters/discord/render-embed.ts');
    const { createCustomIds } = await import('../../../adapters/discord/custom-id.ts');
    const bodies: { components?: { components: { label: string }[] }[] }[] = [];
    const rest = { post: async (_route: string, options: { body: never }) => (bodies.push(options.body), { id: 'm1' }) } as unknown as REST;
    const ids = createCustomIds(Buffer.from('secret'));
    const sender = createChannelSender(rest, (reply, language) => renderReply(reply, ids, language));
    const reply = {
      status: 'ok' as const, title: 'x', sections: [], notes: [],
      paging: { page: 1, pages: 2, invocation: { command: 'positions', args: { topic: '287g', state: 'TX' } } },
    };
    await sender.send('c1', reply, { key: 'k-es', language: 'es' });
    await sender.send('c1', reply, { key: 'k-en' });
    const labels = bodies.map((b) => b.components?.[0]?.components.map((c) => c.label));
    expect(labels[0]).not.toEqual(labels[1]);
    expect(labels[1]).toEqual(['◀ Previous', 'Next ▶']);
  });

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
