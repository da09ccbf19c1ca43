/**
 * Downloads a file someone shared in Slack, for the core's ctx.attachments: refused by size
 * before any byte is fetched, only from Slack's file host (or the configured API host, for a
 * proxy or tests) so the bot token is never sent anywhere else, capped while streaming, and
 * within a time limit. Needs the bot scope files:read.
 */
import type { AttachedFile } from '../../src/framework/types.ts';
import { t, type Language, type MessageKey, type Params } from '../../src/i18n/index.ts';

/** Where Slack serves url_private / url_private_download. */
const SLACK_FILE_HOSTS = new Set(['files.slack.com']);
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** The fields of a Slack file object (as events and files.info carry it) this adapter reads. */
export interface SlackFile {
  id: string;
  name?: string | undefined;
  title?: string | undefined;
  size?: number | undefined;
  mimetype?: string | undefined;
  url_private_download?: string | undefined;
  url_private?: string | undefined;
  /** 'check_file_info' when the event carries only the id (Slack Connect): ask files.info. */
  file_access?: string | undefined;
  /** 'external' (a Google Drive link…), 'tombstone' (deleted), 'snippet', 'hosted', … */
  mode?: string | undefined;
}

export type DownloadRefusal = 'too_large' | 'not_downloadable' | 'bad_host' | 'failed' | 'not_a_file';

/** Why a file could not be fetched, with the words to tell the user. */
export class SlackFileRefused extends Error {
  override name = 'SlackFileRefused';
  constructor(
    readonly reason: DownloadRefusal,
    private readonly key: MessageKey,
    private readonly params: Params,
  ) {
    super(`${reason}: ${t('en', key, params)}`);
  }

  messageIn(language: Language): string {
    return t(language, this.key, this.params);
  }
}

export interface DownloadPolicy {
  /** The bot token, sent as `Authorization: Bearer` (Slack's rule for private file URLs). */
  token: string;
  maxBytes: number;
  /** Hosts allowed besides files.slack.com, e.g. SLACK_API_URL's (tests, a proxy). */
  extraHosts: readonly string[];
  timeoutMs?: number;
}

export const fileName = (file: SlackFile): string => file.name || file.title || file.id;

const megabytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;

/** Refuses, without fetching anything, a file that is too large or not a downloadable upload. */
export function checkBeforeDownload(file: SlackFile, maxBytes: number): void {
  const name = fileName(file);
  if (file.mode === 'tombstone' || file.mode === 'external' || file.mode === 'hidden_by_limit') {
    throw new SlackFileRefused('not_downloadable', 'slack.file.not-downloadable', { name });
  }
  if (typeof file.size === 'number' && file.size > maxBytes) {
    throw new SlackFileRefused('too_large', 'slack.file.too-large', { name, limit: megabytes(maxBytes) });
  }
}

function allowedUrl(url: string, extraHosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    if (SLACK_FILE_HOSTS.has(parsed.hostname)) return parsed.protocol === 'https:';
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && extraHosts.includes(parsed.host);
  } catch {
    return false;
  }
}

/** The file's bytes. Throws SlackFileRefused with the reason; never sends the token off Slack. */
export async function downloadSlackFile(file: SlackFile, policy: DownloadPolicy): Promise<AttachedFile> {
  const name = fileName(file);
  checkBeforeDownload(file, policy.maxBytes);
  const url = file.url_private_download ?? file.url_private;
  if (!url) throw new SlackFileRefused('not_downloadable', 'slack.file.not-downloadable', { name });
  if (!allowedUrl(url, policy.extraHosts)) throw new SlackFileRefused('bad_host', 'slack.file.bad-host', { name });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${policy.token}` },
      signal: AbortSignal.timeout(policy.timeoutMs ?? DOWNLOAD_TIMEOUT_MS),
      // A redirect would leave Slack's host (and Slack answers a token without files:read with one).
      redirect: 'manual',
    });
  } catch (error) {
    throw new SlackFileRefused('failed', 'slack.file.failed', { name, error: error instanceof Error ? error.message : String(error) });
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new SlackFileRefused('not_a_file', 'slack.file.no-access', { name });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new SlackFileRefused('failed', 'slack.file.failed-http', { name, status: response.status });
  }
  // Without files:read Slack answers 200 with its sign-in page instead of the file.
  if ((response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')) {
    await response.body.cancel();
    throw new SlackFileRefused('not_a_file', 'slack.file.no-access', { name });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early cancels the download.
    for await (const chunk of response.body) {
      total += chunk.length;
      if (total > policy.maxBytes) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw new SlackFileRefused('failed', 'slack.file.failed', { name, error: error instanceof Error ? error.message : String(error) });
  }
  if (total > policy.maxBytes) throw new SlackFileRefused('too_large', 'slack.file.too-large', { name, limit: megabytes(policy.maxBytes) });
  return { filename: name, data: Buffer.concat(chunks) };
}
