import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH, SLASH_COMMAND } from '../../../adapters/slack/constants.ts';
import { buildManifest, MANIFEST_FILE, manifestYaml } from '../../../adapters/slack/manifest.ts';
import { appHomeOpened, appMention, directMessage, slashCommand, type ApiCall } from '../../helpers/fake-slack/index.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The bot scope each Web API method needs (docs.slack.dev/reference/methods). A call the
 * adapter starts making that is not in this table fails the test below, so the manifest
 * cannot silently miss a scope.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  // A mistake in a message to the bot is shown only to its writer.
  'chat.postEphemeral': ['chat:write'],
  // Slack Connect events carry only a file's id.
  'files.info': ['files:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'usergroups.users.list': ['usergroups:read'],
  // Workspace admins and owners manage their channels' subscriptions and language.
  'users.info': ['users:read'],
  // Public and private channels; the adapter cannot know in advance which a subscription is.
  'conversations.history': ['channels:history', 'groups:history'],
  'views.publish': [],
};
/** Called with the app-level token (connections:write), not a bot scope. */
const APP_TOKEN_METHODS = ['apps.connections.open'];
/** Scopes not tied to one method: the slash command itself, and posting where not invited. */
const FEATURE_SCOPES = ['commands', 'chat:write.public'];
/** The scope each subscribed event needs (docs.slack.dev/reference/events). */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
};
/** Downloading a shared file's url_private_download with the bot token. */
const DOWNLOAD_SCOPE = 'files:read';

type Yaml = string | boolean | number | Yaml[] | { [key: string]: Yaml };

/** Reads the YAML subset manifestYaml writes (maps, lists, JSON-quoted scalars). */
function readYaml(source: string): Yaml {
  const lines = source.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
  let at = 0;
  const scalar = (raw: string): Yaml => (raw === '[]' ? [] : (JSON.parse(raw) as Yaml));
  const indentOf = (line: string) => line.length - line.trimStart().length;
  function block(indent: number): Yaml {
    if (lines[at]!.trimStart().startsWith('- ')) {
      const list: Yaml[] = [];
      while (at < lines.length && indentOf(lines[at]!) === indent && lines[at]!.trimStart().startsWith('- ')) {
        const rest = lines[at]!.trimStart().slice(2);
        if (/^[\w.]+:/.test(rest)) {
          lines[at] = `${' '.repeat(indent + 2)}${rest}`;
          list.push(block(indent + 2));
        } else {
          list.push(scalar(rest));
          at += 1;
        }
      }
      return list;
    }
    const map: Record<string, Yaml> = {};
    while (at < lines.length && indentOf(lines[at]!) === indent) {
      const [, key = '', value = ''] = /^\s*([\w.]+):\s?(.*)$/.exec(lines[at]!) ?? [];
      at += 1;
      map[key] = value ? scalar(value) : block(indentOf(lines[at]!));
    }
    return map;
  }
  return block(0);
}

describe('slack-manifest.yml', () => {
  it('GIVEN the committed manifest THEN it is exactly what `npm run slack:manifest` generates from the code', () => {
    const committed = readFileSync(MANIFEST_FILE, 'utf8');
    expect(committed).toBe(manifestYaml(buildManifest()));
    expect(readYaml(committed)).toEqual(buildManifest());
  });

  it('GIVEN the manifest THEN it declares the one slash command, the App Home tab and its event, and interactivity for buttons', () => {
    const manifest = buildManifest();
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(false);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(Object.keys(BOT_SCOPES));
  });

  it('GIVEN a public URL THEN the HTTP-mode manifest sends commands, events and clicks to the receiver path', () => {
    const manifest = buildManifest({ publicUrl: 'https://bot.example.org/' });
    const expected = `https://bot.example.org${EVENTS_PATH}`;
    expect(manifest.features.slash_commands[0]?.url).toBe(expected);
    expect(manifest.settings.event_subscriptions.request_url).toBe(expected);
    expect(manifest.settings.interactivity.request_url).toBe(expected);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.oauth_config.redirect_urls).toBeUndefined();
  });

  it('GIVEN a distributed app THEN Slack sends installs back to the OAuth redirect and tells the bot when a workspace removes it', () => {
    const manifest = buildManifest({ publicUrl: 'https://bot.example.org/', distributed: true });
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://bot.example.org${REDIRECT_PATH}`]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS, 'app_uninstalled', 'tokens_revoked']);
    expect(manifest.oauth_config.scopes.bot).toEqual(Object.keys(BOT_SCOPES));
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const yaml = manifestYaml(manifest, { publicUrl: 'https://bot.example.org', distributed: true });
    expect(yaml).toContain(`a distributed app installed at https://bot.example.org${INSTALL_PATH}`);
    expect(readYaml(yaml)).toEqual(manifest);
  });
});

