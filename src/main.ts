// The entry that bin/run.js loads. Bundled with oclif itself (scripts/build.js), so start-up reads
// a few files instead of some 150 modules.
export { execute } from '@oclif/core/execute';
export { createRedactor, secretsFromArgv } from './render/redact.js';
