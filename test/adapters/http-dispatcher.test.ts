import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Agent, getGlobalDispatcher } from 'undici';
import '../../adapters/http-dispatcher.ts';

describe('One HTTP dispatcher for the process', () => {
  it('GIVEN Slack\'s socket library (undici 7) loaded after it THEN the process-wide dispatcher is still the 6.x agent discord.js and fetch can use', async () => {
    await import('@slack/bolt');
    expect(getGlobalDispatcher()).toBeInstanceOf(Agent);
  });

  it('GIVEN the bot\'s entry point THEN the dispatcher is its first import, before any chat library', () => {
    const main = readFileSync(new URL('../../adapters/main.ts', import.meta.url), 'utf8');
    expect(main.split('\n').find((line) => line.startsWith('import '))).toBe("import './http-dispatcher.ts';");
  });
});
