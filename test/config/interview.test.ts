// init's interview with scripted answers: refused answers asked again with check's reason, the
// file written with what was answered (never a token), an existing file kept unless replaced.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { translate } from '../../src/catalog/index.js';
import { interview, type Prompts } from '../../src/config/interview.js';
import { parseConfigFile, resolveConfig } from '../../src/config/resolve.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Answers by question: a list is typed in turn until the validator takes one (its refusals kept). */
function scripted(answers: Record<string, string[]>, overwrite = false) {
  const refused: string[] = [];
  const prompts: Prompts = {
    async input({ message, default: fallback, validate }) {
      for (const answer of answers[message] ?? [fallback ?? '']) {
        const verdict = validate ? validate(answer) : true;
        if (verdict === true) return answer;
        refused.push(verdict);
      }
      throw new Error(`every answer to "${message}" was refused`);
    },
    select: async () => 'udp',
    confirm: async () => overwrite,
  };
  return { prompts, refused };
}

const say = (key: keyof typeof en.messages) => en.messages[key];

describe('init’s interview', () => {
  it('asks again with check’s reason, and writes a file that check resolves to the same settings', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-interview-'));
    const file = path.join(dir, 'c.json');
    const { prompts, refused } = scripted({
      [say('init.portal')]: [
        'http://contoso.portal.cloudappsecurity.com',
        'contoso.portal.cloudappsecurity.com',
      ],
      [say('init.proxy')]: ['http://proxy:8080', 'proxy.contoso.local:3128'],
      [say('init.syslogHost')]: ['udp://siem.local:514', 'siem.local:514', '127.0.0.1'],
      [say('init.syslogPort')]: ['70000', '514'],
      [say('init.javaHome')]: [''],
      [say('init.logs')]: ['/var/log/mcas'],
      [say('init.file')]: [file],
    });
    const result = await interview({
      prompts,
      say: (text) => translate(en, text),
      java: { found: false, reason: 'not-found' },
    });
    expect(refused).toEqual([
      '"http://contoso.portal.cloudappsecurity.com": the portal answers on https:// only',
      'leave out "http://": the agent takes ADDRESS[:PORT] only',
      '"udp://siem.local:514": give the host only, without a scheme',
      '"siem.local:514": give the port with --syslog-port, not in the host',
      'a whole number from 1 to 65535',
    ]);
    expect(result).toEqual({
      written: true,
      file,
      settings: {
        portalUrl: 'contoso.portal.cloudappsecurity.com',
        proxy: 'proxy.contoso.local:3128',
        syslogHost: '127.0.0.1',
        syslogPort: 514,
        protocol: 'udp',
        logsDirectory: '/var/log/mcas',
      },
    });
    const configFile = parseConfigFile({ path: file, text: await readFile(file, 'utf8') });
    expect(resolveConfig({ flags: {}, argv: [], env: {}, configFile })).toMatchObject({
      portalUrl: new URL('https://contoso.portal.cloudappsecurity.com'),
      proxy: { host: 'proxy.contoso.local', port: 3128 },
      syslogHost: '127.0.0.1',
      syslogPort: 514,
      protocol: 'udp',
      logsDirectory: '/var/log/mcas',
    });
  });

  it('gives its reasons in the interview’s language', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-interview-'));
    for (const [catalog, reasons] of [
      [
        fr,
        [
          '"http://contoso.portal.cloudappsecurity.com" : le portail ne répond qu’en https://',
          '"udp://siem.local" : donnez l’hôte seul, sans schéma',
          '"siem.local:514" : donnez le port avec --syslog-port, pas dans l’hôte',
          'un nombre entier de 1 à 65535',
        ],
      ],
      [
        nl,
        [
          '"http://contoso.portal.cloudappsecurity.com": de portal antwoordt alleen op https://',
          '"udp://siem.local": geef alleen de host op, zonder schema',
          '"siem.local:514": geef de poort op met --syslog-port, niet in de host',
          'een geheel getal van 1 tot 65535',
        ],
      ],
    ] as const) {
      const ask = (key: keyof typeof en.messages) => catalog.messages[key];
      const { prompts, refused } = scripted({
        [ask('init.portal')]: [
          'http://contoso.portal.cloudappsecurity.com',
          'contoso.portal.cloudappsecurity.com',
        ],
        [ask('init.syslogHost')]: ['udp://siem.local', 'siem.local:514', '127.0.0.1'],
        [ask('init.syslogPort')]: ['70000', '514'],
        [ask('init.file')]: [path.join(dir, `${catalog.lang}.json`)],
      });
      await interview({
        prompts,
        say: (text) => translate(catalog, text),
        java: { found: false, reason: 'not-found' },
      });
      expect(refused).toEqual(reasons);
    }
  });

  it('keeps an existing file unless told to replace it', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-interview-'));
    const file = path.join(dir, 'c.json');
    await writeFile(file, '{"syslogHost": "old"}\n');
    const answers = { [say('init.file')]: [file] };
    const kept = await interview({
      prompts: scripted(answers).prompts,
      say: (text) => translate(en, text),
      java: { found: false, reason: 'not-found' },
    });
    expect(kept).toEqual({ written: false, file });
    expect(await readFile(file, 'utf8')).toBe('{"syslogHost": "old"}\n');
    const replaced = await interview({
      prompts: scripted(answers, true).prompts,
      say: (text) => translate(en, text),
      java: { found: false, reason: 'not-found' },
    });
    expect(replaced).toEqual({ written: true, file, settings: {} });
    expect(await readFile(file, 'utf8')).toBe('{}\n');
  });
});
