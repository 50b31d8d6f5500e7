// The Windows executable is unsigned unless a key is given; given one, scripts/dist.js signs it
// with scripts/sign.js (run here on a copy of the built file), and osslsigncode verifies the
// signature against the certificate, as Windows would against a trusted publisher.
import { execa } from 'execa';
import { readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, WINDOWS_EXE } from '../helpers/exe.js';
import { ROOT } from '../helpers/paths.js';

let dir: string;
let key: string;
let cert: string;
const sign = (exe: string, env: Record<string, string>) =>
  execa(process.execPath, [path.join(ROOT, 'scripts', 'sign.js'), exe], {
    env: { PATH: process.env.PATH!, ...env },
    extendEnv: false,
    reject: false,
  });
const verify = (exe: string, ...args: string[]) =>
  execa('osslsigncode', ['verify', '-in', exe, ...args], { reject: false, all: true });

beforeAll(async () => {
  requireBuilt(WINDOWS_EXE);
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-sign-'));
  key = path.join(dir, 'key.pem');
  cert = path.join(dir, 'cert.pem');
  // a throwaway code-signing key and its self-signed certificate
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=siem-doctor test signer',
    '-addext',
    'keyUsage=critical,digitalSignature',
    '-addext',
    'extendedKeyUsage=codeSigning',
  ]);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('signing the Windows executable', () => {
  it('is unsigned as built without a key (node.exe signature removed, none added)', async () => {
    const result = await verify(WINDOWS_EXE);
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toMatch(/No signature found/i);
    expect(result.all).not.toContain('OpenJS Foundation');
  });

  it('signs it when a key and certificate are given, and the signature verifies', async () => {
    const exe = path.join(dir, 'siem-doctor.exe');
    await copyFile(WINDOWS_EXE, exe);
    const signed = await sign(exe, { SIEM_DOCTOR_SIGN_KEY: key, SIEM_DOCTOR_SIGN_CERT: cert });
    expect(signed.exitCode, signed.stderr).toBe(0);
    const result = await verify(exe, '-CAfile', cert);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('Signature verification: ok');
    expect(result.all).toContain('CN=siem-doctor test signer');
    // the digest signed is this file's
    const current = /Current message digest\s*:\s*(\w+)/.exec(result.all ?? '')?.[1];
    expect(current).toBeTruthy();
    expect(/Calculated message digest\s*:\s*(\w+)/.exec(result.all ?? '')?.[1]).toBe(current);
  });

  it('signs with an encrypted key, its password never on a command line nor in an error', async () => {
    const password = 'S3cret-sign-pw';
    const locked = path.join(dir, 'locked.pem');
    await execa('openssl', ['pkey', '-in', key, '-aes256', '-passout', `pass:${password}`, '-out', locked]);
    const exe = path.join(dir, 'locked.exe');
    await copyFile(WINDOWS_EXE, exe);
    const env = {
      SIEM_DOCTOR_SIGN_KEY: locked,
      SIEM_DOCTOR_SIGN_CERT: cert,
      SIEM_DOCTOR_SIGN_PASSWORD: password,
    };
    // osslsigncode's command line, seen as any account sees it while it runs
    const seen: string[] = [];
    const signing = sign(exe, env);
    const watch = setInterval(() => {
      for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name)))
        try {
          const line = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
          if (line.startsWith('osslsigncode')) seen.push(line);
        } catch {
          // gone already
        }
    }, 5);
    const signed = await signing;
    clearInterval(watch);
    expect(signed.exitCode, signed.stderr).toBe(0);
    expect((await verify(exe, '-CAfile', cert)).all).toContain('Signature verification: ok');
    for (const line of seen) expect(line).not.toContain(password);
    // a file that is not a Windows executable: one line, without the password or the command
    const bad = path.join(dir, 'not-an.exe');
    await writeFile(bad, 'not a PE file');
    const failed = await sign(bad, env);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain(`osslsigncode could not sign ${bad}`);
    expect(failed.stderr).not.toContain(password);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses half a key instead of building unsigned', async () => {
    const result = await sign(path.join(dir, 'none.exe'), { SIEM_DOCTOR_SIGN_KEY: key });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('SIEM_DOCTOR_SIGN_KEY and SIEM_DOCTOR_SIGN_CERT go together');
  });
});
