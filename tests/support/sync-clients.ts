import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readDurableState, type DurableState } from '../../core/durability';
import { MESSAGE } from '../../core/sync-protocol';
import type { ApiClient } from './api-client';

// Each stock WebsocketProvider registers a process 'exit' listener in Node; tests open dozens of them.
process.setMaxListeners(200);

/** A token and address for opening a proposal's sync connection as `client`. */
export async function syncTicket(client: ApiClient, proposalId: string) {
  const response = await client.post(`/api/proposals/${proposalId}/sync-token`);
  if (response.status !== 201) throw new Error(`sync token refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { token: string; serverUrl: string; room: string; readOnly: boolean };
}

/** Polls `condition` until it holds, failing after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stock y-websocket client with its own Y.Doc. */
export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Text of the proposal (the TipTap fragment, flattened). */
  text(): string;
  /** Appends text at the end of the first paragraph. */
  type(text: string): void;
  destroy(): void;
}

function paragraphText(doc: Y.Doc): Y.XmlText | undefined {
  const paragraph = doc.getXmlFragment('default').get(0);
  if (!(paragraph instanceof Y.XmlElement)) return undefined;
  const first = paragraph.get(0);
  if (first instanceof Y.XmlText) return first;
  const created = new Y.XmlText();
  paragraph.insert(0, [created]);
  return created;
}

/** Connects a stock WebsocketProvider with a sync token and waits for its first sync. */
export async function connectSyncClient(
  ticket: { token: string; serverUrl: string; room: string },
  options: { saved?: boolean; waitForSync?: boolean; onSaved?: (durable: DurableState) => void } = {},
): Promise<SyncClient> {
  const doc = new Y.Doc();
  const params: Record<string, string> = { token: ticket.token };
  if (options.saved) params.saved = '1';
  const provider = new WebsocketProvider(ticket.serverUrl, ticket.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  });
  if (options.onSaved) {
    const onSaved = options.onSaved;
    // Installed before the socket opens: the first signal comes right after connecting.
    provider.messageHandlers[MESSAGE.saved] = (_encoder, decoder) => onSaved(readDurableState(decoder));
  }
  const client: SyncClient = {
    doc,
    provider,
    text: () => xmlText(doc),
    type(text) {
      const target = paragraphText(doc);
      if (!target) throw new Error('no paragraph to type into');
      target.insert(target.length, text);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  if (options.waitForSync !== false) await waitFor(() => provider.synced, 10_000, 'first sync');
  return client;
}

/** The plain text of a proposal document. */
export function xmlText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''))
    .join('\n');
}

/** Opens a raw websocket to the sync endpoint and records what it receives and how it closes. */
export function rawSyncSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const received: Buffer[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('message', (data) => received.push(data as Buffer));
  socket.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { socket, received, closed, opened };
}

/**
 * Destroys `client` when its connection first closes, so that nothing it
 * holds can reach a server again by a reconnect (what a server then has, it
 * stored before the close).
 */
export function destroyOnFirstClose(client: SyncClient): void {
  let gone = false;
  client.provider.on('connection-close', () => {
    if (gone) return;
    gone = true;
    client.destroy();
  });
}

/** Records the close codes the server sends `client`'s connection, from now on. */
export function watchCloses(client: SyncClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}
