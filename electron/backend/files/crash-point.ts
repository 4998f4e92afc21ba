/**
 * Test hook for crash safety: when STATION_CRASH_AT names this point, the process kills itself with SIGKILL right
 * here, as a power cut or `kill -9` would. The kill tests (tests/integration/durable) start real child processes with
 * it set, to stop them at every step of sealing, backups and drills. Unset, it does nothing.
 */
export function crashPoint(name: string): void {
  if (process.env.STATION_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
