/** One person on the page, however many tabs they have open. */
export interface PresentPerson {
  id: string;
  name: string;
  color: string;
  isSelf: boolean;
  /** Whether one of their tabs changed the text in the last moments. */
  typing: boolean;
}

const COLOR = /^#[0-9a-f]{6}$/i;

function identity(state: unknown): { id: string; name: string; color: string } | undefined {
  const user = (state as { user?: unknown } | null)?.user as Record<string, unknown> | undefined;
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return undefined;
  // The server stamps user from the session; the colour check only guards what is painted.
  return { id: user.id, name: user.name, color: typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#57534e' };
}

/**
 * The people behind a set of awareness states: one entry per person (the
 * server stamps each state's `user` with the session's identity, so two tabs
 * of one member share an id), the viewer first, then the others by name.
 */
export function presentPeople(states: Map<number, unknown>, selfId: string): PresentPerson[] {
  const people = new Map<string, PresentPerson>();
  for (const state of states.values()) {
    const who = identity(state);
    if (!who) continue;
    const typing = (state as { typing?: unknown }).typing === true;
    const known = people.get(who.id);
    if (known) known.typing ||= typing;
    else people.set(who.id, { ...who, isSelf: who.id === selfId, typing });
  }
  return [...people.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** Up to two initials of a name, for an avatar ("Ann Steward" → "AS"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : undefined]
    .filter((word): word is string => Boolean(word))
    .map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}
