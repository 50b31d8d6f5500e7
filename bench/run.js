// npm run bench: start-up and the checks users run most, against the tools the docs send them to.
// More by name: `node bench/run.js logs` adds bench/logs.js (1 GB of logs against grep, about a
// minute), which `npm run bench` leaves out.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, time, timeInTurns } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doctor = path.join(root, 'bin', 'run.js');
const cacerts = path.join(root, 'fixtures', 'keystores', 'cacerts-140.jks');
const env = { ...process.env, NO_COLOR: '1', JAVA_HOME: '' };
const runs = Number(process.env.BENCH_RUNS ?? 11);
let ok = true;

console.log(`siem-doctor benchmarks (${runs} runs each, medians, node ${process.version})`);

const version = time(process.execPath, [doctor, '--version'], { runs, env });
const ms = version.toFixed(1);
console.log(`siem-doctor --version: ${ms} ms (target ≤ 150 ms: ${version <= 150 ? 'meets' : 'MISSES'})`);
ok &&= version <= 150;

const keytool = time('keytool', ['-list', '-keystore', cacerts, '-storepass', 'changeit'], { runs, env });
const check = time(process.execPath, [doctor, 'check', '--only', 'java-runtime,lifecycle'], { runs, env });
ok = report('check --only java-runtime,lifecycle vs keytool -list (140 entries)', check, keytool, 0.5) && ok;

// The JVM probe (java-certs, java-tls) starts the agent's JVM once per run: what that costs on its
// own, measured against the same JVM's bare start (java -version). Reported, not a target.
const javaVersion = time('java', ['-version'], { runs, env });
const jvmCheck = time(process.execPath, [doctor, 'check', '--only', 'java-runtime,java-tls,java-certs'], {
  runs,
  env,
});
console.log(
  `check --only java-runtime,java-tls,java-certs (one JVM probe): ${jvmCheck.toFixed(1)} ms; the probe adds ${(jvmCheck - check).toFixed(1)} ms to the check above; java -version alone: ${javaVersion.toFixed(1)} ms`,
);

// NODE_EXTRA_CA_CERTS makes Node load a CA bundle at every start, before any of our code runs
// (about 70 ms on these machines, where it is set). The verdicts above use the environment as it
// is; this line says what a machine without it gets.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const bare = { ...env };
  delete bare.NODE_EXTRA_CA_CERTS;
  const v = time(process.execPath, [doctor, '--version'], { runs, env: bare });
  const c = time(process.execPath, [doctor, 'check', '--only', 'java-runtime,lifecycle'], {
    runs,
    env: bare,
  });
  console.log(
    `  (without NODE_EXTRA_CA_CERTS: --version ${v.toFixed(1)} ms; check ${c.toFixed(1)} ms → ratio ${(c / keytool).toFixed(2)})`,
  );
}

// The Linux executable (npm run dist), measured in this same run, in turns with the npm form: it
// must start no slower, with and without NODE_EXTRA_CA_CERTS.
const exe = path.join(root, 'dist', 'siem-doctor-linux-x64');
if (existsSync(exe)) {
  const bare = { ...env };
  delete bare.NODE_EXTRA_CA_CERTS;
  const cases = [['without NODE_EXTRA_CA_CERTS', bare]];
  const bundle = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
  if (existsSync(bundle)) {
    cases.push([`with NODE_EXTRA_CA_CERTS=${bundle}`, { ...env, NODE_EXTRA_CA_CERTS: bundle }]);
  }
  for (const [label, e] of cases) {
    for (const args of [['--version'], ['check', '--only', 'java-runtime,lifecycle']]) {
      const [ours, npm] = timeInTurns([exe, args], [process.execPath, [doctor, ...args]], { runs, env: e });
      ok = report(`executable vs npm form, ${args.join(' ')} (${label})`, ours, npm, 1.0) && ok;
    }
  }
} else {
  console.log('(no dist/siem-doctor-linux-x64: run npm run dist to compare the executable)');
}

const extra = process.argv.slice(2);
for (const name of extra) {
  const mod = await import(`./${name}.js`);
  const met = await mod.default({ root, doctor, env, runs });
  ok = ok && met;
}
process.exitCode = ok ? 0 : 1;
