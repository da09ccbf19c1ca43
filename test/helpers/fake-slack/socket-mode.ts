import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { Recorder } from './recorder.ts';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/**
 * Slack's Socket Mode side: a WebSocket at exactly `/link/` that says hello, then pushes
 * envelopes and collects the app's acks.
 */
export class SocketModeFake {
  readonly connections = new Recorder<{ url: string }>('Socket Mode connection');
  readonly acks = new Recorder<SocketAck>('Socket Mode ack');
  readonly disconnects = new Recorder<{ code: number }>('Socket Mode disconnect');
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private envelopes = 0;

  constructor(server: Server) {
    this.wss = new WebSocketServer({ server, path: '/link/' });
    this.wss.on('connection', (socket, req) => {
      this.socket = socket;
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as SocketAck;
        if (message.envelope_id) this.acks.push(message);
      });
      socket.on('close', (code) => this.disconnects.push({ code }));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0SHERIFF' } }));
      this.connections.push({ url: req.url ?? '' });
    });
  }

  /** Resolves once the app has connected (and been sent hello). */
  async connected(timeoutMs?: number): Promise<void> {
    await this.connections.waitFor(() => true, timeoutMs);
  }

  /** Pushes one envelope to the connected app; resolves with its ack. */
  async send(type: EnvelopeType, payload: unknown): Promise<SocketAck> {
    if (!this.socket) throw new Error('fake Slack: no Socket Mode connection');
    const envelopeId = `env-${++this.envelopes}`;
    this.socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return this.acks.waitFor((ack) => ack.envelope_id === envelopeId);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
