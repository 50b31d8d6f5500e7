// `init` in a real terminal: tmux runs it, send-keys types the answers, capture-pane reads the screen.
import { execa } from 'execa';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

const session = `sd-init-${process.pid}`;
const tmux = (...args: string[]) => execa('tmux', args, { reject: false });
const screen = async () => (await tmux('capture-pane', '-p', '-t', session)).stdout;

async function waitFor(text: string, ms = 8000): Promise<string> {
  const deadline = Date.now() + ms;
  let last = '';
  for (let i = 0; i < 200 && Date.now() < deadline; i++) {
    last = await screen();
    if (last.includes(text)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`"${text}" never showed; the screen was:\n${last}`);
}

async function answer(prompt: string, keys: string[]) {
  await waitFor(prompt);
  for (const key of keys) await tmux('send-keys', '-t', session, key);
}

describe('siem-doctor init', () => {
  it('asks, refuses what check would refuse, and writes the config without the token', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-init-'));
    await tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '200',
      '-y',
      '50',
      '-c',
      dir,
      `${process.execPath} ${path.join(ROOT, 'bin', 'run.js')} init; sleep 30`,
    );
    try {
      await answer('Tenant portal URL', ['-l', 'http://contoso.us3.portal.cloudappsecurity.com', 'Enter']);
      await waitFor('the portal answers on https:// only');
      await tmux('send-keys', '-t', session, ...Array(60).fill('BSpace'));
      await tmux('send-keys', '-t', session, '-l', 'https://contoso.us3.portal.cloudappsecurity.com');
      await tmux('send-keys', '-t', session, 'Enter');
      await answer('Proxy the agent is started with', ['Enter']);
      await answer('SIEM server name or address', ['-l', '127.0.0.1', 'Enter']);
      await answer('SIEM port', ['-l', '70000', 'Enter']);
      await waitFor('a whole number from 1 to 65535');
      await tmux('send-keys', '-t', session, 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
      await tmux('send-keys', '-t', session, '-l', '514');
      await tmux('send-keys', '-t', session, 'Enter');
      await answer('SIEM protocol', ['Enter']);
      await answer('Java home the agent runs on', ['Enter']);
      await answer('logs directory', ['Enter']);
      await answer('Write the config to', ['Enter']);
      await waitFor('The token is not stored there');
      const config = JSON.parse(await readFile(path.join(dir, 'siem-doctor.json'), 'utf8'));
      expect(config).toMatchObject({
        portalUrl: 'https://contoso.us3.portal.cloudappsecurity.com',
        syslogHost: '127.0.0.1',
        syslogPort: 514,
        protocol: 'tcp',
      });
      expect(config.proxy).toBeUndefined();
      expect(Object.keys(config)).not.toContain('token');
      // and check takes it as it is
      const check = await execa(
        path.join(ROOT, 'bin', 'run.js'),
        ['check', '--only', 'lifecycle', '--config', path.join(dir, 'siem-doctor.json')],
        { reject: false },
      );
      expect(check.exitCode).toBe(0);
    } finally {
      await tmux('kill-session', '-t', session);
    }
  }, 30_000);
});
