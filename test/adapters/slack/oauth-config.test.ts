/**
 * A distributed Slack app from the environment: refused without a valid token key (one line,
 * exit 1, as `npm start` shows it), and served on one HTTP server with the calendar feeds.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../../adapters/slack/index.ts';
import { ConfigError, loadConfig, platformsOf } from '../../../src/config.ts';
import type { HttpRoute } from '../../../src/http/routes.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack/index.ts';
import { coreApp } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OAUTH = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'shh', SLACK_STATE_SECRET: 'state', SLACK_SIGNING_SECRET: 'signing' };

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => slack.close());

describe('Slack OAuth: configuration', () => {
  it('GIVEN the OAuth variables and a 32-byte key THEN the configuration runs Slack as a distributed app', () => {
    const config = loadConfig({ ...OAUTH, SLACK_TOKEN_KEY: randomBytes(32).toString('base64') });
    expect(platformsOf(config)).toEqual(['slack']);
  });

  it.each([
    ['no key', {}, /SLACK_TOKEN_KEY: .*32 random bytes/],
    ['a 16-byte key', { SLACK_TOKEN_KEY: randomBytes(16).toString('hex') }, /SLACK_TOKEN_KEY: .*32 random bytes/],
    ['a bot token as well', { SLACK_TOKEN_KEY: randomBytes(32).toString('hex'), SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_BOT_TOKEN: set either/],
    ['Socket Mode', { SLACK_TOKEN_KEY: randomBytes(32).toString('hex'), SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_APP_TOKEN: a distributed Slack app runs in HTTP mode/],
    ['no client secret', { SLACK_TOKEN_KEY: randomBytes(32).toString('hex'), SLACK_CLIENT_SECRET: '' }, /SLACK_CLIENT_SECRET: a distributed Slack app needs/],
    ["an editors' channel but no editors' workspace", { SLACK_TOKEN_KEY: randomBytes(32).toString('hex'), SLACK_EDITOR_CHANNEL_ID: 'C0EDITORS' }, /SLACK_EDITOR_CHANNEL_ID: .*SLACK_EDITOR_TEAM_ID/],
  ])('GIVEN %s THEN the configuration is refused, naming the variable', (_what, extra, message) => {
    expect(() => loadConfig({ ...OAUTH, ...extra })).toThrow(ConfigError);
    expect(() => loadConfig({ ...OAUTH, ...extra })).toThrow(message);
  });

  it('GIVEN `npm start` without SLACK_TOKEN_KEY THEN the process prints one line naming it and exits 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...OAUTH, DATABASE_PATH: ':memory:', ICE_287G_CHECK_HOURS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sheriff-watch: Invalid configuration: SLACK_TOKEN_KEY: /);
  }, 30_000);

  it('GIVEN a distributed app with calendar routes THEN the install page and the calendar feeds share one server', async () => {
    const feed: HttpRoute = { path: '/calendar/', method: ['GET'], handler: (_req, res) => void res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR') };
    // PORT 0 (a free port) is for tests only; the environment must name a real one.
    const config = { ...loadConfig({ ...OAUTH, SLACK_TOKEN_KEY: randomBytes(32).toString('hex'), SLACK_API_URL: slack.apiUrl }), PORT: 0 };
    const running = await startSlack(coreApp(), config, [feed]);
    try {
      const port = (running as { port?: number }).port;
      expect(port).toBeGreaterThan(0);
      const install = await fetch(`http://127.0.0.1:${port}/slack/install`);
      expect(install.status).toBe(200);
      expect(await install.text()).toContain('Add to Slack');
      const calendar = await fetch(`http://127.0.0.1:${port}/calendar/travis.ics`);
      expect(await calendar.text()).toBe('BEGIN:VCALENDAR');
      // No bot token, no auth.test at start: nothing is asked of Slack until a workspace installs.
      expect(slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(0);
    } finally {
      await running.stop();
    }
  });
});
