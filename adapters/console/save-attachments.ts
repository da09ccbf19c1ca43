import { t, type Language } from '../../src/i18n/index.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { attachmentBytes, type Attachment } from '../../src/reply.ts';

/**
 * Writes a reply's files (e.g. an .ics calendar) into `dir` and returns what to tell the user.
 * Names are reduced to their last path part, so a file name can never escape `dir`.
 */
export function saveAttachments(attachments: readonly Attachment[] | undefined, dir: string, language: Language = 'en'): string[] {
  if (attachments?.length) mkdirSync(dir, { recursive: true });
  return (attachments ?? []).map((file) => {
    const name = basename(file.filename).replace(/[^\w.-]/g, '_') || 'attachment';
    const path = join(dir, name);
    writeFileSync(path, typeof file.content === 'string' ? file.content : attachmentBytes(file));
    return t(language, 'console.saved', { file: file.filename, path });
  });
}
