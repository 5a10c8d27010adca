import { randomBytes } from 'node:crypto';

/** Where a client opens one room: the server's websocket URL, the room name and, for Plenary, a sync token. */
export interface RoomAccess {
  url: string;
  room: string;
  token?: string;
}

/**
 * The few calls of Plenary's HTTP API the bench needs, as one signed-up
 * member: requests go to 127.0.0.1 and carry the `http://localhost:PORT`
 * Origin the server trusts, a JSON content type and the session cookie.
 */
export class PlenaryApi {
  private cookie = '';

  constructor(private port: number) {}

  /** Points the client at the server's new port after a restart (the session cookie stays valid). */
  setPort(port: number): void {
    this.port = port;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { origin: `http://localhost:${this.port}` };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
    if (cookies.length) this.cookie = cookies.join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Signs up a fresh account and keeps its session cookie. */
  async signUp(): Promise<void> {
    const id = randomBytes(6).toString('hex');
    await this.request('POST', '/api/auth/sign-up/email', {
      name: 'Bench',
      email: `bench-${id}@example.com`,
      password: randomBytes(12).toString('base64url'),
    });
    if (!this.cookie) throw new Error('sign-up set no session cookie');
  }

  /** Creates an assembly; returns its id. */
  async createAssembly(name: string): Promise<string> {
    return (await this.request<{ id: string }>('POST', '/api/assemblies', { name })).id;
  }

  /** Creates a proposal; returns its id (its text is a room of the sync server). */
  async createProposal(assemblyId: string, title: string): Promise<string> {
    return (await this.request<{ id: string }>('POST', `/api/assemblies/${assemblyId}/proposals`, { title })).id;
  }

  /**
   * A sync token (valid 5 minutes) for a proposal's text. The server names its
   * URL with `localhost`; the bench connects to 127.0.0.1, the address it binds.
   */
  async syncAccess(proposalId: string): Promise<RoomAccess> {
    const answer = await this.request<{ token: string; serverUrl: string; room: string }>(
      'POST',
      `/api/proposals/${proposalId}/sync-token`,
    );
    const url = new URL(answer.serverUrl);
    url.hostname = '127.0.0.1';
    return { url: url.href.replace(/\/$/, ''), room: answer.room, token: answer.token };
  }
}
