import { describe, expect, it } from 'vitest';
import { decodeInvocation } from '../../../adapters/slack/actions.ts';
import { truncate } from '../../../adapters/slack/limits.ts';
import { renderBlocks } from '../../../adapters/slack/render-blocks.ts';
import { date, link, text, time, type Reply } from '../../../src/reply.ts';
import { blockKitProblems } from '../../helpers/fake-slack/index.ts';
import { blockTexts, buttons, dateToken, shown } from './harness.ts';

const commandLine = (inv: { command: string; args: Record<string, string | number> }) =>
  `/sheriff ${inv.command} ${Object.values(inv.args).join(' ')}`;
const render = (reply: Reply) => renderBlocks(reply, { commandLine });

const ok = (rest: Partial<Reply>): Reply => ({ status: 'ok', title: 'Title', sections: [], notes: [], ...rest });

describe('Slack renderer: dates, times and links', () => {
  it('GIVEN a date span THEN it becomes a date token at 17:00 UTC on that day, with the ISO date as fallback', () => {
    const { blocks } = render(ok({ intro: [[text('Election: '), date('2028-11-07')]] }));
    expect(shown({ blocks })).toContain('Election: <!date^1857229200^{date_short_pretty}|2028-11-07>');
    // 17:00 UTC is still that date from Hawaii (UTC-10) to Maine (UTC-5).
    expect(new Date(1857229200 * 1000).toISOString()).toBe('2028-11-07T17:00:00.000Z');
    expect(dateToken('2028-11-07')).toBe('<!date^1857229200^{date_short_pretty}|2028-11-07>');
  });

  it('GIVEN a time span THEN it becomes a date-and-time token with the local time where it happens as fallback', () => {
    const { blocks, text: fallback } = render(ok({ intro: [[text('Meeting '), time('2026-12-01T15:00:00Z', 'America/Chicago')]] }));
    expect(shown({ blocks })).toContain('Meeting <!date^1796137200^{date_short_pretty} {time}|2026-12-01 09:00 CST>');
    expect(fallback).toContain('Meeting 2026-12-01 09:00 CST');
  });

  it('GIVEN a malformed date or time THEN it is shown as escaped text, not a broken token', () => {
    const { blocks } = render(ok({ intro: [[date('2028-13-45<x>')], [time('soon', 'Mars/Base')]] }));
    const all = shown({ blocks });
    expect(all).not.toContain('<!date');
    expect(all).toContain('2028-13-45&lt;x&gt;');
    expect(all).toContain('soon');
  });

  it('GIVEN links THEN http(s) URLs become <url|label> with the label escaped, and other schemes stay text', () => {
    const { blocks } = render(ok({
      intro: [[link('Sheriff <b> & "office"', 'https://example.org/a?x=1&y=2|z')], [link('run me', 'javascript:alert(1)')], [link('ping', '!channel')]],
    }));
    const all = shown({ blocks });
    expect(all).toContain('<https://example.org/a?x=1&amp;y=2%7Cz|Sheriff &lt;b&gt; &amp; "office">');
    expect(all).toContain('run me');
    expect(all).not.toContain('javascript:');
    expect(all).not.toContain('<!channel');
  });

  it('GIVEN styled text with outer spaces THEN the markers hug the words so Slack renders them', () => {
    const { blocks } = render(ok({ intro: [[text('Next: ', 'bold'), text('unknown ', 'italic'), text('a`b', 'code')]] }));
    expect(shown({ blocks })).toContain('*Next:* _unknown_ `aˋb`');
  });
});

