import { describe, expect, it } from 'vitest';
import { renderSpan as discordSpan } from '../../adapters/discord/render-markdown.ts';
import { normalizePhone } from '../../src/domain/phones.ts';
import { phoneSpans } from '../../src/present/phone-span.ts';
import { spanMrkdwn } from '../../adapters/slack/mrkdwn.ts';

describe('phone numbers', () => {
  it.each([
    ['229-482-3545', '(229) 482-3545', 'tel:+12294823545'], // GSA, as printed
    ['504.493.2896', '(504) 493-2896', 'tel:+15044932896'], // LSA, as printed
    ['(850) 410-7000 ext. 12', '(850) 410-7000 ext. 12', 'tel:+18504107000;ext=12'],
    ['+1 202 555 0100', '(202) 555-0100', 'tel:+12025550100'],
  ])('GIVEN "%s" THEN it is shown as %s with %s', (printed, display, tel) => {
    expect(normalizePhone(printed)).toEqual({ display, tel });
  });

  it.each(['555-1234', '123-456-7890', 'call the front desk'])('GIVEN "%s" (not a valid number) THEN it is shown as printed, unchecked, with no link', (printed) => {
    expect(normalizePhone(printed)).toEqual({ display: printed, tel: null });
    expect(phoneSpans(printed, 'en').map((s) => ('text' in s ? s.text : '')).join('')).toBe(`${printed} (as printed; not a valid US number)`);
  });

  it('GIVEN a valid number THEN Slack gets a tel: link and Discord (which cannot dial links) plain text', () => {
    const [span] = phoneSpans('229-482-3545', 'en');
    expect(spanMrkdwn(span!)).toBe('<tel:+12294823545|(229) 482-3545>');
    expect(discordSpan(span!)).toBe('(229) 482-3545');
  });
});
