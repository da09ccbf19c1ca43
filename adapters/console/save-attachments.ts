import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Attachment } from '../../src/reply.ts';

/**
 * Writes a reply's files (e.g. an .ics calendar) into `dir` and returns what to tell the user.
 * Names are reduced to their last path part, so a file name can never escape `dir`.
 */
export function saveAttachments(attachments: readonly Attachment[] | undefined, dir: string): string[] {
  return (attachments ?? []).map((file) => {
    const name = basename(file.filename).replace(/[^\w.-]/g, '_') || 'attachment';
    const path = join(dir, name);
    writeFileSync(path, file.content);
    return `Saved ${file.filename} to ${path}`;
  });
}
