#!/usr/bin/env node
// Development entry: like run.js, without the manifest, so a renamed flag shows at once after
// `node scripts/build.js`.
const { execute } = await import('../dist/main.js');
await execute({ development: true, dir: import.meta.url });
