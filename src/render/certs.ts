// The text of `certs list` and `certs import`, from their results (src/trust/service.ts), in the
// user's language. Aliases, certificate names, file names and URLs come from outside: every line
// is redacted (a mirror URL or a store path may carry a secret) and neutralised (never raw to the
// terminal). Under --json the result itself is the document (command-base).
import { translate, type Text } from '../catalog/index.js';
import type { MessageFile } from '../catalog/en.js';
import type { DownloadFailure, PlannedImport, Skipped } from '../trust/import.js';
import type { ImportResult, JvmAfterwards, ListResult, NothingAdded } from '../trust/service.js';
import type { Redactor } from './redact.js';
import { neutralise } from './terminal.js';

type Say = (text: Text) => string;

const safe = (lines: string[], redactor: Redactor) => lines.map((line) => neutralise(redactor.text(line)));

// certs list ----------------------------------------------------------------------------------

export function renderList(result: ListResult, catalog: MessageFile, redactor: Redactor): string[] {
  const say: Say = (text) => translate(catalog, text);
  const out = [
    say({
      key: 'list.title',
      params: { file: result.keystore, format: result.format.toUpperCase(), count: result.entries },
    }),
    say({ key: 'store.chosenBy', params: { how: result.chosenBy } }),
  ];
  const width = Math.max(...result.known.map((k) => k.name.length));
  // A name the table holds twice (a cross-signed CA and its twin under another root) is told
  // apart by its issuer.
  const seen = new Map<string, number>();
  for (const k of result.known) seen.set(k.name, (seen.get(k.name) ?? 0) + 1);
  const roleOf = (k: (typeof result.known)[number]) => say({ key: `list.role.${k.role}` });
  const roleWidth = Math.max(10, ...result.known.map((k) => roleOf(k).length));
  for (const k of result.known) {
    const state = k.alias
      ? say({ key: 'list.present', params: { alias: k.alias } })
      : say({ key: 'list.missing' });
    const expiry = `${k.notAfter.slice(0, 10)}${k.expired ? ` (${say({ key: 'list.expired' })})` : ''}`;
    const twin =
      seen.get(k.name)! > 1 ? `  (${say({ key: 'list.issuedBy', params: { issuer: k.issuer } })})` : '';
    out.push(
      `  ${k.name.padEnd(width)}  ${roleOf(k).padEnd(roleWidth)}  ${expiry.padEnd(22)}  ${state}${twin}`,
    );
  }
  const { verdict } = result;
  if (result.chain && verdict.host) {
    out.push('', say({ key: 'list.chainTitle', params: { host: verdict.host } }));
    for (const c of result.chain) {
      const state = c.alias
        ? say({ key: 'list.present', params: { alias: c.alias } })
        : say({ key: 'list.missing' });
      out.push(
        `  ${c.subject}  ← ${c.issuer}  ${c.notAfter.slice(0, 10)}  ${state}  ${say({ key: c.needed ? 'list.needed' : 'list.notNeeded' })}`,
      );
    }
  }
  const roots = verdict.rootsHeld.join(', ');
  out.push(
    '',
    say(
      verdict.anchored === true
        ? { key: 'list.verdictAnchored', params: { host: verdict.host!, anchor: result.anchor! } }
        : verdict.anchored === false
          ? { key: 'list.verdictNotAnchored', params: { host: verdict.host! } }
          : verdict.rootsHeld.length > 0
            ? {
                key: 'list.verdictRoots',
                params: { count: verdict.rootsHeld.length, total: verdict.rootsKnown, roots },
              }
            : { key: 'list.verdictNoRoots' },
    ),
  );
  return safe(out, redactor);
}

// certs import --------------------------------------------------------------------------------

/** What is shown before the question: the store, the sources, the distribution's plan, the plan. */
export function renderImportPlan(result: ImportResult, catalog: MessageFile, redactor: Redactor): string[] {
  const say: Say = (text) => translate(catalog, text);
  return safe(
    [...header(result, say), ...managedPlan(result, say), ...plan(result, result.failures, say)],
    redactor,
  );
}

/**
 * The whole text of a run. `planShown`: the plan was printed already, before the question; the
 * text then goes on from the answer.
 */
export function renderImport(
  result: ImportResult,
  catalog: MessageFile,
  redactor: Redactor,
  { planShown = false }: { planShown?: boolean } = {},
): string[] {
  const say: Say = (text) => translate(catalog, text);
  const before = (lines: string[]) => (planShown ? [] : lines);
  const out: string[] = [];
  switch (result.outcome) {
    case 'nothing':
      out.push(...before([...header(result, say), ...plan(result, result.failures, say)]));
      out.push(...nothingAdded(result, say));
      break;
    case 'dry-run':
      out.push(...header(result, say), ...managedPlan(result, say), ...plan(result, result.failures, say));
      out.push(say({ key: 'import.dryRun' }));
      break;
    case 'cancelled':
      out.push(say({ key: 'import.cancelled' }));
      break;
    case 'busy':
      break; // said on stderr; stdout holds nothing of a run that changed nothing
    case 'managed-incomplete': {
      // the last failure is the tool's own, found after the plan was shown
      const shown = result.failures.slice(0, -1);
      out.push(...before([...header(result, say), ...managedPlan(result, say), ...plan(result, shown, say)]));
      const m = result.managed!;
      out.push(
        say({
          key: 'store.managedIncomplete',
          params: {
            tool: m.command[0]!,
            file: result.keystore,
            count: result.missingAfterwards?.length ?? 0,
          },
        }),
      );
      break;
    }
    case 'managed-done': {
      const m = result.managed!;
      out.push(
        ...before([
          ...header(result, say),
          ...managedPlan(result, say),
          ...plan(result, result.failures, say),
        ]),
      );
      out.push(
        say({
          key: 'store.managedDone',
          params: { count: result.add.length, file: result.keystore, tool: m.command[0]! },
        }),
      );
      if (result.jvm) out.push(jvmAfterwards(result.jvm, say));
      out.push(say({ key: 'import.restart' }));
      break;
    }
    case 'written':
      out.push(...before([...header(result, say), ...plan(result, result.failures, say)]));
      out.push(
        say({
          key: 'import.done',
          params: { count: result.add.length, file: result.keystore, backup: result.backup ?? '' },
        }),
      );
      if (result.someNotObtained)
        out.push(say({ key: 'import.someNotObtained', params: { count: result.failures.length } }));
      out.push(say({ key: 'import.restart' }));
      break;
  }
  return safe(out, redactor);
}

