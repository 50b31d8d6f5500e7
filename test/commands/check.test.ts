import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { JRE } from '../helpers/paths.js';
import { RAW_CONTROL } from '../helpers/terminal.js';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'sd-check-'));

describe('siem-doctor check', () => {
  it('--json prints only the SPEC document, in registry order, and exits 0', async () => {
    const { stdout, exitCode } = await doctor([
      'check',
      '--only',
      'lifecycle,java-runtime',
      '--json',
      '--java-home',
      JRE('jre8u291'),
    ]);
    const doc = JSON.parse(stdout);
    expect(doc.checks.map((c: { id: string }) => c.id)).toEqual(['java-runtime', 'lifecycle']);
    expect(doc.summary).toEqual({ pass: 1, warn: 1, fail: 0, skip: 0, error: 0 });
    expect(exitCode).toBe(0);
  });

  it('with no flags, says in its summary which checks could not run and which flags would let them', async () => {
    const env = { LANG: 'C', LC_ALL: 'C' };
    // only the local checks run: Java (found through --java-home) and the lifecycle notice
    const text = await doctor(['check', '--java-home', JRE('jre8u291')], env);
    expect(text.stdout).toMatch(
      /5 checks could not run for lack of input \(token, portal, syslog-connection, syslog-send, agent-logs\): give --token --portal-url --syslog-host --syslog-port --logs-directory to run them/,
    );
    const { stdout } = await doctor(['check', '--java-home', JRE('jre8u291'), '--json'], env);
    const doc = JSON.parse(stdout);
    expect(doc.notRun).toEqual({
      count: 5,
      checks: ['token', 'portal', 'syslog-connection', 'syslog-send', 'agent-logs'],
      flags: ['--token', '--portal-url', '--syslog-host', '--syslog-port', '--logs-directory'],
    });
    expect(doc.checks.find((c: { id: string }) => c.id === 'token').needs).toEqual(['--token']);
    expect(doc.summary).toMatchObject({ skip: expect.any(Number), fail: expect.any(Number) });
  });

  it('exits 1 when a check fails, and prints the documented error and steps', async () => {
    const { stdout, exitCode } = await doctor([
      'check',
      '--only',
      'java-runtime',
      '--java-home',
      JRE('jre7u80'),
    ]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain('FAIL');
    expect(stdout).toContain('Documented error: General error during bootstrap');
    expect(stdout).toContain('1. Install a current Java 8, 11, 17 or 21 update');
  });

  it('--strict turns the lifecycle warning into exit 1', async () => {
    const args = ['check', '--only', 'lifecycle'];
    expect((await doctor(args)).exitCode).toBe(0);
    expect((await doctor([...args, '--strict'])).exitCode).toBe(1);
  });

  it('speaks French with --lang fr and Dutch from LANG', async () => {
    const fr = await doctor([
      'check',
      '--only',
      'java-runtime',
      '--java-home',
      JRE('jre7u80'),
      '--lang',
      'fr',
    ]);
    expect(fr.stdout).toContain('antérieur à Java 8');
    expect(fr.stdout).toContain(
      'Erreur documentée: Erreur générale pendant l’amorçage (General error during bootstrap)',
    );
    const nl = await doctor(['check', '--only', 'lifecycle'], { LANG: 'nl_NL.UTF-8' });
    expect(nl.stdout).toContain('verouderd sinds november 2025');
  });

  it('writes junit to --output and says so on stderr', async () => {
    const file = path.join(await tmp(), 'r.xml');
    const { stdout, stderr } = await doctor([
      'check',
      '--only',
      'lifecycle',
      '--format',
      'junit',
      '--output',
      file,
    ]);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Report written to ${file}`);
    expect(await readFile(file, 'utf8')).toContain(
      '<testcase classname="siem-doctor.check" name="lifecycle"',
    );
  });

  describe('bad input: one line, exit 2', () => {
    it.each([
      [['--syslog-port', '70000'], '--syslog-port "70000" must be a whole number from 1 to 65535'],
      [['--syslog-port', 'abc'], '--syslog-port "abc" must be a whole number from 1 to 65535'],
      [['--portal-url', 'http://contoso.portal.cloudappsecurity.com'], 'the portal answers on https:// only'],
      [['--portal-url', 'https://'], 'is not a URL'],
      [['--only', 'nonsense'], '--only: unknown check id "nonsense"; known ids: java-runtime'],
      [['--skip', ','], '--skip needs at least one check id, e.g. --skip java-runtime'],
      [['--only', 'lifecycle', '--skip', 'lifecycle'], '--only and --skip leave no check to run'],
      [['--timeout', '0'], '--timeout "0" must be a number of seconds from 0.001 to 300'],
      [['--proxy', 'http://proxy:8080'], 'leave out "http://"'],
      [['--proxy', 'proxy:99999'], 'port "99999" is not a whole number from 1 to 65535'],
      [
        ['--config', '/nonexistent/siem-doctor.json'],
        '--config: /nonexistent/siem-doctor.json does not exist',
      ],
      [['--protocol', 'sctp'], 'Expected --protocol=sctp to be one of: tcp, udp'],
      [['--no-such-flag'], 'Nonexistent flag: --no-such-flag (see --help)'],
      [['--ca-file', '/nonexistent/ca.pem'], '--ca-file: /nonexistent/ca.pem does not exist'],
      [['--ca-file', 'package.json'], '--ca-file: package.json holds no PEM certificate'],
      // input at the edge: what cannot be a host, a port, a time or a file
      [['--syslog-host', '[::1'], '--syslog-host "[::1" is not a host name or address'],
      [['--syslog-host', `${'a'.repeat(60)}.`.repeat(5)], 'is not a host name or address'],
      [['--syslog-host', '300.1.2.3'], '--syslog-host "300.1.2.3" is not a host name or address'],
      [['--syslog-host', 'siem\u0007.local'], '--syslog-host "siem\\u0007.local" is not a host name'],
      [['--syslog-host', '\u001b[31mX'], '--syslog-host "\\u001b[31mX" is not a host name or address'],
      [['--syslog-host', '[::1]:514'], 'give the port with --syslog-port'],
      [['--portal-url', 'https://contoso.portal.cloudappsecurity.com:0'], 'port 0 is not a port'],
      [
        ['--portal-url', 'https://contoso\u001b[31m.portal.cloudappsecurity.com'],
        '--portal-url "https://contoso\\u001b[31m.portal.cloudappsecurity.com" holds control characters',
      ],
      [['--timeout', '0.0001'], '--timeout "0.0001" must be a number of seconds from 0.001 to 300'],
      [['--timeout', '0x10'], '--timeout "0x10" must be a number of seconds'],
      [['--timeout', '1e2'], '--timeout "1e2" must be a number of seconds'],
    ])('%j', async (args, expected) => {
      const { stderr, stdout, exitCode } = await doctor(['check', ...args]);
      expect(exitCode).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(expected);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stderr.trim()).not.toMatch(RAW_CONTROL); // bad input is quoted escaped
    });

    // the same errors in the user's language: the whole line, the flag and the value as typed
    describe('in French and in Dutch', () => {
      const config = async (name: string, text: string) => {
        const file = path.join(await tmp(), name);
        await writeFile(file, text);
        return file;
      };
      const expectLine = async (args: string[], line: string, env: Record<string, string> = {}) => {
        const { stderr, stdout, exitCode } = await doctor(['check', ...args], env);
        expect(stderr.trim().split('\n')).toEqual([line]);
        expect(stdout).toBe('');
        expect(exitCode).toBe(2);
      };

      it.each([
        [
          ['--timeout', 'abc'],
          'Erreur : --timeout "abc" doit être un nombre de secondes de 0.001 à 300, écrit simplement, par ex. --timeout 5 ou --timeout 0.5',
        ],
        [
          ['--syslog-port', '70000'],
          'Erreur : --syslog-port "70000" doit être un nombre entier de 1 à 65535',
        ],
        [
          ['--portal-url', 'http://contoso.portal.cloudappsecurity.com'],
          'Erreur : --portal-url "http://contoso.portal.cloudappsecurity.com" : le portail ne répond qu’en https://',
        ],
        [
          ['--portal-url', 'https://'],
          'Erreur : --portal-url "https://" n’est pas une URL ; donnez le portail du locataire, par ex. https://contoso.us3.portal.cloudappsecurity.com',
        ],
        [
          ['--portal-url', 'https://contoso.portal.cloudappsecurity.com:0'],
          'Erreur : --portal-url "https://contoso.portal.cloudappsecurity.com:0" : 0 n’est pas un port ; omettez-le (443) ou donnez un port de 1 à 65535',
        ],
        [
          ['--syslog-host', '[::1]:514'],
          'Erreur : --syslog-host "[::1]:514" : donnez le port avec --syslog-port, pas dans l’hôte',
        ],
        [
          ['--syslog-host', '300.1.2.3'],
          'Erreur : --syslog-host "300.1.2.3" n’est ni un nom d’hôte ni une adresse : donnez un nom comme siem.contoso.local (lettres, chiffres et traits d’union, 253 caractères au plus), une adresse IPv4 ou une adresse IPv6',
        ],
        [
          ['--proxy', 'proxy:99999'],
          'Erreur : --proxy "proxy:99999" : le port « 99999 » n’est pas un nombre entier de 1 à 65535 (l’agent s’arrêterait avec « Invalid proxy address ») ; utilisez ADRESSE[:PORT], par ex. proxy.contoso.local:8080',
        ],
        [
          ['--ca-file', 'package.json'],
          'Erreur : --ca-file : package.json ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)',
        ],
        [
          ['--format', 'ndjson', '--append'],
          'Erreur : --append ajoute des lignes NDJSON à un fichier : utilisez-le avec --format ndjson --output FICHIER',
        ],
      ])('fr %j', (args, line) => expectLine([...args, '--lang', 'fr'], line));

      it.each([
        [
          ['--timeout', '0x10'],
          'Fout: --timeout "0x10" moet een aantal seconden van 0.001 tot 300 zijn, gewoon geschreven, bv. --timeout 5 of --timeout 0.5',
        ],
        [['--syslog-port', 'abc'], 'Fout: --syslog-port "abc" moet een geheel getal van 1 tot 65535 zijn'],
        [
          ['--portal-url', 'http://contoso.portal.cloudappsecurity.com'],
          'Fout: --portal-url "http://contoso.portal.cloudappsecurity.com": de portal antwoordt alleen op https://',
        ],
        [
          ['--syslog-host', 'udp://siem.local'],
          'Fout: --syslog-host "udp://siem.local": geef alleen de host op, zonder schema',
        ],
        [
          ['--proxy', 'http://proxy:8080'],
          'Fout: --proxy "http://proxy:8080": laat "http://" weg: de agent neemt alleen ADRES[:POORT] (de agent zou stoppen met „Invalid proxy address”); gebruik ADRES[:POORT], bv. proxy.contoso.local:8080',
        ],
        [
          ['--ca-file', 'package.json'],
          'Fout: --ca-file: package.json bevat geen PEM-certificaat (-----BEGIN CERTIFICATE-----)',
        ],
        [
          ['--output='],
          'Fout: --output "" noemt geen bestand: geef een bestandsnaam op, bv. --output report.json',
        ],
      ])('nl %j', (args, line) => expectLine(args, line, { LANG: 'nl_BE.UTF-8' }));

      it('says what is wrong with the config file and the values in it', async () => {
        const broken = await config('broken.json', '{"portalUrl": 5, }');
        await expectLine(
          ['--config', broken, '--lang', 'fr'],
          `Erreur : --config : ${broken} n’est pas du JSON valide (ligne 1, colonne 18)`,
        );
        await expectLine(
          ['--config', broken, '--lang', 'nl'],
          `Fout: --config: ${broken} is geen geldige JSON (regel 1, kolom 18)`,
        );
        const cut = await config('cut.json', '{"portalUrl": ');
        await expectLine(
          ['--config', cut, '--lang', 'fr'],
          `Erreur : --config : ${cut} n’est pas du JSON valide (il s’arrête trop tôt)`,
        );
        const list = await config('list.json', '[]');
        await expectLine(
          ['--config', list, '--lang', 'nl'],
          `Fout: --config: ${list} moet een JSON-object bevatten, bv. {"syslogHost": "siem.contoso.local"}`,
        );
        const unknown = await config('unknown.json', '{"nope": 1}');
        await expectLine(
          ['--config', unknown, '--lang', 'fr'],
          `Erreur : --config : ${unknown} contient une clé inconnue, « nope » ; clés connues : token, proxy, portalUrl, syslogHost, syslogPort, protocol, javaHome, keystore, storepass, logsDirectory, caFile, timeout`,
        );
        const nested = await config('nested.json', '{"syslogHost": {}}');
        await expectLine(
          ['--config', nested, '--lang', 'nl'],
          `Fout: --config: „syslogHost” in ${nested} moet een tekst of een getal zijn`,
        );
        // a value from the file is named by its key and the file; one from a variable by the variable
        const port = await config('port.json', '{"syslogPort": "x", "protocol": "sctp"}');
        await expectLine(
          ['--config', port, '--lang', 'fr'],
          `Erreur : syslogPort "x" dans ${port} doit être un nombre entier de 1 à 65535`,
        );
        await expectLine(
          ['--config', port, '--syslog-port', '514', '--lang', 'nl'],
          `Fout: protocol "sctp" in ${port} moet tcp of udp zijn`,
        );
        await expectLine(
          ['--lang', 'fr'],
          'Erreur : SIEM_DOCTOR_PORTAL_URL "https://contoso\\u0007.portal.cloudappsecurity.com" contient des caractères de contrôle',
          { SIEM_DOCTOR_PORTAL_URL: 'https://contoso\u0007.portal.cloudappsecurity.com' },
        );
      });
    });

    // (an empty value or one with a line feed: in test/cli.e2e.test.ts, since runCommand splits
    // its arguments on white space)
    it.each([
      [['syslog', 'listen', '--port', '5514', '--host', '[::1'], '--host "[::1" is not an address'],
      [['syslog', 'send-test', '--syslog-host', '[::1', '--syslog-port', '9'], 'is not a host name'],
      [['certs', 'list', '--timeout', '0x10'], '--timeout "0x10" must be a number of seconds'],
    ])('%j: one line, exit 2', async (args, expected) => {
      const { stderr, stdout, exitCode } = await doctor(args);
      expect(exitCode).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(expected)]);
      expect(stderr.trim()).not.toMatch(RAW_CONTROL);
    });

    it('takes what the edge lets through: a bracketed IPv6 host, 1 ms, a plain fraction', async () => {
      for (const args of [
        ['--syslog-host', '[::1]', '--timeout', '0.001'],
        ['--syslog-host', 'siem-01.contoso.local', '--timeout', '.5'],
      ]) {
        const { exitCode, stderr } = await doctor(['check', '--only', 'lifecycle', ...args]);
        expect(stderr).toBe('');
        expect(exitCode).toBe(0);
      }
    });

    it('quotes a binary config file escaped, never raw', async () => {
      const file = path.join(await tmp(), 'c.json');
      // ESC [2J and CSI, then the start of a DER certificate: JSON.parse quotes the first bytes
      await writeFile(file, Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0xc2, 0x9b, 0x30, 0x82, 0x05, 0x07]));
      const { stderr, exitCode } = await doctor(['check', '--config', file]);
      expect(exitCode).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('is not valid JSON');
      expect(stderr.trim()).not.toMatch(RAW_CONTROL);
    });

    // oclif words these over two or three lines; the one line must keep the reason
    it.each([
      [['syslog', 'listen'], 'Error: Missing required flag port (see --help)'],
      [
        ['syslog', 'send-test', '--count', '0'],
        'Error: Parsing --count: Expected an integer greater than or equal to 1 but received: 0 (see --help)',
      ],
    ])('%j says what is wrong in one line', async (args, expected) => {
      const { stderr, exitCode } = await doctor(args);
      expect(exitCode).toBe(2);
      expect(stderr.trim()).toBe(expected);
    });

    it('never echoes proxy credentials in the error', async () => {
      const { stderr, exitCode } = await doctor([
        'check',
        '--proxy',
        'http://alice:Pr0xyPassw0rd@proxy:8080',
      ]);
      expect(exitCode).toBe(2);
      expect(stderr).not.toContain('Pr0xyPassw0rd');
      expect(stderr).toContain('<redacted>');
    });

    it('reports a damaged PEM in --ca-file', async () => {
      const file = path.join(await tmp(), 'ca.pem');
      await writeFile(file, '-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n');
      const { stderr, exitCode } = await doctor(['check', '--ca-file', file]);
      expect(exitCode).toBe(2);
      expect(stderr).toContain('certificate 1 in');
      expect(stderr).toContain('is damaged');
    });

    it('reports a config file that is not JSON', async () => {
      const file = path.join(await tmp(), 'c.json');
      await writeFile(file, '{ "syslogHost": ');
      const { stderr, exitCode } = await doctor(['check', '--config', file]);
      expect(exitCode).toBe(2);
      expect(stderr).toContain('is not valid JSON');
    });

    it('reads a config file that starts with a byte order mark', async () => {
      const file = path.join(await tmp(), 'c.json');
      await writeFile(file, `\uFEFF${JSON.stringify({ javaHome: JRE('jre7u80') })}`);
      const { stdout, exitCode } = await doctor([
        'check',
        '--only',
        'java-runtime',
        '--json',
        '--config',
        file,
      ]);
      expect(exitCode).toBe(1); // Java 7 fails: the file was read
      expect(JSON.parse(stdout).checks[0].evidence).toMatchObject({
        home: JRE('jre7u80'),
        source: 'config file',
      });
    });

    it('reports an unknown key in the config file', async () => {
      const file = path.join(await tmp(), 'c.json');
      await writeFile(file, JSON.stringify({ sysloghost: 'x' }));
      const { stderr, exitCode } = await doctor(['check', '--config', file]);
      expect(exitCode).toBe(2);
      expect(stderr).toContain('unknown key "sysloghost"');
    });
  });

  it('takes flags over environment over config file', async () => {
    const file = path.join(await tmp(), 'c.json');
    await writeFile(file, JSON.stringify({ javaHome: JRE('jre7u80') }));
    const home = async (args: string[], env: Record<string, string> = {}) => {
      const { stdout } = await doctor(
        ['check', '--only', 'java-runtime', '--json', '--config', file, ...args],
        env,
      );
      return JSON.parse(stdout).checks[0].evidence;
    };
    expect(await home([])).toMatchObject({ home: JRE('jre7u80'), source: 'config file' });
    expect(await home([], { JAVA_HOME: JRE('jre8u281') })).toMatchObject({
      home: JRE('jre8u281'),
      source: 'JAVA_HOME',
    });
    expect(await home(['--java-home', JRE('jre8u291')], { JAVA_HOME: JRE('jre8u281') })).toMatchObject({
      home: JRE('jre8u291'),
      source: '--java-home',
    });
  });

  it('names a bad value by where it came from: the variable, never a flag that was not typed', async () => {
    const { stderr, exitCode } = await doctor(['check', '--only', 'lifecycle'], {
      SIEM_DOCTOR_PORTAL_URL: 'http://contoso.portal.cloudappsecurity.com',
    });
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toBe(
      'Error: SIEM_DOCTOR_PORTAL_URL "http://contoso.portal.cloudappsecurity.com": the portal answers on https:// only',
    );
    const json = await doctor(['check', '--only', 'lifecycle', '--syslog-port', '0', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'config', message: '--syslog-port "0" must be a whole number from 1 to 65535' },
    });
  });

  it('reads the config file named by SIEM_DOCTOR_CONFIG', async () => {
    const file = path.join(await tmp(), 'c.json');
    await writeFile(file, JSON.stringify({ 'syslog-port': 70000 }));
    const { stderr, exitCode } = await doctor(['check', '--only', 'lifecycle'], { SIEM_DOCTOR_CONFIG: file });
    expect(exitCode).toBe(2);
    // named as the file names it: no --syslog-port was typed
    expect(stderr.trim()).toBe(
      `Error: syslog-port "70000" in ${file} must be a whole number from 1 to 65535`,
    );
  });

  it('never shows the token, given by flag or environment', async () => {
    const token = 'ZmFrZVRva2VuRm9yVGVzdHNPbmx5MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dQ==';
    for (const format of ['text', 'json', 'junit']) {
      const viaFlag = await doctor([
        'check',
        '--token',
        token,
        '--format',
        format,
        '--only',
        'java-runtime',
        '--java-home',
        `/nowhere/${token}`,
      ]);
      expect(viaFlag.stdout + viaFlag.stderr).not.toContain(token);
      expect(viaFlag.stdout).toContain('redacted');
      const viaEnv = await doctor(
        ['check', '--format', format, '--only', 'java-runtime', '--java-home', `/nowhere/${token}`],
        { SIEM_DOCTOR_TOKEN: token },
      );
      expect(viaEnv.stdout + viaEnv.stderr).not.toContain(token);
    }
  });
});

describe('siem-doctor --help', () => {
  it('lists the commands with space-separated topics', async () => {
    const { stdout } = await doctor(['--help']);
    expect(stdout).toContain('check');
  });

  it('check --help shows the flags and examples', async () => {
    const { stdout } = await doctor(['check', '--help']);
    expect(stdout).toContain('--syslog-port=PORT');
    expect(stdout).toContain('--logs-directory=DIR');
    expect(stdout).toContain('EXAMPLES');
    // "Only the Java checks" runs the Java checks of SPEC.md
    expect(stdout).toContain('Only the Java checks, as JSON for a script');
    expect(stdout).toContain('--only java-runtime,java-tls,java-certs --json');
  });
});

describe('siem-doctor check: secrets from a config file', () => {
  const dirs: string[] = [];
  const configFile = async (settings: Record<string, string>) => {
    const dir = await tmp();
    dirs.push(dir);
    const file = path.join(dir, 'c.json');
    await writeFile(file, JSON.stringify(settings));
    return { dir, file };
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('never echoes the password of a bad proxy in the config file', async () => {
    const { file } = await configFile({ proxy: 'alice:F1lePr0xyPass@proxy.contoso.local:8080' });
    const { stdout, stderr, exitCode } = await doctor(['check', '--config', file]);
    expect(exitCode).toBe(2);
    expect(stdout + stderr).not.toContain('F1lePr0xyPass');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(
      `proxy "<redacted>@proxy.contoso.local:8080" in ${file}: it carries credentials`,
    );
    expect(stderr).not.toContain('--proxy');
  });

  it('shows neither the token nor a short store password of the file, in any format or --output', async () => {
    const token = 'RmlsZVRva2VuTmV2ZXJTaG93bjAxMjM0NTY3ODlhYmNkZWZnaGlqa2xtbm9wcXJzdHV2';
    // "pass" as the store password: replaced as a value, never inside "passed" or a "pass" status
    const { file } = await configFile({ token, storepass: 'pass', logsDirectory: `/nowhere/${token}/pass` });
    const run = (...args: string[]) =>
      doctor([
        'check',
        '--config',
        file,
        '--only',
        'java-runtime,agent-logs',
        '--java-home',
        JRE('jre8u291'),
        ...args,
      ]);
    const text = await run();
    const json = await run('--json');
    const junit = await run('--format', 'junit');
    const outFile = path.join(dirs[0]!, 'report.txt');
    const written = await run('--output', outFile);
    const outText = await readFile(outFile, 'utf8');
    for (const out of [text.stdout, json.stdout, junit.stdout, outText, written.stderr])
      expect(out).not.toContain(token);
    for (const out of [text.stdout, outText]) {
      expect(out).toContain('/nowhere/<redacted>/<redacted>');
      expect(out).toContain('1 passed');
      expect(out).not.toMatch(/(?<![\w-])pass(?![\w-])/);
    }
    expect(junit.stdout).toContain('/nowhere/&lt;redacted&gt;/&lt;redacted&gt;');
    const doc = JSON.parse(json.stdout);
    expect(doc.summary).toMatchObject({ pass: 1, fail: 1 });
    expect(doc.checks.map((c: { status: string }) => c.status)).toEqual(['pass', 'fail']);
    expect(doc.checks[1].message).toContain('/nowhere/<redacted>/<redacted>');
  });
});
