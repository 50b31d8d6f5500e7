// Finds the JRE the agent runs on and reads its version: from the `release` file when there is one
// (no JVM start, a few milliseconds), else from `java -version` (a JVM start, a few hundred).
import { access, readFile, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';

export type JavaHomeSource = '--java-home' | 'JAVA_HOME' | 'config file' | 'PATH' | 'agent process';

export interface JavaVersion {
  /** As Java spells it: `1.8.0_291`, `11.0.11`, `17.0.15`. */
  raw: string;
  major: number;
  /** The update: 291 for 1.8.0_291, 11 for 11.0.11 (the third number from Java 9 on). */
  update: number;
}

export interface JavaInstall {
  found: true;
  home: string;
  javaBin: string;
  source: JavaHomeSource;
  version: JavaVersion;
  vendor: string;
  versionFrom: 'release file' | 'java -version';
}

export type JavaLookup =
  | JavaInstall
  | { found: false; reason: 'not-found' }
  | { found: false; reason: 'no-java-binary'; home: string; source: JavaHomeSource }
  | { found: false; reason: 'version-unknown'; home: string; source: JavaHomeSource; detail: string };

export function parseJavaVersion(raw: string): JavaVersion | undefined {
  const legacy = /^1\.(\d+)\.\d+(?:_(\d+))?/.exec(raw);
  if (legacy) return { raw, major: Number(legacy[1]), update: Number(legacy[2] ?? 0) };
  const modern = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(raw);
  if (modern) return { raw, major: Number(modern[1]), update: Number(modern[3] ?? 0) };
  return undefined;
}

/**
 * Whether this release disables TLS 1.0/1.1 by default: the April 2021 updates 8u291 and 11.0.11,
 * and every feature release from 16 on (JDK-8202343).
 */
export function disablesLegacyTls(version: JavaVersion): boolean {
  if (version.major === 8) return version.update >= 291;
  if (version.major === 11) return version.update >= 11;
  return version.major >= 16;
}

/** The `release` file is KEY="value" lines. */
export function parseReleaseFile(content: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of content.split(/\r?\n/)) {
    const match = /^([A-Z_]+)="?(.*?)"?\s*$/.exec(line);
    if (match) fields[match[1]!] = match[2]!;
  }
  return fields;
}

const JAVA_FILE = process.platform === 'win32' ? 'java.exe' : 'java';

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function findOnPath(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, JAVA_FILE);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function readRelease(home: string): Promise<Record<string, string> | undefined> {
  // A JDK 8 keeps its JRE in jdk/jre; the release file sits one level up.
  for (const dir of [home, path.basename(home) === 'jre' ? path.dirname(home) : undefined]) {
    if (!dir) continue;
    try {
      return parseReleaseFile(await readFile(path.join(dir, 'release'), 'utf8'));
    } catch {
      // no release file here
    }
  }
  return undefined;
}

/** `java -version` prints to stderr: `openjdk version "17.0.15" 2025-04-15`, then the runtime's name. */
export function parseJavaVersionOutput(output: string): { version?: JavaVersion; vendor: string } {
  const quoted = /version "([^"]+)"/.exec(output);
  const runtimeLine = output.split(/\r?\n/)[1] ?? '';
  const vendor = /OpenJDK/i.test(output)
    ? 'OpenJDK'
    : /Java\(TM\)/.test(output)
      ? 'Oracle'
      : runtimeLine.split(' (')[0]?.trim() || 'unknown vendor';
  return { version: quoted ? parseJavaVersion(quoted[1]!) : undefined, vendor };
}

async function runJavaVersion(javaBin: string): Promise<string> {
  const { execa } = await import('execa');
  const result = await execa(javaBin, ['-version'], { reject: false, timeout: 15_000, all: true });
  if (result.exitCode !== 0 && !/version "/.test(result.all ?? '')) {
    throw new Error(`${path.basename(javaBin)} -version exited with ${result.exitCode ?? result.signal}`);
  }
  return result.all ?? '';
}

export async function inspectJavaHome(home: string, source: JavaHomeSource): Promise<JavaLookup> {
  const javaBin = path.join(home, 'bin', JAVA_FILE);
  if (!(await isExecutable(javaBin))) return { found: false, reason: 'no-java-binary', home, source };
  const release = await readRelease(home);
  const fromRelease = release?.JAVA_VERSION ? parseJavaVersion(release.JAVA_VERSION) : undefined;
  if (fromRelease) {
    return {
      found: true,
      home,
      javaBin,
      source,
      version: fromRelease,
      vendor: release?.IMPLEMENTOR || 'unknown vendor',
      versionFrom: 'release file',
    };
  }
  try {
    const parsed = parseJavaVersionOutput(await runJavaVersion(javaBin));
    if (!parsed.version) throw new Error('its output names no version');
    return {
      found: true,
      home,
      javaBin,
      source,
      version: parsed.version,
      vendor: release?.IMPLEMENTOR || parsed.vendor,
      versionFrom: 'java -version',
    };
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { found: false, reason: 'version-unknown', home, source, detail };
  }
}

export async function locateJava(options: {
  javaHome?: string;
  javaHomeSource?: JavaHomeSource;
  env: NodeJS.ProcessEnv;
}): Promise<JavaLookup> {
  if (options.javaHome) {
    return inspectJavaHome(path.resolve(options.javaHome), options.javaHomeSource ?? '--java-home');
  }
  const onPath = await findOnPath(options.env);
  if (!onPath) return { found: false, reason: 'not-found' };
  // /usr/bin/java is usually a chain of links (alternatives); the home is two levels above the real file.
  const real = await realpath(onPath);
  return inspectJavaHome(path.dirname(path.dirname(real)), 'PATH');
}
