import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  disablesLegacyTls,
  inspectJavaHome,
  locateJava,
  parseJavaVersion,
  parseJavaVersionOutput,
  parseReleaseFile,
  windowsJavaHomes,
} from '../../src/probes/java.js';
import { JRE } from '../helpers/paths.js';
import { windowsJre } from '../helpers/windows.js';

describe('parseJavaVersion', () => {
  it.each([
    ['1.8.0_291', 8, 291],
    ['1.8.0', 8, 0],
    ['1.7.0_80', 7, 80],
    ['11.0.11', 11, 11],
    ['17.0.15', 17, 15],
    ['21', 21, 0],
    ['9.0.4', 9, 4],
  ])('%s is Java %i update %i', (raw, major, update) => {
    expect(parseJavaVersion(raw)).toEqual({ raw, major, update });
  });

  it('rejects what is not a version', () => {
    expect(parseJavaVersion('unknown')).toBeUndefined();
  });
});

describe('disablesLegacyTls (the April 2021 updates)', () => {
  it.each([
    ['1.8.0_281', false],
    ['1.8.0_291', true],
    ['11.0.10', false],
    ['11.0.11', true],
    ['15.0.2', false],
    ['17.0.1', true],
  ])('%s → %s', (raw, expected) => {
    expect(disablesLegacyTls(parseJavaVersion(raw)!)).toBe(expected);
  });
});

describe('parsing what Java prints', () => {
  it('reads a release file with quotes and CRLF', () => {
    expect(parseReleaseFile('JAVA_VERSION="1.8.0_291"\r\nIMPLEMENTOR="Oracle Corporation"\r\n')).toEqual({
      JAVA_VERSION: '1.8.0_291',
      IMPLEMENTOR: 'Oracle Corporation',
    });
  });

  it('reads Oracle and OpenJDK `java -version` output', () => {
    const oracle = parseJavaVersionOutput(
      'java version "1.8.0_291"\nJava(TM) SE Runtime Environment (build 1.8.0_291-b10)\nJava HotSpot(TM) 64-Bit Server VM',
    );
    expect(oracle.version?.raw).toBe('1.8.0_291');
    expect(oracle.vendor).toBe('Oracle');
    const open = parseJavaVersionOutput('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment');
    expect(open.version?.major).toBe(17);
    expect(open.vendor).toBe('OpenJDK');
  });
});

describe('inspectJavaHome on fake JRE homes', () => {
  it('takes the version from the release file without starting java', async () => {
    // the fixture's bin/java exits 99 if it is ever run
    const java = await inspectJavaHome(JRE('jre8u291'), '--java-home');
    expect(java).toMatchObject({ found: true, vendor: 'Oracle Corporation', versionFrom: 'release file' });
    if (java.found) expect(java.version).toEqual({ raw: '1.8.0_291', major: 8, update: 291 });
  });

  it('falls back to `java -version` when there is no release file', async () => {
    const java = await inspectJavaHome(JRE('jdk11-no-release'), 'JAVA_HOME');
    expect(java).toMatchObject({ found: true, versionFrom: 'java -version', source: 'JAVA_HOME' });
    if (java.found) expect(java.version.raw).toBe('11.0.10');
  });

  it('reports a runtime whose java fails', async () => {
    const java = await inspectJavaHome(JRE('broken'), '--java-home');
    expect(java).toMatchObject({ found: false, reason: 'version-unknown' });
  });

  it('reports a home without bin/java', async () => {
    expect(await inspectJavaHome(JRE('no-java-binary'), 'JAVA_HOME')).toMatchObject({
      found: false,
      reason: 'no-java-binary',
    });
  });

  it('reads the JDK 8 release file one level above jre/', async () => {
    const java = await inspectJavaHome(path.join(JRE('jdk8'), 'jre'), 'PATH');
    expect(java).toMatchObject({ found: true });
    if (java.found) expect(java.version.raw).toBe('1.8.0_402');
  });
});

describe('locateJava', () => {
  it('follows a java on PATH through links to its home', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-path-'));
    await mkdir(path.join(dir, 'bin'));
    await symlink(path.join(JRE('jre8u291'), 'bin', 'java'), path.join(dir, 'bin', 'java'));
    const java = await locateJava({ env: { PATH: path.join(dir, 'bin') } });
    expect(java).toMatchObject({ found: true, home: JRE('jre8u291'), source: 'PATH' });
  });

  it('says not-found with an empty PATH and no home', async () => {
    expect(await locateJava({ env: { PATH: '' } })).toEqual({ found: false, reason: 'not-found' });
  });

  it('finds the real Java 17 of this machine on PATH', async () => {
    const java = await locateJava({ env: { PATH: process.env.PATH } });
    expect(java.found).toBe(true);
    if (java.found) expect(java.version.major).toBeGreaterThanOrEqual(8);
  });
});

