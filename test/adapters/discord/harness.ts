/**
 * The real Discord adapter (discord.js and all) started against the fake Discord, on the
 * real shipped data. Logs are captured so tests can assert what was logged.
 */
import { pino, type Logger } from 'pino';
import { startDiscord, type DiscordOptions } from '../../../adapters/discord/index.ts';
import type { RunningAdapter } from '../../../adapters/running-adapter.ts';
import type { App } from '../../../src/app.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import type { CommandRegistry } from '../../../src/framework/registry.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Store } from '../../../src/store/index.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RestCall } from '../../helpers/fake-discord/index.ts';
import { testApp } from '../../helpers/app.ts';
import type { TrustServices } from '../../../src/trust/services.ts';
import { loadedStore } from '../../helpers/store.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  adapter: RunningAdapter;
  app: App;
  logs: LogLine[];
  waitForLog: CapturedLogs['waitForLog'];
  stop(): Promise<void>;
}

export interface HarnessOptions extends DiscordOptions {
  registry?: CommandRegistry;
  store?: Store;
  env?: Record<string, string>;
  fake?: FakeDiscord;
  fakeOptions?: FakeDiscordOptions;
  /** Per-user limits and notices (default: limits no test reaches). */
  trust?: (logger: Logger) => TrustServices;
  requireReview?: boolean;
}

export interface CapturedLogs {
  logger: Logger;
  logs: LogLine[];
  /** The first log line (written or to come) that matches. */
  waitForLog(match: (line: LogLine) => boolean): Promise<LogLine>;
}

export function captureLogger(): CapturedLogs {
  const logs: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const write = (raw: string) => {
    const line = JSON.parse(raw) as LogLine;
    logs.push(line);
    for (const waiter of waiters.filter((w) => w.match(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  const logger = pino({ level: 'debug' }, { write });
  return {
    logger,
    logs,
    waitForLog: (match) => {
      const found = logs.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? (await startFakeDiscord(options.fakeOptions));
  const { logger, logs, waitForLog } = captureLogger();
  const app = testApp(options.store ?? loadedStore(), logger, options.registry ?? createRegistry(), options.trust?.(logger), options.requireReview);
  // The fake's home server is the editors' server unless a test says otherwise.
  const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_EDITOR_GUILD_ID: fake.guild.id, ...options.env });
  const adapter = await startDiscord(app, config, options);
  let stopped: Promise<void> | undefined;
  return {
    fake,
    adapter,
    app,
    logs,
    waitForLog,
    stop() {
      stopped ??= (async () => {
        await adapter.stop();
        if (!options.fake) await fake.stop();
      })();
      return stopped;
    },
  };
}

/** The message data of a callback (type 4 reply / 7 update). */
export function messageOf(call: RestCall): Record<string, unknown> & { embeds: Embed[]; components?: Row[]; flags?: number; allowed_mentions?: unknown } {
  const body = call.body as { type: number; data: ReturnType<typeof messageOf> };
  return body.data;
}

export interface Embed {
  title: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface Row {
  type: 1;
  components: { type: 2; custom_id: string; label: string; disabled?: boolean; style: number }[];
}

/** All the text of an embed, for "does it say X" checks. */
export function embedText(embed: Embed): string {
  return [embed.title, embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text ?? ''].join('\n');
}

/** The Discord timestamp for a calendar date, computed independently of the renderer. */
export function dateStamp(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `<t:${Date.UTC(y, m - 1, d, 17) / 1000}:D>`;
}

export const EPHEMERAL = 1 << 6;
