// `bundle`: the support bundle collected, every secret redacted, written to a file only its owner
// can read. The receipt says where and how big; src/render/bundle.ts words it.
import { open } from 'node:fs/promises';
import type { DoctorConfig } from '../config/resolve.js';
import { fileProblem, FileError } from '../errors.js';
import { createRedactor, redactReport } from '../render/redact.js';
import { terminalJson } from '../render/terminal.js';
import { collectBundle } from './collect.js';

/** What `bundle` returns: its --json document, and what the receipt line says. */
export interface BundleReceipt {
  file: string;
  bytes: number;
}

export async function writeSupportBundle(options: {
  config: DoctorConfig;
  env: NodeJS.ProcessEnv;
  toolVersion: string;
  /** Where to write it; by default siem-doctor-bundle-<time>.json in the working folder. */
  file?: string;
  /** Every secret the run knows: none of them is written. */
  secrets: readonly string[];
  now?: Date;
}): Promise<BundleReceipt> {
  const bundle = await collectBundle(options);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const file = options.file ?? `siem-doctor-bundle-${stamp}.json`;
  // Every string and key through the redactor before it is written (so before JSON escapes a
  // secret out of its known form); the report keeps its statuses and ids as render does.
  const secrets = [...options.secrets];
  const safe = { ...createRedactor(secrets).deep(bundle), report: redactReport(bundle.report, secrets) };
  // DEL and C1 (U+009B is a terminal's CSI) escaped too: support will `cat` or `less` the file
  const text = `${terminalJson(safe, 2)}\n`;
  try {
    await writePrivately(file, text);
  } catch (error) {
    throw new FileError(fileProblem(error, file), 'output');
  }
  return { file, bytes: Buffer.byteLength(text) };
}

/**
 * Writes a file only its owner can read. writeFile's mode applies only to a file it creates: one
 * that was there keeps its mode, so the mode is set on the emptied file before anything is written.
 */
async function writePrivately(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
