// Authenticode signing of the Windows executable (scripts/dist.js calls it after injection; the
// official node.exe's signature was removed before, since injection would break it anyway).
// Unsigned by default; signed when a key and its certificate are given:
//   SIEM_DOCTOR_SIGN_KEY   the private key, PEM (or DER)
//   SIEM_DOCTOR_SIGN_CERT  the code-signing certificate, PEM, with its chain if any
//   SIEM_DOCTOR_SIGN_PASSWORD  the key's password, when it is encrypted
// Run on its own, `node scripts/sign.js <exe>` signs that file in place, with the same variables.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The signing inputs in env, or undefined when none are given; half of them is an error. */
export function signingKey(env = process.env) {
  const key = env.SIEM_DOCTOR_SIGN_KEY;
  const cert = env.SIEM_DOCTOR_SIGN_CERT;
  if (!key && !cert) return undefined;
  if (!key || !cert) throw new Error('SIEM_DOCTOR_SIGN_KEY and SIEM_DOCTOR_SIGN_CERT go together');
  return { key, cert, password: env.SIEM_DOCTOR_SIGN_PASSWORD };
}

/** Signs exe in place (SHA-256, no timestamp: signing must work offline). */
export function signWindows(exe, { key, cert, password }) {
  const signed = `${exe}.signed`;
  rmSync(signed, { force: true });
  try {
    execFileSync(
      'osslsigncode',
      [
        'sign',
        '-certs',
        cert,
        '-key',
        key,
        ...(password ? ['-pass', password] : []),
        '-n',
        'siem-doctor',
        '-h',
        'sha256',
        '-in',
        exe,
        '-out',
        signed,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    renameSync(signed, exe);
  } finally {
    rmSync(signed, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = signingKey();
  if (!given || !process.argv[2]) {
    console.error('usage: SIEM_DOCTOR_SIGN_KEY=… SIEM_DOCTOR_SIGN_CERT=… node scripts/sign.js <exe>');
    process.exit(2);
  }
  signWindows(process.argv[2], given);
}
