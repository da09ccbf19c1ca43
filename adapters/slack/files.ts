import type { webApi } from '@slack/bolt';
import { t, type Language } from '../../src/i18n/index.ts';
import { attachmentBytes, type Attachment } from '../../src/reply.ts';

/** Slack's limit on an image's alt text. */
const ALT_TEXT_MAX = 1000;

/**
 * Shares a reply's files in a channel with files.uploadV2 (files.getUploadURLExternal, the
 * upload, files.completeUploadExternal; scope files:write). Throws when Slack refuses, e.g.
 * `not_in_channel` for a private channel the bot was not invited to.
 */
export async function uploadAttachments(
  client: webApi.WebClient,
  channelId: string,
  attachments: readonly Attachment[],
  threadTs?: string,
): Promise<void> {
  if (attachments.length === 0) return;
  await client.filesUploadV2({
    channel_id: channelId,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    file_uploads: attachments.map((a) => ({
      ...(typeof a.content === 'string' ? { content: a.content } : { file: attachmentBytes(a) }),
      filename: a.filename,
      title: a.filename,
      ...(a.altText ? { alt_text: a.altText.slice(0, ALT_TEXT_MAX) } : {}),
    })),
  });
}

/** Slack's error code from a Web API failure, e.g. 'not_in_channel'; undefined otherwise. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** What to tell the person when a reply's files could not be shared: Slack's reason, and to invite the bot where that is why. */
export function filesNotSharedText(error: unknown, language: Language): string {
  const code = slackErrorCode(error) ?? 'error';
  const hint = code === 'not_in_channel' || code === 'channel_not_found' ? t(language, 'slack.invite') : '';
  return `${t(language, 'slack.file-not-shared', { code })}${hint}`;
}
