// certs import of the eight documented certificates into a copy of a 140-entry JKS cacerts,
// against the docs' procedure: eight `keytool -importcert` runs. Target: ratio ≤ 0.1. And the
// in-process parse of that cacerts: target ≤ 10 ms.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, report } from './lib.js';

const DOCUMENTED = ['01', '02', '05', '06']
  .map((n) => `azure-tls-issuing-ca-${n}.pem`)
  .concat(['03', '04', '07', '08'].map((n) => `azure-rsa-tls-issuing-ca-${n}.pem`));

function timeOnce(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export default async function certsBench({ root, doctor, env, runs }) {
  const cacerts = path.join(root, 'fixtures', 'keystores', 'cacerts-140.jks');
  const cas = path.join(root, 'fixtures', 'azure-cas');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-certs-'));
  const rounds = Math.max(3, Math.min(runs, 7));
  const source = path.join(dir, 'documented');
  mkdirSync(source);
  for (const f of DOCUMENTED) copyFileSync(path.join(cas, f), path.join(source, f));

  const ours = [];
  const theirs = [];
  for (let i = 0; i < rounds; i++) {
    const a = path.join(dir, `ours-${i}.jks`);
    copyFileSync(cacerts, a);
    ours.push(
      timeOnce(() => {
        const r = spawnSync(
          process.execPath,
          [doctor, 'certs', 'import', '--keystore', a, '--from', source, '--include-expired', '--yes'],
          { env, stdio: 'ignore' },
        );
        if (r.status !== 0) throw new Error(`certs import exited ${r.status}`);
      }),
    );
    const b = path.join(dir, `keytool-${i}.jks`);
    copyFileSync(cacerts, b);
    theirs.push(
      timeOnce(() => {
        DOCUMENTED.forEach((f, n) => {
          const r = spawnSync(
            'keytool',
            [
              '-importcert',
              '-noprompt',
              '-file',
              path.join(source, f),
              '-keystore',
              b,
              '-alias',
              `azuretls0${n}crt`,
              '-storepass',
              'changeit',
            ],
            { env, stdio: 'ignore' },
          );
          if (r.status !== 0) throw new Error(`keytool exited ${r.status}`);
        });
      }),
    );
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.bak'))) rmSync(path.join(dir, f));
  }
  const importOk = report(
    'certs import of the 8 documented CAs vs 8 keytool -importcert',
    median(ours),
    median(theirs),
    0.1,
  );

  const { parseJks: parse } = await import(new URL('../dist/keystore/jks.js', import.meta.url).href);
  const bytes = readFileSync(cacerts);
  parse(bytes, 'changeit'); // warm
  const times = Array.from({ length: 21 }, () => timeOnce(() => parse(bytes, 'changeit')));
  const ms = median(times);
  console.log(
    `parse of the 140-entry JKS cacerts in-process: ${ms.toFixed(2)} ms median (target ≤ 10 ms: ${ms <= 10 ? 'meets' : 'MISSES'})`,
  );
  rmSync(dir, { recursive: true, force: true });
  return importOk && ms <= 10;
}
