// Child process of kill-9.test.ts: serves the election file over the loopback HTTP transport on a given port and
// token, prints "ready" once listening, and runs until it is killed. argv: dbFile port token
import { startHttpServer } from '../../../electron/backend/http';

const [dbFile, port, token] = process.argv.slice(2) as [string, string, string];
await startHttpServer({ dbFile, port: Number(port), token });
process.stdout.write('ready\n');