/** The line for stderr when the run was refused after the plan (the lock held by another run). */
export function renderImportError(
  result: ImportResult,
  catalog: MessageFile,
  redactor: Redactor,
): string | undefined {
  if (!result.error) return undefined;
  const message = result.errorText ? translate(catalog, result.errorText) : result.error.message;
  return translate(catalog, { key: 'error.line', params: { message: neutralise(redactor.text(message)) } });
}

function header(result: ImportResult, say: Say): string[] {
  const out = [
    say({
      key: 'import.keystore',
      params: { file: result.keystore, format: result.format.toUpperCase(), count: result.entries },
    }),
    say({ key: 'store.chosenBy', params: { how: result.chosenBy } }),
  ];
  for (const source of result.sources) {
    if (source.kind === 'files')
      out.push(say({ key: 'import.sourceFiles', params: { files: source.files.join(', ') } }));
    if (source.kind === 'download')
      out.push(say({ key: 'import.sourceDownload', params: { base: source.base } }));
    if (source.kind === 'portal')
      out.push(say({ key: 'import.sourcePortal', params: { host: source.host } }));
  }
  return out;
}

/** A store the distribution rebuilds: its own way, file by file, then its tool. */
function managedPlan(result: ImportResult, say: Say): string[] {
  const m = result.managed;
  if (!m) return [];
  return [
    say({
      key: 'store.managed',
      params: { file: result.keystore, resolved: m.resolved, tool: m.command[0]! },
    }),
    say({ key: 'store.plan' }),
    ...m.files.map((f) => `  ${say({ key: 'store.plan.write', params: { file: f } })}`),
    `  ${say({ key: 'store.plan.run', params: { command: m.command.join(' ') } })}`,
  ];
}

/** The plan in lines: what is added, what is left out and why, what could not be obtained. */
function plan(
  result: { add: PlannedImport[]; skipped: Skipped[] },
  failures: DownloadFailure[],
  say: Say,
): string[] {
  const out: string[] = [];
  if (result.add.length > 0) {
    out.push(say({ key: 'import.add' }));
    for (const p of result.add) out.push(`  + ${p.alias}  ${p.name}  (${p.notAfter.slice(0, 10)})`);
  }
  const skipped = [
    ...result.skipped.map((s) => say(skipText(s))),
    ...failures.map((f) => say({ key: 'import.downloadFailed', params: { ...f } })),
  ];
  if (skipped.length > 0) {
    out.push(say({ key: 'import.skip' }));
    for (const s of skipped) out.push(`  - ${s}`);
  }
  return out;
}

function skipText(s: Skipped): Text {
  switch (s.reason) {
    case 'present':
      return { key: 'import.present', params: { name: s.name, alias: s.alias! } };
    case 'expired':
      return { key: 'import.expired', params: { name: s.name, date: s.notAfter.slice(0, 10) } };
    case 'not-a-ca':
      return { key: 'import.notCa', params: { name: s.name } };
    default:
      return { key: 'import.duplicate', params: { name: s.name } };
  }
}

const NOTHING_KEYS = {
  'all-held': 'import.nothing',
  'valid-held': 'import.nothingValid',
  'none-obtained': 'import.nothingObtained',
  'none-offered': 'import.noneOffered',
  'no-ca': 'import.noCa',
} as const satisfies Record<NothingAdded, string>;

function nothingAdded(result: ImportResult, say: Say): string[] {
  const count = result.failures.length;
  const out = [say({ key: NOTHING_KEYS[result.nothingAdded ?? 'all-held'], params: { count } })];
  if (result.someNotObtained) out.push(say({ key: 'import.someNotObtained', params: { count } }));
  return out;
}

/** What the JVM said after the distribution's tool rebuilt its store. */
function jvmAfterwards(jvm: JvmAfterwards, say: Say): string {
  if (!jvm.asked) return say({ key: 'certs.jvmAfterNotAsked', params: { reason: jvm.reason } });
  const java = jvm.java;
  const shake = jvm.handshake;
  if (!shake)
    return say({
      key: 'certs.jvmAfterLoaded',
      params: { java, store: jvm.store, anchors: jvm.anchors ?? '?' },
    });
  if (shake.trusted)
    return say({
      key: 'certs.jvmAfterTrusted',
      params: { java, host: shake.host, protocol: shake.protocol ?? '?', store: jvm.store },
    });
  return say({
    key: shake.decided ? 'certs.jvmAfterRefused' : 'certs.jvmAfterUndecided',
    params: { java, host: shake.host, store: jvm.store, error: shake.error ?? '' },
  });
}
