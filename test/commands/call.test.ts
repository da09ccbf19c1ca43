import { describe, expect, it } from 'vitest';
import { MAX_SCRIPT_WORDS, wordCount } from '../../src/present/call-script.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

const store = loadedStore({ fresh: true });
const english = conversation({ store });
const spanish = conversation({ store, locale: 'es' });

/** Records moderator-style positions for one county, so a county has "full data". */
function recordPositions(county: string, state: string, values: Record<string, string>): void {
  const fips = store.jurisdictions.byKey(county, state)[0]!.fips;
  const office = store.offices.sheriffOf(fips)!;
  for (const [topic, value] of Object.entries(values)) {
    store.positions.record({
      officeId: office.id, topic, slot: '', value, detail: null, effectiveDate: null, documentUrl: null,
      source: { title: 'County jail policy memo', url: 'https://example.org/memo.pdf', date: '2026-03-01' },
      dataset: null, by: 'test:moderator', at: '2026-03-02T00:00:00Z',
    });
  }
}
recordPositions('shawnee', 'KS', { detainers: 'yes', 'ice-as-police': 'no', 'jail-access': 'partial', 'release-notification': 'yes', 'info-sharing': 'no' });

function script(text: string): string {
  const start = text.indexOf('\n', text.search(/-- (What to say|Qué decir)/)) + 1;
  return text.slice(start, text.indexOf('\n\n', start));
}

