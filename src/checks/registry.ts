// The checks siem-doctor runs, in report order. Explicit on purpose: no discovery, no globbing.
import { javaRuntime } from './java-runtime.js';
import { lifecycle } from './lifecycle.js';
import type { Check } from './types.js';

export const CHECKS = [javaRuntime, lifecycle] as const satisfies readonly Check[];

export type RegisteredCheckId = (typeof CHECKS)[number]['id'];
