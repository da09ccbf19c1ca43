import type { ChatPlatform } from './types.ts';

export type Platform = ChatPlatform;

/**
 * An example as the user would type it where they are: a slash command with options on
 * Discord (`/sheriff county:Travis state:TX`), `/sheriff …` on Slack, plain text in the console.
 */
export function placeExample(platform: Platform | undefined, command: string, county: string, state?: string): string {
  if (platform === 'discord') return `/${command} county:${county}${state ? ` state:${state}` : ''}`;
  const words = `${command} ${county}${state ? `, ${state}` : ''}`;
  if (platform === 'slack') return `/sheriff ${command === 'sheriff' ? words.slice('sheriff '.length) : words}`;
  return words;
}
