// The modules both builds share (scripts/build.js for the npm form, scripts/dist.js for the
// executables), made at build time so that no list of commands is kept by hand:
// - `siem-doctor:commands` exports COMMANDS, oclif's explicit command table (id → class): every
//   file under src/commands (certs/list.ts is `certs:list`), then the commands of the plugins we
//   bundle, read from each plugin's own manifest. A command added under src/commands is in both
//   forms at the next build.
// - `siem-doctor:bundle` (executables only) exports the package.json and oclif.manifest.json the
//   executable carries instead of reading them beside itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

/** Plugins whose commands are bundled like our own: `help [COMMAND]` and shell completion. */
const PLUGINS = ['@oclif/plugin-help', '@oclif/plugin-autocomplete'];

function commandFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? commandFiles(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

function commandId(relative) {
  const parts = relative.replace(/\.(ts|js)$/, '').split(/[\\/]/);
  if (parts.at(-1) === 'index') parts.pop();
  return parts.join(':');
}

/** [id, absolute file] of every command, ours first. */
export function commandModules() {
  const dir = path.join(src, 'commands');
  const ours = commandFiles(dir).map((file) => [commandId(path.relative(dir, file)), file]);
  const theirs = PLUGINS.flatMap((name) => {
    const pluginRoot = path.join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(path.join(pluginRoot, 'oclif.manifest.json'), 'utf8'));
    return Object.entries(manifest.commands).map(([id, c]) => [id, path.join(pluginRoot, ...c.relativePath)]);
  });
  return [...ours, ...theirs];
}

function commandsModule() {
  const modules = commandModules();
  return [
    ...modules.map(([, file], i) => `import C${i} from ${JSON.stringify(file)};`),
    'export const COMMANDS = {',
    ...modules.map(([id], i) => `  ${JSON.stringify(id)}: C${i},`),
    '};',
  ].join('\n');
}

/** An esbuild plugin that serves the generated modules. */
export function entryModules({ bundle } = {}) {
  return {
    name: 'siem-doctor-entry',
    setup(build) {
      build.onResolve({ filter: /^siem-doctor:(commands|bundle)$/ }, (args) => ({
        path: args.path,
        namespace: 'siem-doctor',
      }));
      build.onLoad({ filter: /.*/, namespace: 'siem-doctor' }, (args) => {
        if (args.path === 'siem-doctor:commands') {
          return { contents: commandsModule(), loader: 'js', resolveDir: src };
        }
        if (!bundle) throw new Error('siem-doctor:bundle is only for the executables');
        return {
          contents: `export const pjson = ${JSON.stringify(bundle.pjson)};\nexport const manifest = ${JSON.stringify(bundle.manifest)};\n`,
          loader: 'js',
        };
      });
    },
  };
}
