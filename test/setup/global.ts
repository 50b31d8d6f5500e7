// Once per test run: the command tests run the built dist/, so the run stops at once when dist/
// is not a build of the current src/ (a change without a rebuild would otherwise pass unseen).
// Every temporary folder of the run lives under one root, and the run fails if a test file left
// anything behind there (each file's own folder is removed after it, below).
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staleBuild } from '../../scripts/source-hash.js';
import { ROOT } from '../helpers/paths.js';

export function setup(): () => void {
  const stale = staleBuild(ROOT, path.join(ROOT, 'dist'));
  if (stale) throw new Error(stale);
  const root = mkdtempSync(path.join(os.tmpdir(), 'siem-doctor-tests-'));
  chmodSync(root, 0o755); // as /tmp is: tests that run a command as another user reach their files
  process.env.SIEM_DOCTOR_TEST_TMP = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) throw new Error(`test files left temporary folders behind: ${left.join(', ')}`);
  };
}
