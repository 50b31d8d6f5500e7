import { describe, expect, it } from 'vitest';
import { javaRuntime } from '../../src/checks/java-runtime.js';
import { JRE } from '../helpers/paths.js';
import { runOne } from '../helpers/context.js';

describe('java-runtime', () => {
  it('passes Java 8u291 and says TLS 1.0/1.1 are off', async () => {
    const result = await runOne(javaRuntime, { javaHome: JRE('jre8u291'), javaHomeSource: '--java-home' });
    expect(result.status).toBe('pass');
    expect(result.message).toContain('1.8.0_291');
    expect(result.message).toContain('TLS 1.0 and 1.1 off');
    expect(result.evidence).toMatchObject({
      version: '1.8.0_291',
      tlsLegacyDisabled: true,
      vendor: 'Oracle Corporation',
    });
  });

  it('passes Java 8u281 without the TLS remark', async () => {
    const result = await runOne(javaRuntime, { javaHome: JRE('jre8u281') });
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({ tlsLegacyDisabled: false });
    expect(result.message).not.toContain('TLS');
  });

  it('judges the agent’s JRE under --from-process, and warns that a named other one is not it', async () => {
    const agentHome = JRE('jre8u291');
    const result = await runOne(javaRuntime, {
      javaHome: agentHome,
      javaHomeSource: 'agent process',
      agentJavaHome: agentHome,
      namedJavaHome: { home: JRE('jre8u281'), source: 'config file' },
    });
    expect(result).toMatchObject({
      status: 'warn',
      evidence: {
        home: agentHome,
        version: '1.8.0_291',
        namedJavaHome: JRE('jre8u281'),
        namedBy: 'config file',
      },
    });
    expect(result.message).toContain(`config file names ${JRE('jre8u281')}, which the agent does not run on`);
    // the same folder by another path is no other JRE
    const same = await runOne(javaRuntime, {
      javaHome: agentHome,
      javaHomeSource: 'agent process',
      namedJavaHome: { home: `${agentHome}/../jre8u291`, source: '--java-home' },
    });
    expect(same.status).toBe('pass');
    // and a failing agent JRE fails, whatever was named
    const old = await runOne(javaRuntime, {
      javaHome: JRE('jre7u80'),
      javaHomeSource: 'agent process',
      namedJavaHome: { home: agentHome, source: '--java-home' },
    });
    expect(old.status).toBe('fail');
  });

  it('fails Java 7 with the bootstrap error and an upgrade step', async () => {
    const result = await runOne(javaRuntime, { javaHome: JRE('jre7u80') });
    expect(result.status).toBe('fail');
    expect(result.documentedError).toBe('General error during bootstrap');
    expect(result.message).toContain('older than Java 8');
    expect(result.resolution?.[0]).toContain('Java 8, 11, 17 or 21');
  });

  it('fails with install steps when there is no Java at all', async () => {
    const result = await runOne(javaRuntime, {}, { PATH: '' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('no Java runtime found');
    expect(result.resolution?.join(' ')).toContain('apt-get install openjdk-17-jre-headless');
  });

  it('fails a JAVA_HOME that holds no bin/java, naming the source', async () => {
    const result = await runOne(javaRuntime, {
      javaHome: JRE('no-java-binary'),
      javaHomeSource: 'JAVA_HOME',
    });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('(from JAVA_HOME) holds no bin/java');
  });

  it('fails a broken runtime with what java said', async () => {
    const result = await runOne(javaRuntime, { javaHome: JRE('broken') });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('could not read the version');
  });

  it('passes the real Java of this machine', async () => {
    const result = await runOne(javaRuntime, {}, { PATH: process.env.PATH });
    expect(result.status).toBe('pass');
    expect(result.evidence?.home).toBeTruthy();
  });
});
