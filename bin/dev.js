#!/usr/bin/env node
// Development entry: runs the compiled commands without the manifest (run `npm run build` first).
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
