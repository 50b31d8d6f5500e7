// Test JRE homes made from the machine's Java 17 without ever writing into it: every file is a hard
// link (`cp -al`), except lib/security and conf/security, which are real copies the test may change
// (a write into a hard-linked file would change the system JVM's own file).
import { execa } from 'execa';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SYSTEM_JDK = '/usr/lib/jvm/java-17-openjdk-amd64';

export interface TestJre {
  /** What --java-home names: the JRE itself, or a JDK-8-shaped root holding it in jre/. */
  home: string;
  /** The JRE (java.home as the JVM reports it). */
  jre: string;
  security: string;
  java: string;
  cleanup(): Promise<void>;
}

export async function testJre(options: { jdk8Shaped?: boolean } = {}): Promise<TestJre> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-testjre-'));
  const home = path.join(dir, 'home');
  const jre = options.jdk8Shaped ? path.join(home, 'jre') : home;
  await mkdir(path.dirname(jre), { recursive: true });
  await execa('cp', ['-al', SYSTEM_JDK, jre]);
  for (const sub of ['lib/security', 'conf/security']) {
    const copy = path.join(jre, sub);
    await rm(copy, { recursive: true, force: true }); // unlinks the links only
    await execa('cp', ['-rL', path.join(SYSTEM_JDK, sub), copy]);
  }
  if (options.jdk8Shaped) {
    // A JDK 8 root: bin/java starts the JRE in jre/ (java.home = <root>/jre), release at the root.
    await mkdir(path.join(home, 'bin'));
    await symlink(path.join(jre, 'bin', 'java'), path.join(home, 'bin', 'java'));
    await copyFile(path.join(jre, 'release'), path.join(home, 'release'));
  }
  return {
    home,
    jre,
    security: path.join(jre, 'lib', 'security'),
    java: path.join(home, 'bin', 'java'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Compiles the independent judge once (javac 17) into a folder of its own. */
export async function compileJudge(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-judge-'));
  const source = path.join(path.dirname(new URL(import.meta.url).pathname), 'java', 'JavaJudge.java');
  await execa('javac', ['-d', dir, source]);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The JVM's own verdict on https://url, with the launcher variables of env. */
export async function judge(
  java: string,
  judgeDir: string,
  url: string,
  env: Record<string, string>,
): Promise<{ ok: boolean; said: string }> {
  const { stdout } = await execa(java, ['-cp', judgeDir, 'JavaJudge', url], {
    env: { PATH: process.env.PATH ?? '', ...env },
    extendEnv: false,
    reject: false,
    timeout: 30_000,
  });
  const line = stdout.split('\n').find((l) => /^(OK|FAIL)/.test(l)) ?? `FAIL no answer: ${stdout}`;
  return { ok: line.startsWith('OK'), said: line };
}
