/**
 * Load (issue 19): the real bot process (`adapters/main.ts`, Discord and Slack adapters, the
 * reminder scheduler ticking every minute) against the local fakes, with SERVERS Discord servers
 * over the shards the fake Discord recommends (one per 1,000 servers, as Discord does), a tenth
 * as many Slack workspaces, and 100,000 subscriptions in its SQLite file. For each platform in
 * turn, RATE interactions a second for SECONDS seconds — half lookups, a quarter first pages of a
 * listing, a quarter presses of buttons on earlier answers — sent on schedule whether or not
 * earlier ones were answered. Prints answer times (sent → answer at the fake), errors, the
 * longest event-loop block (monitorEventLoopDelay inside the bot, bench/load/probe.ts) with the
 * CPU the bot used in its longest stall (far less than the stall: the machine ran other work),
 * the bot's CPU per answer and its RSS, for 200 and 2,000 servers. Targets: no errors, block < 100 ms, RSS < 400 MB.
 *
 *   BENCH_ONLY=load npm run bench                                  (60 s per platform and size)
 *   BENCH_ONLY=load BENCH_LOAD_SECONDS=10 BENCH_LOAD_SERVERS=2000 npm run bench   (a quick run)
 *   BENCH_LOAD_RATE=100, BENCH_LOAD_SUBSCRIPTIONS=100000 and BENCH_LOAD_PLATFORMS=slack also apply.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open.ts';
import { createStore } from '../src/store/index.ts';
import { startFakeDiscord } from '../test/helpers/fake-discord/index.ts';
import { startFakeSlack } from '../test/helpers/fake-slack/index.ts';
import { discordLoad } from './load/discord-load.ts';
import { paced, summarize, type Summary } from './load/paced.ts';
import type { ProbeSample } from './load/probe.ts';
import { makeWorld, seedDatabase } from './load/seed.ts';
import { SLACK_MODE, slackInstallation } from './load/slack-installs.ts';
import { slackLoad } from './load/slack-load.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 50);
const SIZES = (process.env.BENCH_LOAD_SERVERS ?? '200,2000').split(',').map(Number);
const SUBSCRIPTIONS = Number(process.env.BENCH_LOAD_SUBSCRIPTIONS ?? 100_000);
const PLATFORMS = (process.env.BENCH_LOAD_PLATFORMS ?? 'discord,slack').split(',');
const SIGNING_SECRET = 'load-bench-signing-secret';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Row {
  servers: number;
  shards: number;
  workspaces: number;
  platform: string;
  summary: Summary;
  probe: ProbeSample;
  /** The bench driver's (and fakes') own longest event-loop block in that phase, and its CPU per answer. */
  driverBlockMs: number;
  driverCpuMs: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const load = () => loadavg().map((v) => v.toFixed(1)).join(' / ');

