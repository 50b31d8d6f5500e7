import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { en } from '../../src/catalog/en.js';
import { runChecks } from '../../src/checks/run.js';
import { fail, pass, type Check, type CheckContext } from '../../src/checks/types.js';
import { Held, type Facts } from '../../src/checks/facts.js';
import { config } from '../helpers/context.js';

// The runner never looks at facts itself; these checks do not either.
const facts: Facts = {
  java: async () => ({ found: false, reason: 'not-found' }),
  jvm: async () => ({ ran: false, reason: 'no-java' }),
  forgetJvm: () => undefined,
  syslogAddresses: async () => ({ ok: false, code: 'ENOTFOUND', ms: 0 }),
  syslogConnection: async () => undefined,
  syslogSocket: new Held(),
  portal: async () => undefined,
  dispose: () => undefined,
};
const run = (checks: Check[], timeoutMs = 2000) =>
  runChecks(checks, { config: config({ timeoutMs }), facts, catalog: en });

const slow = (id: Check['id'], ms: number, outcome = pass('java.notFound'), events?: string[]): Check => ({
  id,
  async run(ctx: CheckContext) {
    events?.push(`start ${id}`);
    await sleep(ms, undefined, { signal: ctx.signal }).catch(() => undefined);
    events?.push(`end ${id}`);
    return outcome;
  },
});

describe('runChecks', () => {
  it('runs checks concurrently and reports them in the given order', async () => {
    const events: string[] = [];
    const checks = [
      slow('java-runtime', 200, undefined, events),
      slow('lifecycle', 20, undefined, events),
      slow('token', 100, undefined, events),
    ];
    const results = await run(checks);
    // Every check had started before the first one ended: they ran side by side, not in turn.
    expect(events.slice(0, 3).sort()).toEqual(['start java-runtime', 'start lifecycle', 'start token']);
    // ...and the report keeps the given order, not the order they finished in.
    expect(events.slice(3)).toEqual(['end lifecycle', 'end token', 'end java-runtime']);
    expect(results.map((r) => r.id)).toEqual(['java-runtime', 'lifecycle', 'token']);
    expect(results.every((r) => r.status === 'pass')).toBe(true);
  });

  it('turns a throw into status error with a one-line message, and others still report', async () => {
    const results = await run([
      {
        id: 'java-runtime',
        async run() {
          throw new Error('boom\n    at somewhere (file.js:1:1)');
        },
      },
      slow('lifecycle', 1),
    ]);
    expect(results[0]).toMatchObject({ status: 'error', message: 'the check itself failed: boom' });
    expect(results[1]!.status).toBe('pass');
  });

  it('stops a check that overruns its budget and reports error', async () => {
    let aborted = false;
    const hang: Check = {
      id: 'portal',
      budgetMs: () => 150,
      run: (ctx) =>
        new Promise(() => {
          ctx.signal.addEventListener('abort', () => (aborted = true));
        }),
    };
    const [result] = await run([hang]); // the test's own timeout catches a runner that waits forever
    expect(result).toMatchObject({ status: 'error', message: 'did not finish within 0.2 s and was stopped' });
    expect(aborted).toBe(true);
  });

  it('skips a check whose prerequisite failed, naming it', async () => {
    const results = await run([
      slow('syslog-connection', 10, fail('syslog.refused', { address: '127.0.0.1', port: 1 })),
      { ...slow('syslog-send', 1), requires: ['syslog-connection'] },
    ]);
    expect(results[1]).toMatchObject({
      status: 'skip',
      message: 'not run: syslog-connection did not pass (fail)',
    });
  });

  it('waits for a prerequisite that comes later in the list, and reports in the given order', async () => {
    const events: string[] = [];
    const results = await run([
      { ...slow('syslog-send', 1, undefined, events), requires: ['syslog-connection'] },
      slow('syslog-connection', 50, fail('syslog.refused', { address: '127.0.0.1', port: 1 }), events),
    ]);
    expect(results.map((r) => r.id)).toEqual(['syslog-send', 'syslog-connection']);
    expect(results[0]).toMatchObject({
      status: 'skip',
      message: 'not run: syslog-connection did not pass (fail)',
    });
    expect(events).toEqual(['start syslog-connection', 'end syslog-connection']); // syslog-send never ran
  });

  it('starts a later prerequisite once, however many checks wait for it', async () => {
    const events: string[] = [];
    const results = await run([
      { ...slow('syslog-send', 1, undefined, events), requires: ['syslog-connection'] },
      { ...slow('agent-logs', 1, undefined, events), requires: ['syslog-connection'] },
      slow('syslog-connection', 20, undefined, events),
    ]);
    expect(results.every((r) => r.status === 'pass')).toBe(true);
    expect(events.filter((e) => e === 'start syslog-connection')).toHaveLength(1);
    expect(events.indexOf('end syslog-connection')).toBeLessThan(events.indexOf('start syslog-send'));
  });

  it('refuses checks that require each other in a circle, instead of waiting forever', async () => {
    await expect(
      run([
        { ...slow('token', 1), requires: ['proxy'] },
        { ...slow('proxy', 1), requires: ['token'] },
      ]),
    ).rejects.toThrow('the checks require each other in a circle: token → proxy → token');
  });

  it('runs a check whose prerequisite was not selected', async () => {
    const [result] = await run([{ ...slow('syslog-send', 1), requires: ['syslog-connection'] }]);
    expect(result!.status).toBe('pass');
  });

  it('attaches the documented error and its steps to a fail, not to a pass', async () => {
    const results = await run([
      { id: 'token', documentedError: 'Invalid token', run: async () => fail('java.notFound') },
      { id: 'proxy', documentedError: 'Invalid proxy address', run: async () => pass('java.notFound') },
    ]);
    expect(results[0]!.documentedError).toBe('Invalid token');
    expect(results[0]!.resolution).toEqual(en.documentedErrors['Invalid token'].resolution);
    expect(results[1]!.documentedError).toBeUndefined();
    expect(results[1]!.resolution).toBeUndefined();
  });
});

