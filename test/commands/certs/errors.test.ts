// Errors of the trust libraries are said with the input the user actually gave: the same damaged
// store is `--keystore: …` under `certs import --keystore X`, and only its path under `check --fix`,
// where the store is the one Java reads and no --keystore was typed. Under --json each is
// {"error": {"code", "message"}} with the code of its kind.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../../helpers/cli.js';
import { damagedJks, keystoreCopy } from '../../helpers/keystores.js';
import { FIXTURES, JRE } from '../../helpers/paths.js';
import { trustedPortal } from '../../helpers/portal.js';
import type { Peer } from '../../helpers/servers.js';

const OCSP02 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-g2-rsa-ca-ocsp-02.pem');
const DAMAGED = /damaged keystore: the certificate of entry ".*" is not valid DER$/;

describe('a damaged store, named the way the user gave it', () => {
  let portal: Peer;
  let caFile: string;
  beforeAll(async () => ({ portal, caFile } = await trustedPortal()));
  afterAll(() => portal.close());

  it('certs import --keystore X says --keystore: X; check --fix with no --keystore names X alone', async () => {
    const { file } = await damagedJks('certificate');
    const imported = await doctor(['certs', 'import', '--keystore', file, '--from', OCSP02, '--yes']);
    expect(imported.exitCode).toBe(2);
    const line = imported.stderr.trim();
    expect(line.startsWith(`Error: --keystore: ${file}: `)).toBe(true);
    expect(line).toMatch(DAMAGED);

    // the agent's Java is told its store by -Djavax.net.ssl.trustStore; nobody typed --keystore
    const fixed = await doctor(
      [
        'check',
        '--only',
        'java-certs',
        '--java-home',
        JRE('jre8u291'),
        '--portal-url',
        `https://localhost:${portal.port}`,
        '--ca-file',
        caFile,
        '--fix',
        '--yes',
        '--json',
      ],
      { JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStore=${file}` },
    );
    const [fix] = JSON.parse(fixed.stdout).fixes;
    expect(fix).toMatchObject({ id: 'java-certs', applied: false });
    expect(fix.message.startsWith(`failed, nothing changed: ${file}: `)).toBe(true);
    expect(fix.message).toMatch(DAMAGED);
    expect(fix.message).not.toContain('--keystore');
  }, 30_000);

  it('under --json: code "keystore" for the damaged store, "file" for a --from that is not there', async () => {
    const { file } = await damagedJks('certificate');
    const damaged = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      OCSP02,
      '--yes',
      '--json',
    ]);
    expect(damaged.exitCode).toBe(2);
    expect(JSON.parse(damaged.stdout).error).toMatchObject({
      code: 'keystore',
      message: expect.stringMatching(/^--keystore: .*damaged keystore/),
    });
    const listed = await doctor(['certs', 'list', '--keystore', file, '--json']);
    expect(JSON.parse(listed.stdout).error.code).toBe('keystore');
    const good = await keystoreCopy();
    const missing = await doctor([
      'certs',
      'import',
      '--keystore',
      good.file,
      '--from',
      '/nonexistent/ca.pem',
      '--json',
    ]);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'file', message: '--from: /nonexistent/ca.pem does not exist' },
    });
  }, 30_000);

  it('a store found through --java-home that does not exist is named by its path, not as --keystore', async () => {
    const run = await doctor(['certs', 'list', '--java-home', JRE('jre8u291')]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Error: ${path.join(JRE('jre8u291'), 'lib', 'security', 'cacerts')} does not exist`,
    );
  });
});
