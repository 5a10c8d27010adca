/**
 * `npm run ledger:verify -- <proposalId> [--url <origin>] [--email <address>]`
 *
 * Verifies a proposal's ledger through the RUNNING server (the embedded
 * database belongs to the server process while it runs). Signs in as a member
 * of the proposal's assembly, then:
 *  1. fetches the chain and checks it here, with core/ledger.ts, trusting
 *     nothing the server says about it;
 *  2. asks the server's verifier, which also compares the stored words of
 *     dissents and replies with the hashes the chain recorded.
 * Prints OK with the length and head, or the first broken entry (seq, kind,
 * problem). Exit status: 0 holds, 1 broken, 2 could not check (usage,
 * sign-in, network, unknown proposal).
 *
 * The password comes from PLENARY_PASSWORD, or is asked for on the terminal
 * (not echoed). The email from --email or PLENARY_EMAIL; the server from
 * --url, else PUBLIC_URL, else http://localhost:$PORT (3000).
 */
import { verifyChain, type LedgerEntry, type LedgerHead, type LedgerProblem } from '../core/ledger';

/** Thrown for anything that prevents checking at all (exit status 2). */
class CannotCheck extends Error {}

const PROBLEMS: Record<LedgerProblem, string> = {
  'hash-mismatch': 'the entry was altered (its hash is not the hash of what it says)',
  'prev-mismatch': 'the entry before it was replaced (it does not name the previous hash)',
  'sequence-gap': 'an entry is missing or was inserted here',
  'content-mismatch': 'the stored words or anchor no longer match the hash the entry recorded',
  'unrecorded-row': 'a dissent, reply, revision, withdrawal or signature is stored that no entry records',
};

interface Options {
  proposalId: string;
  url: string;
  email: string;
}

function usage(message: string): never {
  throw new CannotCheck(`${message}\nUsage: npm run ledger:verify -- <proposalId> [--url http://localhost:3000] [--email you@example.org]`);
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Options {
  let proposalId: string | undefined;
  let url = env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`;
  let email = env.PLENARY_EMAIL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url' || arg === '--email') {
      const value = argv[++i];
      if (!value) usage(`${arg} needs a value.`);
      if (arg === '--url') url = value;
      else email = value;
    } else if (arg.startsWith('--')) usage(`Unknown option ${arg}.`);
    else if (proposalId) usage('Give one proposal id.');
    else proposalId = arg;
  }
  if (!proposalId) usage('Which proposal?');
  if (!email) usage('Sign in as whom? Pass --email or set PLENARY_EMAIL.');
  try {
    url = new URL(url).origin;
  } catch {
    usage(`Not a URL: ${url}`);
  }
  return { proposalId, url, email };
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new CannotCheck('No password: set PLENARY_PASSWORD (no terminal to ask on).');
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new CannotCheck('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** A signed-in conversation with the server: its cookies, and the Origin its checks expect. */
class Session {
  private readonly cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { origin: this.origin, accept: 'application/json' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.origin), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new CannotCheck(`Cannot reach ${this.origin}: ${(error as Error).cause ?? (error as Error).message}. Is the server running?`);
    }
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  }
}

/** The server's error message, or the status. */
function reason(response: { status: number; body: any }): string {
  return response.body?.error?.message ?? response.body?.message ?? `HTTP ${response.status}`;
}

function describe(seq: number, kind: string | undefined, problem: LedgerProblem): string {
  return `entry ${seq}${kind ? ` (${kind})` : ''}: ${problem}: ${PROBLEMS[problem]}`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2), process.env);
  const password = process.env.PLENARY_PASSWORD || (await askHidden(`Password for ${options.email}: `));
  const session = new Session(options.url);
  const signIn = await session.request('POST', '/api/auth/sign-in/email', { email: options.email, password });
  if (signIn.status !== 200) throw new CannotCheck(`Sign-in refused: ${reason(signIn)}`);
  try {
    const base = `/api/proposals/${encodeURIComponent(options.proposalId)}/ledger`;
    const listing = await session.request('GET', base);
    if (listing.status !== 200) throw new CannotCheck(`Cannot read the ledger: ${reason(listing)}`);
    const entries = listing.body.entries as LedgerEntry[];
    const served = await session.request('GET', `${base}/verify`);
    if (served.status !== 200) throw new CannotCheck(`The server could not verify: ${reason(served)}`);

    // Our own check of the chain, then the server's (which alone can see the stored words).
    const local = verifyChain(options.proposalId, entries);
    const broken = [
      ...(local.ok ? [] : [{ ...local.brokenAt, kind: local.brokenAt.problem === 'sequence-gap' ? undefined : entries[local.brokenAt.seq - 1]?.kind }]),
      ...(served.body.ok ? [] : [served.body.brokenAt as { seq: number; problem: LedgerProblem; kind?: string }]),
    ].sort((a, b) => a.seq - b.seq);
    if (broken.length > 0) {
      const first = broken[0];
      console.log(`BROKEN: ledger of proposal ${options.proposalId}, ${entries.length} entries; first broken ${describe(first.seq, first.kind, first.problem)}`);
      if (local.ok !== served.body.ok) {
        console.log(local.ok ? 'The chain as served is intact; the server found stored content that no longer matches it.' : 'The server reported the chain as intact, but the entries it served do not verify.');
      }
      return 1;
    }
    const head = (local as { head: LedgerHead | null }).head;
    console.log(
      `OK: ledger of proposal ${options.proposalId} holds: ${entries.length} entries` +
        (head ? `, head ${head.seq} ${head.hash}` : ' (empty)') +
        '; stored content matches.',
    );
    return 0;
  } finally {
    // Leave no session behind.
    await session.request('POST', '/api/auth/sign-out', {}).catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CannotCheck ? error.message : error);
    process.exit(2);
  },
);
