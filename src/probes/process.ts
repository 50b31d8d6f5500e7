// The running agent's own command line: `java [options] -jar mcas-siemagent-<version>-signed.jar
// [--logsDirectory DIR] [--proxy ADDRESS[:PORT]] --token TOKEN`. Linux reads /proc; other systems
// ask ps (macOS, BSD) or PowerShell (Windows).
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface AgentProcess {
  pid: number;
  /** The java the agent runs on, as started (absolute when the launcher gave a path). */
  javaBinary?: string;
  /** JVM options before -jar: -D… settings java-tls must see. */
  javaOptions: string[];
  jar: string;
  token?: string;
  proxy?: string;
  logsDirectory?: string;
}

const JAR = /mcas-siemagent[^/\\]*\.jar$/i;
const JAVA = /^javaw?(\.exe)?$/i;

/** Reads an argv as the agent would: `--name value` or `--name=value`. */
export function parseAgentArgv(pid: number, argv: string[]): AgentProcess | undefined {
  const jarAt = argv.findIndex((arg, i) => JAR.test(arg) && argv[i - 1] === '-jar');
  if (jarAt < 0) return undefined;
  let javaAt = -1;
  for (let i = jarAt - 2; i >= 0; i--) {
    if (JAVA.test(path.basename(argv[i]!.replace(/\\/g, '/')))) {
      javaAt = i;
      break;
    }
  }
  const agent: AgentProcess = { pid, jar: argv[jarAt]!, javaOptions: argv.slice(javaAt + 1, jarAt - 1) };
  if (javaAt >= 0) agent.javaBinary = argv[javaAt]!;
  const rest = argv.slice(jarAt + 1);
  for (let i = 0; i < rest.length; i++) {
    const match = /^--(token|proxy|logsDirectory)(?:=(.*))?$/.exec(rest[i]!);
    if (!match) continue;
    const value = match[2] ?? rest[++i];
    if (value === undefined) continue;
    if (match[1] === 'token') agent.token = value;
    else if (match[1] === 'proxy') agent.proxy = value;
    else agent.logsDirectory = value;
  }
  return agent;
}

/** Splits a Windows command line the way the C runtime does (quotes, backslashes before quotes). */
export function splitWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let slashes = 0;
      while (line[i] === '\\') {
        slashes++;
        i++;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(slashes);
        i--;
      }
      has = true;
    } else if (c === '"') {
      quoted = !quoted;
      has = true;
    } else if (/\s/.test(c) && !quoted) {
      if (has) args.push(current);
      current = '';
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (has) args.push(current);
  return args;
}

async function linuxProcesses(): Promise<{ pid: number; argv: string[] }[]> {
  const out: { pid: number; argv: string[] }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (raw.includes('mcas-siemagent'))
        out.push({
          pid: Number(entry),
          argv: raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1),
        });
    } catch {
      // the process ended, or is not ours to read
    }
  }
  return out;
}

async function otherProcesses(): Promise<{ pid: number; argv: string[] }[]> {
  const { execa } = await import('execa');
  if (process.platform === 'win32') {
    const { stdout } = await execa(
      'powershell',
      [
        '-NoProfile',
        '-Command',
        'Get-CimInstance Win32_Process | Where-Object { $_.CommandLine -like \'*mcas-siemagent*\' } | ForEach-Object { "$($_.ProcessId)`t$($_.CommandLine)" }',
      ],
      { reject: false },
    );
    return stdout
      .split(/\r?\n/)
      .filter(Boolean)
      .map((line) => {
        const [pid, ...command] = line.split('\t');
        return { pid: Number(pid), argv: splitWindowsCommandLine(command.join('\t')) };
      });
  }
  const { stdout } = await execa('ps', ['-axww', '-o', 'pid=,args='], { reject: false });
  return stdout
    .split('\n')
    .filter((l) => l.includes('mcas-siemagent'))
    .map((line) => {
      const [pid, ...argv] = line.trim().split(/\s+/);
      return { pid: Number(pid), argv };
    });
}

export async function findAgentProcesses(): Promise<AgentProcess[]> {
  const candidates = process.platform === 'linux' ? await linuxProcesses() : await otherProcesses();
  return candidates.flatMap(({ pid, argv }) => {
    const agent = parseAgentArgv(pid, argv);
    return agent ? [agent] : [];
  });
}

/**
 * The running agent, for --from-process: the first process started as `java … -jar
 * mcas-siemagent*.jar`, with its java's real home; undefined when none runs.
 */
export async function discoverAgent(): Promise<(AgentProcess & { javaHome?: string }) | undefined> {
  const [first] = await findAgentProcesses();
  if (!first) return undefined;
  const javaHome = await javaHomeOf(first.javaBinary);
  return javaHome ? { ...first, javaHome } : first;
}

/** The JRE home of the agent's java: two levels above the real binary. */
export async function javaHomeOf(javaBinary: string | undefined): Promise<string | undefined> {
  if (!javaBinary || !path.isAbsolute(javaBinary)) return undefined;
  try {
    return path.dirname(path.dirname(await realpath(javaBinary)));
  } catch {
    return undefined;
  }
}

/** Where the docs install the agent on Windows; it writes its logs in `Logs\` there by default. */
export const WINDOWS_AGENT_FOLDER = 'C:\\MCAS-SIEM-Agent';

/** The agent's default logs folder on Windows, when it exists: what `logs` and agent-logs read unless told. */
export async function defaultLogsDirectory({
  platform = process.platform,
  agentFolder = WINDOWS_AGENT_FOLDER,
}: { platform?: NodeJS.Platform; agentFolder?: string } = {}): Promise<string | undefined> {
  if (platform !== 'win32') return undefined;
  const dir = path.join(agentFolder, 'Logs');
  try {
    return (await stat(dir)).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}
