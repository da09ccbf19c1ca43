/**
 * Sending interactions the way Discord does: slash commands (typed from the commands the bot
 * registered), autocomplete, and button clicks; each returns a promise of the callback POST.
 */
import { performance } from 'node:perf_hooks';
import type { FakeGateway } from './gateway.ts';
import { interactionObject, messageObject, snowflake, type GuildSpec, type MemberSpec } from './payloads.ts';
import type { RestCall, RestRecorder } from './rest.ts';
import type { FakeState } from './routes.ts';

export interface InteractionOptions {
  member?: MemberSpec;
  /** One of the fake's guilds (default: the first); the interaction arrives on its shard. */
  guildId?: string;
  channelId?: string;
  locale?: string;
}

export interface AttachmentSpec {
  filename: string;
  data: Uint8Array;
  contentType?: string;
  /** The size Discord reports (default: the data's length). */
  size?: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: Record<string, unknown>;
  /** performance.now() just before the frame was written to the socket. */
  sentAt: number;
  /** The first callback POST for this interaction that the fake answered with 2xx. */
  callback: Promise<RestCall>;
}

type OptionValue = string | number | boolean | AttachmentSpec;

const OPTION_TYPES = { ATTACHMENT: 11 } as const;

export class InteractionSender {
  constructor(
    private readonly gw: FakeGateway,
    private readonly recorder: RestRecorder,
    private readonly fakeState: FakeState,
    private readonly guildList: GuildSpec[],
  ) {}

  private get home(): GuildSpec {
    return this.guildList[0]!;
  }

  private guildOf(options: InteractionOptions): GuildSpec {
    const guild = options.guildId === undefined ? this.home : this.guildList.find((g) => g.id === options.guildId);
    if (!guild) throw new Error(`The bot is not in guild ${options.guildId}`);
    return guild;
  }

  /** Sends any interaction: `rest` holds `type`, `data` and whatever else differs. */
  sendInteraction(rest: Record<string, unknown>, options: InteractionOptions = {}): SentInteraction {
    const guild = this.guildOf(options);
    const channelId = options.channelId ?? guild.channelIds[0]!;
    const payload = interactionObject(
      this.fakeState.applicationId,
      { guildId: guild.id, channelId, member: options.member ?? {}, locale: options.locale ?? 'en-US' },
      rest,
    );
    this.fakeState.messages.set(payload.token, { channelId, followups: [], deleted: false });
    const prefix = `/interactions/${payload.id}/`;
    const callback = this.recorder.waitFor((call) => call.path.startsWith(prefix) && call.status >= 200 && call.status < 300);
    const sentAt = performance.now();
    if (!this.gw.dispatch('INTERACTION_CREATE', payload)) throw new Error('No bot is connected to the fake gateway');
    return { id: payload.id, token: payload.token, payload, sentAt, callback };
  }

  /** A slash command, typed from the bot's registered definition (guild first, then global). */
  sendCommand(name: string, values: Record<string, OptionValue>, options: InteractionOptions = {}): SentInteraction {
    return this.sendInteraction({ type: 2, data: this.commandData(name, values) }, options);
  }

  /** Autocomplete while typing `focused`; the other values are what is already filled in. */
  sendAutocomplete(name: string, values: Record<string, OptionValue>, focused: string, options: InteractionOptions = {}): SentInteraction {
    const data = this.commandData(name, values);
    for (const option of data.options as Record<string, unknown>[]) if (option.name === focused) option.focused = true;
    return this.sendInteraction({ type: 4, data }, options);
  }

  /** A click on a button of `message` (a message body the bot sent, e.g. a callback's data). */
  clickButton(customId: string, message: Record<string, unknown>, options: InteractionOptions = {}): SentInteraction {
    const channelId = options.channelId ?? this.guildOf(options).channelIds[0]!;
    const full = messageObject(channelId, this.fakeState.botUser, { ...message, flags: message.flags ?? 0 }, String(message.id ?? snowflake()));
    return this.sendInteraction({ type: 3, data: { custom_id: customId, component_type: 2 }, message: full }, options);
  }

  /** The registered definition of a command, as the bot sent it. */
  registeredCommand(name: string): Record<string, unknown> {
    const scopes = [this.home.id, 'global'];
    for (const scope of scopes) {
      const found = this.fakeState.commands.get(scope)?.find((c) => c.name === name);
      if (found) return found;
    }
    throw new Error(`The bot has not registered /${name}`);
  }

  private commandData(name: string, values: Record<string, OptionValue>): Record<string, unknown> {
    const command = this.registeredCommand(name);
    const defs = (command.options ?? []) as { name: string; type: number }[];
    const attachments: Record<string, unknown> = {};
    const options = Object.entries(values).map(([optionName, value]) => {
      const def = defs.find((d) => d.name === optionName);
      if (!def) throw new Error(`/${name} has no option "${optionName}"`);
      if (def.type === OPTION_TYPES.ATTACHMENT && typeof value === 'object') {
        const id = snowflake();
        const contentType = value.contentType ?? 'application/octet-stream';
        const url = this.serve(value, contentType);
        attachments[id] = { id, filename: value.filename, size: value.size ?? value.data.length, url, proxy_url: url, content_type: contentType };
        return { name: optionName, type: def.type, value: id };
      }
      return { name: optionName, type: def.type, value };
    });
    return {
      id: command.id,
      name,
      type: 1,
      options,
      ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
    };
  }

  private serve(file: AttachmentSpec, contentType: string): string {
    const path = `/attachments/${snowflake()}/${encodeURIComponent(file.filename)}`;
    this.fakeState.files.set(path, { data: Buffer.from(file.data), contentType });
    return `${this.fakeState.origin}${path}`;
  }
}
