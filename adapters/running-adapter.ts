import type { DeliverySender } from '../src/delivery/capabilities.ts';
import type { EditorNotifier } from '../src/delivery/editor-notifier.ts';

/** A started chat platform: how to post to its channels, and how to stop it cleanly. */
export interface RunningAdapter {
  name: 'discord' | 'slack';
  /** Posts to channels, with whatever the platform offers to make retries safe. */
  sender: DeliverySender;
  /** The editors' channel (DISCORD_EDITOR_CHANNEL_ID, SLACK_EDITOR_CHANNEL_ID), when the operator named one. */
  editors?: EditorNotifier | undefined;
  stop(): Promise<void>;
}
