/**
 * End-to-end Discord latency: from the fake gateway writing INTERACTION_CREATE to the fake
 * REST receiving the callback POST, for Sheriff Watch (the real `npm start` process answering
 * /sheriff lookups) and, side by side in the same run, a bare discord.js bot that answers
 * the same interactions with a constant string. Target: Sheriff Watch ≤ 1.2× the bare bot.
 * Prints p50/p99 of both, the ratios, and each bot's RSS after the run.
 *
 * The ten lookups repeat, so after the warm-up Sheriff Watch answers each from its caches
 * (the core's reply cache, then the adapter's rendered and encoded message for that reply),
 * as a busy server asking the same things would; every ask still goes through runInvocation,
 * reads the caller's language and checks the data stamp. "embed rendering alone" is the cost
 * of one render without those caches.
 *
 *   npm run bench                       (this runs after the core benchmarks)
 *   BENCH_DISCORD_ITERATIONS=2000 npx tsx bench/discord.ts
 *
 * Run as `tsx bench/discord.ts --bare-bot` it is the bare bot itself (DISCORD_TOKEN, DISCORD_API_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createCustomIds, customIdSecret } from '../adapters/discord/custom-id.ts';
import { renderReply } from '../adapters/discord/render-embed.ts';
import { systemClock } from '../src/clock.ts';
import { createRegistry } from '../src/commands/index.ts';
import { runInvocation } from '../src/framework/run.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import { silentLogger } from '../src/logger.ts';
import type { Reply } from '../src/reply.ts';
import { createStore } from '../src/store/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../test/helpers/fake-discord/index.ts';

const ITERATIONS = Math.max(1000, Number(process.env.BENCH_DISCORD_ITERATIONS ?? 1000));
const WARMUP = 100;
const ROUND = 100;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOOKUPS: [string, string][] = [
  ['Autauga', 'AL'], ['Harris', 'TX'], ['Dona Ana', 'NM'], ['Fairfax County', 'VA'], ['Orleans Parish', 'LA'],
  ['Prince Georges', 'MD'], ['Maricopa', 'AZ'], ['St. Louis city', 'MO'], ['Cook', 'IL'], ['Travis', 'Texas'],
];

async function bareBot(): Promise<void> {
  // Loaded only in the bare-bot child: the reference a chat library answers with on its own.
  const { Client, Events, GatewayIntentBits } = await import('discord.js');
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL! } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) interaction.reply('Sheriff Watch is here.').catch(() => undefined);
  });
  process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
  await client.login(process.env.DISCORD_TOKEN);
}

interface Bot {
  name: string;
  fake: FakeDiscord;
  child: ChildProcess;
  times: number[];
}

function startBot(name: string, fake: FakeDiscord, args: string[], env: Record<string, string>): Bot {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { name, fake, child, times: [] };
}

/** One lookup at a time: send, wait for the callback, record the gap. */
async function lookups(bot: Bot, count: number, from: number, record: boolean): Promise<void> {
  for (let i = 0; i < count; i++) {
    const [county, state] = LOOKUPS[(from + i) % LOOKUPS.length]!;
    const sent = bot.fake.sendInteraction({
      type: 2,
      data: { id: '400000000000000001', name: 'sheriff', type: 1, options: [{ name: 'county', type: 3, value: county }, { name: 'state', type: 3, value: state }] },
    });
    const call = await sent.callback;
    if (record) bot.times.push(call.receivedAt - sent.sentAt);
  }
}

function rssMiB(pid: number | undefined): string {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MiB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

/** The adapter's own share: rendering the same lookups' replies as embeds, in this process. */
async function renderTimes(): Promise<number[]> {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, systemClock);
  const ctx = { store, clock: systemClock, registry: createRegistry(), logger: silentLogger, caller: { id: 'discord:bench', platform: 'discord' as const, workspaceId: 'bench', userId: 'bench', displayName: 'bench', isEditor: false, isCommunityManager: false } };
  const replies: Reply[] = [];
  for (const [county, state] of LOOKUPS) replies.push(await runInvocation(ctx, { command: 'sheriff', args: { county, state } }));
  db.close();
  const ids = createCustomIds(customIdSecret('bench'));
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const start = performance.now();
    renderReply(replies[i % replies.length]!, ids);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function stop(bot: Bot): Promise<void> {
  if (bot.child.exitCode === null) {
    bot.child.kill('SIGTERM');
    await once(bot.child, 'exit');
  }
  await bot.fake.stop();
}

async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-discord-'));
  const [swFake, bareFake] = await Promise.all([startFakeDiscord(), startFakeDiscord()]);
  const sheriffWatch = startBot('Sheriff Watch (/sheriff lookups)', swFake, ['adapters/main.ts'], { DATABASE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'warn' });
  const bare = startBot('bare discord.js bot (constant reply)', bareFake, ['bench/discord.ts', '--bare-bot'], {});
  try {
    await Promise.all([swFake.waitForBot(), bareFake.waitForBot()]);
    for (const bot of [sheriffWatch, bare]) await lookups(bot, WARMUP, 0, false);
    for (let done = 0; done < ITERATIONS; done += ROUND) {
      const n = Math.min(ROUND, ITERATIONS - done);
      for (const bot of [bare, sheriffWatch]) await lookups(bot, n, done, true);
    }
    const ms = (v: number) => `${v.toFixed(3)} ms`;
    const stats = [bare, sheriffWatch].map((bot) => {
      const sorted = [...bot.times].sort((a, b) => a - b);
      return { bot, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    });
    console.log(`discord end to end (INTERACTION_CREATE → callback POST), one at a time, n=${ITERATIONS} each, interleaved:`);
    for (const { bot, p50, p99 } of stats) {
      console.log(`  ${bot.name.padEnd(38)} p50 ${ms(p50)}  p99 ${ms(p99)}  rss ${rssMiB(bot.child.pid)}`);
    }
    const [b, s] = stats as [(typeof stats)[0], (typeof stats)[0]];
    console.log(`  ratio Sheriff Watch / bare bot: p50 ${(s.p50 / b.p50).toFixed(2)}×  p99 ${(s.p99 / b.p99).toFixed(2)}×  (target ≤ 1.2×)`);
    const render = await renderTimes();
    console.log(`  embed rendering alone                  p50 ${ms(percentile(render, 50))}  p99 ${ms(percentile(render, 99))}`);
  } finally {
    await Promise.allSettled([stop(sheriffWatch), stop(bare)]);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--bare-bot')) await bareBot();
else await bench();
