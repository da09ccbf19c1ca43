import { describe, expect, it } from 'vitest';
import { createCustomIds, customIdSecret } from '../../../adapters/discord/custom-id.ts';
import { createRenderer, LIMITS, MAX_PARTS, renderReply, type Embed } from '../../../adapters/discord/render-embed.ts';
import { date, link, text, time, userError, type Reply, type Rich } from '../../../src/reply.ts';

const ids = createCustomIds(customIdSecret('render-test'));
const render = (reply: Reply) => renderReply(reply, ids);
const embedOf = (reply: Reply) => render(reply).parts[0]!;
const reply = (parts: Partial<Reply>): Reply => ({ status: 'ok', title: 'T', sections: [], notes: [], ...parts });

function totalLength(e: Embed): number {
  return e.title.length + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function expectWithinLimits(e: Embed): void {
  expect(e.title.length).toBeLessThanOrEqual(LIMITS.title);
  expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(e.fields.length).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(totalLength(e)).toBeLessThanOrEqual(LIMITS.total);
}

describe('Discord embed renderer', () => {
  it('GIVEN a calendar date THEN it is a Discord date stamp at 17:00 UTC of that day', () => {
    const embed = embedOf(reply({ intro: [[text('Election: '), date('2026-11-03')]] }));
    expect(embed.description).toBe(`Election: <t:${Date.UTC(2026, 10, 3, 17) / 1000}:D>`);
  });

  it('GIVEN an instant THEN it shows the full local time and the relative time', () => {
    const embed = embedOf(reply({ intro: [[time('2026-12-01T15:00:00Z', 'America/Chicago')]] }));
    const unix = Date.UTC(2026, 11, 1, 15) / 1000;
    expect(embed.description).toBe(`<t:${unix}:f> (<t:${unix}:R>)`);
  });

  it('GIVEN text that looks like markdown, a mention or a link THEN it is escaped; real links stay clickable', () => {
    const embed = embedOf(reply({
      title: '@everyone',
      intro: [[text('**@everyone** <@&123> [x](http://evil) _i_ `code` `odd'), text(' '), link('Source [1]', 'https://example.org/a_(b)')]],
    }));
    expect(embed.description).toBe(
      '\\*\\*@everyone\\*\\* \\<@&123\\> \\[x\\](http://evil) \\_i\\_ `code` \\`odd [Source \\[1\\]](https://example.org/a_%28b%29)',
    );
  });

  it('GIVEN styled spans with spaces at the edges THEN markers hug the words; code keeps its text; multi-line code is a block', () => {
    const embed = embedOf(reply({ intro: [[text('Name: ', 'bold'), text('x'), text(' it ', 'italic'), text('a`b', 'code'), text('', 'bold')], [text('Dear Sheriff,\n- [your name]', 'code')]] }));
    expect(embed.description).toBe('**Name:** x *it* `aˋb`\n```\nDear Sheriff,\n- [your name]\n```');
  });

  it('GIVEN label/value sections and prose THEN prose before them is the description, the rest fields in order', () => {
    const embed = embedOf(reply({
      intro: [[text('intro')]],
      sections: [
        { heading: 'Lead', lines: [[text('first')]] },
        { heading: 'Sheriff', fields: [{ label: 'Name', value: [text('Jane Roe', 'bold')] }] },
        { heading: 'Later', items: [[text('a')], [text('b')]] },
      ],
      notes: [[text('plain note')], [text('Source: '), link('ICE', 'https://www.ice.gov'), text(' as of '), date('2026-01-23')]],
    }));
    expect(embed.description).toBe('intro\n\n**Lead**\nfirst');
    expect(embed.fields.map((f) => f.name)).toEqual(['Name', 'Later', 'Source']);
    expect(embed.fields[0]).toEqual({ name: 'Name', value: '**Jane Roe**', inline: true });
    expect(embed.fields[1]!.value).toBe('• a\n• b');
    expect(embed.fields[2]!.value).toContain('[ICE](https://www.ice.gov)');
    expect(embed.footer?.text).toBe('plain note');
  });

  it('GIVEN replies far over every Discord limit THEN they continue in a few messages, each within limits, then are cut with a note', () => {
    const long = (n: number): Rich => [text('word '.repeat(n)), link('a link', 'https://example.org'), date('2026-11-03')];
    const huge = reply({
      title: 'T'.repeat(1000),
      intro: Array.from({ length: 50 }, () => long(100)),
      sections: [
        ...Array.from({ length: 30 }, (_, i) => ({ heading: `H${i}`.repeat(100), fields: [{ label: 'L'.repeat(300), value: long(400) }] })),
        ...Array.from({ length: 10 }, () => ({ items: Array.from({ length: 40 }, () => long(60)) })),
      ],
      notes: Array.from({ length: 100 }, () => [text('n'.repeat(100))]),
    });
    const { parts } = render(huge);
    expect(parts).toHaveLength(MAX_PARTS);
    parts.forEach(expectWithinLimits);
    expect(parts[1]!.title.endsWith('(continued)') || parts[1]!.title.endsWith('…')).toBe(true);
    expect(parts.at(-1)!.fields.at(-1)!.value).toContain('shortened to fit Discord');
    expect(parts.at(-1)!.footer?.text).toContain('nnnn');
    for (const size of [1, 5, 26, 200]) {
      const many = render(reply({ sections: [{ items: Array.from({ length: size }, () => long(size)) }] })).parts;
      many.forEach(expectWithinLimits);
      expect(many.length).toBeLessThanOrEqual(MAX_PARTS);
    }
  });

  it('GIVEN a list a little too long for one message THEN nothing is lost: it continues in a second message', () => {
    const items = Array.from({ length: 12 }, (_, i): Rich => [text(`Dataset ${i} `, 'bold'), text('x'.repeat(600))]);
    const { parts } = render(reply({ title: 'About', sections: [{ heading: 'Loaded datasets', items }] }));
    expect(parts.length).toBe(2);
    parts.forEach(expectWithinLimits);
    const all = parts.map((p) => [p.description ?? '', ...p.fields.map((f) => f.value)].join('\n')).join('\n');
    for (let i = 0; i < 12; i++) expect(all).toContain(`**Dataset ${i}**`);
    expect(parts[1]!.title).toBe('About (continued)');
  });

  it('GIVEN a line cut to fit THEN no link or timestamp is cut in half', () => {
    const line: Rich = Array.from({ length: 200 }, (_, i) => (i % 2 ? date('2026-11-03') : link(`l${i}`, `https://example.org/${i}`)));
    const embed = embedOf(reply({ sections: [{ heading: 'x', fields: [{ label: 'dates', value: line }] }] }));
    const value = embed.fields[0]!.value;
    expect(value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(value.endsWith('…')).toBe(true);
    expect(value.slice(0, -1)).toMatch(/^(?:<t:\d+:D>|\[l\d+\]\(https:\/\/example\.org\/\d+\))+$/);
  });

  it('GIVEN a user error THEN it is ephemeral; an ok reply is not', () => {
    expect(render(userError('x', 'Nope', ['why'])).ephemeral).toBe(true);
    expect(render(reply({})).ephemeral).toBe(false);
  });

  it('GIVEN 30 choices THEN 25 become buttons in 5 rows of 5 and the rest are listed as commands to type', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `Place ${i}, ST`, invocation: { command: 'sheriff', args: { county: `Place ${i}`, state: 'TX' } } }));
    const { components, parts: [embed] } = render(userError('ambiguous_place', 'Which?', [], choices));
    expect(components).toHaveLength(5);
    expect(components.every((row) => row.components.length === 5)).toBe(true);
    const first = components[0]!.components[0]!;
    expect(first.label).toBe('Place 0, ST');
    expect(ids.decode(first.custom_id)).toEqual({ ok: true, action: 'run', invocation: choices[0]!.invocation });
    expect(embed!.fields.at(-1)!.value).toContain('`/sheriff county:Place 29 state:TX`');
  });

  it('GIVEN page 1 of 3 THEN Previous is disabled, Next carries page 2, and the footer says where we are', () => {
    const paged = reply({ paging: { page: 1, pages: 3, invocation: { command: 'positions', args: { topic: '287g', state: 'TX' } } } });
    const { components, parts: [embed] } = render(paged);
    const [previous, next] = components[0]!.components;
    expect(previous!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    expect(ids.decode(next!.custom_id)).toEqual({ ok: true, action: 'page', invocation: { command: 'positions', args: { topic: '287g', state: 'TX', page: '2' } } });
    expect(embed!.footer?.text).toBe('Page 1 of 3');
  });

  it('GIVEN reply attachments THEN they become files with their names and bytes', () => {
    const { files } = render(reply({ attachments: [{ filename: 'election.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }));
    expect(files).toEqual([{ name: 'election.ics', contentType: 'text/calendar', data: Buffer.from('BEGIN:VCALENDAR') }]);
  });
});

describe('Discord renderer for one bot (createRenderer)', () => {
  it('GIVEN a frozen reply (from the reply cache) THEN it is rendered once per language and that message reused', () => {
    const renderFor = createRenderer(ids);
    const cached = Object.freeze(reply({ title: 'Sheriff of Autauga County', notes: [[link('source', 'https://example.org')]], paging: { page: 1, pages: 2, invocation: { command: 'positions', args: {} } } }));
    const first = renderFor(cached, 'en');
    expect(renderFor(cached, 'en')).toBe(first);
    expect(first).toEqual(renderReply(cached, ids, 'en'));
    const spanish = renderFor(cached, 'es');
    expect(spanish).not.toBe(first);
    expect(spanish).toEqual(renderReply(cached, ids, 'es'));
    expect(renderFor(cached)).toBe(first);
  });

  it('GIVEN a reply that is not frozen THEN it is rendered anew each time, so a change to it shows', () => {
    const renderFor = createRenderer(ids);
    const open = reply({ title: 'Before' });
    const first = renderFor(open, 'en');
    open.title = 'After';
    const second = renderFor(open, 'en');
    expect(second).not.toBe(first);
    expect(second.parts[0]!.title).toBe('After');
  });
});
