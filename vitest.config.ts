import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // @oclif/test's runCommand captures stdout itself; vitest must not intercept console first.
    disableConsoleIntercept: true,
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
