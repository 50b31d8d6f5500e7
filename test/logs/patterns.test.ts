// What a line is about: the Java exception decides what failed, the host and port in the statement
// decide the side (the SIEM of --syslog-host, the portal of --portal-url, the --proxy). Each case
// is a real log file read by the scanner, so the needles that pick lines are proven to cover it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentLogs } from '../../src/checks/agent-logs.js';
import { classify, type Hosts } from '../../src/logs/patterns.js';
import { scanLogs } from '../../src/logs/scan.js';
import { runOne } from '../helpers/context.js';
import { doctor } from '../helpers/cli.js';
import { stamp } from '../helpers/logs.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function logDir(text: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-patterns-'));
  made.push(dir);
  await writeFile(path.join(dir, 'siem-agent.log'), text);
  return dir;
}

const SIEM = 'siem.contoso.local';
const PORTAL = 'contoso.us3.portal.cloudappsecurity.com';
const PROXY = 'proxy.contoso.local';
const HOSTS: Hosts = { siem: SIEM, siemPort: 514, portal: PORTAL, proxy: PROXY };
const T = '2026-11-21 10:00:00,001';

interface Case {
  name: string;
  lines: string[];
  hosts?: Hosts;
  expected: { kind: string; error?: string; side: string; host?: string };
  /** Other lines of the same statement that are findings of their own. */
  also?: string[];
}

