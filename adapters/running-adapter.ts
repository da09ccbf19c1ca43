import type { DeliverySender } from '../src/delivery/capabilities.ts';

/** A started chat platform: how to post to its channels, and how to stop it cleanly. */
export interface RunningAdapter {
  name: 'discord' | 'slack';
  /** Posts to channels, with whatever the platform offers to make retries safe. */
  sender: DeliverySender;
  stop(): Promise<void>;
}
