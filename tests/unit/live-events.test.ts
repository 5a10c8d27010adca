import { describe, expect, it } from 'vitest';
import { eventInRoom, LiveClient, type LiveAck, type LiveTransport } from '../../app/_lib/live-events';
import { mergeNewestPage } from '../../app/_lib/log-page';
import { RESYNC, type AssemblyEvent, type LiveEvent } from '../../core/realtime-events';

const A = 'assembly-a';
const B = 'assembly-b';

/** A socket that the test drives: it records requests and answers them as told. */
class FakeTransport implements LiveTransport {
  connected = false;
  active = false;
  connects = 0;
  requests: { event: string; payload: unknown }[] = [];
  /** How the server answers a subscription; ok unless the test says otherwise. */
  answer: (payload: unknown) => LiveAck = () => ({ ok: true });
  private listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emitLocal(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  connect() {
    this.active = true;
    this.connects += 1;
  }
  disconnect() {
    this.active = false;
    if (this.connected) this.drop('io client disconnect');
  }
  async request(event: string, payload: unknown): Promise<LiveAck> {
    this.requests.push({ event, payload });
    return event === 'subscribe' ? this.answer(payload) : { ok: true };
  }
  /** The server accepted the connection. */
  open() {
    this.connected = true;
    this.active = true;
    this.emitLocal('connect');
  }
  /** The connection ended (socket.io's reason). */
  drop(reason = 'transport close') {
    this.connected = false;
    this.emitLocal('disconnect', reason);
  }
  subscribed() {
    return this.requests.filter((r) => r.event === 'subscribe').map((r) => r.payload);
  }
  unsubscribed() {
    return this.requests.filter((r) => r.event === 'unsubscribe').map((r) => r.payload);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const transport = new FakeTransport();
  const client = new LiveClient(transport);
  return { transport, client };
}

const created: AssemblyEvent = { type: 'proposal.created', assemblyId: A, proposalId: 'p1', title: 'Paint', status: 'draft' };

describe('LiveClient', () => {
  it('connects on the first room asked for, and joins the rooms once connected', async () => {
    const { transport, client } = setUp();
    expect(client.getState()).toBe('idle');
    client.join({ assemblyId: A });
    client.join({ assemblyId: A });
    expect(transport.connects).toBe(1);
    expect(client.getState()).toBe('connecting');
    transport.open();
    await settle();
    // Two holders, one subscription.
    expect(transport.subscribed()).toEqual([{ assemblyId: A }]);
    expect(client.getState()).toBe('live');
  });

  it('leaves a room after its last holder, and only then', async () => {
    const { transport, client } = setUp();
    transport.open();
    const first = client.join({ assemblyId: A });
    const second = client.join({ assemblyId: A });
    await settle();
    first();
    first();
    expect(transport.unsubscribed()).toEqual([]);
    second();
    expect(transport.unsubscribed()).toEqual([{ assemblyId: A }]);
  });

  it('leaves again a room let go of while the server was answering', async () => {
    const { transport, client } = setUp();
    transport.open();
    const leave = client.join({ assemblyId: A });
    leave();
    await settle();
    expect(transport.unsubscribed()).toEqual([{ assemblyId: A }]);
  });

  it('keeps a room let go of and held again at once (a remount)', async () => {
    const { transport, client } = setUp();
    transport.open();
    client.join({ assemblyId: A })();
    client.join({ assemblyId: A });
    await settle();
    expect(transport.subscribed()).toEqual([{ assemblyId: A }, { assemblyId: A }]);
    expect(transport.unsubscribed()).toEqual([]);
    expect(client.getState()).toBe('live');
  });

  it('passes on events, which listeners filter by room', async () => {
    const { transport, client } = setUp();
    const heard: LiveEvent[] = [];
    client.onEvent((event) => heard.push(event));
    transport.emitLocal('proposal.created', created);
    transport.emitLocal('proposal.created', 'not an event');
    transport.emitLocal('member.joined', { type: 'member.joined' });
    expect(heard).toEqual([created]);
    expect(eventInRoom(created, { assemblyId: A })).toBe(true);
    expect(eventInRoom(created, { assemblyId: B })).toBe(false);
    expect(eventInRoom(created, { proposalId: 'p1' })).toBe(true);
    expect(eventInRoom({ type: 'member.left', assemblyId: A, userId: 'u' }, { proposalId: 'p1' })).toBe(false);
  });

  it('joins its rooms again after a reconnection, then tells the reconnection listeners', async () => {
    const { transport, client } = setUp();
    const order: string[] = [];
    client.join({ assemblyId: A });
    client.join({ proposalId: 'p1' });
    client.onReconnect(() => order.push(`reconnected after ${transport.subscribed().length} subscriptions`));
    transport.open();
    await settle();
    expect(order).toEqual([]);
    transport.drop();
    expect(client.getState()).toBe('reconnecting');
    transport.open();
    await settle();
    expect(transport.subscribed()).toEqual([{ assemblyId: A }, { proposalId: 'p1' }, { assemblyId: A }, { proposalId: 'p1' }]);
    expect(order).toEqual(['reconnected after 4 subscriptions']);
    expect(client.getState()).toBe('live');
  });

  it('tells the reconnection listeners when the server says events may have been missed', async () => {
    const { transport, client } = setUp();
    let rereads = 0;
    client.onReconnect(() => (rereads += 1));
    client.join({ proposalId: 'p1' });
    transport.open();
    await settle();
    expect(rereads).toBe(0);
    transport.emitLocal(RESYNC);
    expect(rereads).toBe(1);
  });

  it('tells the holder when the server refuses a room, also after a reconnection', async () => {
    const { transport, client } = setUp();
    const refusals: string[] = [];
    client.join({ assemblyId: A }, (error) => refusals.push(error.code));
    transport.open();
    await settle();
    expect(refusals).toEqual([]);
    transport.drop();
    transport.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Assembly not found.' } });
    transport.open();
    await settle();
    expect(refusals).toEqual(['NOT_FOUND']);
    // A refused room is not something to wait for.
    expect(client.getState()).toBe('live');
  });

  it('drops the socket when the browser goes offline and reconnects when it is back', async () => {
    const { transport, client } = setUp();
    let reconnections = 0;
    client.onReconnect(() => (reconnections += 1));
    client.join({ assemblyId: A });
    transport.open();
    await settle();
    client.goOffline();
    expect(transport.connected).toBe(false);
    expect(client.getState()).toBe('offline');
    client.goOnline();
    expect(transport.connects).toBe(2);
    expect(client.getState()).toBe('reconnecting');
    transport.open();
    await settle();
    expect(reconnections).toBe(1);
    expect(client.getState()).toBe('live');
  });

  it('stays closed after the server ends the connection, until a page asks for a room again', async () => {
    const { transport, client } = setUp();
    const leave = client.join({ assemblyId: A });
    transport.open();
    await settle();
    transport.active = false;
    transport.drop('io server disconnect');
    expect(client.getState()).toBe('closed');
    leave();
    client.join({ assemblyId: B });
    expect(transport.connects).toBe(2);
  });
});

describe('mergeNewestPage', () => {
  const entry = (id: number) => ({ id });
  const ids = (page: { entries: { id: number }[] }) => page.entries.map((e) => e.id);

  it('puts new entries before those shown, without repeating any, and keeps the older cursor', () => {
    const shown = { entries: [5, 4, 3, 2].map(entry), nextBefore: 2 };
    const fresh = { entries: [7, 6, 5, 4].map(entry), nextBefore: 4 };
    const merged = mergeNewestPage(shown, fresh);
    expect(ids(merged)).toEqual([7, 6, 5, 4, 3, 2]);
    expect(merged.nextBefore).toBe(2);
  });

  it('starts over from the fresh page when it does not reach what was shown', () => {
    const shown = { entries: [3, 2].map(entry), nextBefore: 2 };
    const fresh = { entries: [9, 8].map(entry), nextBefore: 8 };
    expect(mergeNewestPage(shown, fresh)).toEqual(fresh);
  });

  it('takes the fresh page when nothing was shown', () => {
    const fresh = { entries: [1].map(entry), nextBefore: null };
    expect(mergeNewestPage({ entries: [], nextBefore: null }, fresh)).toEqual(fresh);
  });
});