const CASES: Case[] = [
  {
    name: 'Connection refused by the SIEM is the SIEM side',
    lines: [
      `${T} WARN  [push] Could not send events to ${SIEM}:514`,
      'java.net.ConnectException: Connection refused (Connection refused)',
      '\tat java.net.PlainSocketImpl.socketConnect(Native Method)',
    ],
    expected: { kind: 'connection-refused', error: 'Data server connection error', side: 'siem', host: SIEM },
  },
  {
    name: 'Connection refused by the portal is the portal side',
    lines: [
      `${T} ERROR [pull] org.apache.http.conn.HttpHostConnectException: Connect to ${PORTAL}:443 [${PORTAL}/20.1.2.3] failed: Connection refused (Connection refused)`,
    ],
    expected: { kind: 'connection-refused', error: 'SIEM agent error', side: 'portal', host: PORTAL },
  },
  {
    name: 'Connection refused by the proxy is the portal side, through the proxy',
    lines: [
      `${T} ERROR [pull] org.apache.http.conn.HttpHostConnectException: Connect to ${PROXY}:8080 [${PROXY}/10.0.0.5] failed: Connection refused`,
    ],
    expected: { kind: 'connection-refused', error: 'SIEM agent error', side: 'proxy', host: PROXY },
  },
  {
    name: 'the SIEM given as an address, named only by the settings',
    lines: [`${T} WARN  [main] Could not reach 10.1.2.3:6514: java.net.ConnectException: Connection refused`],
    hosts: { siem: '10.1.2.3', portal: PORTAL },
    expected: {
      kind: 'connection-refused',
      error: 'Data server connection error',
      side: 'siem',
      host: '10.1.2.3',
    },
  },
  {
    name: 'Connection refused that names no side has no documented error',
    lines: [`${T} ERROR [main] java.net.ConnectException: Connection refused`],
    expected: { kind: 'connection-refused', side: 'unknown' },
  },
  {
    name: 'a 407 is a proxy asking for credentials, not a malformed proxy address',
    lines: [
      `${T} ERROR [pull] java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"`,
    ],
    expected: { kind: 'proxy-auth', error: 'SIEM agent error', side: 'proxy', host: PROXY },
  },
  {
    name: 'a proxy that refuses the tunnel for another reason',
    lines: [
      `${T} ERROR [pull] java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 403 Forbidden"`,
    ],
    expected: { kind: 'proxy-tunnel', error: 'SIEM agent error', side: 'proxy', host: PROXY },
  },
  {
    name: 'PKIX path building failed: a missing CA',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
    ],
    // the portal's host, from the settings when the line names none
    expected: {
      kind: 'pkix-building',
      error: 'Issue with new versions of Java',
      side: 'portal',
      host: PORTAL,
    },
  },
  {
    name: 'validity check failed: the cause named after PKIX path validation failed',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed`,
    ],
    expected: { kind: 'cert-validity', error: 'Issue with new versions of Java', side: 'portal' },
  },
  {
    name: 'Algorithm constraints check failed',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path validation failed`,
      'Caused by: java.security.cert.CertPathValidatorException: Algorithm constraints check failed on keysize limits: RSA 2048 bit key used with certificate: CN=Microsoft Azure RSA TLS Issuing CA 03',
    ],
    // Java's first line says that validation failed; the statement is about the cause it names next
    expected: { kind: 'algorithm-constraints', error: 'Issue with new versions of Java', side: 'portal' },
  },
  {
    name: 'Unable to determine revocation status',
    lines: [
      `${T} ERROR [pull] sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: Unable to determine revocation status due to network error`,
    ],
    expected: { kind: 'revocation', error: 'SIEM agent error', side: 'portal' },
  },
  {
    name: 'PKIX path validation failed with no cause named',
    lines: [
      `${T} ERROR [pull] sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: Path does not chain with any of the trust anchors`,
    ],
    expected: { kind: 'pkix-validation', error: 'Issue with new versions of Java', side: 'portal' },
  },
  {
    name: 'trustAnchors parameter must be non-empty: an empty or damaged trust store',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLException: java.lang.RuntimeException: Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty`,
    ],
    expected: { kind: 'trust-anchors-empty', error: 'Issue with new versions of Java', side: 'portal' },
  },
  {
    name: 'No subject alternative DNS name',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: java.security.cert.CertificateException: No subject alternative DNS name matching ${PORTAL} found.`,
    ],
    expected: { kind: 'hostname-mismatch', error: 'SIEM agent error', side: 'portal' },
  },
  {
    name: 'Unsupported or unrecognized SSL message',
    lines: [`${T} ERROR [pull] javax.net.ssl.SSLException: Unsupported or unrecognized SSL message`],
    expected: { kind: 'not-tls', error: 'SIEM agent error', side: 'portal' },
  },
  {
    name: 'not accepted by client preferences',
    lines: [
      `${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]`,
    ],
    expected: { kind: 'tls-version', error: 'TLS 1.2 required', side: 'portal' },
  },
  {
    name: 'No appropriate protocol, as a bare message on an ERROR line',
    lines: [
      `${T} ERROR [pull] Handshake with the portal: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)`,
    ],
    expected: { kind: 'tls-version', error: 'TLS 1.2 required', side: 'portal' },
  },
  {
    name: 'Received fatal alert: handshake_failure',
    lines: [`${T} ERROR [pull] javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure`],
    expected: { kind: 'handshake-failure', error: 'TLS 1.2 required', side: 'portal' },
  },
  {
    name: 'Connection reset by the SIEM while sending',
    lines: [
      `${T} WARN  [push] Sending events to ${SIEM}:514 failed`,
      'java.net.SocketException: Connection reset',
    ],
    expected: { kind: 'connection-reset', error: 'Data server send error', side: 'siem', host: SIEM },
  },
  {
    name: 'Connection reset on the portal side',
    lines: [
      `${T} ERROR [pull] Failed to pull activities from https://${PORTAL}/api/v1/activities/`,
      'java.net.SocketException: Connection reset',
    ],
    expected: { kind: 'connection-reset', error: 'SIEM agent error', side: 'portal', host: PORTAL },
  },
  {
    name: 'SocketTimeoutException: Read timed out is the portal side',
    lines: [`${T} ERROR [main] java.net.SocketTimeoutException: Read timed out`],
    expected: { kind: 'read-timeout', error: 'SIEM agent error', side: 'unknown' },
  },
  {
    name: 'connect timed out to the SIEM',
    lines: [`${T} WARN  [push] java.net.SocketTimeoutException: connect timed out (${SIEM}:514)`],
    expected: { kind: 'connect-timeout', error: 'Data server connection error', side: 'siem', host: SIEM },
  },
  {
    name: 'UnknownHostException for the SIEM host',
    lines: [`${T} WARN  [main] java.net.UnknownHostException: ${SIEM}`],
    expected: { kind: 'unknown-host', error: 'Data server connection error', side: 'siem', host: SIEM },
  },
  {
    name: 'UnknownHostException for the portal host',
    lines: [`${T} ERROR [main] java.net.UnknownHostException: ${PORTAL}: Name or service not known`],
    expected: { kind: 'unknown-host', error: 'SIEM agent error', side: 'portal', host: PORTAL },
  },
  {
    name: 'UnknownHostException for the proxy host',
    lines: [`${T} ERROR [main] java.net.UnknownHostException: ${PROXY}`],
    expected: { kind: 'unknown-host', error: 'Invalid proxy address', side: 'proxy', host: PROXY },
  },
  {
    name: 'UnknownHostException for a host of neither side',
    lines: [`${T} ERROR [main] java.net.UnknownHostException: elsewhere.example`],
    expected: { kind: 'unknown-host', side: 'unknown', host: 'elsewhere.example' },
  },
  {
    name: 'the documented names the agent prints',
    lines: [`${T} ERROR [main] Invalid token`],
    expected: { kind: 'invalid-token', error: 'Invalid token', side: 'portal' },
  },
];

