import type { Caller } from '../../src/framework/types.ts';

/**
 * A caller for core tests: 'moderator' holds both roles, as the adapters map a moderator today;
 * 'manager' only manages the channel.
 */
export function testCaller(id = 'test:user', options: { moderator?: boolean; manager?: boolean; displayName?: string } = {}): Caller {
  const userId = id.split(':')[1] ?? id;
  const moderator = options.moderator ?? false;
  return {
    id,
    platform: 'console',
    workspaceId: 'local',
    userId,
    displayName: options.displayName ?? userId,
    isEditor: moderator,
    isCommunityManager: moderator || (options.manager ?? false),
  };
}
