import { startHttpServer } from '../../../electron/backend/http';

/**
 * The real backend in its own process, as `npm start` runs it in browser mode, for the drill screen test: a drill
 * runs synchronously in the backend, and the test must keep driving the browser meanwhile to see the progress.
 * Usage: node --import tsx drill-backend.ts DATA_DIR STATIC_DIR → prints {"url","token"} on one line; SIGTERM stops.
 */
const [dataDir, staticDir] = process.argv.slice(2);
if (!dataDir || !staticDir) {
  console.error('usage: drill-backend.ts DATA_DIR STATIC_DIR');
  process.exit(2);
}
const server = await startHttpServer({ dataDir, staticDir });
process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
