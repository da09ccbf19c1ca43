import type { Invocation } from '../../src/reply.ts';
import { LIMITS } from './limits.ts';

/** Every button this adapter renders has an action_id starting with this. */
export const ACTION_PREFIX = 'sw:';
export const PAGE_ACTION = `${ACTION_PREFIX}page:`;
export const CHOICE_ACTION = `${ACTION_PREFIX}choice:`;

/** Matches every Sheriff Watch button, for Bolt's action listener. */
export const ACTION_ID_PATTERN = /^sw:/;

/** A button's value: the invocation it runs, as compact JSON; undefined if it will not fit. */
export function encodeInvocation(invocation: Invocation): string | undefined {
  const value = JSON.stringify({ c: invocation.command, a: invocation.args });
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

/** The invocation a button carries, or undefined when the value is not one of ours. */
export function decodeInvocation(value: string | undefined): Invocation | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { c, a } = parsed as { c?: unknown; a?: unknown };
  if (typeof c !== 'string' || typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
  const args: Invocation['args'] = {};
  for (const [key, arg] of Object.entries(a)) {
    if (typeof arg !== 'string' && typeof arg !== 'number') return undefined;
    args[key] = arg;
  }
  return { command: c, args };
}
