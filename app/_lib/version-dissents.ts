/** What the history page needs of a version to place dissents. */
export interface DatedVersion {
  id: string;
  createdAt: string;
}

/** What the history page needs of a dissent to place it. */
export interface DatedDissent {
  createdAt: string;
}

/**
 * Places each dissent under the version it was filed against: the latest
 * version saved at or before the dissent was filed (the text the dissenter
 * was reading had no later snapshot). Dissents filed before the first
 * version go to `beforeFirst`. Versions need not be sorted; dissents keep
 * their order within each version.
 */
export function dissentsByVersion<D extends DatedDissent>(
  versions: readonly DatedVersion[],
  dissents: readonly D[],
): { byVersion: Map<string, D[]>; beforeFirst: D[] } {
  const sorted = [...versions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const byVersion = new Map<string, D[]>(sorted.map((version) => [version.id, []]));
  const beforeFirst: D[] = [];
  for (const dissent of dissents) {
    const filed = Date.parse(dissent.createdAt);
    let owner: DatedVersion | undefined;
    for (const version of sorted) {
      if (Date.parse(version.createdAt) <= filed) owner = version;
      else break;
    }
    if (owner) byVersion.get(owner.id)?.push(dissent);
    else beforeFirst.push(dissent);
  }
  return { byVersion, beforeFirst };
}

/**
 * The pair compared when the page opens: the two latest versions (earlier
 * first); with one version, that one on both sides; with none, nothing.
 */
export function defaultPair(versions: readonly DatedVersion[]): { from: string; to: string } | null {
  const sorted = [...versions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const last = sorted.at(-1);
  if (!last) return null;
  return { from: (sorted.at(-2) ?? last).id, to: last.id };
}
