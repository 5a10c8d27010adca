import { readFileSync } from 'node:fs';
import { clockTicksPerSecond, cpuMicrosBetween, cpuSnapshot, type CpuSnapshot } from './proc-stats';
import { sleep } from './timing';

/** Busy clock ticks of the whole machine (all cores) since boot, from /proc/stat. */
function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return user + nice + system + irq + softirq + (steal || 0);
}

/**
 * Measures how much CPU processes other than `ownPids` use. Own processes are
 * read every 500 ms, so one that exits meanwhile (Plenary's restart) still
 * counts as own up to its last reading.
 */
export class OtherLoad {
  private readonly machineBefore = machineBusyTicks();
  private readonly ownBefore: CpuSnapshot;
  private readonly ownLatest: CpuSnapshot = new Map();
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly ownPids: () => number[]) {
    this.ownBefore = cpuSnapshot(ownPids());
    this.timer = setInterval(() => this.read(), 500);
    this.timer.unref();
  }

  private read(): void {
    for (const [pid, ticks] of cpuSnapshot(this.ownPids())) this.ownLatest.set(pid, ticks);
  }

  /** CPU used by other processes since construction, in % of one core; stops the readings. */
  percent(): number {
    this.read();
    clearInterval(this.timer);
    const machineMicros = ((machineBusyTicks() - this.machineBefore) * 1_000_000) / clockTicksPerSecond();
    const ownMicros = cpuMicrosBetween(this.ownBefore, this.ownLatest);
    const wallMicros = (performance.now() - this.started) * 1000;
    return Math.max(0, ((machineMicros - ownMicros) / wallMicros) * 100);
  }
}

/**
 * Waits, up to `maxWaitMs`, until processes other than `ownPids` use less than
 * `thresholdPercent` of one core over a 2 s window. Returns the last reading.
 */
export async function waitForQuietMachine(ownPids: () => number[], thresholdPercent: number, maxWaitMs: number, log: (message: string) => void): Promise<number> {
  const deadline = performance.now() + maxWaitMs;
  let warned = false;
  for (;;) {
    const load = new OtherLoad(ownPids);
    await sleep(2_000);
    const percent = load.percent();
    if (percent < thresholdPercent) return percent;
    if (performance.now() > deadline) {
      log(`  the machine stayed busy (other processes: ${percent.toFixed(0)}% of a core); measuring anyway`);
      return percent;
    }
    if (!warned) log(`  waiting for the machine to quiet down (other processes: ${percent.toFixed(0)}% of a core) …`);
    warned = true;
  }
}
