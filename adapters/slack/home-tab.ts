import type { types } from '@slack/bolt';
import type { CommandRegistry } from '../../src/commands/registry.ts';
import { usage } from '../../src/commands/usage.ts';
import type { ChannelSubscriptionSummary } from '../../src/queries/workspace-subscriptions.ts';
import { contextBlocks, header, textSections, type KnownBlock } from './block-parts.ts';
import { SLASH_COMMAND } from './constants.ts';
import { escapeText } from './escape.ts';
import { LIMITS } from './limits.ts';

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** `<#C123>` shows the channel's name to everyone who can see it, and pings nobody. */
function channelLabel(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : escapeText(channelId);
}

function subscriptionLine(s: ChannelSubscriptionSummary): string {
  const kinds = s.kinds.length ? s.kinds.join(', ') : 'nothing yet';
  return `• ${channelLabel(s.channelId)} — ${escapeText(s.scope)}: ${escapeText(kinds)}${s.paused ? ' _(paused)_' : ''}`;
}

/**
 * The App Home tab: what the bot does, every command (from the registry, so new commands
 * appear by themselves) and what this workspace's channels are subscribed to.
 */
export function homeView(registry: CommandRegistry, subscriptions: readonly ChannelSubscriptionSummary[], isModerator: boolean): types.HomeView {
  const commands = registry.all().filter((c) => c.permission === 'everyone' || isModerator);
  const commandLines = commands.map((c) => {
    const example = c.examples[0] ? ` — e.g. \`${SLASH_COMMAND} ${escapeText(c.examples[0])}\`` : '';
    const who = c.permission === 'moderator' ? ' _(moderators)_' : '';
    return `• \`${SLASH_COMMAND} ${escapeText(usage(c))}\`${who}\n    ${escapeText(c.description)}${example}`;
  });
  const blocks: KnownBlock[] = [
    header('Sheriff Watch'),
    ...textSections([
      'Who your county sheriff is, how to reach them, where they stand on ICE — with the source and date of every fact — and when the next sheriff election is.',
      `Type \`${SLASH_COMMAND}\` and a county in any channel, e.g. \`${SLASH_COMMAND} Travis, TX\`. Answers to mistakes are shown only to you.`,
    ]),
    { type: 'divider' },
    ...textSections(['*Commands*', ...commandLines]),
    { type: 'divider' },
    ...textSections([
      '*Subscriptions in this workspace*',
      ...(subscriptions.length ? subscriptions.map(subscriptionLine) : ['No subscriptions yet.']),
    ]),
    ...contextBlocks(['Unknown is an answer: Sheriff Watch never guesses a name, a date or a position.']),
  ];
  if (blocks.length > LIMITS.homeBlocks) {
    const kept = blocks.slice(0, LIMITS.homeBlocks - 1);
    return { type: 'home', blocks: [...kept, ...contextBlocks([`_${blocks.length - kept.length} more blocks not shown._`])] };
  }
  return { type: 'home', blocks };
}
