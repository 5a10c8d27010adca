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
}

const USAGE = `npm run bench -- [--db pglite|postgres] [--runs N] [--scenario latency|cpu|rooms|cold-load] [--quick]`;

/** Parses the flags; exits with the usage on anything unknown. */
export function parseOptions(argv: string[], scenarioNames: string[]): BenchOptions {
  const options: BenchOptions = {
    db: 'pglite',
    databaseUrl: process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL,
    runs: 5,
    quick: false,
  };
  let runsGiven = false;
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
    } else if (flag === '--runs') {
      options.runs = Number(value());
      runsGiven = true;
      if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 50) fail('--runs is a whole number from 1 to 50');
    } else if (flag === '--scenario') {
      options.scenario = value();
      if (!scenarioNames.includes(options.scenario)) fail(`unknown scenario ${options.scenario}; one of ${scenarioNames.join(', ')}`);
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
  return options;
}