describe('Slack renderer: layout', () => {
  it('GIVEN an ok reply THEN header, intro section, fields section, context notes, and a fallback text', () => {
    const message = render(ok({
      title: 'Sheriff of Travis County, Texas',
      intro: [[text('FIPS 48453')]],
      sections: [{ heading: 'Sheriff', fields: [{ label: 'Name', value: [text('Sally Hernandez', 'bold')] }] }],
      notes: [[text('Source: directory')]],
    }));
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Sheriff of Travis County, Texas' } });
    expect(message.blocks[2]).toMatchObject({ text: { text: '*Sheriff*' }, fields: [{ type: 'mrkdwn', text: '*Name*\n*Sally Hernandez*', verbatim: true }] });
    expect(message.text).toBe('Sheriff of Travis County, Texas\nFIPS 48453\nSheriff\nName: Sally Hernandez\nSource: directory');
  });

  it('GIVEN a user error THEN it opens with a warning line instead of a header', () => {
    const message = render({ status: 'user_error', errorCode: 'x', title: '"zz" is not a US state', intro: [[text('Use TX.')]], sections: [], notes: [] });
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { text: ':warning: *"zz" is not a US state*' } });
    expect(message.blocks.some((b) => b.type === 'header')).toBe(false);
  });

  it('GIVEN paging THEN Previous/Next buttons carry the same invocation with the page moved, plus the line to type', () => {
    const message = render(ok({ paging: { page: 2, pages: 3, invocation: { command: 'positions', args: { topic: '287g', state: 'TX' } } } }));
    const [prev, next] = buttons(message);
    expect(prev?.action_id).toBe('sw:page:prev');
    expect(decodeInvocation(prev?.value)).toEqual({ command: 'positions', args: { topic: '287g', state: 'TX', page: 1 } });
    expect(next?.action_id).toBe('sw:page:next');
    expect(decodeInvocation(next?.value)).toEqual({ command: 'positions', args: { topic: '287g', state: 'TX', page: 3 } });
    expect(shown(message)).toContain('Page 2 of 3 · or type `/sheriff positions 287g TX 3`');
  });

  it('GIVEN the last page THEN there is no Next button', () => {
    const message = render(ok({ paging: { page: 3, pages: 3, invocation: { command: 'elections', args: { state: 'GA' } } } }));
    expect(buttons(message).map((b) => b.action_id)).toEqual(['sw:page:prev']);
  });
});

describe('Slack renderer: limits', () => {
  const huge = (): Reply => ok({
    title: `T${'x'.repeat(400)}`,
    intro: Array.from({ length: 30 }, (_, i) => [text(`intro ${i} ${'y'.repeat(900)}`)]),
    sections: Array.from({ length: 80 }, (_, i) => ({
      heading: `Section ${i}`,
      fields: Array.from({ length: 23 }, (_, f) => ({ label: `F${f}`, value: [text('v'.repeat(2500)), date('2026-11-03')] })),
      items: Array.from({ length: 40 }, (_, n) => [text(`item ${n} `), link('l'.repeat(200), 'https://example.org/')]),
      lines: [[text('z'.repeat(7000))]],
    })),
    notes: Array.from({ length: 40 }, (_, i) => [text(`note ${i} ${'n'.repeat(500)}`)]),
    choices: Array.from({ length: 60 }, (_, i) => ({ label: `Choice ${i} ${'c'.repeat(100)}`, invocation: { command: 'sheriff', args: { county: `C${i}` } } })),
    paging: { page: 2, pages: 9, invocation: { command: 'positions', args: { topic: '287g' } } },
  });

  it('GIVEN a reply far beyond every Slack limit THEN the blocks are valid, paging survives and the cut is announced', () => {
    const message = render(huge());
    expect(blockKitProblems(message.blocks, { maxBlocks: 50 })).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks[0]?.type).toBe('header');
    expect(buttons(message).map((b) => b.action_id)).toEqual(expect.arrayContaining(['sw:page:prev', 'sw:page:next', 'sw:choice:0']));
    expect(shown(message)).toMatch(/Shortened to fit in Slack: \d+ more blocks not shown/);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('GIVEN text cut at a limit THEN no date token, link or entity is split', () => {
    const message = render(huge());
    for (const t of blockTexts(message)) {
      expect(t.split('<').length).toBe(t.split('>').length);
      expect(t).not.toMatch(/&[a-z]*$|&[a-z]*[^a-z;]/);
    }
    expect(truncate('ab <!date^1^{d}|2026-01-01>', 12)).toBe('ab …');
    expect(truncate('a &amp; b', 5)).toBe('a …');
  });

  it('GIVEN one section with 23 fields THEN they are spread over sections of at most 10', () => {
    const fields = Array.from({ length: 23 }, (_, f) => ({ label: `F${f}`, value: [text(String(f))] }));
    const message = render(ok({ sections: [{ heading: 'Many', fields }] }));
    const counts = message.blocks.flatMap((b) => (b.type === 'section' && b.fields ? [b.fields.length] : []));
    expect(counts).toEqual([10, 10, 3]);
    expect(shown(message)).toContain('*F22*\n22');
  });
});
