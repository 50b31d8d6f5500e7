import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // `import bytes from './x.wasm'`, as esbuild's 'binary' loader does in the build (which
      // also compiles src/syslog/assembly/scanner.wasm: run it before the tests)
      name: 'wasm-bytes',
      enforce: 'pre',
      load(id) {
        if (!id.endsWith('.wasm')) return null;
        const base64 = readFileSync(id).toString('base64');
        return `export default new Uint8Array(Buffer.from(${JSON.stringify(base64)}, 'base64'));`;
      },
    },
  ],
  test: {
    // @oclif/test's runCommand captures stdout itself; vitest must not intercept console first.
    disableConsoleIntercept: true,
    include: ['test/**/*.test.ts'],
    // The tests and every process they start speak English, whatever the machine's language.
    env: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C.UTF-8' },
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/per-file.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
