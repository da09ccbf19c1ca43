import './http-dispatcher.ts';
import { createApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { ConfigError, iceFetchSettings, loadConfig, platformsOf } from '../src/config.ts';
import type { EditorNotifier } from '../src/delivery/editor-notifier.ts';
import { MAX_LIST_BYTES } from '../src/commands/record/import-287g.ts';
import { SchemaError } from '../src/db/migrate.ts';
import { DatabaseStartError } from '../src/db/startup-failure.ts';
import { createLogger } from '../src/logger.ts';
import { closeMapRenderers } from '../src/maps/render-pool.ts';
import type { RunningScheduler } from '../src/scheduler/cron.ts';
import { startIceWatch, type RunningIceWatch, type TellEditors } from '../src/scheduler/ice-watch.ts';
import { startReminders } from '../src/scheduler/start.ts';
import { startMeetingSync, type RunningSync } from '../src/meeting-sources/daily.ts';
import { startDecisionRetry, type RunningRetry } from '../src/trust/decision-retry.ts';
import { calendarFeedRoute, setPublicUrl } from '../src/http/calendar-feed.ts';
import { startHttpServer, type RunningHttp } from '../src/http/routes.ts';
import type { Logger } from '../src/logger.ts';
import type { RunningAdapter } from './running-adapter.ts';

/** config → database → migrations → data → adapters → reminders. Resolves true when the process should exit. */
async function main(): Promise<boolean> {
  const config = loadConfig();
  const platforms = platformsOf(config);
  const onlyConsole = platforms.length === 1 && platforms[0] === 'console';
  const logger = createLogger(config.LOG_LEVEL ?? (onlyConsole ? 'warn' : 'info'));
  const iceFetch = iceFetchSettings(config, MAX_LIST_BYTES);
  const app = createApp({
    databasePath: config.DATABASE_PATH,
    clock: systemClock,
    logger,
    requireReview: config.REQUIRE_REVIEW,
    iceFetch,
    trust: {
      commands: config.RATE_LIMIT_COMMANDS,
      proposals: config.RATE_LIMIT_PROPOSALS,
    },
  });

  // Each adapter (and its chat library) is loaded only when configured: a Discord-only bot
  // never holds Bolt in memory, and the other way round.
  if (onlyConsole) {
    const { runConsole } = await import('./console/console-adapter.ts');
    const { consoleSender } = await import('./console/console-sender.ts');
    const { consoleFilesDir } = await import('./console/files-dir.ts');
    // Reminders for console subscriptions are printed where they would be posted.
    const reminders = await startReminders(app, [consoleSender(process.stdout, app.registry)]);
    // The console checks ICE's page only when asked (`npm start -- --watch-ice`); its reports are printed.
    const sender = consoleSender(process.stdout, app.registry);
    const watch = process.argv.includes('--watch-ice')
      ? startIceWatch({ ...app, settings: iceFetch, hours: config.ICE_287G_CHECK_HOURS, tellEditors: async (reply, key) => void (await sender.send('console', reply, { key })) })
      : undefined;
    try {
      await runConsole(app, {
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        filesDir: consoleFilesDir(process.argv.slice(2), process.env, process.cwd()),
        ...consoleLanguage(process.argv.slice(2)),
      });
    } finally {
      watch?.stop();
      await reminders.stop();
      await closeMapRenderers();
      app.close();
    }
    return true;
  }

  const running: RunningAdapter[] = [];
  // A chat library's background promise (e.g. a failed Socket Mode reconnect) must not end
  // the bot for every channel: log it with context and keep serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection in a background task'));
  let reminders: RunningScheduler | undefined = undefined;
  let meetingSync: RunningSync | undefined = undefined;
  let decisionRetry: RunningRetry | undefined = undefined;
  let feeds: RunningHttp | undefined = undefined;
  let iceWatch: RunningIceWatch | undefined = undefined;
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    iceWatch?.stop();
    await meetingSync?.stop();
    await decisionRetry?.stop();
    await feeds?.close();
    await reminders?.stop();
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    await closeMapRenderers();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Calendar feeds (PUBLIC_URL): on Slack's HTTP receiver when Slack runs in HTTP mode, else on their own server.
  const feedRoutes = config.PUBLIC_URL ? [calendarFeedRoute(app)] : [];
  setPublicUrl(config.PUBLIC_URL);
  const slackServesHttp = platforms.includes('slack') && !config.SLACK_APP_TOKEN;
  try {
    if (feedRoutes.length && !slackServesHttp) feeds = await startHttpServer(feedRoutes, config.PORT);
    if (platforms.includes('discord')) {
      const { startDiscord } = await import('./discord/index.ts');
      running.push(await startDiscord(app, config));
    }
    if (platforms.includes('slack')) {
      const { startSlack } = await import('./slack/index.ts');
      running.push(await startSlack(app, config, slackServesHttp ? feedRoutes : []));
    }
  } catch (error) {
    await feeds?.close();
    await Promise.allSettled(running.map((adapter) => adapter.stop()));
    app.close();
    throw error;
  }
  // Proposals reach the editors, and decisions the proposers, through the same senders.
  for (const adapter of running) app.trust.notices.register(adapter.sender, adapter.editors);
  // A decision the proposer could not be told is tried again from the outbox every minute.
  decisionRetry = startDecisionRetry(app);
  // The scheduler starts after the adapters, with their senders: first the catch-up, then every minute.
  const editors = Object.fromEntries(running.flatMap((adapter) => (adapter.editors ? [[adapter.name, adapter.editors]] : [])));
  reminders = await startReminders(app, running.map((adapter) => adapter.sender), editors);
  // Counties' linked calendars (meeting-source) are imported again every day.
  if (config.MEETING_SYNC === 'daily') meetingSync = startMeetingSync(app);
  iceWatch = startIceWatch({ ...app, settings: iceFetch, hours: config.ICE_287G_CHECK_HOURS, tellEditors: editorsOf(Object.values(editors), logger) });
  logger.info({ platforms }, 'Sheriff Watch is running');
  return false;
}

/** Posts to each platform's editors' channel (DISCORD_EDITOR_CHANNEL_ID / SLACK_EDITOR_CHANNEL_ID); logs when none is set. */
function editorsOf(notifiers: readonly EditorNotifier[], logger: Logger): TellEditors {
  return async (reply, key) => {
    if (notifiers.length === 0) logger.warn({ report: reply.title }, "no editors' channel set (DISCORD_EDITOR_CHANNEL_ID / SLACK_EDITOR_CHANNEL_ID): report only logged");
    for (const result of await Promise.allSettled(notifiers.map((n) => n.tellEditors(reply, { key })))) {
      if (result.status === 'rejected') logger.error({ err: result.reason }, "could not post to the editors' channel");
    }
  };
}

/** `npm start -- --lang es` (or `--lang=es`). */
function consoleLanguage(argv: string[]): { language?: string } {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return {};
  const value = argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  if (value !== 'en' && value !== 'es') throw new ConfigError(`--lang must be en or es (got "${value ?? ''}")`);
  return { language: value };
}

/** One line on stderr and exit code 1; the stack only with LOG_LEVEL=debug (or trace). */
function fail(error: unknown): never {
  const known = error instanceof ConfigError || error instanceof SchemaError || error instanceof DatabaseStartError;
  const message = error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error);
  process.stderr.write(`sheriff-watch: ${known ? message : `could not start: ${message}`}\n`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

// Console mode ends with its input; platform mode keeps running on its sockets.
main().then((done) => done && process.exit(0), fail);
