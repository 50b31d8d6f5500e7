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

/**
 * Signs exe in place (SHA-256, no timestamp: signing must work offline). The key's password goes
 * to osslsigncode on its standard input (`-readpass -`), never on its command line, where
 * any account could read it (ps, /proc/<pid>/cmdline), nor in an error message.
 */
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
        ...(password ? ['-readpass', '-'] : []),
        '-n',
        'siem-doctor',
        '-h',
        'sha256',
        '-in',
        exe,
        '-out',
        signed,
      ],
      { input: password ?? '', stdio: ['pipe', 'pipe', 'pipe'] },
    );
    renameSync(signed, exe);
  } catch (error) {
    // execFileSync's message repeats the whole command line: say what failed, and why, instead
    const why = String(error.stderr ?? error.message)
      .split('\n')
      .find((line) => line.trim() !== '');
    const said = password ? (why ?? '').replaceAll(password, '***') : why;
    throw new Error(`osslsigncode could not sign ${exe}: ${said ?? 'it failed'}`);
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
  try {
    signWindows(process.argv[2], given);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
