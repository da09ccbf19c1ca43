import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack/index.ts';
import { dateToken, shown } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => slack.close());

describe('Slack adapter as `npm start` runs it', () => {
  it('GIVEN Slack tokens in the environment THEN the real process connects, answers /sheriff, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        // The ICE list watcher and the meeting calendars' import are off: tests never ask the internet.
        ICE_287G_CHECK_HOURS: '0',
        MEETING_SYNC: 'off',
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'sw-slack-')), 'bot.db'),
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-process',
        SLACK_APP_TOKEN: 'xapp-process',
        SLACK_API_URL: slack.apiUrl,
        SLACK_MODERATOR_IDS: 'U0MOD',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    try {
      // A cold start compiles the TypeScript and loads the shipped data first.
      await slack.socket.connected(15_000);
      const url = slack.responseUrl();
      await slack.socket.send('slash_commands', slashCommand({ text: 'election Travis, TX', response_url: url }));
      const answer = (await slack.responseTo(url, 0)).body;
      expect(answer.response_type).toBe('in_channel');
      expect(shown(answer)).toContain(dateToken('2028-11-07'));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await slack.socket.disconnects.waitFor();
    expect(stderr).toContain('Slack adapter started');
    expect(stderr).toContain('Slack adapter stopped');
    expect(stderr).not.toMatch(/"level":(50|60)/);
    expect(slack.calls.items.find((c) => c.method === 'auth.test')?.token).toBe('xoxb-process');
  });
});
