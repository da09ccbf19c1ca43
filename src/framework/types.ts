import type { IceFetchSettings } from '../importers/ice-287g-fetch.ts';
import type { Language, MessageKey } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { Reply } from '../reply.ts';
import type { Clock } from '../clock.ts';
import type { TrustServices } from '../trust/services.ts';
import type { EditorNotifier } from '../delivery/editor-notifier.ts';

/**
 * Who may run a command. Editors keep the record true (record changes, imports, review);
 * community managers decide what a channel receives and in which language; everyone reads.
 * An editor is not by that a community manager, nor the reverse: each adapter maps its
 * platform's identity to both (see Caller), and the preflight decides (preflight.ts).
 */
export type Permission = 'everyone' | 'community-manager' | 'editor';

/** The chat platforms the bot runs on. */
export type ChatPlatform = 'discord' | 'slack' | 'console';

/**
 * Option kinds. The free-text parser and each adapter derive their behaviour from these:
 * 'county' takes the rest of the line and, when followed by a 'state' option, may carry
 * the state ("Fairfax, VA"); 'choice' takes one of `choices`.
 */
export type OptionType = 'county' | 'state' | 'choice' | 'integer' | 'text' | 'attachment';

/** A file the caller attached (Discord attachment, Slack file, a path in the console). */
export interface AttachedFile {
  filename: string;
  data: Uint8Array;
}

export interface OptionChoice {
  value: string;
  label: string;
  /** The catalog entry of its label when it already has one elsewhere (a topic's name); else `<option key>.choice.<value>`. */
  labelKey?: MessageKey;
  /** Other words a user may type for this value, e.g. '287(g)' for '287g'. */
  aliases?: string[];
}

export interface OptionDef {
  name: string;
  /**
   * The catalog entry describing it, for an option several commands share (see options.ts);
   * otherwise `command.<command>.option.<name>`. Its fixed choices' labels are `<that key>.choice.<value>`.
   */
  descriptionKey?: MessageKey;
  type: OptionType;
  required: boolean;
  choices?: OptionChoice[];
  min?: number;
  max?: number;
  /**
   * Free text only: an optional option with a pattern takes the next word when it matches and
   * is left out otherwise, so an optional '#57' or URL may come before a trailing note.
   */
  pattern?: RegExp;
  /**
   * Free text only: a value written `name:value` runs over the following words up to the next
   * `name:` word, so `repeat:every 2nd Tuesday at 9am` needs no quotes.
   */
  words?: boolean;
  /** 'attachment' only: the largest file the command reads; adapters refuse bigger ones before downloading. */
  maxBytes?: number;
}

export type Args = Record<string, string | number | undefined>;

/**
 * Who is asking, as the adapter maps the platform identity: a person is platform + workspace +
 * user, and holds the roles the adapter found for them in this conversation.
 */
export interface Caller {
  /** Platform-qualified id, e.g. 'discord:1234', 'slack:U123', 'console:operator'. */
  id: string;
  platform: ChatPlatform;
  /** Server (Discord guild) or workspace (Slack team) id; 'local' in the console. */
  workspaceId: string;
  /** The platform's own user id. */
  userId: string;
  displayName: string;
  /** May change the record (positions, holders, events, imports, review). */
  isEditor: boolean;
  /** May change what this channel receives and its language (subscriptions, language). */
  isCommunityManager: boolean;
}

/** Where a command was typed: the platform's channel and server/workspace. */
export interface Conversation {
  platform: ChatPlatform;
  /** Server (Discord guild) or workspace (Slack team) id; 'local' in the console. */
  workspaceId: string;
  /** The server's or workspace's name, when the platform says; kept with each change to the record. */
  workspaceName?: string;
  channelId: string;
}

export interface CommandContext {
  store: Store;
  clock: Clock;
  caller: Caller;
  /** Absent when a command runs outside any chat (tests, benchmarks). */
  conversation?: Conversation;
  /** BCP 47 language preferred by the caller's client, when the platform says (Discord does). */
  locale?: string;
  /**
   * The reply language, when the adapter already worked it out for this one interaction (see
   * languageFor); saves reading the setting again at every step. Never reuse across interactions.
   */
  language?: Language;
  /**
   * Files for 'attachment' options, by option name; the adapter fetches them. The option's
   * argument holds the file name.
   */
  attachments?: Record<string, AttachedFile>;
  /** Tells this platform's editors something (the channel the operator named); absent when none is named. */
  editors?: EditorNotifier;
  /** REQUIRE_REVIEW: a moderator's change waits for another moderator's approval. */
  requireReview?: boolean;
  /** Per-user limits and the notices to editors and proposers; absent outside a running bot. */
  trust?: TrustServices;
  /** Where `import-287g` with no file fetches ICE's current list (ICE_287G_URL…); absent in tests unless given. */
  iceFetch?: IceFetchSettings;
}

export interface CommandDef {
  name: string;
  /**
   * The catalog entry describing it, when not `command.<name>.description` (test-only commands).
   * Descriptions live only in the catalogs: one line, at most 100 characters (Discord's limit).
   */
  descriptionKey?: MessageKey;
  options: OptionDef[];
  permission: Permission;
  /**
   * The reply depends only on the arguments, the reader's language and role, the day and
   * the data — never writes — so identical questions can share one reply until data changes.
   */
  cacheable?: boolean;
  /** Whether the command takes a `page` argument and replies with paging. */
  paged?: boolean;
  /** Free-text examples, shown in help. */
  examples: string[];
  handler(ctx: CommandContext, args: Args): Reply | Promise<Reply>;
}
