/**
 * The child of the kill -9 test: runs the real scheduler (recover, then one tick) against a
 * database file, posting through a recording sender that appends to a log file. With
 * SW_HANG_AT=n the n-th send hangs — before posting or after posting but before the outcome is
 * recorded (SW_HANG_PHASE) — and says "HANG" on stdout so the parent can kill -9 it there.
 * SW_MODE=nonce dedupes on the key like Discord's nonce with enforce_nonce; SW_MODE=lookup
 * posts again when asked (like Slack) but can find a posted key (like Slack message metadata).
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { fixedClock } from '../../src/clock.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import { silentLogger } from '../../src/logger.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createStore } from '../../src/store/index.ts';

const env = process.env;
const log = env.SW_LOG!;
const hangAt = Number(env.SW_HANG_AT ?? 0);
const phase = env.SW_HANG_PHASE ?? 'before';
const mode = env.SW_MODE ?? 'nonce';

interface Line {
  key: string;
  channelId: string;
  title: string;
}

function posted(): Line[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}

function append(line: Line): void {
  appendFileSync(log, `${JSON.stringify(line)}\n`);
  const fd = openSync(log, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

const hang = (): Promise<never> => {
  process.stdout.write('HANG\n');
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
};

let sends = 0;
const sender: DeliverySender = {
  platform: 'discord',
  ...(mode === 'nonce' ? { dedupeWindowMs: 10 * 60_000 } : {}),
  ...(mode === 'lookup'
    ? {
        async findDelivered(channelId: string, key: string) {
          const found = posted().findIndex((l) => l.key === key && l.channelId === channelId);
          return found === -1 ? null : { messageId: `m${found + 1}` };
        },
      }
    : {}),
  async send(channelId, reply, { key }) {
    sends++;
    if (sends === hangAt && phase === 'before') await hang();
    const lines = posted();
    const seen = mode === 'nonce' ? lines.findIndex((l) => l.key === key) : -1;
    if (seen !== -1) return { messageId: `m${seen + 1}` };
    append({ key, channelId, title: reply.title });
    if (sends === hangAt && phase === 'after') await hang();
    return { messageId: `m${lines.length + 1}` };
  },
};

const store = createStore(openDatabase(env.SW_DB!));
const scheduler = new Scheduler({
  store,
  clock: fixedClock(env.SW_NOW!),
  logger: silentLogger,
  senders: [sender],
  hasCommand: () => false,
  concurrency: 3,
});
await scheduler.start();
process.stdout.write(`DONE ${JSON.stringify(store.deliveries.counts())}\n`);
process.exit(0);
