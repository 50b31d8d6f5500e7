// Errors of the trust libraries are said with the input the user actually gave: the same damaged
// store is `--keystore: …` under `certs import --keystore X`, and only its path under `check --fix`,
// where the store is the one Java reads and no --keystore was typed. Under --json each is
// {"error": {"code", "message"}} with the code of its kind.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr } from '../../../src/catalog/fr.js';
import { KeystoreBusyError, withKeystoreLock } from '../../../src/keystore/lock.js';
import { renderImportError } from '../../../src/render/certs.js';
import { createRedactor } from '../../../src/render/redact.js';
import type { ImportResult } from '../../../src/trust/service.js';
import { doctor } from '../../helpers/cli.js';
import { damagedJks, keystoreCopy } from '../../helpers/keystores.js';
import { CACERTS, FIXTURES, JRE } from '../../helpers/paths.js';
import { trustedPortal } from '../../helpers/portal.js';
import type { Peer } from '../../helpers/servers.js';

const OCSP02 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-g2-rsa-ca-ocsp-02.pem');
const DAMAGED = /damaged keystore: the certificate of entry ".*" is not valid DER$/;

describe('a damaged store, named the way the user gave it', () => {
  let portal: Peer;
  let caFile: string;
  beforeAll(async () => ({ portal, caFile } = await trustedPortal()));
  afterAll(() => portal.close());

  it('certs import --keystore X says --keystore: X; check --fix with no --keystore names X alone', async () => {
    const { file } = await damagedJks('certificate');
    const imported = await doctor(['certs', 'import', '--keystore', file, '--from', OCSP02, '--yes']);
    expect(imported.exitCode).toBe(2);
    const line = imported.stderr.trim();
    expect(line.startsWith(`Error: --keystore: ${file}: `)).toBe(true);
    expect(line).toMatch(DAMAGED);

    // the agent's Java is told its store by -Djavax.net.ssl.trustStore; nobody typed --keystore
    const fixed = await doctor(
      [
        'check',
        '--only',
        'java-certs',
        '--java-home',
        JRE('jre8u291'),
        '--portal-url',
        `https://localhost:${portal.port}`,
        '--ca-file',
        caFile,
        '--fix',
        '--yes',
        '--json',
      ],
      { JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStore=${file}` },
    );
    const [fix] = JSON.parse(fixed.stdout).fixes;
    expect(fix).toMatchObject({ id: 'java-certs', applied: false });
    expect(fix.message.startsWith(`failed, nothing changed: ${file}: `)).toBe(true);
    expect(fix.message).toMatch(DAMAGED);
    expect(fix.message).not.toContain('--keystore');
  }, 30_000);

  it('under --json: code "keystore" for the damaged store, "file" for a --from that is not there', async () => {
    const { file } = await damagedJks('certificate');
    const damaged = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      OCSP02,
      '--yes',
      '--json',
    ]);
    expect(damaged.exitCode).toBe(2);
    expect(JSON.parse(damaged.stdout).error).toMatchObject({
      code: 'keystore',
      message: expect.stringMatching(/^--keystore: .*damaged keystore/),
    });
    const listed = await doctor(['certs', 'list', '--keystore', file, '--json']);
    expect(JSON.parse(listed.stdout).error.code).toBe('keystore');
    const good = await keystoreCopy();
    const missing = await doctor([
      'certs',
      'import',
      '--keystore',
      good.file,
      '--from',
      '/nonexistent/ca.pem',
      '--json',
    ]);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'file', message: '--from: /nonexistent/ca.pem does not exist' },
    });
  }, 30_000);

  it('a store found through --java-home that does not exist is named by its path, not as --keystore', async () => {
    const run = await doctor(['certs', 'list', '--java-home', JRE('jre8u291')]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Error: ${path.join(JRE('jre8u291'), 'lib', 'security', 'cacerts')} does not exist`,
    );
  });
});

describe('the errors of the keystore and trust libraries, in French and Dutch', () => {
  const G2 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-g2-rsa-ca-ocsp-02.pem');
  /** One line on stderr, nothing on stdout, exit 2. */
  const refused = async (args: string[], env: Record<string, string> = {}) => {
    const run = await doctor(args, env);
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(2);
    return run.stderr.trim();
  };
  const scratch = () => mkdtemp(path.join(os.tmpdir(), 'sd-errors-'));

  it('a damaged JKS entry, a wrong password (jks.ts), said through store.ts', async () => {
    const { file } = await damagedJks('certificate');
    const bytes = await readFile(CACERTS);
    const alias = bytes.subarray(18, 18 + bytes.readUInt16BE(16)).toString('utf8'); // the first entry's
    expect(
      await refused(['certs', 'import', '--keystore', file, '--from', G2, '--yes', '--lang', 'fr']),
    ).toBe(
      `Erreur : --keystore : ${file} : keystore endommagé : le certificat de l’entrée "${alias}" n’est pas du DER valide`,
    );
    const good = await keystoreCopy();
    expect(
      await refused(['certs', 'list', '--keystore', good.file, '--storepass', 'wrong'], {
        LANG: 'nl_NL.UTF-8',
      }),
    ).toBe(
      `Fout: --storepass: ${good.file}: verkeerd keystorewachtwoord (of het bestand is gewijzigd): de integriteitsdigest klopt niet`,
    );
  }, 30_000);

  it('neither PKCS#12 (pkcs12.ts) nor any keystore (store.ts)', async () => {
    const dir = await scratch();
    const p12 = path.join(dir, 'store.p12');
    await writeFile(p12, Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05])); // DER, but no PKCS#12
    expect(await refused(['certs', 'list', '--keystore', p12, '--lang', 'fr'])).toBe(
      `Erreur : --keystore : ${p12} : pas un keystore PKCS#12`,
    );
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'hello\n');
    expect(await refused(['certs', 'list', '--keystore', text, '--lang', 'nl'])).toBe(
      `Fout: --keystore: ${text}: geen keystore: JKS noch PKCS#12`,
    );
  });

  it('--from a folder without certificates, a file that is none (trust/import.ts)', async () => {
    const { file } = await keystoreCopy();
    const dir = await scratch();
    expect(
      await refused(['certs', 'import', '--keystore', file, '--from', dir, '--yes', '--lang', 'fr']),
    ).toBe(`Erreur : --from : ${dir} ne contient aucun fichier .pem, .crt, .cer ou .der`);
    const text = path.join(dir, 'ca.pem');
    await writeFile(text, 'hello\n');
    expect(
      await refused(['certs', 'import', '--keystore', file, '--from', text, '--yes', '--lang', 'nl']),
    ).toBe(`Fout: --from: ${text}: geen PEM- en geen DER-certificaat`);
  });

  it('a JRE without keytool, a trust store that is no file (trust/locate.ts)', async () => {
    const { file } = await keystoreCopy();
    const home = JRE('jre8u291');
    const args = [
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      G2,
      '--keytool',
      '--java-home',
      home,
      '--yes',
    ];
    expect(await refused([...args, '--lang', 'fr'])).toBe(
      `Erreur : --keytool : ce JRE n’a pas de ${path.join(home, 'bin', 'keytool')} ; utilisez un JDK/JRE complet, ou retirez --keytool`,
    );
    expect(
      await refused(['certs', 'list', '--java-home', home, '--lang', 'nl'], {
        JAVA_TOOL_OPTIONS: '-Djavax.net.ssl.trustStore=NONE',
      }),
    ).toBe(
      'Fout: de truststore van Java is NONE (-Djavax.net.ssl.trustStore in JAVA_TOOL_OPTIONS), geen bestand: hij kan hier niet gelezen of geschreven worden; voeg op Windows de CA-certificaten toe aan het certificaatarchief van de machine (certlm.msc, of certutil -addstore Root FILE), of geef --keystore FILE',
    );
  });

  it('no source of certificates (trust/service.ts), a mirror that is no web address (certs import)', async () => {
    const { file } = await keystoreCopy();
    expect(await refused(['certs', 'import', '--keystore', file, '--yes', '--lang', 'nl'])).toBe(
      'Fout: zeg waar de certificaten vandaan komen: --portal-url URL (de keten die het portaal aanbiedt), --from FILE|DIR, of --download',
    );
    expect(
      await refused(
        ['certs', 'import', '--keystore', file, '--download', '--pki-base-url', 'ftp://x', '--yes'],
        {
          LANG: 'fr_FR.UTF-8',
        },
      ),
    ).toBe(
      'Erreur : --pki-base-url "ftp://x" doit être une adresse http:// ou https://, par ex. https://mirror.contoso.local/pkiops/certs/',
    );
  });

  // The lock's own wait (30 s) is not waited out here: the error is the lock's, the line the renderer's.
  it('a store another run holds: the one line on stderr in French (keystore/lock.ts, render/certs.ts); JSON keeps English', async () => {
    const { file } = await keystoreCopy();
    const since = Date.now();
    const holder = JSON.stringify({ pid: process.pid, host: os.hostname(), since, token: 'another-run' });
    await writeFile(`${file}.siem-doctor.lock`, holder);
    const busy: unknown = await withKeystoreLock(file, async () => undefined, { waitMs: 300 }).catch(
      (error: unknown) => error,
    );
    if (!(busy instanceof KeystoreBusyError)) throw new Error(`not busy: ${String(busy)}`);
    const result = {
      error: { code: busy.code, message: busy.message },
      ...(busy.text && { errorText: busy.text }),
    } as ImportResult;
    expect(renderImportError(result, fr, createRedactor([]))).toBe(
      `Erreur : un autre siem-doctor modifie ${file} (pid ${process.pid} sur ${os.hostname()}, depuis ${new Date(since).toISOString()}) ; rien n’a été modifié : relancez quand il aura fini, ou supprimez ${file}.siem-doctor.lock si aucun tel processus ne tourne`,
    );
    // the document's message (JSON) is the English one
    expect(result.error!.message).toBe(
      `another siem-doctor is changing ${file} (pid ${process.pid} on ${os.hostname()}, since ${new Date(since).toISOString()}); nothing was changed: run again when it has finished, or remove ${file}.siem-doctor.lock if no such process runs`,
    );
  });
});
