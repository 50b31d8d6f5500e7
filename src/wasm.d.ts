// A WebAssembly module imported as its bytes: esbuild's 'binary' loader (scripts/build.js) and
// the same in vitest.config.ts.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}

// The part of the WebAssembly API the fast lane uses (TypeScript's ES libraries do not declare it).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
  class Global {
    readonly value: number;
  }
}
