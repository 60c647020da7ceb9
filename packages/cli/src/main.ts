// The `chorus` command line: key management (and, later, offline analysis). User-facing output goes to stdout.
import { DatabaseUnavailableError } from '@chorus/db';
import { baseConfigSchema, ConfigError, exitUnreachable, parseConfig } from '@chorus/platform';
import { parseArgs, UsageError } from './args.js';
import { analyzeCommand } from './analyze-command.js';
import { keysCommand } from './keys.js';

const HELP = `chorus: coordinated-commenting detection

  chorus keys create --tenant NAME   create an API key for a tenant (created if new); prints it once
  chorus keys revoke PREFIX          revoke a key by its prefix (or the whole key)
  chorus analyze FILE                analyze a CSV or JSONL dump offline (no Redis, no PostgreSQL)
      --out FILE                     write the full result as JSON (docs/analyzer.md)
      --graphml FILE                 write the account network as GraphML (Gephi)
      --edges-csv FILE               write the account network's edges as CSV
      --report FILE                  write a self-contained HTML report with charts (opens offline)
      --lexical-threshold X          near-duplicate threshold (default 0.8)
      --window-hours H               account-network time window (default 24)
      --min-edge-weight N            drop network edges shared in fewer clusters (default 1)
      --no-semantic                  lexical stage only (no embeddings)
      --model ID, --model-dir DIR    embedding model (default chorus/glove-sif-100d under ./models)
      --one-thread                   use one core (the same result; by default a worker thread helps)

Environment: DATABASE_URL, DATABASE_SCHEMA (see README).
`;

// A closed pipe (`chorus analyze big.csv | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const out = (s: string) => process.stdout.write(s);
const { positional, flags } = parseArgs(process.argv.slice(2));
const [command, ...rest] = positional;
try {
  if (command === 'keys') await keysCommand(rest, flags, process.env, out);
  else if (command === 'analyze') await analyzeCommand(rest, flags, out);
  else if (!command || command === 'help' || flags.has('help')) out(HELP);
  else throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
} catch (err) {
  if (err instanceof UsageError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  // The keys commands need PostgreSQL; a missing one gets one line saying how to start it.
  if (err instanceof DatabaseUnavailableError) exitUnreachable('postgres', parseConfig(baseConfigSchema, process.env).DATABASE_URL);
  throw err;
}
