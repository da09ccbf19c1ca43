import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/index.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import { parseCommandLine } from '../../src/framework/parse.ts';
import { UserError } from '../../src/user-error.ts';
import { plain } from '../../src/reply.ts';

const registry = createRegistry();
const parse = (line: string) => parseCommandLine(registry, line);

function errorOf(line: string): UserError {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`"${line}" parsed without error`);
}

/** The error's hint lines as an English reader sees them. */
const linesOf = (error: UserError) => (error.toReply('en').intro ?? []).map(plain);

describe('free-text parser', () => {
  it('GIVEN "sheriff Autauga, AL" THEN the county text carries the state for the resolver', () => {
    const { command, args } = parse('sheriff Autauga, AL');
    expect(command.name).toBe('sheriff');
    expect(args).toEqual({ county: 'Autauga, AL' });
  });

  it('GIVEN a line without a command name THEN it is a sheriff lookup', () => {
    const { command, args } = parse('Dona Ana, New Mexico');
    expect(command.name).toBe('sheriff');
    expect(args.county).toBe('Dona Ana, New Mexico');
  });

  it('GIVEN "positions 287g TX page 2" THEN topic, state code and page are typed', () => {
    expect(parse('positions 287g TX page 2').args).toEqual({ topic: '287g', state: 'TX', page: 2 });
  });

  it('GIVEN a topic alias and a full state name THEN both normalize', () => {
    expect(parse('POSITIONS 287(g) new mexico').args).toEqual({ topic: '287g', state: 'NM' });
  });

  it('GIVEN an unknown topic THEN the error lists the allowed topics', () => {
    const error = errorOf('positions bananas TX');
    expect(error.code).toBe('bad_choice');
    expect(linesOf(error).join(' ')).toContain('287g, detainers, ice-as-police');
  });

  it('GIVEN a state that is not a state THEN bad_state says what to type', () => {
    const error = errorOf('elections Narnia');
    expect(error.code).toBe('bad_state');
    expect(linesOf(error)[0]).toMatch(/two-letter code/);
  });

  it('GIVEN a required argument missing THEN the error shows usage and an example', () => {
    const error = errorOf('elections');
    expect(error.code).toBe('missing_argument');
    expect(linesOf(error)[0]).toContain('elections <state> [page <n>]');
  });

  it('GIVEN a bad page number THEN it is refused', () => {
    expect(errorOf('positions 287g TX page 0').code).toBe('bad_number');
  });

  it('GIVEN a near-miss command name with arguments THEN it suggests the command', () => {
    const error = errorOf('electons GA x');
    expect(error.code).toBe('unknown_command');
    expect(linesOf(error)[0]).toContain('`elections`');
  });

  it('GIVEN an empty or huge line THEN it answers with a user error, not a crash', () => {
    expect(errorOf('   ').code).toBe('empty_command');
    expect(errorOf('x'.repeat(5000)).code).toBe('too_long');
  });

  it('GIVEN an invocation THEN its text form parses back to the same invocation', () => {
    const invocation = { command: 'positions', args: { topic: '287g', state: 'TX', page: 3 } };
    const line = invocationText(registry, invocation);
    expect(line).toBe('positions 287g TX page 3');
    expect(parse(line).args).toEqual(invocation.args);
    expect(invocationText(registry, { command: 'sheriff', args: { county: 'Fairfax city', state: 'VA' } })).toBe('sheriff Fairfax city, VA');
  });
});

describe('command registry', () => {
  it('GIVEN two commands with one name THEN the registry refuses to start', async () => {
    const { CommandRegistry } = await import('../../src/framework/registry.ts');
    const [first] = registry.all();
    expect(() => new CommandRegistry([first!, first!])).toThrow(/Duplicate command name/);
  });
});
