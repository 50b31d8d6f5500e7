// The one start-up path of both forms, the npm package (bin/run.js) and the single-file executable
// (src/sea.ts). oclif normally finds a CLI on disk: package.json, oclif.manifest.json and a
// commands folder. An executable has no files beside it, so oclif is given all three here instead:
// the package.json and the manifest as objects (read from disk by bin/run.js, bundled into the
// executable), and the commands as the table the build generates from src/commands/** (and the
// bundled plugins' commands), `COMMANDS` of the build's entry. oclif still loads only the command
// asked for: the manifest answers --help and flag parsing; a command class is taken from the table
// when it runs. Bundled together with oclif (scripts/build.js), start-up reads a few files instead
// of some 150 modules.
import { execute, type Command, type Interfaces } from '@oclif/core';
import { createRedactor, secretsFromArgv } from './render/redact.js';

export { createRedactor, secretsFromArgv };

export interface Bundle {
  /** Where oclif keeps the CLI: the package's folder, or the executable's. */
  root: string;
  pjson: Interfaces.PJSON;
  manifest: Interfaces.Manifest;
  commands: Record<string, Command.Class>;
}

/** The root plugin, made from what it is given instead of what it would find on disk. */
class BundledPlugin implements Interfaces.Plugin {
  _base: string;
  alias: string;
  commandIDs: string[];
  commands: Command.Loadable[];
  commandsDir = undefined;
  hasManifest = true;
  hooks = {};
  isRoot = true;
  moduleType = 'module' as const;
  name: string;
  options: Interfaces.Options;
  pjson: Interfaces.PJSON;
  root: string;
  type = 'core';
  valid = true;
  version: string;
  private readonly table: Record<string, Command.Class>;

  constructor({ root, pjson, manifest, commands }: Bundle) {
    this.root = root;
    this.pjson = pjson;
    this.options = { root, pjson, isRoot: true };
    this.name = pjson.name;
    this.alias = pjson.name;
    this.version = pjson.version;
    this._base = `${pjson.name}@${pjson.version}`;
    this.table = commands;
    this.commandIDs = Object.keys(manifest.commands);
    this.commands = Object.entries(manifest.commands)
      .map(([id, cached]) => ({
        ...cached,
        load: async () => this.findCommand(id, { must: true }),
        pluginAlias: this.alias,
        pluginType: this.type,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  get topics(): Interfaces.Topic[] {
    return Object.entries(this.pjson.oclif.topics ?? {}).map(([name, topic]) => ({ ...topic, name }));
  }

  findCommand(id: string, opts: { must: true }): Promise<Command.Class>;
  findCommand(id: string, opts?: { must: boolean }): Promise<Command.Class> | undefined;
  findCommand(id: string, opts?: { must: boolean }): Promise<Command.Class> | undefined {
    const command = this.table[id];
    if (!command) {
      return opts?.must ? Promise.reject(new Error(`command ${id} not found`)) : undefined;
    }
    command.id = id;
    command.plugin = this;
    return Promise.resolve(command);
  }

  async load(): Promise<void> {
    // everything was given to the constructor
  }
}

export async function main(bundle: Bundle, args = process.argv.slice(2)): Promise<void> {
  // Last resort: an exception that escapes every check (a socket callback, say) still ends in one
  // redacted line, never a stack trace. SIEM_DOCTOR_DEBUG=1 shows the stack for a bug report.
  const last = (error: unknown) => {
    const redactor = createRedactor(secretsFromArgv(args, process.env));
    const line = String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
    process.stderr.write(`Error: unexpected failure: ${redactor.text(line)}\n`);
    if (process.env.SIEM_DOCTOR_DEBUG) {
      process.stderr.write(`${redactor.text(String((error as Error | undefined)?.stack ?? ''))}\n`);
    }
    process.exit(1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  const plugin = new BundledPlugin(bundle);
  await execute({
    args,
    loadOptions: { root: bundle.root, pjson: bundle.pjson, plugins: new Map([[plugin.name, plugin]]) },
  });
}
