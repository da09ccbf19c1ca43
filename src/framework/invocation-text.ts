import type { Invocation } from '../reply.ts';
import type { CommandRegistry } from './registry.ts';

/** The free-text line that runs an invocation, e.g. 'positions 287g TX page 2'. */
export function invocationText(registry: CommandRegistry, invocation: Invocation): string {
  const command = registry.get(invocation.command);
  if (!command) return invocation.command;
  const parts = [command.name];
  command.options.forEach((option, index) => {
    const value = invocation.args[option.name];
    if (value === undefined || value === '') return;
    const previous = command.options[index - 1];
    if (option.type === 'state' && previous?.type === 'county') parts[parts.length - 1] += `, ${value}`;
    else parts.push(String(value));
  });
  if (invocation.args.page !== undefined) parts.push(`page ${invocation.args.page}`);
  return parts.join(' ');
}
