// certs import of the eight documented certificates into a copy of a 140-entry JKS cacerts,
// against the docs' procedure: eight `keytool -importcert` runs. Target: ratio ≤ 0.1. And the
// in-process parse of that cacerts: target ≤ 10 ms.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  // Besides the npm form (the verdict), in the same rounds: the Linux executable, which the agent's
  // server runs (no Node there), and, where NODE_EXTRA_CA_CERTS is set, the npm form without it
  // (Node 20 loads that bundle at every start, before any of our code runs).
  const exe = path.join(root, 'dist', 'siem-doctor-linux-x64');
  const bare = { ...env };
  delete bare.NODE_EXTRA_CA_CERTS;
  const forms = [['npm form', process.execPath, [doctor], env]];
  if (existsSync(exe)) forms.push(['executable', exe, [], env]);
  if (env.NODE_EXTRA_CA_CERTS)
    forms.push(['npm form without NODE_EXTRA_CA_CERTS', process.execPath, [doctor], bare]);
  const byForm = forms.map(() => []);
  const ours = byForm[0];
  const theirs = [];
  for (let i = 0; i < rounds; i++) {
    forms.forEach(([, command, first, formEnv], f) => {
      const a = path.join(dir, `ours-${i}-${f}.jks`);
      copyFileSync(cacerts, a);
      byForm[f].push(
        timeOnce(() => {
          const r = spawnSync(
            command,
            [...first, 'certs', 'import', '--keystore', a, '--from', source, '--include-expired', '--yes'],
            { env: formEnv, stdio: 'ignore' },
          );
          if (r.status !== 0) throw new Error(`certs import (${forms[f][0]}) exited ${r.status}`);
        }),
      );
    });
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
  for (let f = 1; f < forms.length; f++) {
    const ms = median(byForm[f]);
    console.log(`  (${forms[f][0]}: ${ms.toFixed(1)} ms → ratio ${(ms / median(theirs)).toFixed(2)})`);
  }

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
