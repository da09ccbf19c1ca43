/**
 * The gateway half of the fake Discord, on the REST server's port: HELLO, IDENTIFY → READY
 * and one GUILD_CREATE per guild, heartbeat ACKs, then whatever dispatches the test sends.
 * Frames are uncompressed JSON text, as a client without zlib-sync asks for.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface GatewaySession {
  socket: WebSocket;
  /** The `d` of the client's IDENTIFY. */
  identify: { token: string; intents: number; shard?: [number, number] };
  sequence: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** The READY payload's `d` for this session. */
  ready(sessionId: string): Record<string, unknown>;
  /** GUILD_CREATE payloads sent right after READY. */
  guilds(): Record<string, unknown>[];
}

export class FakeGateway {
  readonly sessions: GatewaySession[] = [];
  /** How many heartbeats were acknowledged. */
  heartbeats = 0;
  private readonly wss: WebSocketServer;
  private readonly identified: ((session: GatewaySession) => void)[] = [];
  private sessionCount = 0;

  constructor(server: Server, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** The most recent identified session whose socket is still open. */
  current(): GatewaySession | undefined {
    return this.sessions.filter((s) => s.socket.readyState === s.socket.OPEN).at(-1);
  }

  /** Resolves once a client has identified (at once if one already has and is connected). */
  waitForIdentify(): Promise<GatewaySession> {
    const open = this.current();
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => this.identified.push(resolve));
  }

  /** Sends a dispatch (op 0) to the current session. Returns false when no bot is connected. */
  dispatch(type: string, data: unknown): boolean {
    const session = this.current();
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
        // No resumable sessions here: ask the client to identify again.
        socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
    });
  }

  private onIdentify(socket: WebSocket, identify: GatewaySession['identify']): void {
    if (identify?.token !== this.options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const session: GatewaySession = { socket, identify, sequence: 0 };
    this.sessions.push(session);
    this.sessionCount += 1;
    const send = (type: string, data: unknown) => {
      session.sequence += 1;
      socket.send(JSON.stringify({ op: 0, t: type, s: session.sequence, d: data }));
    };
    send('READY', this.options.ready(`session-${this.sessionCount}`));
    for (const guild of this.options.guilds()) send('GUILD_CREATE', guild);
    for (const resolve of this.identified.splice(0)) resolve(session);
  }
}