describe('what the runner says in the report’s language', () => {
  it('names a documented error inside a French message as the portal shows it, and evidence sentences in French', async () => {
    const { fr } = await import('../../src/catalog/fr.js');
    const { said } = await import('../../src/checks/types.js');
    const check: Check = {
      id: 'agent-logs',
      async run() {
        return fail(
          'logs.foundMapped',
          {
            error: 'Invalid token',
            label: 'HTTP 401',
            side: 'portail',
            count: 2,
            time: 't',
            file: 'f',
            line: 3,
          },
          {
            evidence: {
              judgedBy: said('evidence.judgedBy.notAsked'),
              list: [said('evidence.route.direct')],
              n: 1,
            },
          },
        );
      },
    };
    const [result] = await runChecks([check], { config: config({ timeoutMs: 2000 }), facts, catalog: fr });
    expect(result!.message).toContain('Jeton non valide (Invalid token)');
    expect(result!.evidence).toEqual({
      judgedBy: 'le modèle hors ligne (la JVM n’a pas pu être interrogée)',
      list: ['direct'],
      n: 1,
    });
    // in English the name is the identifier itself, once
    const [english] = await runChecks([check], { config: config({ timeoutMs: 2000 }), facts, catalog: en });
    expect(english!.message).toContain('Invalid token');
    expect(english!.message).not.toContain('(Invalid token)');
    expect(english!.evidence?.judgedBy).toBe('the offline model (the JVM could not be asked)');
  });

  it('translates only the error parameter: a label that is a documented error’s name stays the log’s words', async () => {
    const { fr } = await import('../../src/catalog/fr.js');
    const check: Check = {
      id: 'agent-logs',
      async run() {
        // the agent printed the error's name itself: the label is its line's words
        const name = 'Data server connection error';
        return fail('logs.foundMapped', {
          error: name,
          label: name,
          endpoint: '',
          count: 1,
          first: 'a',
          last: 'b',
          file: 'f',
          line: 5,
        });
      },
    };
    const [result] = await runChecks([check], { config: config({ timeoutMs: 2000 }), facts, catalog: fr });
    expect(result!.message).toBe(
      'les journaux de l’agent montrent « Erreur de connexion du serveur de données (Data server connection error) » : Data server connection error, 1 fois du a au b, la dernière dans f, ligne 5',
    );
  });
});
