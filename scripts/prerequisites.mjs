// What the browser tests need from the system, and setting it up: Debian's Chromium (playwright-core drives
// /usr/bin/chromium), the CJK fonts (Chinese pages, screenshots) and poppler's pdftoppm (printed PDFs).
// Used by `npm test` (scripts/test.mjs) and through it by .ci/run. Node built-ins only.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const runs = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return r.error ? null : `${r.stdout}${r.stderr}`;
};

/** The Debian packages that are missing, in install order. */
export function missingPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!/Noto Sans CJK/i.test(runs('fc-list', []) ?? '')) missing.push('fonts-noto-cjk');
  if (runs('pdftoppm', ['-v']) === null) missing.push('poppler-utils');
  return missing;
}

export const installCommand = (packages) => `apt-get install -y --no-install-recommends ${packages.join(' ')}`;

/**
 * Returns null when everything is there (installing it first where it may: root with apt-get, with a one-line
 * message), else the message to print: what is missing and the exact command, for the caller to stop on.
 */
export function ensurePrerequisites({ log = console.log } = {}) {
  let missing = missingPackages();
  if (missing.length === 0) return null;
  const mayInstall = process.platform === 'linux' && process.getuid?.() === 0 && runs('apt-get', ['--version']) !== null;
  if (mayInstall) {
    log(`test: installing ${missing.join(' ')} for the browser tests (apt-get)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const quiet = { env, stdio: ['ignore', 'ignore', 'inherit'] };
    spawnSync('apt-get', ['update', '-qq'], quiet);
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], quiet);
    missing = missingPackages();
    if (missing.length === 0) return null;
  }
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return (
    `test: the browser tests need ${missing.join(', ')}, which ${mayInstall ? 'could not be installed' : 'are not installed'}. ` +
    `Install them, then run npm test again:\n  ${sudo}${installCommand(missing)}\nNo test was run.`
  );
}
