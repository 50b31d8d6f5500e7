// Facts several checks need, gathered once per run and shared (java-runtime, java-tls and
// java-certs all look at the same JRE). Tests hand in their own.
import { locateJava, type JavaLookup } from '../probes/java.js';
import type { DoctorConfig } from '../config/resolve.js';

export interface Facts {
  java(): Promise<JavaLookup>;
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}

export function gatherFacts(config: DoctorConfig, env: NodeJS.ProcessEnv): Facts {
  return {
    java: once(() => locateJava({ javaHome: config.javaHome, javaHomeSource: config.javaHomeSource, env })),
  };
}
