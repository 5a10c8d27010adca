/**
 * The websocket URL of a same-origin path, e.g. `wsUrl('/yjs')` on
 * `https://plenary.example` gives `wss://plenary.example/yjs`. Same origin
 * matters: the sync server admits browsers by their session cookie, which the
 * browser sends only to this host. Call it in the browser only.
 */
export function wsUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
