import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultLogsDirectory,
  splitWindowsCommandLine,
  WINDOWS_AGENT_FOLDER,
} from '../../src/probes/process.js';

describe('defaultLogsDirectory: the agent’s Logs folder on Windows', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is C:\\MCAS-SIEM-Agent\\Logs when that folder exists', async () => {
    expect(WINDOWS_AGENT_FOLDER).toBe('C:\\MCAS-SIEM-Agent');
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-agent-'));
    await mkdir(path.join(dir, 'Logs'));
    expect(await defaultLogsDirectory({ platform: 'win32', agentFolder: dir })).toBe(path.join(dir, 'Logs'));
  });

  it('is nothing when the folder is missing, or on another system', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-agent-'));
    expect(await defaultLogsDirectory({ platform: 'win32', agentFolder: dir })).toBeUndefined();
    await mkdir(path.join(dir, 'Logs'));
    expect(await defaultLogsDirectory({ platform: 'linux', agentFolder: dir })).toBeUndefined();
  });
});

describe('splitWindowsCommandLine: what PowerShell reports of the agent (Wine has no PowerShell)', () => {
  it('keeps a quoted java path with spaces and a drive letter whole', () => {
    expect(
      splitWindowsCommandLine(
        '"C:\\Program Files (x86)\\Java\\jre1.8.0_291\\bin\\java.exe" -jar mcas-siemagent-0.111.126-signed.jar --logsDirectory "C:\\MCAS-SIEM-Agent\\Logs" --token abc',
      ),
    ).toEqual([
      'C:\\Program Files (x86)\\Java\\jre1.8.0_291\\bin\\java.exe',
      '-jar',
      'mcas-siemagent-0.111.126-signed.jar',
      '--logsDirectory',
      'C:\\MCAS-SIEM-Agent\\Logs',
      '--token',
      'abc',
    ]);
  });
});