describe('the manifest against what the adapter really does', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket', moderatorGroup: 'S0MODS' });
    h.slack.usergroups.set('S0MODS', ['U0GROUP']);
  });
  afterAll(async () => h.stop());

  it('GIVEN every path that calls Slack THEN the manifest grants exactly the scopes those calls need', async () => {
    const manifest = buildManifest();
    const command = manifest.features.slash_commands[0]!.command;
    const url = h.slack.responseUrl();
    await h.slack.socket.send('slash_commands', slashCommand({ command, text: 'Autauga, AL', response_url: url, user_id: 'U0GROUP' }));
    expect((await h.slack.responseTo(url)).body.response_type).toBe('in_channel');
    await h.slack.socket.send('events_api', appHomeOpened());
    await h.slack.calls.waitFor((c) => c.method === 'views.publish');
    await h.bot.sender.send('C0NEWS', { status: 'ok', title: 'Reminder', sections: [], notes: [], attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }, { key: 'k' });
    await h.bot.sender.findDelivered!('C0NEWS', 'k');
    // Messages to the bot: a mention with a file (only its id, as Slack Connect sends it), a
    // mention that forgot the file, and a direct message.
    const answered = async (payload: Record<string, unknown>): Promise<ApiCall> => {
      const ts = (payload.event as { ts: string }).ts;
      await h.slack.socket.send('events_api', payload);
      return h.slack.calls.waitFor((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts, 20_000);
    };
    const csv = readFileSync(new URL('../../../data/ice_287g_participating_2026-01-23.csv', import.meta.url));
    const hosted = h.slack.hostFile({ name: 'ice_287g_participating_2026-01-23.csv', bytes: csv });
    const withFile = await answered(appMention({ text: '<@U0BOT> import 287g', user: 'U0GROUP', files: [{ id: hosted.id, file_access: 'check_file_info' }] }));
    expect(withFile.method).toBe('chat.postMessage');
    expect(h.slack.downloads.items).toEqual([{ fileId: hosted.id, token: 'xoxb-test', served: true }]);
    expect((await answered(appMention({ text: '<@U0BOT> import 287g', user: 'U0GROUP' }))).method).toBe('chat.postEphemeral');
    expect((await answered(directMessage({ text: 'help' }))).method).toBe('chat.postMessage');
    const events = ['app_home_opened', 'app_mention', 'message.im'];

    const methods = [...new Set(h.slack.calls.items.map((c) => c.method))].sort();
    expect(methods).toEqual([
      'apps.connections.open', 'auth.test', 'chat.postEphemeral', 'chat.postMessage', 'conversations.history',
      'files.completeUploadExternal', 'files.getUploadURLExternal', 'files.info', 'usergroups.users.list', 'users.info', 'views.publish',
    ]);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(events);
    const unknown = methods.filter((m) => !(m in METHOD_SCOPES) && !APP_TOKEN_METHODS.includes(m));
    expect(unknown).toEqual([]);
    const needed = new Set([
      ...methods.flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...FEATURE_SCOPES,
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? []),
      ...(h.slack.downloads.items.length ? [DOWNLOAD_SCOPE] : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect(h.slack.calls.filter((c) => c.method === 'apps.connections.open').every((c) => c.token === 'xapp-test')).toBe(true);
    expect(h.slack.calls.filter((c) => !APP_TOKEN_METHODS.includes(c.method)).every((c) => c.token === 'xoxb-test')).toBe(true);
  });
});
