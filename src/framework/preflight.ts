/**
 * What every adapter asks before running anything: which command the input names, whether
 * this caller may run it, and which of its options need files. The only place a command is
 * found by name and the only place a permission is decided; adapters map platform identity to
 * the Caller's roles and nothing more.
 */
import { distance } from 'fastest-levenshtein';
import { msg } from '../i18n/index.ts';
import { commandForWord } from './command-words.ts';
import { UserError } from '../user-error.ts';
import type { CommandRegistry } from './registry.ts';
import type { Caller, CommandDef, OptionDef, Permission } from './types.ts';

/** A line as the grammar reads it: single spaces, no leading slash. */
export function normalizeLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim().replace(/^\//, '');
}

/**
 * The command a line names and the words after the name: its first word, or its first two
 * joined by a hyphen ('position set …', 'import 287g …'). Undefined when the line names none.
 */
export function commandNamed(registry: CommandRegistry, line: string): { command: CommandDef; words: string[] } | undefined {
  const input = normalizeLine(line);
  if (!input) return undefined;
  const [first = '', ...rest] = input.split(' ');
  // Spanish command words too: 'ayuda', 'alguacil Harris, TX', 'llamar Travis, TX'.
  const named = registry.get(first.toLowerCase()) ?? registry.get(commandForWord(first) ?? '');
  if (named) return { command: named, words: rest };
  const joined = rest.length > 0 ? registry.get(`${first}-${rest[0]}`.toLowerCase()) : undefined;
  return joined ? { command: joined, words: rest.slice(1) } : undefined;
}

/**
 * A command name one slip from the word: a letter wrong, missing or extra, or two letters
 * swapped ("stauts" → status). Offered as "did you mean", never run unasked.
 */
export function commandNear(registry: CommandRegistry, word: string): CommandDef | undefined {
  const typed = word.toLowerCase();
  if (typed.length <= 3) return undefined;
  const sorted = (text: string): string => [...text].sort().join('');
  return registry
    .all()
    .find((c) => distance(typed, c.name) <= 1 || (typed.length === c.name.length && sorted(typed) === sorted(c.name) && distance(typed, c.name) <= 2));
}

const HOLDS: Record<Permission, (caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>) => boolean> = {
  everyone: () => true,
  'community-manager': (caller) => caller.isCommunityManager,
  editor: (caller) => caller.isEditor,
};

/** Whether the caller may run the command. */
export function mayRun(command: Pick<CommandDef, 'permission'>, caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>): boolean {
  return HOLDS[command.permission](caller);
}

/** The answer to a caller who may not run the command: who may, and why. */
export function refusal(command: CommandDef): UserError {
  if (command.permission === 'community-manager') {
    return new UserError('forbidden', 'subs.forbidden', {}, [msg('subs.forbidden.help', { command: `\`${command.name}\`` })]);
  }
  return new UserError('forbidden', 'run.moderators-only', {}, [msg('run.moderators-only.hint', { command: command.name })]);
}

/** A command's 'attachment' options, in order. */
export const fileOptionsOf = (command: CommandDef): OptionDef[] => command.options.filter((o) => o.type === 'attachment');

export interface Preflight {
  /**
   * The command named; undefined for an unknown name, or a line that names none (the grammar
   * then reads it as a lookup, or says what is wrong).
   */
  command: CommandDef | undefined;
  /** Whether this caller may run it; true when no command is named. */
  allowed: boolean;
  /** Its 'attachment' options, in order: the files an adapter fetches before running it. */
  fileOptions: OptionDef[];
  /** Whether it cannot run without a file (a required 'attachment' option). */
  needsFile: boolean;
}

/** What the input names and whether this caller may run it; never throws. */
export function preflight(registry: CommandRegistry, input: { line: string } | { command: string }, caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>): Preflight {
  const command = 'line' in input ? commandNamed(registry, input.line)?.command : registry.get(input.command);
  if (!command) return { command: undefined, allowed: true, fileOptions: [], needsFile: false };
  const fileOptions = fileOptionsOf(command);
  return { command, allowed: mayRun(command, caller), fileOptions, needsFile: fileOptions.some((o) => o.required) };
}

/** The commands this caller may run, in the registry's order (help, the Slack App Home). */
export function commandsFor(registry: CommandRegistry, caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>): CommandDef[] {
  return registry.all().filter((command) => mayRun(command, caller));
}
