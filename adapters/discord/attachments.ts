/**
 * Downloads the files of ATTACHMENT options into the core's ctx.attachments: only from
 * Discord's CDN (or the configured API host, for a proxy or tests), only up to a size cap,
 * and within a time limit.
 */
import type { AttachedFile } from '../../src/framework/types.ts';
import { t, type Language, type MessageKey, type Params } from '../../src/i18n/index.ts';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;
const DISCORD_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

export class AttachmentRefused extends Error {
  override name = 'AttachmentRefused';
  constructor(
    readonly reason: 'too_large' | 'bad_host' | 'failed',
    private readonly key: MessageKey,
    private readonly params: Params,
  ) {
    super(t('en', key, params));
  }

  /** What to tell the user, in their language. */
  messageIn(language: Language): string {
    return t(language, this.key, this.params);
  }
}

export interface AttachmentSource {
  name: string;
  url: string;
  size: number;
}

export interface DownloadPolicy {
  maxBytes: number;
  /** Hosts allowed besides Discord's CDN (the DISCORD_API_URL host). */
  extraHosts: string[];
}

function allowedUrl(url: string, policy: DownloadPolicy): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    if (DISCORD_HOSTS.has(parsed.hostname)) return parsed.protocol === 'https:';
    return policy.extraHosts.includes(parsed.host);
  } catch {
    return false;
  }
}

export async function downloadAttachment(source: AttachmentSource, policy: DownloadPolicy): Promise<AttachedFile> {
  const limit = `${Math.floor(policy.maxBytes / 1024 / 1024)} MB`;
  const name = source.name;
  if (source.size > policy.maxBytes) throw new AttachmentRefused('too_large', 'discord.file.too-large', { name, limit });
  if (!allowedUrl(source.url, policy)) throw new AttachmentRefused('bad_host', 'discord.file.bad-host', { name });
  let response: Response;
  try {
    response = await fetch(source.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new AttachmentRefused('failed', 'discord.file.failed', { name, error: error instanceof Error ? error.message : String(error) });
  }
  if (!response.ok || !response.body) {
    throw new AttachmentRefused('failed', 'discord.file.failed-http', { name, status: response.status });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early cancels the download.
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > policy.maxBytes) break;
    chunks.push(chunk);
  }
  if (total > policy.maxBytes) throw new AttachmentRefused('too_large', 'discord.file.too-large', { name, limit });
  return { filename: source.name, data: Buffer.concat(chunks) };
}
