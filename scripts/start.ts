/** `npm start`: builds if needed, then runs the server (which migrates the database and serves). */
import { ensureBuild } from './ensure-build';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
ensureBuild();
const { runFromCommandLine } = await import('../server/main');
await runFromCommandLine();
