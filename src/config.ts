import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const schema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('./sheriff-watch.db'),
  /** Unset: 'warn' in the terminal chat (its stderr is the user's screen), 'info' otherwise. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DISCORD_TOKEN: optional,
  SLACK_BOT_TOKEN: optional,
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Raised at start when the environment is wrong; lists every problem at once. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once, validates it, and freezes the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
