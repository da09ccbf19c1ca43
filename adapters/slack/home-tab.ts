import type { types } from '@slack/bolt';
import type { CommandRegistry } from '../../src/framework/registry.ts';
import { commandList } from '../../src/commands/about/help.ts';
import { fileOptionsOf } from '../../src/framework/preflight.ts';
import type { Caller, CommandDef } from '../../src/framework/types.ts';
import type { ChannelSubscriptionSummary } from '../../src/present/workspace-subscriptions.ts';
import { contextBlocks, header, textSections, type KnownBlock } from './block-parts.ts';
import { BOT_NAME, SLASH_COMMAND } from './constants.ts';
import { escapeText } from './escape.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { LIMITS } from './limits.ts';

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** `<#C123>` shows the channel's name to everyone who can see it, and pings nobody. */
function channelLabel(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}

function subscriptionLine(s: ChannelSubscriptionSummary, language: Language): string {
  const kinds = s.kinds.length ? s.kinds.join(', ') : t(language, 'slack.home.nothing-yet');
  return `• ${channelLabel(s.channelId)} — ${escapeText(s.scope)}: ${escapeText(kinds)}${s.paused ? ` _${t(language, 'slack.home.paused')}_` : ''}`;
}

/**
 * The App Home tab: what the bot does, every command (from the registry, so new commands
 * appear by themselves) and what this workspace's channels are subscribed to.
 */
export function homeView(
  registry: CommandRegistry,
  subscriptions: readonly ChannelSubscriptionSummary[],
  caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>,
  language: Language = 'en',
): types.HomeView {
  const entries = commandList(registry, caller, language);
  const takesFile = (c: CommandDef) => fileOptionsOf(c).length > 0;
  const commandLines = entries.map(({ command: c, usage, description, who }) => {
    // A slash command cannot carry a file: those commands are written to the bot with the upload.
    const prefix = takesFile(c) ? `@${BOT_NAME}` : SLASH_COMMAND;
    const example = c.examples[0] ? t(language, 'slack.home.example', { example: `${prefix} ${escapeText(c.examples[0])}` }) : '';
    return `• \`${prefix} ${escapeText(usage)}\`${who ? ` _${who}_` : ''}\n    ${escapeText(description)}${example}`;
  });
  const commands = entries.map((e) => e.command);
  const fileNote = commands.some(takesFile) ? [t(language, 'slack.home.files', { bot: BOT_NAME })] : [];
  const blocks: KnownBlock[] = [
    header('Sheriff Watch'),
    ...textSections([
      t(language, 'slack.home.about'),
      t(language, 'slack.home.how', { slash: SLASH_COMMAND, example: `${SLASH_COMMAND} Travis, TX` }),
    ]),
    { type: 'divider' },
    ...textSections([`*${t(language, 'help.commands')}*`, ...commandLines, ...fileNote]),
    { type: 'divider' },
    ...textSections([
      `*${t(language, 'slack.home.subscriptions')}*`,
      ...(subscriptions.length ? subscriptions.map((s) => subscriptionLine(s, language)) : [t(language, 'slack.home.no-subscriptions')]),
    ]),
    ...contextBlocks([t(language, 'slack.home.unknown')]),
  ];
  if (blocks.length > LIMITS.homeBlocks) {
    const kept = blocks.slice(0, LIMITS.homeBlocks - 1);
    return { type: 'home', blocks: [...kept, ...contextBlocks([t(language, 'slack.home.more', { count: blocks.length - kept.length })])] };
  }
  return { type: 'home', blocks };
}