describe('locateJava on Windows: the installers’ folders', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  async function programFiles() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-win-'));
    dirs.push(dir);
    return { x64: path.join(dir, 'Program Files'), x86: path.join(dir, 'Program Files (x86)') };
  }
  const oracle = { implementor: 'Oracle Corporation' };

  it('finds the docs’ example in Program Files (x86) when PATH has no java', async () => {
    const pf = await programFiles();
    const home = await windowsJre(pf.x86, 'Java\\jre1.8.0_291', { ...oracle, version: '1.8.0_291' });
    const env = { PATH: '', ProgramFiles: pf.x64, 'ProgramFiles(x86)': pf.x86 };
    expect(await locateJava({ env, platform: 'win32' })).toMatchObject({
      found: true,
      home,
      source: 'Program Files',
      javaBin: path.join(home, 'bin', 'java.exe'),
    });
  });

  it('takes the newest release of Oracle, Microsoft and Temurin folders', async () => {
    const pf = await programFiles();
    await windowsJre(pf.x64, 'Java\\jre1.8.0_291', { ...oracle, version: '1.8.0_291' });
    await windowsJre(pf.x64, 'Java\\jre-1.8', { ...oracle, version: '1.8.0_401' });
    await windowsJre(pf.x64, 'Microsoft\\jdk-11.0.21.9-hotspot', {
      implementor: 'Microsoft',
      version: '11.0.21',
    });
    await windowsJre(pf.x64, 'Eclipse Adoptium\\jre-17.0.9.9-hotspot', {
      implementor: 'Eclipse Adoptium',
      version: '17.0.9',
    });
    const homes = await windowsJavaHomes({ ProgramFiles: pf.x64, 'ProgramFiles(x86)': pf.x86 });
    expect(homes.map((home) => path.relative(pf.x64, home)).sort()).toEqual([
      path.join('Eclipse Adoptium', 'jre-17.0.9.9-hotspot'),
      path.join('Java', 'jre-1.8'),
      path.join('Java', 'jre1.8.0_291'),
      path.join('Microsoft', 'jdk-11.0.21.9-hotspot'),
    ]);
    const env = { ProgramFiles: pf.x64, 'ProgramFiles(x86)': pf.x86 };
    const java = await locateJava({ env, platform: 'win32' });
    expect(java).toMatchObject({
      found: true,
      home: path.join(pf.x64, 'Eclipse Adoptium', 'jre-17.0.9.9-hotspot'),
    });
  });

  it('takes jre-1.8 (Oracle 8u371 on) over an older 8 update, by its release file', async () => {
    const pf = await programFiles();
    await windowsJre(pf.x86, 'Java\\jre1.8.0_291', { ...oracle, version: '1.8.0_291' });
    const rolling = await windowsJre(pf.x86, 'Java\\jre-1.8', { ...oracle, version: '1.8.0_401' });
    const env = { ProgramFiles: pf.x64, 'ProgramFiles(x86)': pf.x86 };
    expect(await locateJava({ env, platform: 'win32' })).toMatchObject({ found: true, home: rolling });
  });

  it('looks past Oracle’s javapath stub on PATH, whose folder is no JRE home', async () => {
    const pf = await programFiles();
    const stub = path.join(pf.x86, 'Common Files', 'Oracle', 'Java', 'javapath');
    await mkdir(stub, { recursive: true });
    await writeFile(path.join(stub, 'java.exe'), 'MZ stub');
    const home = await windowsJre(pf.x64, 'Java\\jre1.8.0_291', { ...oracle, version: '1.8.0_291' });
    const env = { PATH: stub, ProgramFiles: pf.x64, 'ProgramFiles(x86)': pf.x86 };
    expect(await locateJava({ env, platform: 'win32' })).toMatchObject({ found: true, home });
  });

  it('does not look in Program Files on other systems', async () => {
    const pf = await programFiles();
    await windowsJre(pf.x64, 'Java\\jre1.8.0_291', { ...oracle, version: '1.8.0_291' });
    const env = { PATH: '', ProgramFiles: pf.x64 };
    expect(await locateJava({ env, platform: 'linux' })).toEqual({ found: false, reason: 'not-found' });
  });
});
