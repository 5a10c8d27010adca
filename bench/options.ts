import { DEFAULT_BENCH_DATABASE_URL } from './postgres-db';

/** The command line of `npm run bench`. */
export interface BenchOptions {
  db: 'pglite' | 'postgres';
  databaseUrl: string;
  runs: number;
  /** One scenario by name, or all. */
  scenario?: string;
  /** Small, short version of every scenario (a smoke test of the bench itself). */
  quick: boolean;
  /**
   * Plenary node processes (1 to 4). Above 1: the latency scenario only, on
   * PostgreSQL, comparing Plenary as one process and as this many nodes
   * linked by Redis, with the single-process reference servers.
   */
  nodes: number;
}

/** Most Plenary nodes `--nodes` accepts. */
export const MAX_NODES = 4;

const USAGE =
  'npm run bench -- [--db pglite|postgres] [--runs N] [--scenario latency|cpu|rooms|cold-load] [--quick]\n' +
  `       npm run bench -- --nodes 2..${MAX_NODES} [--scenario latency] [--db postgres] [--runs N] [--quick]`;

/**
 * Parses the flags; exits with the usage on anything unknown. `multiNodeScenarios`
 * are the scenarios that run with `--nodes` above 1 (the first is the default then).
 */
export function parseOptions(argv: string[], scenarioNames: string[], multiNodeScenarios: string[]): BenchOptions {
  const options: BenchOptions = {
    db: 'pglite',
    databaseUrl: process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL,
    runs: 5,
    quick: false,
    nodes: 1,
  };
  let runsGiven = false;
  let dbGiven = false;
  const fail = (message: string): never => {
    console.error(`${message}\nUsage: ${USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--db') {
      const db = value();
      if (db !== 'pglite' && db !== 'postgres') fail(`--db is pglite or postgres, not ${db}`);
      options.db = db as BenchOptions['db'];
      dbGiven = true;
    } else if (flag === '--runs') {
      options.runs = Number(value());
      runsGiven = true;
      if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 50) fail('--runs is a whole number from 1 to 50');
    } else if (flag === '--scenario') {
      options.scenario = value();
      if (!scenarioNames.includes(options.scenario)) fail(`unknown scenario ${options.scenario}; one of ${scenarioNames.join(', ')}`);
    } else if (flag === '--nodes') {
      options.nodes = Number(value());
      if (!Number.isInteger(options.nodes) || options.nodes < 1 || options.nodes > MAX_NODES) fail(`--nodes is a whole number from 1 to ${MAX_NODES}`);
    } else if (flag === '--quick') {
      options.quick = true;
    } else if (flag === '--help' || flag === '-h') {
      console.log(`Usage: ${USAGE}`);
      process.exit(0);
    } else {
      fail(`unknown flag ${flag}`);
    }
  }
  if (options.quick && !runsGiven) options.runs = 1;
  if (options.nodes > 1) {
    // Several nodes share one database: PostgreSQL (the embedded PGlite serves one process only).
    if (dbGiven && options.db !== 'postgres') fail(`--nodes ${options.nodes} runs Plenary on PostgreSQL: drop --db ${options.db} or use --db postgres`);
    options.db = 'postgres';
    if (options.scenario && !multiNodeScenarios.includes(options.scenario)) {
      fail(`--nodes ${options.nodes} runs only the ${multiNodeScenarios.join(', ')} scenario, not ${options.scenario}`);
    }
    options.scenario ??= multiNodeScenarios[0];
  }
  return options;
}
