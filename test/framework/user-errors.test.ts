import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/framework/types.ts';
import { LANGUAGES, t, type Language, type MessageKey, type Params } from '../../src/i18n/index.ts';
import { plain } from '../../src/reply.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

/**
 * One refusal of each family of error keys, asked in English and in Spanish: the runner writes
 * the message (and its first hint) from the catalog in the reader's language, once.
 */
interface Case {
  family: string;
  line: string;
  moderator?: boolean;
  where?: Conversation;
  code: string;
  key: MessageKey;
  params?: (language: Language) => Params;
  hint?: { key: MessageKey; params?: (language: Language) => Params };
}

const channel = (): Conversation => ({ platform: 'console', workspaceId: 'local', channelId: 'c-errors' });

const CASES: Case[] = [
  { family: 'parse', line: 'electons GA x', code: 'unknown_command', key: 'parse.unknown', params: () => ({ name: 'electons' }), hint: { key: 'parse.did-you-mean', params: () => ({ name: 'elections', usage: 'elections <state> [page <n>]' }) } },
  { family: 'place', line: 'sheriff Travis, Narnia', code: 'bad_state', key: 'place.bad-state', params: () => ({ text: 'Narnia' }), hint: { key: 'place.bad-state.hint' } },
  { family: 'run', line: 'approve 1', code: 'forbidden', key: 'run.moderators-only', hint: { key: 'run.moderators-only.hint', params: () => ({ command: 'approve' }) } },
  { family: 'moderation', line: 'position-set New Mexico detainers no https://www.tcso.org/', moderator: true, code: 'county_needed', key: 'moderation.which-county', params: () => ({ state: 'New Mexico' }), hint: { key: 'moderation.which-county.help' } },
  {
    family: 'event',
    line: 'election-add Travis, TX kind:general date:2028-13-45 source:https://www.votetravis.gov/',
    moderator: true,
    code: 'bad_date',
    key: 'event.not-date',
    // The field's name is itself a catalog entry, translated with the message.
    params: (language) => ({ what: t(language, 'field.election date') }),
    hint: { key: 'event.not-date.help' },
  },
  { family: 'meeting', line: 'meeting-change 999 time:10:00 source:https://www.traviscountytx.gov/', moderator: true, code: 'not_found', key: 'meeting.not-found', params: () => ({ id: '999' }), hint: { key: 'meeting.check-number' } },
  { family: 'review', line: 'approve 999', moderator: true, code: 'not_found', key: 'review.not-found', params: () => ({ id: 999 }), hint: { key: 'review.not-found.help' } },
  { family: 'subs', line: 'subscribe Travis, TX', where: channel(), code: 'forbidden', key: 'subs.forbidden', hint: { key: 'subs.forbidden.help', params: () => ({ command: '`subscribe`' }) } },
  { family: 'unsub', line: 'unsubscribe', moderator: true, where: channel(), code: 'not_subscribed', key: 'unsub.none', hint: { key: 'unsub.none.help' } },
  { family: 'help', line: 'help nope', code: 'unknown_command', key: 'help.unknown', params: () => ({ name: 'nope' }), hint: { key: 'help.unknown.hint' } },
  { family: 'holder-remove', line: 'holder-remove Travis, TX #1 wrong record', moderator: true, code: 'no_such_record', key: 'holder-remove.no-record', params: () => ({ place: 'Travis County, TX', id: 1 }) },
];

async function refusal(test: Case, language: Language) {
  const chat = conversation({ store: loadedStore(), moderator: test.moderator ?? false, locale: language, ...(test.where ? { conversation: test.where } : {}) });
  const { reply } = await chat.ask(test.line);
  return { reply, lines: (reply.intro ?? []).map(plain) };
}

describe('user errors are written from the catalogs in the reader\'s language', () => {
  it.each(CASES.flatMap((test) => LANGUAGES.map((language) => [test.family, language, test] as const)))(
    'GIVEN a %s refusal asked in %s THEN its title and hint are the catalog\'s messages in that language',
    async (_family, language, test) => {
      const { reply, lines } = await refusal(test, language);
      expect(reply.status).toBe('user_error');
      expect(reply.errorCode).toBe(test.code);
      expect(reply.title).toBe(t(language, test.key, test.params?.(language)));
      if (test.hint) expect(lines[0]).toBe(t(language, test.hint.key, test.hint.params?.(language)));
      for (const line of [reply.title, ...lines]) expect(line).not.toMatch(/\{[a-z0-9-]+\}/i);
    },
  );

  it('GIVEN each family THEN the Spanish refusal is not the English one', async () => {
    for (const test of CASES) {
      const [english, spanish] = await Promise.all([refusal(test, 'en'), refusal(test, 'es')]);
      expect(spanish.reply.title, test.family).not.toBe(english.reply.title);
    }
  });

  it('GIVEN a refusal whose parameter is a list THEN it is joined in the reader\'s language (the kinds stay as typed)', async () => {
    const store = loadedStore({ fresh: true });
    const where = channel();
    for (const [language, expected] of [['en', 'elections or meetings'], ['es', 'elections ni meetings']] as const) {
      const chat = conversation({ store, moderator: true, locale: language, conversation: where });
      await chat.ask('subscribe Travis, TX positions');
      const { reply } = await chat.ask('unsubscribe Travis, TX elections meetings');
      expect(reply.errorCode).toBe('not_subscribed');
      expect(reply.title).toContain(expected);
    }
  });
});
