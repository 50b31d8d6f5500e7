// `check --timeout 2` when the proxy (and so the portal) and the SIEM never answer: listeners whose
// accept queue is full, so SYNs go unanswered as behind a dropping firewall. The checks run at
// once, so the whole run should take the budget, not the sum of the budgets: target ≤ 3 s.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { once } from 'node:events';
import { time } from './lib.js';

async function unresponsiveListener() {
  const child = spawn(
    'python3',
    [
      '-c',
      'import socket,sys\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const [line] = await once(child.stdout, 'data');
  const port = Number(String(line).trim());
  const fillers = Array.from({ length: 3 }, () =>
    net.connect(port, '127.0.0.1').on('error', () => undefined),
  );
  await new Promise((r) => setTimeout(r, 200));
  return { port, close: () => (fillers.forEach((f) => f.destroy()), child.kill()) };
}

export default async function unresponsiveBench({ doctor, env, runs }) {
  const [proxy, siem] = await Promise.all([unresponsiveListener(), unresponsiveListener()]);
  try {
    const args = [
      doctor,
      'check',
      '--timeout',
      '2',
      '--proxy',
      `127.0.0.1:${proxy.port}`,
      '--portal-url',
      'https://contoso.us3.portal.cloudappsecurity.com',
      '--syslog-host',
      '127.0.0.1',
      '--syslog-port',
      String(siem.port),
    ];
    const ms = time(process.execPath, args, { runs: Math.min(runs, 5), env });
    console.log(
      `check --timeout 2 with proxy, portal and SIEM unresponsive: ${ms.toFixed(0)} ms (target ≤ 3000 ms: ${ms <= 3000 ? 'meets' : 'MISSES'})`,
    );
    return ms <= 3000;
  } finally {
    proxy.close();
    siem.close();
  }
}
