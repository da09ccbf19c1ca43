/**
 * The core's preflight through the real discord.js client: the adapter maps Discord identity to
 * the Caller's roles, the core alone decides who may run what, and what a refused caller sends
 * is never downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { MEMBER_PERMISSIONS, PERMISSIONS } from '../../helpers/fake-discord/index.ts';
import { EPHEMERAL, messageOf, startHarness, type Harness } from './harness.ts';
import { fileCommand, registryWith } from './test-commands.ts';

/** Test-only: a command for the people who manage a channel. */
const channelCommand: CommandDef = {
  name: 'channel-test',
  // Test-only: a community manager command; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [],
  permission: 'community-manager',
  examples: [],
  handler: ({ caller }) => ({ status: 'ok', title: `Managed by ${caller.id}`, sections: [], notes: [] }),
};

/** Test-only: an editor command that takes a file. */
const editorFileCommand: CommandDef = { ...fileCommand, name: 'editor-file-test', permission: 'editor' };

/** Test-only: registered on Discord, then retired: the running bot no longer finds it by name. */
const retiredCommand: CommandDef = { ...channelCommand, name: 'retired-command', permission: 'everyone' };
class WithStaleRegistration extends CommandRegistry {
  override get(name: string): CommandDef | undefined {
    return name === retiredCommand.name ? undefined : super.get(name);
  }
}

let h: Harness;
beforeAll(async () => {
  const registry = new WithStaleRegistration(registryWith(channelCommand, editorFileCommand, retiredCommand).all());
  h = await startHarness({ registry, env: { DISCORD_MODERATOR_ROLE: 'Sheriff Watch moderators' } });
});
afterAll(() => h?.stop());

const downloads = () => h.fake.calls.filter((c) => c.path.startsWith('/attachments/')).length;

describe('Discord: the core preflight decides who may run a command', () => {
  it('GIVEN a plain member THEN a community-manager command is refused privately; Manage Channels or the moderator role runs it', async () => {
    const refused = messageOf(await h.fake.sendCommand('channel-test', {}, { member: { id: '300000000000000101' } }).callback);
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.embeds[0]!.title).toBe('Moderators or channel managers only');
    for (const member of [
      { id: '300000000000000102', permissions: MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_CHANNELS },
      { id: '300000000000000103', roles: [h.fake.guild.roles[0]!.id] },
    ]) {
      const ran = messageOf(await h.fake.sendCommand('channel-test', {}, { member }).callback);
      expect(ran.embeds[0]!.title, member.id).toBe(`Managed by discord:${member.id}`);
    }
  });

  it('GIVEN a member who manages the channel but is no moderator THEN an editor command is refused and its file never downloaded', async () => {
    const before = downloads();
    const member = { id: '300000000000000104', permissions: MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_CHANNELS };
    const message = messageOf(await h.fake.sendCommand('editor-file-test', { file: { filename: 'list.csv', data: Buffer.from('a,b') } }, { member }).callback);
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0]!.title).toBe('Moderators only');
    expect(downloads()).toBe(before);
  });

  it('GIVEN a moderator and the same editor command THEN the file is downloaded and the command runs', async () => {
    const before = downloads();
    const member = { id: '300000000000000105', roles: [h.fake.guild.roles[0]!.id] };
    const message = messageOf(await h.fake.sendCommand('editor-file-test', { file: { filename: 'list.csv', data: Buffer.from('a,b') } }, { member }).callback);
    expect(message.embeds[0]!.title).toBe('Got list.csv');
    expect(downloads()).toBe(before + 1);
  });

  it('GIVEN a command Discord still shows but the bot no longer has THEN the core says it is unknown, privately', async () => {
    const message = messageOf(await h.fake.sendCommand('retired-command', {}).callback);
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0]!.title).toBe('Unknown command "retired-command"');
  });
});
