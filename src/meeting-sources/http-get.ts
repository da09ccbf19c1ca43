// The one network call of meeting sources: a GET with a timeout, its body read as text.
import { SourceError } from './types.ts';

const TIMEOUT_MS = 20_000;
/** Larger answers are refused rather than held in memory (a 1,000-event Legistar page is ~2 MB). */
const MAX_BYTES = 20 * 1024 * 1024;

export interface HttpAnswer {
  status: number;
  text: string;
}

/**
 * GETs a URL. A network failure or timeout is SourceError('down'); `shown` is the address as it
 * may appear in logs and messages (without any token).
 */
export async function httpGet(url: string, shown: string, accept = 'application/json'): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept, 'user-agent': 'SheriffWatch/1 (county meeting calendar)' }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new SourceError('down', `${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new SourceError('malformed', `${shown}: ${length} bytes`);
  const text = await response.text().catch((error: unknown) => {
    throw new SourceError('down', `${shown}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return { status: response.status, text };
}
