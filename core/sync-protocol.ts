/**
 * The y-websocket wire protocol as Plenary's sync server speaks it, shared by
 * the server and the browser. Messages start with a varuint type; the first
 * four are the stock protocol's, and the saved signal is a Plenary extension
 * sent only to clients that ask for it (`?saved=1`), since stock clients log
 * unknown types.
 */

/** Message types. */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Server → client: what is committed to storage. Payload: varUint8Array(state vector), then
   * varUint8Array(an update holding no items, only deletions): on connecting, the whole committed
   * delete set; after each commit, the deletions that commit added. A client accumulates them to
   * tell whether its insertions and its deletions are all durable.
   */
  saved: 100,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SYNC_STEP = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** Close codes of the sync endpoint (4400-4499: final for the stock client; others: it reconnects). */
export const SYNC_CLOSE = {
  /** Server shutting down: reconnect. */
  goingAway: 1001,
  /** A malformed message (undecodable, trailing bytes, text frame). */
  malformed: 4400,
  /** No valid session or token. */
  unauthenticated: 4401,
  /** Not a member of the proposal's assembly, foreign origin, or not allowed. */
  forbidden: 4403,
  /** The text is frozen and the client holds edits it must discard. */
  frozen: 4409,
  /** A message or the document would exceed its size limit. */
  tooLarge: 4413,
  /** Try again later (a failed commit, a document that could not load, a full room). */
  retryLater: 4503,
} as const;

/** Query parameter carrying a sync token for clients without the session cookie. */
export const SYNC_TOKEN_PARAM = 'token';

/** Query parameter by which a client asks for the saved signal. */
export const SYNC_SAVED_PARAM = 'saved';
