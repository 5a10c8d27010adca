/** A JSON answer: status and parsed body. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * An HTTP client that behaves like a browser tab of one person: it keeps the
 * session cookie it is given and sends the page's Origin on every request.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  /** The member's id once signed up or in. */
  userId?: string;

  constructor(
    readonly baseUrl: string,
    readonly origin: string | null = baseUrl,
  ) {}

  /** Sends a request; `body` is sent as JSON unless it is a string (sent as is). */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.origin) headers.origin = this.origin;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    Object.assign(headers, extraHeaders);
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: payload, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Creates an account and keeps its session. */
  async signUp(name: string, email: string, password = 'a long enough passphrase') {
    const response = await this.post('/api/auth/sign-up/email', { name, email, password });
    if (response.status === 200) this.userId = response.body.user.id;
    return response;
  }

  /** Signs in and keeps the session. */
  async signIn(email: string, password: string) {
    const response = await this.post('/api/auth/sign-in/email', { email, password });
    if (response.status === 200) this.userId = response.body.user.id;
    return response;
  }

  /** The same person (same cookies) sending another Origin header, or none. */
  withOrigin(origin: string | null): ApiClient {
    const other = new ApiClient(this.baseUrl, origin);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    other.userId = this.userId;
    return other;
  }

  /** The same person (same session) talking to another node of the same deployment, from that node's origin. */
  at(baseUrl: string): ApiClient {
    const other = new ApiClient(baseUrl, baseUrl);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    other.userId = this.userId;
    return other;
  }

  /** The Cookie header this client sends (for opening a websocket as the same person). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Whether the client holds any cookie. */
  get hasSession(): boolean {
    return this.cookies.size > 0;
  }
}

let counter = 0;
/** An email address no other test uses. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.org`;
}
