// Runs siem-doctor commands in-process through oclif (as a user's shell would, flags and all),
// with a clean environment for the variables siem-doctor reads.
import { runCommand } from '@oclif/test';
import { execa } from 'execa';
import path from 'node:path';
import { ROOT } from './paths.js';

const READ_BY_US = [
  'JAVA_HOME',
  'SIEM_DOCTOR_TOKEN',
  'SIEM_DOCTOR_PORTAL_URL',
  'SIEM_DOCTOR_STOREPASS',
  'SIEM_DOCTOR_CONFIG',
  'LC_ALL',
  'LC_MESSAGES',
  'LANG',
  // proxies and JVM options a bundle copies, and the launcher variables the JVM probe reads: cleared and put back like the others
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
];

export async function doctor(args: string[], env: Record<string, string> = {}) {
  const saved = new Map(READ_BY_US.map((name) => [name, process.env[name]]));
  for (const name of READ_BY_US) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const result = await runCommand(args, { root: ROOT });
    return { ...result, exitCode: result.error?.oclif?.exit ?? (result.error ? 1 : 0) };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** `siem-doctor syslog send-test` as a process, to 127.0.0.1:port, with more flags after. */
export function sendTest(port: number, ...flags: string[]) {
  return execa(
    path.join(ROOT, 'bin', 'run.js'),
    ['syslog', 'send-test', '--syslog-host', '127.0.0.1', '--syslog-port', String(port), ...flags],
    { reject: false },
  );
}
