#!/usr/bin/env node
// Development entry: oclif's own discovery (package.json's explicit command table), without the
// manifest, so a renamed flag shows at once after `node scripts/build.js`.
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
