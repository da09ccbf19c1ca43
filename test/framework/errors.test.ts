import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/user-error.ts';
import { LANGUAGES, msg, t, type Language } from '../../src/i18n/index.ts';
import { plain } from '../../src/reply.ts';

const rejectChoice = { label: msg('pending.reject', { id: 7 }), invocation: { command: 'reject', args: { id: 7, reason: msg('review.reject.reason') } } };

describe('UserError: a key and parameters, translated when the reply is made', () => {
  it('GIVEN one error THEN English and Spanish readers each get the catalog text, hints and choices in their language', () => {
    const error = new UserError('unchanged', 'review.unchanged', { id: 7 }, [msg('review.not-found.help')], [rejectChoice]);
    expect(error.message).toBe(t('en', 'review.unchanged', { id: 7 }));
    for (const language of LANGUAGES) {
      const reply = error.toReply(language);
      expect(reply).toMatchObject({ status: 'user_error', errorCode: 'unchanged', title: t(language, 'review.unchanged', { id: 7 }) });
      expect(reply.intro!.map(plain)).toEqual([t(language, 'review.not-found.help')]);
      expect(reply.choices).toEqual([{ label: t(language, 'pending.reject', { id: 7 }), invocation: { command: 'reject', args: { id: 7, reason: t(language, 'review.reject.reason') } } }]);
    }
    expect(error.toReply('es').title).not.toBe(error.toReply('en').title);
  });

  it('GIVEN text a domain error words itself THEN it is written only when the reader is known', () => {
    const asked: Language[] = [];
    const error = new UserError('bad_value', 'moderation.invalid', {}, [(language) => (asked.push(language), `in ${language}`)]);
    expect(asked).toEqual([]);
    expect(error.toReply('es').intro!.map(plain)).toEqual(['in es']);
    expect(asked).toEqual(['es']);
  });

  it('GIVEN an error written in a fixed language THEN every reader gets that language, also after its choices change', () => {
    const error = new UserError('no_conversation', 'language.no-channel', {}, [msg('language.no-channel.help')]).writtenIn('es');
    expect(error.toReply('en').title).toBe(error.toReply('es').title);
    expect(error.withChoices([rejectChoice]).toReply('en').title).toBe(error.toReply('es').title);
    expect(new UserError('no_conversation', 'language.no-channel').toReply('en').title).not.toBe(error.toReply('en').title);
  });
});
