import type { ChannelSender } from '../src/delivery/channel-sender.ts';

/** A started chat platform: how to post to its channels, and how to stop it cleanly. */
export interface RunningAdapter {
  name: 'discord' | 'slack';
  sender: ChannelSender;
  stop(): Promise<void>;
}
