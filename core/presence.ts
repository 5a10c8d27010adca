/** Colours for people's carets and avatars: distinct, and readable with white text. */
const PALETTE = ['#b91c1c', '#c2410c', '#a16207', '#15803d', '#0f766e', '#0369a1', '#4338ca', '#7e22ce', '#be185d', '#4d7c0f'];

/** A stable colour for a person, derived from their id, so that everyone sees the same colour for them. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** Who a presence (awareness) state belongs to, as the server stamps it from the session. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
}
