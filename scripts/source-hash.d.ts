// Types of source-hash.js, for the tests' global setup (TypeScript) that imports it.
export const RECORD: string;
export interface SourceHashOptions {
  dirs?: string[];
  extra?: string[];
}
export function sourceHash(root: string, options?: SourceHashOptions): string;
export function recordSourceHash(root: string, dist: string, options?: SourceHashOptions): void;
export function staleBuild(root: string, dist: string, options?: SourceHashOptions): string | undefined;
