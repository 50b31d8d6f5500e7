// The modules scripts/entry.js generates at build time.
declare module 'siem-doctor:commands' {
  import type { Command } from '@oclif/core';
  export const COMMANDS: Record<string, Command.Class>;
}

declare module 'siem-doctor:bundle' {
  import type { Interfaces } from '@oclif/core';
  export const pjson: Interfaces.PJSON;
  export const manifest: Interfaces.Manifest;
}
