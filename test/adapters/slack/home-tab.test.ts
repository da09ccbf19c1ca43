import { describe, expect, it } from 'vitest';
import { homeView } from '../../../adapters/slack/home-tab.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import { en } from '../../../src/i18n/en.ts';
import type { ChannelSubscriptionSummary } from '../../../src/present/workspace-subscriptions.ts';
import { blockKitProblems } from '../../helpers/fake-slack/index.ts';
import { shown } from './harness.ts';

const registry = createRegistry();
const member = { isEditor: false, isCommunityManager: false };
const moderator = { isEditor: true, isCommunityManager: true };

describe('Slack App Home', () => {
  it('GIVEN the workspace\'s subscriptions THEN each channel is linked with its scope, kinds and whether it is paused', () => {
    const subscriptions: ChannelSubscriptionSummary[] = [
      { channelId: 'C0NEWS', scope: 'Travis County, TX', kinds: ['elections', 'meetings'], paused: false },
      { channelId: 'C0ORG', scope: 'Texas <!here> & co', kinds: ['positions'], paused: true },
      { channelId: 'not-a-channel<@U1>', scope: 'Georgia', kinds: [], paused: false },
    ];
    const view = homeView(registry, subscriptions, member);
    const all = shown(view);
    expect(view.type).toBe('home');
    expect(all).toContain('• <#C0NEWS> — Travis County, TX: elections, meetings');
    expect(all).toContain('• <#C0ORG> — Texas &lt;!here&gt; &amp; co: positions _(paused)_');
    expect(all).toContain('• not-a-channel&lt;@U1&gt; — Georgia: nothing yet');
    expect(all).not.toContain('No subscriptions yet.');
  });

  it('GIVEN no subscriptions THEN it says so, and lists the commands a non-moderator can use', () => {
    const all = shown(homeView(registry, [], member));
    expect(all).toContain('No subscriptions yet.');
    expect(all).toContain('`/sheriff sheriff &lt;county&gt;[, &lt;state&gt;]`');
    for (const command of registry.all()) {
      expect(all.includes(en[`command.${command.name}.description` as keyof typeof en].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toBe(command.permission === 'everyone');
    }
  });

  it('GIVEN a moderator THEN a command that takes a file is shown as a message to the bot, with how to send the file; members see neither', () => {
    const asModerator = shown(homeView(registry, [], moderator));
    expect(asModerator).toContain('`@Sheriff Watch import-roster &lt;file&gt;');
    expect(asModerator).not.toContain('`/sheriff import-roster');
    expect(asModerator).toContain('upload the file in a channel the bot is in (or in a direct message to it)');
    const asMember = shown(homeView(registry, [], member));
    expect(asMember).not.toContain('@Sheriff Watch');
  });

  it('GIVEN a thousand subscriptions THEN the view stays within Slack\'s limits for a Home tab', () => {
    const many = Array.from({ length: 1000 }, (_, i): ChannelSubscriptionSummary => ({
      channelId: `C${String(i).padStart(8, '0')}`, scope: `County number ${i}, TX`, kinds: ['elections', 'meetings', 'positions'], paused: i % 2 === 0,
    }));
    const view = homeView(registry, many, moderator);
    expect(blockKitProblems(view.blocks, { maxBlocks: 100 })).toEqual([]);
    expect(shown(view)).toContain('<#C00000999>');
  });
});