describe('call', () => {
  it('GIVEN a sheriff with a 287(g) Task Force agreement THEN the script states it with its source and asks to end it', async () => {
    const { text } = await english.ask('call Lanier, GA');
    expect(text).toContain('Phone: (229) 482-3545');
    expect(script(text)).toMatch(/^Hi, my name is \[your name\], and I live in Lanier County, Georgia\./);
    expect(text).toMatch(/Has a 287\(g\) Task Force Model agreement with ICE, signed \d{4}-\d{2}-\d{2}\. \[1\] I ask the sheriff to end the 287\(g\) agreement\./);
    expect(text).toMatch(/\[1\]: ICE 287\(g\) participating agencies list.*\(as of 2026-05-18/);
    expect(wordCount(script(text))).toBeLessThan(MAX_SCRIPT_WORDS);
  });

  it('GIVEN a sheriff not on the 287(g) list and nothing else recorded THEN facts are stated and unknowns are questions', async () => {
    const { text } = await english.ask('call Travis, TX');
    expect(text).toContain("Not on ICE's 287(g) list as of 2026-05-18. [1] I ask the sheriff to commit in writing not to sign a 287(g) agreement.");
    expect(text).toContain('Does your office hold people on ICE detainers without a judicial warrant?');
    expect(text).not.toMatch(/Holds people on ICE detainers/);
    expect(wordCount(script(text))).toBeLessThan(MAX_SCRIPT_WORDS);
  });

  it('GIVEN an office with no phone on file THEN it says so and points to the county directory', async () => {
    const { text } = await english.ask('call Autauga, AL');
    expect(text).toContain('No phone number is on file for this office.');
    expect(text).toContain('county government directory');
  });

  it('GIVEN a name that predates the last regular election THEN the script does not address the sheriff by that name', async () => {
    // Benton County, OR: elected 2022, a four-year term; the 2026 result is not on record.
    const { text } = await english.ask('call Benton, OR');
    expect(script(text)).toContain("I'm calling the sheriff's office");
    expect(script(text)).not.toContain('Van Arsdall');
  });

  it('GIVEN an election whose winner takes office later (Alabama, January 2027) THEN the sitting sheriff is still addressed by name', async () => {
    const { text } = await english.ask('call Autauga, AL');
    expect(script(text)).toContain('Mark Harrell');
  });

  it('GIVEN recorded positions THEN each becomes a verdict with its ask, and the script stays under 150 words', async () => {
    const { text } = await english.ask('call Shawnee, KS');
    expect(text).toContain('Holds people on ICE detainers without a judicial warrant. [2] I ask the sheriff to decline ICE detainers that no judge has signed.');
    expect(text).toContain('Does not let ICE agents identify themselves as police. [2]\n');
    expect(text).toMatch(/\[2\]: County jail policy memo <https:\/\/example.org\/memo.pdf> \(as of 2026-03-01/);
    expect(wordCount(script(text))).toBeLessThan(MAX_SCRIPT_WORDS);
  });

  it.each(['call Lanier, GA', 'call Travis, TX', 'call Autauga, AL', 'call Shawnee, KS'])('GIVEN %s in Spanish THEN the script is Spanish and short', async (line) => {
    const { text } = await spanish.ask(line);
    expect(text).toContain('-- Qué decir');
    expect(script(text)).toMatch(/^Hola, me llamo \[su nombre\] y vivo en /);
    expect(script(text)).toContain('Gracias.');
    expect(wordCount(script(text))).toBeLessThan(MAX_SCRIPT_WORDS);
  });
});

describe('letter', () => {
  it('GIVEN a county with an email on file THEN the letter is addressed to it, cites the record and lists the asks', async () => {
    const { text } = await english.ask('letter Broward, FL');
    expect(text).toContain('Send to: Gregory_Tony@sheriff.org');
    expect(text).toContain('Has 287(g) agreements with ICE: Task Force Model (signed 2025-02-26), Warrant Service Officer (signed 2019-09-09). [1]');
    expect(text).toContain('- end the 287(g) agreement');
    expect(text).toContain('- keep statistics on arrests so that profiling can be detected');
  });

  it('GIVEN Spanish THEN the letter is Spanish', async () => {
    const { text } = await spanish.ask('letter Broward, FL');
    expect(text).toContain('Enviar a: Gregory_Tony@sheriff.org');
    expect(text).toContain('Le pido respetuosamente que:');
  });
});

describe('status', () => {
  it('GIVEN a county with full data THEN every topic has a verdict with its as-of date, plus the election and next commands', async () => {
    const { text } = await english.ask('status Shawnee, KS');
    expect(text).toContain('ICE detainers without a judicial warrant: Holds people on ICE detainers without a judicial warrant. (as of 2026-03-01)');
    expect(text).toContain('ICE access to the jail: Gives ICE some access to the jail. (as of 2026-03-01)');
    expect(text).toContain('Next regular sheriff election (computed from state law): 2028-11-07');
    expect(text).toContain('Next: call Shawnee County, KS · letter Shawnee County, KS · elections KS');
    expect(text).not.toContain('Unknown');
  });

  it('GIVEN a general election recorded by a moderator THEN status shows that date instead of the computed one', async () => {
    const moderator = conversation({ store, moderator: true });
    const added = await moderator.ask('election-add Lanier, GA kind:general date:2028-11-07 source:https://sos.ga.gov/elections');
    expect(added.reply.status).toBe('ok');
    const { reply, text } = await english.ask('status Lanier, GA');
    expect(text).toContain('Next sheriff election (general, recorded with a source): 2028-11-07');
    expect(reply.sections[1]?.lines?.[0]).toContainEqual({ kind: 'date', date: '2028-11-07' });
  });

  it('GIVEN a recorded weekly board meeting THEN status shows the next one, in the county\'s zone, with its place', async () => {
    const { addTravisMeeting } = await import('../scheduler/helpers.ts');
    addTravisMeeting(store);
    const { reply, text } = await english.ask('status Travis, TX');
    const line = reply.sections[1]?.lines?.[1];
    expect(line?.[0]).toEqual({ kind: 'text', text: 'Next county board meeting: ' });
    // The test clock is Tuesday 2026-11-24 15:00 UTC, 09:00 in Austin: a meeting starting right now still counts.
    expect(line?.[1]).toEqual({ kind: 'time', at: '2026-11-24T15:00:00.000Z', timeZone: 'America/Chicago' });
    expect(text).toContain('Commissioners Court · 700 Lavaca St, Austin');
  });

  it('GIVEN a county with almost no data THEN unknowns say so and no name is invented', async () => {
    const { text } = await english.ask('status Petroleum, MT');
    expect(text).toContain('Sheriff: name not in our records');
    expect(text.match(/Unknown: nobody has recorded it yet\./g)?.length).toBe(5);
  });

  it.each(['status Shawnee, KS', 'status Petroleum, MT'])('GIVEN %s in Spanish THEN the verdicts are Spanish', async (line) => {
    const { text } = await spanish.ask(line);
    expect(text).toMatch(/== Situación de /);
    expect(text).toContain('Próxima elección ordinaria del sheriff');
  });
});
