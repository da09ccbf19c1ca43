/** Request bodies as the fake Discord reads them: JSON, or multipart with `payload_json` and files. */

export interface SentFile {
  /** The form field name, e.g. 'files[0]'. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export function parseBody(contentType: string | undefined, raw: Buffer): { body: unknown; files: SentFile[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) {
    const textBody = raw.toString('utf8');
    try {
      return { body: JSON.parse(textBody), files: [] };
    } catch {
      return { body: textBody, files: [] };
    }
  }
  let body: unknown;
  const files: SentFile[] = [];
  for (const part of multipartParts(raw, boundary)) {
    if (part.filename === undefined) {
      if (part.name === 'payload_json') body = JSON.parse(part.data.toString('utf8'));
    } else {
      files.push({ field: part.name, filename: part.filename, contentType: part.contentType, data: part.data });
    }
  }
  return { body, files };
}

interface Part {
  name: string;
  filename: string | undefined;
  contentType: string;
  data: Buffer;
}

/** A small multipart/form-data reader: enough for what undici's FormData writes. */
function multipartParts(raw: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length;
    if (raw.subarray(headerStart, headerStart + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, headerStart);
    if (next === -1) break;
    const chunk = raw.subarray(headerStart + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream',
      data: Buffer.from(chunk.subarray(split + 4)),
    });
    start = next;
  }
  return parts;
}
