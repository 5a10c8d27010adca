import { io, type Socket } from 'socket.io-client';
import { ASSEMBLY_EVENT_TYPES, PROPOSAL_EVENT_TYPES, type LiveEvent } from '../../core/realtime-events';
import type { ApiClient } from './api-client';

/** A socket.io client of one person, recording every assembly and proposal event it receives. */
export interface RealtimeClient {
  socket: Socket;
  events: LiveEvent[];
  /** Sends `subscribe` and resolves with the acknowledgement. */
  subscribe(room: { assemblyId: string } | { proposalId: string } | unknown): Promise<{ ok: boolean; error?: { code: string } }>;
  close(): void;
}

/**
 * Connects as `person` (their session cookie), from `origin` (the server's own
 * by default). Resolves once connected, or rejects with the server's refusal.
 */
export async function connectRealtime(baseUrl: string, person: ApiClient | null, origin: string | null = baseUrl): Promise<RealtimeClient> {
  const headers: Record<string, string> = {};
  if (origin) headers.origin = origin;
  if (person) headers.cookie = person.cookieHeader();
  const socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false, timeout: 5000 });
  const events: LiveEvent[] = [];
  for (const type of new Set([...ASSEMBLY_EVENT_TYPES, ...PROPOSAL_EVENT_TYPES])) socket.on(type, (event: LiveEvent) => events.push(event));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return {
    socket,
    events,
    subscribe: (room) => socket.timeout(5000).emitWithAck('subscribe', room),
    close: () => socket.close(),
  };
}
