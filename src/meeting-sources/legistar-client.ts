// A Legistar client name as the web API takes it (webapi.legistar.com/v1/{client}); on its own so
// the shipped-data loader can check one without loading the importer.
import { SourceError } from './types.ts';

/** The client name normalized (lower case), or SourceError('not-found'). */
export function legistarClient(locator: string): string {
  const client = locator.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,60}$/.test(client)) throw new SourceError('not-found', 'client name');
  return client;
}
