import { z } from 'zod';
import { parseLimit } from './trust/rate-limit.ts';
import { parseKey } from './secrets/token-box.ts';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean));

const limit = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || fallback)
    .refine((value) => parseLimit(value) !== undefined, 'must read as <count>/<window>, e.g. 10/30s, 5/1h')
    .transform((value) => parseLimit(value)!);

const url = optional.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), 'must be an http(s) URL');

const schema = z
  .object({
    DATABASE_PATH: z.string().trim().min(1).default('./sheriff-watch.db'),
    /** Unset: 'warn' in the terminal chat (its stderr is the user's screen), 'info' otherwise. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),

    /** Two-person rule: a moderator's change waits for another moderator's approval. */
    REQUIRE_REVIEW: z
      .enum(['true', 'false', '1', '0', ''])
      .optional()
      .transform((value) => value === 'true' || value === '1'),

    /** Per-user limits (platform + server/workspace + user): commands, buttons and autocomplete; proposals. */
    RATE_LIMIT_COMMANDS: limit('10/30s'),
    RATE_LIMIT_PROPOSALS: limit('5/1h'),

    DISCORD_TOKEN: optional,
    /** The one server whose moderators are the editors of the shared record; unset: nobody on Discord edits directly. */
    DISCORD_EDITOR_GUILD_ID: optional,
    /** Members with this role (name or id) are moderators; so is anyone with Manage Server. */
    DISCORD_MODERATOR_ROLE: optional,
    /** The channel where the editors are told what they must act on (e.g. a channel that stopped receiving reminders). */
    DISCORD_EDITOR_CHANNEL_ID: optional.refine((value) => value === undefined || /^\d{17,20}$/.test(value), 'must be a channel id (17-20 digits; Copy Channel ID in Discord)'),
    /** Register commands to this guild only (instant updates while testing). */
    DISCORD_GUILD_ID: optional,
    /** Another REST base URL (a REST proxy, or a test server). */
    DISCORD_API_URL: url,
    /** Gateway shards run in this process: 'auto' asks Discord how many it recommends. */
    DISCORD_SHARDS: optional
      .refine((value) => value === undefined || value === 'auto' || /^[1-9]\d{0,4}$/.test(value), "must be 'auto' or a number of shards such as 4")
      .transform((value) => (value === undefined || value === 'auto' ? ('auto' as const) : Number(value))),

    SLACK_BOT_TOKEN: optional,
    /** Socket Mode when set; otherwise the HTTP receiver on PORT. */
    SLACK_APP_TOKEN: optional,
    SLACK_SIGNING_SECRET: optional,
    /** Slack user ids that are moderators, separated by commas or spaces. */
    SLACK_MODERATOR_IDS: list,
    /** A Slack user group id whose members are moderators too. */
    SLACK_MODERATOR_GROUP: optional,
    /** The channel where the editors are told what they must act on; the bot must be a member. */
    SLACK_EDITOR_CHANNEL_ID: optional.refine((value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value), 'must be a channel id such as C0123ABCD (channel details → About)'),
    SLACK_API_URL: url,
    /** The workspace whose listed moderators are editors; unset: the workspace of the bot token. */
    SLACK_EDITOR_TEAM_ID: optional,
    /** A distributed Slack app (many workspaces, each installed through /slack/install): the app's OAuth credentials. */
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    /** Signs the OAuth state (any long random string). */
    SLACK_STATE_SECRET: optional,
    /** 32 bytes (base64 or hex) that encrypt the workspaces' tokens in the database. */
    SLACK_TOKEN_KEY: optional,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The bot's public https address: calendar feeds are served on PORT under /calendar/. */
    PUBLIC_URL: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL').optional(),

    /** The daily import of linked county meeting calendars (meeting-source); `off` for a bot that must not reach them. */
    MEETING_SYNC: z.enum(['daily', 'off']).default('daily'),

    /** ICE's 287(g) page, read for the link to the current participating-agencies sheet. */
    ICE_287G_URL: url.transform((value) => value ?? 'https://www.ice.gov/identify-and-arrest/287g'),
    /** How often a platform bot checks ICE's page, in hours (at start, then every N); 0 turns the watcher off. */
    ICE_287G_CHECK_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
    /** Sent with every request to ice.gov (some sites refuse unnamed clients). */
    ICE_287G_USER_AGENT: z.string().trim().min(1).default('sheriff-watch/0.1 (community 287(g) list watcher; checks once a day)'),
    /** Per request to ice.gov (the page, then the file). */
    ICE_287G_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) along with SLACK_BOT_TOKEN',
      });
    }
    const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
    const distributed = oauth.some((name) => env[name]);
    if (!env.SLACK_BOT_TOKEN && !distributed && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'required when other SLACK_ variables are set (or SLACK_CLIENT_ID… for a distributed app)' });
    }
    if (!distributed) return;
    for (const name of oauth) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'a distributed Slack app needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET' });
    }
    if (env.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID… (a distributed app), not both' });
    if (env.SLACK_APP_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'a distributed Slack app runs in HTTP mode (Slack redirects installs to /slack/oauth_redirect): unset SLACK_APP_TOKEN' });
    if (!env.SLACK_SIGNING_SECRET) ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'required for a distributed Slack app (HTTP mode)' });
    // Both live in the editors' workspace: without it the bot would not know whose token reads or posts there.
    for (const name of ['SLACK_EDITOR_CHANNEL_ID', 'SLACK_MODERATOR_GROUP'] as const) {
      if (env[name] && !env.SLACK_EDITOR_TEAM_ID) ctx.addIssue({ code: 'custom', path: [name], message: 'a distributed Slack app needs SLACK_EDITOR_TEAM_ID (the workspace this is in) along with it' });
    }
    if (!parseKey(env.SLACK_TOKEN_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_TOKEN_KEY'], message: 'a distributed Slack app keeps workspace tokens encrypted: set 32 random bytes as base64 or hex (openssl rand -base64 32)' });
    }
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

/** How the ICE list is fetched, from the configuration. */
export function iceFetchSettings(config: Config, maxBytes: number): { pageUrl: string; userAgent: string; timeoutMs: number; maxBytes: number } {
  return { pageUrl: config.ICE_287G_URL, userAgent: config.ICE_287G_USER_AGENT, timeoutMs: config.ICE_287G_TIMEOUT_SECONDS * 1000, maxBytes };
}

/** Which chat platforms this configuration runs; the console only when none is configured. */
export function platformsOf(config: Config): ('discord' | 'slack' | 'console')[] {
  const platforms: ('discord' | 'slack')[] = [];
  if (config.DISCORD_TOKEN) platforms.push('discord');
  if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) platforms.push('slack');
  return platforms.length ? platforms : ['console'];
}
