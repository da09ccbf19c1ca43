/**
 * Slack adapter latency: a signed slash-command POST to the HTTP receiver until the answer
 * reaches response_url, for Sheriff Watch and, side by side in the same run, a bare Bolt app
 * built the same way that answers a constant. Target (issue 4): p50 and p99 within 1.2× of
 * the bare app. Everything runs on 127.0.0.1 against the fake Slack used by the tests.
 *
 *   npm run bench                         (after the core figures)
 *   BENCH_SLACK_REQUESTS=5000 npx tsx bench/slack.ts
 */
import { performance } from 'node:perf_hooks';
import { createBoltApp } from '../adapters/slack/bolt-app.ts';
import { startSlackBot } from '../adapters/slack/index.ts';
import { renderBlocks } from '../adapters/slack/render-blocks.ts';
import { createApp } from '../src/app.ts';
import { invocationText } from '../src/framework/invocation-text.ts';
import { runLine } from '../src/framework/run.ts';
import { systemClock } from '../src/clock.ts';
import { silentLogger } from '../src/logger.ts';
import { formBody, postSigned, slashCommand, startFakeSlack, type FakeSlack } from '../test/helpers/fake-slack/index.ts';

const REQUESTS = Math.max(1000, Number(process.env.BENCH_SLACK_REQUESTS ?? 1000));
const WARMUP = 200;
const SECRET = 'bench-signing-secret';
/** What Slack users type most: lookups, a state's agreements, an election, help. */
const LINES = ['Autauga, AL', 'Harris, TX', 'positions 287g TX', 'election Travis, TX', 'Dona Ana, NM', 'elections GA', 'Cook, IL', 'help'];

const slack: FakeSlack = await startFakeSlack();
const common = { botToken: 'xoxb-bench', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: slack.apiUrl, retryConfig: { retries: 0 } };

// A bench is exactly the script the per-user limit stops; it measures the path, not the limit.
const core = createApp({ databasePath: ':memory:', clock: systemClock, logger: silentLogger, trust: { commands: { count: 1e9, windowMs: 1000 } } });
const bot = await startSlackBot(core, common);

const bare = createBoltApp({ ...common, logger: silentLogger });
bare.bolt.command('/sheriff', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'in_channel', text: 'Sheriff Watch' });
});
const { port: barePort } = await bare.start();

/** One round trip: signed POST → acked → the answer posted to response_url. Milliseconds. */
async function roundTrip(port: number, text: string): Promise<number> {
  const url = slack.responseUrl();
  const body = formBody(slashCommand({ text, response_url: url }));
  const start = performance.now();
  const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for "${text}"`);
  await res.arrayBuffer();
  const answer = await slack.responseTo(url);
  const elapsed = performance.now() - start;
  if (answer.body.text?.includes('Something went wrong')) throw new Error(`"${text}" failed`);
  return elapsed;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

for (let i = 0; i < WARMUP; i++) {
  await roundTrip(barePort!, 'help');
  await roundTrip(bot.port!, LINES[i % LINES.length]!);
}
slack.responses.clear();
const times = { bare: [] as number[], ours: [] as number[] };
// Alternate the two apps so drift (GC, CPU frequency) hits both alike.
for (let i = 0; i < REQUESTS; i++) {
  times.bare.push(await roundTrip(barePort!, LINES[i % LINES.length]!));
  times.ours.push(await roundTrip(bot.port!, LINES[i % LINES.length]!));
  if (i % 500 === 499) slack.responses.clear();
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/** The adapter's own work on the same replies: Block Kit rendering, escaping, fallback. */
const ctx = core.contextFor({ id: 'slack:UBENCH', platform: 'slack', workspaceId: 'TBENCH', userId: 'UBENCH', displayName: 'bench', isEditor: false, isCommunityManager: false });
const replies = await Promise.all(LINES.map((line) => runLine(ctx, line)));
const commandLine = (invocation: Parameters<typeof invocationText>[1]) => `/sheriff ${invocationText(core.registry, invocation)}`;
const renderTimes: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const start = performance.now();
  renderBlocks(replies[i % replies.length]!, { commandLine });
  renderTimes.push(performance.now() - start);
}

const ours = stats(times.ours);
const base = stats(times.bare);
const render = stats(renderTimes);
const perCommand = LINES.map((line, i) => {
  const pick = (values: number[]) => stats(values.filter((_, k) => k % LINES.length === i)).p50;
  return `${line} ${pick(times.bare).toFixed(2)}→${pick(times.ours).toFixed(2)}`;
});
console.log(`slack: signed /sheriff POST → answer at response_url, n=${REQUESTS} each, ${LINES.length} commands in turn`);
console.log(`  bare Bolt app (constant)     p50 ${ms(base.p50)}  p99 ${ms(base.p99)}`);
console.log(`  Sheriff Watch                p50 ${ms(ours.p50)}  p99 ${ms(ours.p99)}`);
console.log(`  ratio                        p50 ${(ours.p50 / base.p50).toFixed(2)}×  p99 ${(ours.p99 / base.p99).toFixed(2)}×  (target ≤ 1.2×)`);
console.log(`  p50 by command, bare→ours ms: ${perCommand.join(' · ')}`);
console.log(`  Block Kit rendering alone    p50 ${ms(render.p50)}  p99 ${ms(render.p99)}`);
console.log(`  rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
if (slack.problems.length) console.log(`  Block Kit problems: ${slack.problems.slice(0, 3).join('; ')}`);

await bot.stop();
await bare.stop();
await slack.close();
core.close();
