import { startSlackBot, type SlackBot, type SlackBotOptions } from '../../../adapters/slack/index.ts';
import { createApp, type App } from '../../../src/app.ts';
import { pino } from 'pino';
import { silentLogger, type Logger } from '../../../src/logger.ts';
import { Recorder } from '../../helpers/fake-slack/recorder.ts';
import {
  buttonClick, formBody, postSigned, slashCommand, startFakeSlack,
  type FakeSlack, type ResponseMessage, type SlashCommandFields,
} from '../../helpers/fake-slack/index.ts';
import { testClock } from '../../helpers/store.ts';
import { NO_LIMITS } from '../../helpers/app.ts';

export const SECRET = 'test-signing-secret';
export type Answer = ResponseMessage['body'];

/** A logger whose JSON lines a test can wait for. */
export function captureLogger(): { logger: Logger; lines: Recorder<Record<string, unknown>> } {
  const lines = new Recorder<Record<string, unknown>>('log line');
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** The real core on an in-memory database with every shipped dataset loaded. */
export function coreApp(logger: Logger = silentLogger): App {
  return createApp({ databasePath: ':memory:', clock: testClock, logger, trust: NO_LIMITS });
}

export interface Harness {
  slack: FakeSlack;
  bot: SlackBot;
  core: App;
  eventsUrl: string;
  /** `/sheriff <text>` as Slack sends it (signed POST, or a Socket Mode envelope); the answer. */
  command(text: string, fields?: Partial<SlashCommandFields>): Promise<Answer>;
  /** Delivers an Events API payload (signed JSON POST, or a Socket Mode envelope); resolves once acknowledged. */
  event(payload: Record<string, unknown>): Promise<void>;
  /** Clicks a button of an answer; resolves with the first message posted back. */
  click(answer: Answer | { blocks?: unknown[] }, actionId: string, options?: ClickOptions): Promise<{ url: string; first: Answer }>;
  /** Delivers a click (acknowledged) without waiting for an answer; resolves its response_url. */
  press(actionId: string, value: string, options?: ClickOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface ClickOptions {
  user_id?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  is_ephemeral?: boolean;
}

export interface HarnessOptions extends Partial<Omit<SlackBotOptions, 'botToken'>> {
  mode: 'http' | 'socket';
  core?: App;
}

/** Fake Slack first (Bolt calls auth.test on start), then the bot against it. */
export async function startHarness({ mode, core = coreApp(), ...options }: HarnessOptions): Promise<Harness> {
  const slack = await startFakeSlack();
  const bot = await startSlackBot(core, {
    botToken: 'xoxb-test',
    ...(mode === 'socket' ? { appToken: 'xapp-test' } : { signingSecret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    apiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    ...options,
  });
  if (mode === 'socket') await slack.socket.connected();
  const eventsUrl = `http://127.0.0.1:${bot.port ?? 0}/slack/events`;

  async function deliver(type: 'slash_commands' | 'interactive', fields: Record<string, string>, payload: unknown) {
    if (mode === 'socket') {
      await slack.socket.send(type, payload);
      return;
    }
    const res = await postSigned(eventsUrl, SECRET, formBody(fields));
    if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
  }

  async function press(actionId: string, value: string, options: ClickOptions = {}): Promise<string> {
    const url = slack.responseUrl();
    const payload = buttonClick({ action_id: actionId, value, response_url: url, ...options });
    await deliver('interactive', { payload: JSON.stringify(payload) }, payload);
    return url;
  }

  return {
    slack,
    bot,
    core,
    eventsUrl,
    async command(text, fields = {}) {
      const url = fields.response_url ?? slack.responseUrl();
      const payload = slashCommand({ text, ...fields, response_url: url });
      await deliver('slash_commands', payload, payload);
      return (await slack.responseTo(url)).body;
    },
    press,
    async event(payload) {
      if (mode === 'socket') {
        await slack.socket.send('events_api', payload);
        return;
      }
      const res = await postSigned(eventsUrl, SECRET, JSON.stringify(payload), { contentType: 'application/json' });
      if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
    },
    async click(answer, actionId, options = {}) {
      const element = buttons(answer).find((b) => b.action_id === actionId);
      if (!element) throw new Error(`no button ${actionId} in the answer`);
      const url = await press(actionId, element.value, options);
      return { url, first: (await slack.responseTo(url)).body };
    },
    async stop() {
      await bot.stop();
      await slack.close();
    },
  };
}

interface ButtonElement {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every button in an answer's actions blocks. */
export function buttons(answer: { blocks?: unknown[] }): ButtonElement[] {
  return (answer.blocks ?? []).flatMap((block) => {
    const b = block as { type: string; elements?: ButtonElement[] };
    return b.type === 'actions' ? (b.elements ?? []) : [];
  });
}

/** Every text the blocks show, in order, one entry per text object. */
export function blockTexts(answer: Answer | { blocks?: unknown[] }): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') texts.push(o.text);
      else Object.values(o).forEach(visit);
    }
  };
  visit(answer.blocks ?? []);
  return texts;
}

/** The blocks' text joined, for "contains" assertions. */
export const shown = (answer: Answer | { blocks?: unknown[] }): string => blockTexts(answer).join('\n');

/** Slack's date token for a calendar date (17:00 UTC). */
export const dateToken = (iso: string): string => `<!date^${Date.parse(`${iso}T17:00:00Z`) / 1000}^{date_short_pretty}|${iso}>`;
