import { parseState } from '../domain/states.ts';
import { msg, type Language } from '../i18n/index.ts';
import { UserError, type ErrorChoice } from '../user-error.ts';
import { PAGE_OPTION } from './options.ts';
import { commandNamed, commandNear, normalizeLine } from './preflight.ts';
import type { CommandRegistry } from './registry.ts';
import type { Args, ChatPlatform, CommandDef, OptionDef } from './types.ts';
import { allowedChoices, usage } from './usage.ts';

export interface ParsedCommand {
  command: CommandDef;
  args: Args;
}

/** The command used when a line does not start with a command name: a sheriff lookup. */
export const DEFAULT_COMMAND = 'sheriff';

const MAX_LINE = 500;

/**
 * Parses free text such as 'positions 287g TX page 2' or 'Autauga, AL' into a command and
 * its arguments — the grammar shared by the console and Slack. Throws UserError.
 */
export function parseCommandLine(registry: CommandRegistry, line: string): ParsedCommand {
  const input = normalizeLine(line);
  if (!input) throw new UserError('empty_command', 'parse.empty', {}, [msg('parse.help')]);
  if (input.length > MAX_LINE) {
    throw new UserError('too_long', 'parse.too-long', {}, [msg('parse.too-long.hint', { max: MAX_LINE })]);
  }
  const named = commandNamed(registry, input);
  if (named) return { command: named.command, args: parseArgs(named.command, named.words) };
  const [first = '', ...rest] = input.split(' ');

  const near = commandNear(registry, first);
  if (near && rest.length > 0) {
    // Offered, not run: "stauts Harris, TX" is status for Harris, never a county named "stauts Harris".
    let choices: ErrorChoice[];
    try {
      const args = Object.fromEntries(Object.entries(parseArgs(near, rest)).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
      choices = [{ label: `${near.name} ${rest.join(' ')}`, invocation: { command: near.name, args } }];
    } catch {
      choices = [];
    }
    throw new UserError('unknown_command', 'parse.unknown', { name: first }, [msg('parse.did-you-mean', { name: near.name, usage: usage(near) })], choices);
  }
  const fallback = registry.get(DEFAULT_COMMAND);
  if (!fallback) throw new UserError('unknown_command', 'parse.unknown', { name: first }, [msg('parse.help')]);
  return { command: fallback, args: parseArgs(fallback, input.split(' ')) };
}

function parseArgs(command: CommandDef, tokens: string[]): Args {
  const args: Args = {};
  let words = takeNamed(command, tokens, args);
  if (command.paged && words.length >= 2 && words.at(-2)!.toLowerCase() === 'page') {
    args.page = parseInteger(command, PAGE_OPTION, words.at(-1)!);
    words = words.slice(0, -2);
  }
  command.options.forEach((option, index) => {
    const isLast = index === command.options.length - 1;
    const previous = command.options[index - 1];
    if (args[option.name] !== undefined) return; // given by name
    if (option.type === 'state' && previous?.type === 'county') return; // carried in the county text
    if (words.length === 0) return;
    if (isSkippable(option, isLast) && !fits(option, words[0]!)) return;
    const end = option.type === 'county' ? countyEnd(command, index, words) : undefined;
    const takesRest = option.type === 'county' || (option.type === 'text' && !option.pattern) || (option.type === 'state' && isLast);
    const taken = end !== undefined ? words.slice(0, end).join(' ') : takesRest ? words.join(' ') : words[0]!;
    words = end !== undefined ? words.slice(end) : takesRest ? [] : words.slice(1);
    args[option.name] = parseValue(command, option, taken);
  });
  if (words.length > 0) {
    throw new UserError('bad_arguments', 'parse.too-much', { command: command.name }, [
      msg('parse.too-much.hint', { words: words.join(' '), usage: usage(command) }),
    ]);
  }
  for (const option of command.options) {
    if (option.required && args[option.name] === undefined) {
      throw new UserError('missing_argument', 'parse.needs', { command: command.name, option: option.name }, [
        msg('parse.usage', { usage: usage(command) }),
        ...command.examples.slice(0, 2).map((example) => msg('parse.example', { example })),
      ]);
    }
  }
  return args;
}

/**
 * An optional option that free text may leave out even though later options follow: one with a
 * pattern (an optional URL, a '#57' version), or a choice that is not the last option. It takes
 * the next word only when that word fits.
 */
function isSkippable(option: OptionDef, isLast: boolean): boolean {
  return !option.required && (option.pattern !== undefined || (option.type === 'choice' && !isLast));
}

function fits(option: OptionDef, word: string): boolean {
  if (option.pattern) return option.pattern.test(word);
  if (option.type === 'choice') {
    try {
      parseChoice(option, word);
      return true;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Where a county's words end when more options follow it (e.g. 'position-set Travis, TX
 * detainers no …'): before the first word, after the first, that fits the next option when that
 * is a choice or has a pattern. Undefined otherwise: the county takes the rest of the line.
 */
function countyEnd(command: CommandDef, index: number, words: string[]): number | undefined {
  const next = command.options.slice(index + 1).find((o) => o.type !== 'state');
  if (!next || (next.type !== 'choice' && !next.pattern)) return undefined;
  const end = words.findIndex((word, i) => i > 0 && fits(next, word));
  return end === -1 ? words.length : end;
}

/**
 * Words written `name:value` set that option by name, anywhere after the command, as Discord
 * shows options (`location:"Room 2, 700 Lavaca St"`: double quotes keep spaces). Returns the
 * other words, which fill the options in order as before.
 */
function takeNamed(command: CommandDef, tokens: string[], args: Args): string[] {
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = /^([a-z][a-z0-9-]*):(.+)$/i.exec(tokens[i]!);
    const option = match ? command.options.find((o) => o.name === match[1]!.toLowerCase()) : undefined;
    if (!match || !option) {
      rest.push(tokens[i]!);
      continue;
    }
    let value = match[2]!;
    if (value.startsWith('"')) {
      while (!(value.length > 1 && value.endsWith('"')) && i + 1 < tokens.length) value += ` ${tokens[++i]}`;
      value = value.replace(/^"|"$/g, '');
    } else if (option.words) {
      while (i + 1 < tokens.length && !namesOption(command, tokens[i + 1]!)) value += ` ${tokens[++i]}`;
    }
    if (value.trim()) args[option.name] = parseValue(command, option, value.trim());
  }
  return rest;
}

/** Whether a word is `name:value` for one of the command's options. */
function namesOption(command: CommandDef, word: string): boolean {
  const name = /^([a-z][a-z0-9-]*):/i.exec(word)?.[1]?.toLowerCase();
  return name !== undefined && command.options.some((o) => o.name === name);
}

function parseValue(command: CommandDef, option: OptionDef, raw: string): string | number {
  switch (option.type) {
    case 'integer':
      return parseInteger(command, option, raw);
    case 'state': {
      const state = parseState(raw);
      if (!state) {
        throw new UserError('bad_state', 'place.bad-state', { text: raw }, [msg('place.bad-state.hint')]);
      }
      return state;
    }
    case 'choice':
      return parseChoice(option, raw, command);
    default:
      return raw;
  }
}

/** The choice's value for what was typed (its value, English label or an alias); refused with the allowed values, labelled in the language. */
export function parseChoice(option: OptionDef, raw: string, command?: CommandDef): string {
  const word = raw.toLowerCase();
  const choice = option.choices?.find(
    (c) => c.value === word || c.label.toLowerCase() === word || c.aliases?.some((a) => a.toLowerCase() === word),
  );
  if (!choice) {
    const allowed = (language: Language) => allowedChoices(language, command, option);
    throw new UserError('bad_choice', 'parse.bad-choice', { raw, option: option.name }, [msg('parse.bad-choice.hint', { allowed })]);
  }
  return choice.value;
}

function parseInteger(command: CommandDef, option: OptionDef, raw: string): number {
  const value = Number(raw);
  const min = option.min ?? Number.MIN_SAFE_INTEGER;
  const max = option.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UserError('bad_number', 'parse.bad-number', { raw, option: option.name }, [
      option.min !== undefined ? msg('parse.bad-number.hint-min', { min, usage: usage(command) }) : msg('parse.bad-number.hint', { usage: usage(command) }),
    ]);
  }
  return value;
}

/**
 * Validates arguments that arrive already split (Discord options, buttons) with the same
 * rules as free text. Unknown argument names are ignored.
 */
export function validateArgs(command: CommandDef, raw: Args): Args {
  const args: Args = {};
  const options = command.paged
    ? [...command.options, PAGE_OPTION]
    : command.options;
  for (const option of options) {
    const value = raw[option.name];
    if (value === undefined || value === '') continue;
    args[option.name] = parseValue(command, option, String(value).trim());
  }
  for (const option of command.options) {
    if (option.required && args[option.name] === undefined) {
      throw new UserError('missing_argument', 'parse.needs', { command: command.name, option: option.name }, [msg('parse.usage', { usage: usage(command) })]);
    }
  }
  return args;
}

/** Hint parameters that show a command as typed: a usage line or an example. */
const TYPED = new Set(['usage', 'example']);

/**
 * A grammar error's usage lines and examples as typed where the reader is: Slack reaches the bot
 * through `/sheriff …`; the console takes the plain line. (Discord never reads free text: its
 * slash commands carry their options.)
 */
export function inPlatformSyntax(error: UserError, platform: ChatPlatform | undefined): UserError {
  if (platform !== 'slack') return error;
  const hints = error.hints.map((hint) => {
    if (typeof hint === 'function' || !hint.params) return hint;
    const params = Object.fromEntries(Object.entries(hint.params).map(([name, value]) => [name, TYPED.has(name) && typeof value === 'string' ? `/sheriff ${value}` : value]));
    return { ...hint, params };
  });
  return error.withHints(hints);
}
