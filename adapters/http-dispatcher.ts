/**
 * One HTTP dispatcher for the whole process, installed before any chat library loads.
 *
 * Three copies of undici live in this process: Node's own (global `fetch`), discord.js's (6.x)
 * and @slack/socket-mode's (7.x). They share one process-wide dispatcher slot, filled by
 * whichever copy loads first. When Slack's 7.x fills it, discord.js's file uploads and our own
 * `fetch` downloads go through a 7.x agent that cannot read their request bodies ("action is not
 * a function", or a request that never ends). This module fills the slot with a 6.x agent, the
 * family of Node 20's fetch and of discord.js; Slack's socket builds its own dispatcher.
 */
import { Agent, setGlobalDispatcher } from 'undici';

setGlobalDispatcher(new Agent());
