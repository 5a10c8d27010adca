/**
 * Preloaded into every server under test (`node --expose-gc --import tsx
 * --import bench/servers/gc-on-signal.ts …`): SIGUSR2 runs a full garbage
 * collection, so that the RSS readings the bench takes right after it compare
 * live memory, not garbage a collection had not yet reached (Plenary's process
 * releases about 300 MB of start-up memory at its first full collection, at a
 * moment no reading can predict). Five collections 200 ms apart, since
 * finalizers that run after one collection free more for the next (measured on
 * Plenary: 920 → 563 → 532 → 493 MB). Nothing else in the server changes.
 */
const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  const gc = collect;
  process.on('SIGUSR2', () => {
    for (let i = 0; i < 5; i++) setTimeout(gc, i * 200);
  });
}
