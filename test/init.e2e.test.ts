// `init` in a real terminal (helpers/tmux.ts): tmux runs it, the answers are typed, the screen read.
import { execa } from 'execa';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { Terminal } from './helpers/tmux.js';

describe('siem-doctor init', () => {
  it('asks, refuses what check would refuse, and writes the config without the token', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-init-'));
    const term = await Terminal.start(
      `sd-init-${process.pid}`,
      dir,
      `${process.execPath} ${path.join(ROOT, 'bin', 'run.js')} init`,
    );
    try {
      await term.answer('Tenant portal URL', 'http://contoso.us3.portal.cloudappsecurity.com');
      await term.waitFor('the portal answers on https:// only');
      await term.keys(...Array(60).fill('BSpace'));
      await term.type('https://contoso.us3.portal.cloudappsecurity.com');
      await term.keys('Enter');
      await term.answer('Proxy the agent is started with');
      await term.answer('SIEM server name or address', '127.0.0.1');
      await term.answer('SIEM port', '70000');
      await term.waitFor('a whole number from 1 to 65535');
      await term.keys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
      await term.type('514');
      await term.keys('Enter');
      await term.answer('SIEM protocol');
      await term.answer('Java home the agent runs on');
      await term.answer('logs directory');
      await term.answer('Write the config to');
      await term.waitFor('The token is not stored there');
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
      await term.close();
    }
  }, 30_000);

  it.each([
    [
      ['--lang', 'fr'],
      {},
      'Erreur : init pose des questions et a besoin d’un terminal ; sans terminal, écrivez la configuration JSON à la main (clés : portalUrl, proxy, syslogHost, syslogPort, protocol, javaHome, keystore, logsDirectory)',
    ],
    [
      [],
      { LANG: 'nl_NL.UTF-8' },
      'Fout: init stelt vragen en heeft een terminal nodig; schrijf zonder terminal de JSON-configuratie met de hand (sleutels: portalUrl, proxy, syslogHost, syslogPort, protocol, javaHome, keystore, logsDirectory)',
    ],
  ])('without a terminal (%j %j), says so in the user’s language and exits 2', async (args, env, line) => {
    const { exitCode, stderr, stdout } = await execa(path.join(ROOT, 'bin', 'run.js'), ['init', ...args], {
      reject: false,
      env: { LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
    });
    expect(stderr.trim().split('\n')).toEqual([line]);
    expect(stdout).toBe('');
    expect(exitCode).toBe(2);
  });
});
