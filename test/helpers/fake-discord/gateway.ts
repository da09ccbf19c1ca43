/**
 * The gateway half of the fake Discord, on the REST server's port: HELLO, IDENTIFY → READY
 * and one GUILD_CREATE per guild of that shard, RESUME → RESUMED, heartbeat ACKs, then
 * whatever dispatches the test sends — each to the shard its guild is on, as Discord routes
 * them (shard = (guild_id >> 22) % shard count). Frames are uncompressed JSON text, as a
 * client without zlib-sync asks for.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export type ShardPair = [id: number, count: number];

export interface GatewaySession {
  socket: WebSocket;
  /** The `d` of the client's IDENTIFY. */
  identify: { token: string; intents: number; shard?: ShardPair };
  sessionId: string;
  sequence: number;
  /** How many times the client resumed this session on a new socket. */
  resumes: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** The fewest shards Discord accepts (fewer: close 4011 Sharding required). */
  shards: number;
  /** The READY payload's `d` for this session and shard. */
  ready(sessionId: string, shard: ShardPair): Record<string, unknown>;
  /** GUILD_CREATE payloads sent right after READY, for the guilds on this shard. */
  guilds(shard: ShardPair): Record<string, unknown>[];
}

/** The shard Discord delivers a guild's events on. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const shardPair = (session: GatewaySession): ShardPair => session.identify.shard ?? [0, 1];

export class FakeGateway {
  readonly sessions: GatewaySession[] = [];
  /** How many heartbeats were acknowledged. */
  heartbeats = 0;
  private readonly wss: WebSocketServer;
  private readonly identified: { count: number; resolve: () => void }[] = [];
  private sessionCount = 0;

  constructor(server: Server, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** The open sessions, one per connected shard. */
  open(): GatewaySession[] {
    return this.sessions.filter((s) => s.socket.readyState === s.socket.OPEN);
  }

  /** The most recent identified session whose socket is still open. */
  current(): GatewaySession | undefined {
    return this.open().at(-1);
  }

  /** The open session of shard `id`. */
  shard(id: number): GatewaySession | undefined {
    return this.open().findLast((s) => shardPair(s)[0] === id);
  }

  /** Resolves with the current session once `count` shards have open sessions. */
  async waitForIdentify(count = 1): Promise<GatewaySession> {
    if (this.open().length < count) await new Promise<void>((resolve) => this.identified.push({ count, resolve }));
    return this.current()!;
  }

  /**
   * Sends a dispatch (op 0): to the shard of `data.guild_id` when there is one, else to the
   * current session. Returns false when that shard is not connected.
   */
  dispatch(type: string, data: unknown): boolean {
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    const session = typeof guildId === 'string' ? this.open().findLast((s) => shardPair(s)[0] === shardOf(guildId, shardPair(s)[1])) : this.current();
    if (!session) return false;
    session.sequence += 1;
    session.socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
    return true;
  }

  close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
    socket.on('message', (raw) => {
      let frame: { op: number; d: unknown };
      try {
        frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      if (frame.op === 1) {
        this.heartbeats += 1;
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (frame.op === 2) {
        this.onIdentify(socket, frame.d as GatewaySession['identify']);
      } else if (frame.op === 6) {
        this.onResume(socket, frame.d as { token: string; session_id: string; seq: number });
      }
    });
  }

  private onIdentify(socket: WebSocket, identify: GatewaySession['identify']): void {
    if (identify?.token !== this.options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard = identify.shard ?? [0, 1];
    if (shard[1] < this.options.shards) {
      socket.close(4011, 'Sharding required.');
      return;
    }
    if (shard[0] < 0 || shard[0] >= shard[1]) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    this.sessionCount += 1;
    const session: GatewaySession = { socket, identify, sessionId: `session-${this.sessionCount}`, sequence: 0, resumes: 0 };
    this.sessions.push(session);
    const send = (type: string, data: unknown) => {
      session.sequence += 1;
      socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
    };
    send('READY', this.options.ready(session.sessionId, shard));
    for (const guild of this.options.guilds(shard)) send('GUILD_CREATE', guild);
    const open = this.open().length;
    for (const waiter of this.identified.filter((w) => w.count <= open)) {
      this.identified.splice(this.identified.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** A known session whose socket is gone resumes on the new socket; anything else must identify again. */
  private onResume(socket: WebSocket, resume: { token: string; session_id: string }): void {
    const session = this.sessions.find((s) => s.sessionId === resume?.session_id && s.socket.readyState !== s.socket.OPEN);
    if (!session || resume.token !== this.options.token) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.socket = socket;
    session.resumes += 1;
    session.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.sequence, d: {} }));
  }
}
