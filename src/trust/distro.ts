// Trust stores a Linux distribution owns. Debian/Ubuntu JREs link cacerts to
// /etc/ssl/certs/java/cacerts, rebuilt by update-ca-certificates; RHEL/Fedora to /etc/pki/java/cacerts
// (from /etc/pki/ca-trust/extracted/), rebuilt by update-ca-trust. A keytool write there is undone by
// the next CA package update, so `certs import` offers the distribution's own way instead: the PEM in
// its local anchors folder, then its tool. The root is "/" on a real host; the folder that holds
// etc/… when the store resolves into a tree laid out like one (how the tests exercise it).
import { realpath } from 'node:fs/promises';
import path from 'node:path';

export interface ManagedStore {
  distribution: 'debian' | 'rhel';
  /** The file the JRE's store resolves to. */
  resolved: string;
  root: string;
  /** Where local CA certificates go, one PEM file each. */
  anchorsDir: string;
  extension: '.crt' | '.pem';
  /** The distribution's tool that rebuilds the store, as argv. */
  command: string[];
}

const LAYOUTS = [
  { distribution: 'debian', pattern: /^(.*?)\/etc\/ssl\/certs\/java\/cacerts$/ },
  { distribution: 'rhel', pattern: /^(.*?)\/etc\/pki\/(?:java\/cacerts|ca-trust\/extracted\/.+)$/ },
] as const;

export async function managedStore(file: string): Promise<ManagedStore | undefined> {
  const resolved = await realpath(file).catch(() => path.resolve(file));
  for (const layout of LAYOUTS) {
    const match = layout.pattern.exec(resolved.replace(/\\/g, '/'));
    if (!match) continue;
    const root = match[1] || '/';
    const at = (...parts: string[]) => path.join(root, ...parts);
    if (layout.distribution === 'debian') {
      // The options take a tree other than "/" (update-ca-certificates(8)); on "/" none is needed.
      const command =
        root === '/'
          ? ['update-ca-certificates']
          : [
              'update-ca-certificates',
              '--certsconf',
              at('etc', 'ca-certificates.conf'),
              '--certsdir',
              at('usr', 'share', 'ca-certificates'),
              '--localcertsdir',
              at('usr', 'local', 'share', 'ca-certificates'),
              '--etccertsdir',
              at('etc', 'ssl', 'certs'),
              '--hooksdir',
              at('etc', 'ca-certificates', 'update.d'),
            ];
      return {
        distribution: 'debian',
        resolved,
        root,
        anchorsDir: at('usr', 'local', 'share', 'ca-certificates', 'siem-doctor'),
        extension: '.crt',
        command,
      };
    }
    return {
      distribution: 'rhel',
      resolved,
      root,
      anchorsDir: at('etc', 'pki', 'ca-trust', 'source', 'anchors'),
      extension: '.pem',
      command: ['update-ca-trust', 'extract'],
    };
  }
  return undefined;
}

/** The PEM files the plan writes: one per certificate, named by its alias. */
export function anchorFiles(
  store: ManagedStore,
  add: readonly { alias: string; der: Buffer }[],
): { file: string; pem: string }[] {
  return add.map(({ alias, der }) => ({
    file: path.join(store.anchorsDir, `${alias.replace(/[^a-z0-9._-]/gi, '_')}${store.extension}`),
    pem: `-----BEGIN CERTIFICATE-----\n${der
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n')}\n-----END CERTIFICATE-----\n`,
  }));
}

/**
 * Writes the PEM files and runs the distribution's tool; returns what the tool said. A folder or
 * file that cannot be written is a FileError naming it; a tool that is not installed is a run that
 * did not succeed, with the reason as its output.
 */
export async function applyManagedPlan(
  store: ManagedStore,
  files: readonly { file: string; pem: string }[],
): Promise<{ ok: boolean; output: string }> {
  const [{ mkdir, writeFile }, { fileProblem, FileError }] = await Promise.all([
    import('node:fs/promises'),
    import('../errors.js'),
  ]);
  await mkdir(store.anchorsDir, { recursive: true }).catch((error: unknown) => {
    throw new FileError(fileProblem(error, store.anchorsDir));
  });
  for (const f of files) {
    await writeFile(f.file, f.pem, { mode: 0o644 }).catch((error: unknown) => {
      throw new FileError(fileProblem(error, f.file));
    });
  }
  const { execa } = await import('execa');
  // never killed half-way, even when this process ends first: a store rebuilt in part is worse
  // than one rebuilt a moment late
  const result = await execa(store.command[0]!, store.command.slice(1), {
    reject: false,
    all: true,
    cleanup: false,
  });
  const said = result.all || (result.failed ? result.shortMessage : '') || '';
  return { ok: !result.failed && result.exitCode === 0, output: said.slice(0, 2000) };
}
