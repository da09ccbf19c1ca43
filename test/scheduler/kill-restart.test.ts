import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { electionRulesDataset } from '../../src/importers/election-rules.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { createStore } from '../../src/store/index.ts';
import { testClock } from '../helpers/store.ts';
import { addTravisMeeting, channel, subscribe } from './helpers.ts';

const CHANNELS = 24;
/** Saturday 7 Feb 2026, 9:00 CST: the 3-day reminder of Tuesday's meeting is due. */
const NOW = '2026-02-07T15:00:00.000Z';

/** A database file with 24 channels due one meeting reminder each, half of them also a change alert. */
function prepare(): { db: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-kill-'));
  const db = join(dir, 'bot.db');
  const connection = openDatabase(db);
  migrate(connection);
  const store = createStore(connection);
  loadShippedData(store, testClock, [countiesDataset, electionRulesDataset]);
  addTravisMeeting(store);
  for (let i = 0; i < CHANNELS; i++) {
    subscribe(store, channel(`c${i}`), { state: 'TX', fips: '48453' }, '2026-02-04T00:00:00.000Z', i % 2 ? ['meetings'] : ['meetings', 'positions']);
  }
  const office = store.offices.ensureSheriff(store.jurisdictions.byFips('48453')!);
  store.positions.record({
    officeId: office.id, topic: 'detainers', slot: '', value: 'no', detail: null, effectiveDate: null, documentUrl: null,
    source: { title: 'Sheriff press release', url: 'https://example.org/release', date: '2026-02-07' }, dataset: null, by: 'discord:7', at: '2026-02-07T14:59:00.000Z',
  });
  store.db.close();
  return { db, log: join(dir, 'posted.jsonl') };
}

/** Runs the child until it finishes; kills it with SIGKILL when it says it hangs. */
function run(env: Record<string, string>): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/scheduler/kill-child.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('HANG')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.includes('DONE')) resolve('done');
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

async function killRepeatedly(mode: 'nonce' | 'lookup', seed: number) {
  const { db, log } = prepare();
  let random = seed;
  const next = (n: number) => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return (Math.floor(random / 65_536) % n) + 1; // the high bits: the low ones of this generator cycle
  };
  const kills: string[] = [];
  for (let round = 0; round < 5; round++) {
    const hangAt = String(next(12));
    const phase = next(2) === 1 ? 'before' : 'after';
    const outcome = await run({ SW_DB: db, SW_LOG: log, SW_NOW: NOW, SW_MODE: mode, SW_HANG_AT: hangAt, SW_HANG_PHASE: phase });
    kills.push(`${outcome} at send ${hangAt} (${phase})`);
  }
  expect(await run({ SW_DB: db, SW_LOG: log, SW_NOW: NOW, SW_MODE: mode })).toBe('done');
  const posted = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; channelId: string; title: string }) : [];
  const store = createStore(openDatabase(db));
  const ledger = store.deliveries.all();
  store.db.close();
  return { posted, ledger, kills };
}

describe('kill -9 at random points, then restart', () => {
  it.each([
    ['nonce', 'Discord-like: the key is the message nonce with enforce_nonce', 7],
    ['lookup', 'Slack-like: no dedupe, but a posted key can be found in message metadata', 11],
  ] as const)('GIVEN a %s platform (%s) THEN every reminder and alert is posted exactly once', async (mode, _what, seed) => {
    const { posted, ledger, kills } = await killRepeatedly(mode, seed);
    expect(kills.filter((k) => k.startsWith('killed')).length, kills.join('; ')).toBeGreaterThan(0);
    const perChannel = posted.map((p) => `${p.channelId} ${p.title.startsWith('Changed') ? 'alert' : p.title}`);
    // No duplicate: each (channel, reminder) once, each key once.
    expect(new Set(perChannel).size, kills.join('; ')).toBe(perChannel.length);
    expect(new Set(posted.map((p) => p.key)).size).toBe(posted.length);
    // No miss: every channel got the meeting reminder; every positions channel got the alert.
    expect(posted.filter((p) => p.title === 'Commissioners Court (Travis County, TX) meets in 3 days')).toHaveLength(CHANNELS);
    expect(posted.filter((p) => p.title.startsWith('Changed'))).toHaveLength(CHANNELS / 2);
    expect(ledger.filter((d) => d.status !== 'sent').map((d) => `${d.id} ${d.status}`)).toEqual([]);
    expect(ledger).toHaveLength(CHANNELS + CHANNELS / 2);
  }, 120_000);
});
