/**
 * The order in which tables can be filled without breaking a foreign key:
 * every table after the tables it references. A backup lists its tables in
 * this order, so that a restore can insert them as they stream in, one table
 * at a time, without holding any of them in memory.
 */
import { BackupError } from './backup-error';
import type { TableInfo } from './catalog';

/**
 * `tables` sorted so that each comes after every table it references (a
 * topological sort; among tables free to go, alphabetical, so that two
 * backups of one schema list their tables alike). Throws on a cycle, which
 * Plenary's schema does not have: its rows could not be inserted table by table.
 */
export function foreignKeyOrder(tables: Iterable<TableInfo>): string[] {
  const pending = new Map<string, Set<string>>();
  for (const table of tables) pending.set(table.name, new Set(table.references));
  for (const references of pending.values()) for (const target of references) if (!pending.has(target)) references.delete(target);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, references]) => references.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) {
      throw new BackupError(`These tables reference each other in a cycle, so they cannot be restored table by table: ${[...pending.keys()].join(', ')}.`);
    }
    for (const name of ready) {
      order.push(name);
      pending.delete(name);
    }
    for (const references of pending.values()) for (const name of ready) references.delete(name);
  }
  return order;
}

/**
 * The first table of `order` that comes before a table it references in
 * `catalog` (a backup whose order the target's foreign keys would refuse), or
 * undefined when the order is safe.
 */
export function findOrderViolation(order: readonly string[], catalog: ReadonlyMap<string, TableInfo>): { table: string; references: string } | undefined {
  const position = new Map(order.map((name, index) => [name, index]));
  for (const [index, name] of order.entries()) {
    for (const target of catalog.get(name)?.references ?? []) {
      const at = position.get(target);
      if (at === undefined || at > index) return { table: name, references: target };
    }
  }
  return undefined;
}
