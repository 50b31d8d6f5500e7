// Before each test file: its temporary folders go into a folder of its own (os.tmpdir() follows
// TMPDIR, and so do the processes the tests start), removed when the file's tests are done.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(path.join(process.env.SIEM_DOCTOR_TEST_TMP ?? os.tmpdir(), 'file-'));
chmodSync(dir, 0o755);
process.env.TMPDIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
