import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';

const TOKEN = 'QnVuZGxlVG9rZW5TaG91bGROZXZlckFwcGVhckFueXdoZXJlMDEyMzQ1Njc4OWFiY2RlZg==';

describe('siem-doctor bundle', () => {
  it('writes one JSON file with the report, the machine and the logs, and no secret anywhere', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-'));
    const logs = path.join(dir, 'logs');
    await (await import('node:fs/promises')).mkdir(logs);
    await writeFile(
      path.join(logs, 'agent.log'),
      `started with --token ${TOKEN}\nERROR Invalid token ${TOKEN}\n`,
    );
    const file = path.join(dir, 'bundle.json');
    const storepass = 'Store-Pa55word!';
    const proxyPassword = 'pr0xy-Secret';
    const env = {
      SIEM_DOCTOR_STOREPASS: storepass,
      HTTPS_PROXY: `http://alice:${proxyPassword}@proxy.contoso.local:3128`,
      JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStorePassword=${storepass} -Xmx1g`,
    };
    const run = await doctor(
      [
        'bundle',
        '--token',
        TOKEN,
        '--keystore',
        path.join(FIXTURES, 'keystores', 'cacerts-140.jks'),
        '--logs-directory',
        logs,
        '--output',
        file,
      ],
      env,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Support bundle written to ${file}`);
    const text = await readFile(file, 'utf8');
    for (const secret of [TOKEN, storepass, proxyPassword]) expect(text).not.toContain(secret);
    const bundle = JSON.parse(text);
    expect(bundle.report.checks).toHaveLength(10);
    expect(bundle.settings.token).toEqual({ length: TOKEN.length, last4: TOKEN.slice(-4) });
    expect(bundle.environment.HTTPS_PROXY).toBe('http://<redacted>@proxy.contoso.local:3128');
    expect(bundle.environment.JAVA_TOOL_OPTIONS).toBe('-Djavax.net.ssl.trustStorePassword=<redacted> -Xmx1g');
    expect(bundle.logTail.lines).toContain('ERROR Invalid token <redacted>');
    expect(bundle.report.checks.find((c: { id: string }) => c.id === 'agent-logs')).toMatchObject({
      documentedError: 'Invalid token',
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('says so in one line when the output cannot be written', async () => {
    const run = await doctor(['bundle', '--output', '/proc/nope/bundle.json', '--only-not-a-flag']);
    expect(run.exitCode).toBe(2);
    const again = await doctor(['bundle', '--output', '/proc/nope/bundle.json']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('--output:');
  });
});
