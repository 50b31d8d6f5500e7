// Finds the JRE the agent runs on and reads its version: from the `release` file when there is one
// (no JVM start, a few milliseconds), else from `java -version` (a JVM start, a few hundred).
import { access, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';

export type JavaHomeSource =
  '--java-home' | 'JAVA_HOME' | 'config file' | 'PATH' | 'agent process' | 'Program Files';

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

const javaFile = (platform: NodeJS.Platform) => (platform === 'win32' ? 'java.exe' : 'java');

async function isExecutable(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    await access(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function findOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string | undefined> {
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, javaFile(platform));
    if (await isExecutable(candidate, platform)) return candidate;
  }
  return undefined;
}

/**
 * The folders Windows installers put a JRE in, under each Program Files folder: Oracle's
 * `Java\jre1.8.0_291` (the docs' example, in `Program Files (x86)` for a 32-bit Java) and
 * `Java\jre-1.8` (8u371 on), the Microsoft Build of OpenJDK's `Microsoft\jdk-17.0.9.8-hotspot`,
 * Temurin's `Eclipse Adoptium\jre-17.0.9.9-hotspot` (and AdoptOpenJDK's before it).
 */
const WINDOWS_VENDOR_FOLDERS = ['Java', 'Microsoft', 'Eclipse Adoptium', 'AdoptOpenJDK'];

function isNewer(a: JavaVersion, b: JavaVersion): boolean {
  return a.major > b.major || (a.major === b.major && a.update > b.update);
}

/** Every JRE-looking folder under the Program Files folders. */
export async function windowsJavaHomes(env: NodeJS.ProcessEnv): Promise<string[]> {
  const roots = [
    env.ProgramW6432 ?? env.ProgramFiles ?? 'C:\\Program Files',
    env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
  ].filter((root, i, all) => all.indexOf(root) === i);
  const homes: string[] = [];
  for (const root of roots) {
    for (const vendor of WINDOWS_VENDOR_FOLDERS) {
      const dir = path.join(root, vendor);
      let names: string[];
      try {
        names = (await readdir(dir, { withFileTypes: true }))
          .filter((entry) => entry.isDirectory() && /^(jre|jdk)/i.test(entry.name))
          .map((entry) => entry.name);
      } catch {
        continue; // no such vendor here
      }
      homes.push(...names.map((name) => path.join(dir, name)));
    }
  }
  return homes;
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

export async function inspectJavaHome(
  home: string,
  source: JavaHomeSource,
  platform: NodeJS.Platform = process.platform,
): Promise<JavaLookup> {
  const javaBin = path.join(home, 'bin', javaFile(platform));
  if (!(await isExecutable(javaBin, platform)))
    return { found: false, reason: 'no-java-binary', home, source };
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
  /** Which system's places to look in; the running one but in tests. */
  platform?: NodeJS.Platform;
}): Promise<JavaLookup> {
  const platform = options.platform ?? process.platform;
  if (options.javaHome) {
    return inspectJavaHome(path.resolve(options.javaHome), options.javaHomeSource ?? '--java-home', platform);
  }
  const onPath = await findOnPath(options.env, platform);
  // /usr/bin/java is usually a chain of links (alternatives); the home is two levels above the real file.
  const fromPath = onPath
    ? await inspectJavaHome(path.dirname(path.dirname(await realpath(onPath))), 'PATH', platform)
    : ({ found: false, reason: 'not-found' } as const);
  if (fromPath.found || platform !== 'win32') return fromPath;
  // Windows: a JRE is rarely on PATH, or only as Oracle's `Common Files\Oracle\Java\javapath`
  // stub, whose folder is no JRE home; the installers' folders are where it is. Of several, the
  // newest (the folder name does not tell: `jre-1.8` is whichever 8 update came last).
  let newest: JavaInstall | undefined;
  for (const home of await windowsJavaHomes(options.env)) {
    const found = await inspectJavaHome(home, 'Program Files', platform);
    if (found.found && (!newest || isNewer(found.version, newest.version))) newest = found;
  }
  return newest ?? fromPath;
}
