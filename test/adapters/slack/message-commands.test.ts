import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadSlackFile, SlackFileRefused } from '../../../adapters/slack/file-download.ts';
import { lineWithFiles, messageLine, onlyFileCommand } from '../../../adapters/slack/message-commands.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import { parseCommandLine } from '../../../src/framework/parse.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack/index.ts';

const registry = createRegistry();

describe('a message to the bot as a command line', () => {
  it('GIVEN Slack-formatted text THEN the bot mention goes, links and channels read as typed, and entities are unescaped', () => {
    expect(messageLine('<@U0BOT> import 287g 2026-01-23', 'U0BOT')).toBe('import 287g 2026-01-23');
    expect(messageLine('hey <@U0BOT|sheriff>   positions  287g TX', 'U0BOT')).toBe('hey positions 287g TX');
    expect(messageLine('<@U0BOT> position set Travis, TX detainers no <https://x.org/a?b=1&amp;c=2|x.org/a> <!here> &lt;note&gt;', 'U0BOT')).toBe(
      'position set Travis, TX detainers no https://x.org/a?b=1&c=2 <note>',
    );
    expect(messageLine('<@U0BOT> cc <@U0ANA> in <#C0NEWS|news>', 'U0BOT')).toBe('cc @U0ANA in #news');
  });

  it('GIVEN the registry THEN with two commands reading files (import-287g, import-roster), a bare upload names neither', () => {
    expect(onlyFileCommand(registry)).toBeUndefined();
  });

  it('GIVEN files THEN each is named in its option so the core parser takes it, whatever the file name', () => {
    const line = lineWithFiles('import 287g 2026-01-23', [{ option: 'file', filename: 'ICE "list" July 2025.xlsx' }]);
    expect(parseCommandLine(registry, line).args).toEqual({ file: 'ICE_list_July_2025.xlsx', date: '2026-01-23' });
  });
});

describe('downloading a shared file', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => slack.close());

  const refusal = async (promise: Promise<unknown>): Promise<SlackFileRefused> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SlackFileRefused);
    return error as SlackFileRefused;
  };

  it('GIVEN a URL off Slack’s file host THEN refused without a request: the bot token never leaves Slack', async () => {
    const file = slack.hostFile({ name: 'a.csv', bytes: Buffer.from('x') });
    const offHost = await refusal(downloadSlackFile(file, { token: 'xoxb-test', maxBytes: 1_000, extraHosts: [] }));
    expect(offHost.reason).toBe('bad_host');
    const plainHttp = await refusal(downloadSlackFile({ ...file, url_private_download: 'http://files.slack.com/files-pri/T-F/a.csv' }, { token: 'xoxb-test', maxBytes: 1_000, extraHosts: [] }));
    expect(plainHttp.reason).toBe('bad_host');
    expect(slack.downloads.items).toEqual([]);
  });

  it('GIVEN a file larger than it claimed THEN the download stops at the limit and is refused', async () => {
    const file = slack.hostFile({ name: 'big.csv', bytes: Buffer.alloc(64 * 1024, 'a'), size: 10 });
    const host = new URL(slack.baseUrl).host;
    const refused = await refusal(downloadSlackFile(file, { token: 'xoxb-test', maxBytes: 1_024, extraHosts: [host] }));
    expect(refused.reason).toBe('too_large');
    expect(refused.messageIn('es')).toBe('"big.csv" pesa más de 1 KB, el máximo que lee el bot, así que no se descargó. Compruebe que sea el archivo correcto.');
  });

  it('GIVEN a deleted or external file THEN refused as not downloadable, without a request', async () => {
    const file = slack.hostFile({ name: 'gone.csv', bytes: Buffer.from('x'), mode: 'tombstone' });
    const before = slack.downloads.items.length;
    const refused = await refusal(downloadSlackFile(file, { token: 'xoxb-test', maxBytes: 1_000, extraHosts: [new URL(slack.baseUrl).host] }));
    expect(refused.reason).toBe('not_downloadable');
    expect(slack.downloads.items.length).toBe(before);
  });
});
