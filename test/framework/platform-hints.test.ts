/**
 * Grammar mistakes are answered with the command as the reader types it where they are:
 * `/sheriff …` on Slack, the plain line in the console.
 */
import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';
import type { Conversation } from '../../src/framework/types.ts';

const slack: Conversation = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
const console_: Conversation = { platform: 'console', workspaceId: 'local', channelId: 'console' };

const hintsOf = async (where: Conversation, line: string, locale?: string) => {
  const { reply } = await conversation({ conversation: where, ...(locale ? { locale } : {}) }).ask(line);
  return { code: reply.errorCode, hints: (reply.intro ?? []).map((l) => l.map((s) => ('text' in s ? s.text : '')).join('')) };
};

describe('grammar hints in the platform syntax', () => {
  it.each([
    ['about please now', 'bad_arguments', 'Usage: `/sheriff about'],
    ['electons GA x', 'unknown_command', 'Usage: `/sheriff elections <state>'],
    ['elections', 'missing_argument', 'Example: `/sheriff elections'],
  ])('GIVEN %s on Slack THEN the usage line starts with /sheriff', async (line, code, phrase) => {
    const { code: got, hints } = await hintsOf(slack, line);
    expect(got).toBe(code);
    expect(hints.join('\n')).toContain(phrase);
  });

  it('GIVEN the same mistake in the console THEN the usage line is the plain command', async () => {
    const { hints } = await hintsOf(console_, 'about please now');
    expect(hints.join('\n')).toContain('Usage: `about');
    expect(hints.join('\n')).not.toContain('/sheriff');
  });

  it('GIVEN a Spanish reader on Slack THEN the hint is Spanish and the command is still /sheriff …', async () => {
    const { hints } = await hintsOf(slack, 'about please now', 'es');
    expect(hints.join('\n')).toContain('`/sheriff about');
    expect(hints.join('\n')).not.toContain('Usage:');
  });
});
