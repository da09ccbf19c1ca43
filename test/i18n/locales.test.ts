import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUBRIC } from '../../src/domain/rubric.ts';
import { catalog, LANGUAGES, t } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';

const placeholders = (message: string) => [...message.matchAll(/\{([a-z0-9-]+)\}/gi)].map((m) => m[1]).sort();

describe('locales', () => {
  it.each(LANGUAGES)('GIVEN the %s catalog THEN it has every English key, non-empty, with the same placeholders', (language) => {
    const messages = catalog(language);
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(messages[key], key).toBeTruthy();
      expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  it('GIVEN a missing parameter THEN the placeholder stays visible instead of printing "undefined"', () => {
    expect(t('en', 'call.phone')).toBe('Phone: {phone}');
  });
});

/** The README's rubric table, as the code defines it (English). */
function rubricTable(): string {
  const rows = RUBRIC.map((row) => {
    const value = row.value === '*' ? 'any model' : row.value;
    return `| \`${row.topic}\` | ${value} | ${en[row.verdict]} | ${en[row.ask]} |`;
  });
  return ['| topic | recorded value | verdict | ask |', '|---|---|---|---|', ...rows].join('\n');
}

describe('rubric documentation', () => {
  it('GIVEN the rubric in code THEN the README documents exactly that table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /<!-- rubric:start -->\n([\s\S]*?)\n<!-- rubric:end -->/.exec(readme)?.[1];
    expect(section, 'README needs the rubric between <!-- rubric:start --> and <!-- rubric:end -->').toBe(rubricTable());
  });
});

describe('language command', () => {
  it('GIVEN a moderator sets Spanish for a channel THEN that channel answers in Spanish and others stay English', async () => {
    const { conversation } = await import('../helpers/conversation.ts');
    const { loadedStore } = await import('../helpers/store.ts');
    const store = loadedStore({ fresh: true });
    const where = (channelId: string) => ({ platform: 'slack' as const, workspaceId: 'T1', channelId });
    const moderator = conversation({ store, moderator: true, conversation: where('C-es') });
    const set = await moderator.ask('language es');
    expect(set.text).toContain('Este canal ahora recibe las respuestas en español.');
    expect((await moderator.ask('status Travis, TX')).text).toContain('== Situación de Travis County, Texas ==');
    const other = conversation({ store, conversation: where('C-other') });
    expect((await other.ask('status Travis, TX')).text).toContain('== Status of Travis County, Texas ==');
  });

  it('GIVEN a server-wide setting and a channel override THEN the channel wins', async () => {
    const { conversation } = await import('../helpers/conversation.ts');
    const { loadedStore } = await import('../helpers/store.ts');
    const store = loadedStore({ fresh: true });
    const where = (channelId: string) => ({ platform: 'discord' as const, workspaceId: 'G1', channelId });
    await conversation({ store, moderator: true, conversation: where('a') }).ask('language es server');
    await conversation({ store, moderator: true, conversation: where('b') }).ask('language en');
    expect((await conversation({ store, conversation: where('a') }).ask('call Travis, TX')).text).toContain('-- Qué decir');
    expect((await conversation({ store, conversation: where('b') }).ask('call Travis, TX')).text).toContain('-- What to say');
  });

  it('GIVEN a member who is not a moderator THEN the language cannot be changed', async () => {
    const { conversation } = await import('../helpers/conversation.ts');
    const { reply } = await conversation({ conversation: { platform: 'discord', workspaceId: 'G1', channelId: 'c' } }).ask('language es');
    expect(reply.errorCode).toBe('forbidden');
  });
});