async function runSize(servers: number): Promise<{ rows: Row[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-load-'));
  const shards = Math.max(1, Math.ceil(servers / 1000));
  const world = seedDatabase(join(dir, 'load.db'), makeWorld(servers, Math.max(1, Math.round(servers / 10))), SUBSCRIPTIONS);
  const discord = await startFakeDiscord({ shards, guild: world.guilds[0]!, guilds: world.guilds.slice(1) });
  const slack = await startFakeSlack();
  const port = await freePort();
  const install = await slackInstallation(world.workspaces, slack, SIGNING_SECRET, join(dir, 'load.db'));
  const startedAt = performance.now();
  // BENCH_LOAD_PROFILE=<dir>: the bot writes a CPU profile there (node --cpu-prof).
  const profile = process.env.BENCH_LOAD_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_LOAD_PROFILE] : [];
  const bot = spawn(process.execPath, [...profile, '--import', 'tsx', '--import', './bench/load/probe.ts', 'adapters/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: join(dir, 'load.db'),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ICE_287G_CHECK_HOURS: '0',
      MEETING_SYNC: 'off',
      ...install.env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // The bot's log (stderr): when it is running, what the scheduler did, and every warning or error.
  const problems: string[] = [];
  let claimed = 0;
  let ticks = 0;
  const ready = new Promise<void>((resolve, reject) => {
    bot.once('exit', (code) => reject(new Error(`the bot exited with code ${code} before it was running`)));
    createInterface({ input: bot.stderr! }).on('line', (line) => {
      let entry: { level?: number; msg?: string; claimed?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        problems.push(line.slice(0, 300));
        return;
      }
      if (entry.msg === 'Sheriff Watch is running') resolve();
      if (entry.msg === 'reminders planned') {
        ticks += 1;
        claimed += entry.claimed ?? 0;
      }
      if ((entry.level ?? 0) >= 40) problems.push(line);
    });
  });
  const sample = async (): Promise<ProbeSample> => {
    bot.send('sample');
    const [message] = (await once(bot, 'message')) as [ProbeSample];
    return message;
  };
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    await ready;
    const start = await sample();
    notes.push(
      `${servers} servers on ${shards} shard(s), ${world.workspaces.length} workspaces, subscriptions ${world.subscriptions.discord} Discord + ${world.subscriptions.slack} Slack: ` +
        `bot running after ${((performance.now() - startedAt) / 1000).toFixed(1)} s (longest block during the start ${start.blockMaxMs.toFixed(0)} ms, RSS ${start.rssMiB.toFixed(0)} MiB)`,
    );
    const size = { servers, shards, workspaces: world.workspaces.length };
    // The driver and the fakes share the machine: their own longest block is part of every answer time.
    const driver = monitorEventLoopDelay({ resolution: 10 });
    driver.enable();
    let driverCpu = process.cpuUsage();
    const driverCpuMs = () => {
      const used = process.cpuUsage(driverCpu);
      driverCpu = process.cpuUsage();
      return (used.user + used.system) / 1000;
    };
    if (PLATFORMS.includes('discord')) {
      const outcomes = await paced(RATE, SECONDS, discordLoad(discord, world.places));
      rows.push({ ...size, platform: 'discord', summary: summarize(outcomes), probe: await sample(), driverBlockMs: driver.max / 1e6, driverCpuMs: driverCpuMs() });
      driver.reset();
      driverCpuMs();
    }
    if (PLATFORMS.includes('slack')) {
      const outcomes = await paced(RATE, SECONDS, slackLoad(slack, `http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, world.workspaces, world.places));
      rows.push({ ...size, platform: 'slack', summary: summarize(outcomes), probe: await sample(), driverBlockMs: driver.max / 1e6, driverCpuMs: driverCpuMs() });
      const methods = new Map<string, number>();
      for (const call of slack.calls.items) methods.set(call.method, (methods.get(call.method) ?? 0) + 1);
      notes.push(`  Slack Web API calls by the bot: ${[...methods].map(([method, n]) => `${method} ${n}`).join(', ')}`);
    }
    driver.disable();
    const posts = discord.channelPosts().length + slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    // The delivery ledger as the bot left it: what was sent, and anything still claimed or failed.
    const db = openDatabase(join(dir, 'load.db'));
    const ledger = JSON.stringify(createStore(db).deliveries.counts());
    db.close();
    notes.push(`  scheduler while loaded: ${ticks} tick(s) that planned, ${claimed} reminders claimed, ${posts} posted to channels, ledger ${ledger}; bot warnings/errors logged: ${problems.length}`);
    // Each kind of warning or error once, with how often and its first error message.
    const kinds = new Map<string, { n: number; err: string }>();
    for (const line of problems) {
      const entry = (() => {
        try {
          return JSON.parse(line) as { msg?: string; err?: { message?: string } };
        } catch {
          return { msg: line };
        }
      })();
      const kind = kinds.get(entry.msg ?? '') ?? { n: 0, err: entry.err?.message ?? '' };
      kind.n += 1;
      kinds.set(entry.msg ?? '', kind);
    }
    for (const [msg, { n, err }] of kinds) notes.push(`    ${n}× ${msg.slice(0, 140)}${err ? ` (${err.slice(0, 100)})` : ''}`);
  } finally {
    if (bot.exitCode === null) {
      bot.kill('SIGTERM');
      await once(bot, 'exit');
    }
    await discord.stop();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0));
console.log(`load: ${RATE} interactions/s for ${SECONDS} s per platform, ${SUBSCRIPTIONS} subscriptions; ${cpus().length} CPUs, load average ${load()} at the start`);
const all: Row[] = [];
for (const servers of SIZES) {
  const { rows, notes } = await runSize(servers);
  all.push(...rows);
  for (const note of notes) console.log(note);
}
console.log(`Slack: ${SLACK_MODE === 'token' ? 'single-token mode (SLACK_BOT_TOKEN), one token for every team id' : 'distributed app: one OAuth installation and bot token per workspace'} (BENCH_LOAD_SLACK=token|oauth); workspaces = servers / 10`);
console.log('servers shards workspaces platform  answered  p50 ms  p99 ms  max ms  errors refused  block max (p99) ms  longest stall: wall/CPU ms  bot CPU ms/answer  RSS end MiB  driver: block ms, CPU ms/answer');
for (const r of all) {
  const s = r.summary;
  const p = r.probe;
  console.log(
    `${String(r.servers).padStart(7)} ${String(r.shards).padStart(6)} ${String(r.workspaces).padStart(10)} ${r.platform.padEnd(8)} ${String(s.n).padStart(9)} ${ms(s.p50).padStart(7)} ${ms(s.p99).padStart(7)} ${ms(s.max).padStart(7)} ` +
      `${String(s.errors).padStart(7)} ${String(s.refused).padStart(7)} ${`${ms(p.blockMaxMs)} (${ms(p.blockP99Ms)})`.padStart(19)} ${`${ms(p.stallMs)} / ${ms(p.stallCpuMs)}`.padStart(27)} ` +
      `${(p.cpuMs / s.n).toFixed(1).padStart(18)} ${p.rssMiB.toFixed(0).padStart(12)} ${ms(r.driverBlockMs).padStart(16)}, ${(r.driverCpuMs / s.n).toFixed(1)}`,
  );
  for (const text of s.samples) console.log(`        ${r.platform}: ${text}`);
}
console.log(`mix: ${all.map((r) => `${r.platform}@${r.servers}: ${r.summary.byKind}`).join('; ')}`);
console.log(`load average at the end: ${load()} (targets: no errors, block < 100 ms, RSS < 400 MiB)`);