describe('each pattern, read from a real log file, and the documented error it maps to', () => {
  it.each(CASES)('$name', async ({ lines, hosts, expected, also = [] }) => {
    const dir = await logDir(`${stamp(Date.now() - 60_000)} INFO  [main] Starting\n${lines.join('\n')}\n`);
    const scan = await scanLogs(dir, { hosts: hosts ?? HOSTS });
    expect(scan.findings.map((f) => f.kind).sort()).toEqual([expected.kind, ...also].sort());
    const finding = scan.findings.find((f) => f.kind === expected.kind);
    expect(finding).toMatchObject({ ...expected, count: 1 });
    if (!expected.error) expect(finding!.error).toBeUndefined();
    if (expected.side === 'unknown' && !expected.host) expect(finding!.host).toBeUndefined();
  });

  it('the same refusal is a different documented error by the host the line names', () => {
    const line = (host: string) =>
      `${T} ERROR java.net.ConnectException: Connect to ${host}:6514 failed: Connection refused`;
    expect(classify(line(SIEM), line(SIEM), HOSTS)?.error).toBe('Data server connection error');
    expect(classify(line(PORTAL), line(PORTAL), HOSTS)?.error).toBe('SIEM agent error');
    expect(classify(line(PROXY), line(PROXY), HOSTS)?.error).toBe('SIEM agent error');
    // without settings, a tenant portal's name is still the portal's
    expect(classify(line(PORTAL), line(PORTAL), {})?.side).toBe('portal');
    expect(classify(line(SIEM), line(SIEM), {})).toMatchObject({ side: 'unknown', host: SIEM });
    expect(classify(line(SIEM), line(SIEM), {})?.error).toBeUndefined();
  });

  it('counts a statement once, however many of its stack-trace lines repeat the message', async () => {
    const trace = (time: string) => [
      `${time} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
      '\tat sun.security.ssl.Alert.createSSLException(Alert.java:131)',
      'Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
      '\tat sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:456)',
      'Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ];
    const dir = await logDir(
      [...trace('2026-11-21 10:00:00,001'), ...trace('2026-11-21 10:05:00,001')].join('\n'),
    );
    const [finding, ...rest] = (await scanLogs(dir, { hosts: HOSTS })).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'pkix-building', count: 2, first: { line: 1 }, last: { line: 6 } });
  });

  it('a word that only holds a needle is no finding', async () => {
    const dir = await logDir(`${T} INFO  [main] Mirror of the settings loaded; WARNING level off\n`);
    expect((await scanLogs(dir, { hosts: HOSTS })).findings).toEqual([]);
  });

  it('says why, in the check and in the text, with the hosts of the settings', async () => {
    const dir = await logDir(`${CASES[0]!.lines.join('\n')}\n${CASES[1]!.lines.join('\n')}\n`);
    const result = await runOne(agentLogs, {
      logsDirectory: dir,
      syslogHost: SIEM,
      portalUrl: new URL(`https://${PORTAL}`),
    });
    expect(result).toMatchObject({ status: 'fail' });
    expect(result.evidence!.findings).toHaveLength(2);
    const { stdout } = await doctor([
      'logs',
      dir,
      '--syslog-host',
      SIEM,
      '--portal-url',
      `https://${PORTAL}`,
    ]);
    expect(stdout).toContain(`“Data server connection error”: Connection refused (SIEM ${SIEM}:514)`);
    expect(stdout).toContain(`“SIEM agent error”: Connection refused (portal ${PORTAL}:443)`);
    // the recovery procedure's TLS 1.2 advice, put on the side it can concern
    expect(stdout).toContain('does not apply to the syslog side');
    expect(stdout).toContain('only this side, the HTTPS connection to the portal, uses TLS');
    const french = await doctor(['logs', dir, '--syslog-host', SIEM, '--lang', 'fr']);
    expect(french.stdout).toContain(
      `« Erreur de connexion du serveur de données (Data server connection error) » : Connection refused (SIEM ${SIEM}:514)`,
    );
  });
});
