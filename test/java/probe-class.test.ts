// The shipped probe bytes (src/java/probe-class.ts) are exactly what the source compiles to: javac
// --release 8 (class file version 52, runs on every JRE 8+), recompiled here with the machine's
// javac 17 and the same flags (scripts/build-probe.js). javac's output is deterministic for one
// javac version and these flags (-g:none: no debug tables), so the bytes are compared as they are.
import { describe, expect, it } from 'vitest';
import { PROBE_CLASS_BASE64 } from '../../src/java/probe-class.js';
// @ts-expect-error -- a plain JavaScript build script, no types
import { compileProbe } from '../../scripts/build-probe.js';

describe('the JVM probe class', () => {
  const shipped = Buffer.from(PROBE_CLASS_BASE64, 'base64');

  it('is a Java 8 class file (major version 52)', () => {
    expect(shipped.readUInt32BE(0)).toBe(0xcafebabe);
    expect(shipped.readUInt16BE(6)).toBe(52);
  });

  it('is byte for byte what its source compiles to', () => {
    const compiled = (compileProbe as () => Buffer)();
    expect(compiled.equals(shipped)).toBe(true);
  }, 30_000);
});
