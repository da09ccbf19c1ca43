import { parseCommandLine, type ParsedCommand } from './parse.ts';
import type { CommandRegistry } from './registry.ts';

/** Lines remembered per registry; the oldest go first past this. */
const MAX_ENTRIES = 2_000;

const caches = new WeakMap<CommandRegistry, Map<string, ParsedCommand>>();

/**
 * parseCommandLine, remembered: what a line means depends only on the registry and the line
 * (errors are never kept), and people ask the same
 * questions over and over. The arguments are frozen, so no caller can change them for the next.
 */
export function parseLine(registry: CommandRegistry, line: string): ParsedCommand {
  let cache = caches.get(registry);
  if (!cache) caches.set(registry, (cache = new Map()));
  const hit = cache.get(line);
  if (hit) return hit;
  const parsed = parseCommandLine(registry, line);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const kept = Object.freeze({ command: parsed.command, args: Object.freeze(parsed.args) });
  cache.set(line, kept);
  return kept;
}
