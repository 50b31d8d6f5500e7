import { defineConfig } from 'vitest/config';

export default defineConfig({
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
