// Facts several checks need, gathered once per run and shared (java-runtime, java-tls and
// java-certs look at the same JRE; syslog-connection and syslog-send at the same server).
// Tests hand in their own.
import type net from 'node:net';
import type { JavaLookup } from '../probes/java.js';
import type { JvmProbe } from '../probes/jvm.js';
import type { ResolvedAddress, Resolution } from '../probes/dns.js';
import type { TcpOutcome } from '../probes/tcp.js';
import type { PortalProbe } from '../probes/portal.js';
import type { DoctorConfig } from '../config/resolve.js';

export interface SyslogConnection {
  target: ResolvedAddress;
  outcome: TcpOutcome;
}

/**
 * A session fact: something open (a socket) that one check hands to another, with its own
 * lifetime. It is held from `hold()` until a check `take()`s it (the taker then closes it) or
 * the facts are disposed, which closes whatever is still held. One hand-over, never shared.
 */
export class Held<T extends { destroy(): unknown }> {
  #value: T | undefined;
  hold(value: T): void {
    this.#value?.destroy();
    this.#value = value;
  }
  /** The held value, handed over once; later callers get undefined and open their own. */
  take(): T | undefined {
    const taken = this.#value;
    this.#value = undefined;
    return taken;
  }
  close(): void {
    this.take()?.destroy();
  }
}

export interface Facts {
  java(): Promise<JavaLookup>;
  /**
   * The agent's own JVM asked directly (src/probes/jvm.ts): one JVM start per run, with the agent's
   * -D options and the launcher variables, shared by java-certs and java-tls; with --portal-url it
   * includes that JVM's own handshake with the portal (through the proxy when one is set).
   */
  jvm(): Promise<JvmProbe>;
  /** Forgets the JVM's answer, after a fix changed its trust store: the next jvm() asks again. */
  forgetJvm(): void;
  /** The SIEM server's addresses; only asked for when a host is configured. */
  syslogAddresses(): Promise<Resolution>;
  /**
   * One TCP connection to the SIEM server's first address. The connection check opens it and the
   * send check writes on it: a listener that serves a single connection (`ncat -l`, the docs'
   * recovery procedure) is not used up by the probe.
   */
  syslogConnection(signal?: AbortSignal): Promise<SyslogConnection | undefined>;
  /**
   * The open socket of syslogConnection (a session fact): syslog-connection opens it, syslog-send
   * takes it and writes the test event on it; dispose() closes it when nobody took it.
   */
  readonly syslogSocket: Held<net.Socket>;
  /**
   * The layered probe of the portal (through the proxy when one is set), shared by the portal,
   * proxy and token checks; undefined without --portal-url. The token goes along only when it is
   * well formed.
   */
  portal(): Promise<PortalProbe | undefined>;
  /** Closes what the checks left open. */
  dispose(): void;
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}

export function gatherFacts(config: DoctorConfig, env: NodeJS.ProcessEnv, toolVersion = '0.0.0'): Facts {
  // Probes are imported when a fact is first asked for: start-up loads none of them.
  const syslogAddresses = once(async () =>
    (await import('../probes/dns.js')).resolveHost(config.syslogHost ?? '', config.timeoutMs),
  );
  const syslogSocket = new Held<net.Socket>();
  let connection: Promise<SyslogConnection | undefined> | undefined;
  const java = once(async () =>
    (await import('../probes/java.js')).locateJava({
      javaHome: config.javaHome,
      javaHomeSource: config.javaHomeSource,
      env,
    }),
  );
  let jvmAnswer: Promise<JvmProbe> | undefined;
  // A dead portal costs --timeout, counted from the start of the run, JVM start included.
  let deadline = Date.now() + config.timeoutMs;
  const askJvm = async (): Promise<JvmProbe> => {
    const found = await java();
    if (!found.found) return { ran: false, reason: 'no-java' };
    const [{ runJvmProbe }, { propertyOptions }] = await Promise.all([
      import('../probes/jvm.js'),
      import('../trust/truststore.js'),
    ]);
    const url = config.portalUrl;
    return runJvmProbe({
      javaBin: found.javaBin,
      // --keystore names the agent's store: the JVM is asked with that store.
      options: [
        ...propertyOptions(config.agentJavaOptions),
        ...(config.keystore ? [`-Djavax.net.ssl.trustStore=${config.keystore}`] : []),
      ],
      env,
      ...(url && { portal: { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) } }),
      ...(config.proxy && { proxy: config.proxy }),
      timeoutMs: config.timeoutMs,
      deadline,
    });
  };
  return {
    java,
    jvm: () => (jvmAnswer ??= askJvm()),
    forgetJvm() {
      jvmAnswer = undefined;
      deadline = Date.now() + config.timeoutMs;
    },
    syslogAddresses,
    syslogConnection(signal) {
      connection ??= (async () => {
        const resolved = await syslogAddresses();
        if (!resolved.ok || !config.syslogPort) return undefined;
        const target = resolved.addresses[0]!;
        const { connectTcp } = await import('../probes/tcp.js');
        const outcome = await connectTcp(target.address, config.syslogPort, config.timeoutMs, signal, {
          halfOpen: true,
        });
        if (outcome.ok) {
          // Until someone writes on it, an error is only remembered (socket.errored), never thrown,
          // and the socket is read so that a server's early close shows as readableEnded.
          outcome.socket.on('error', () => undefined);
          outcome.socket.on('data', () => undefined);
          syslogSocket.hold(outcome.socket);
        }
        return { target, outcome };
      })();
      return connection;
    },
    portal: once(async () => {
      if (!config.portalUrl) return undefined;
      const [{ probePortal }, { trustAnchors }, { tokenProblem }] = await Promise.all([
        import('../probes/portal.js'),
        import('../probes/tls.js'),
        import('../config/token-shape.js'),
      ]);
      const token = config.token !== undefined && !tokenProblem(config.token) ? config.token : undefined;
      // A Java 8 agent speaks TLS 1.2 by default: the portal is asked that way too, once the Java
      // is known (finding it may start a JVM: the agent's own path is not held up by it).
      return probePortal({
        alsoTls12: java().then((found) => found.found && found.version.major === 8),
        url: config.portalUrl,
        ...(config.proxy && { proxy: config.proxy }),
        ...(token !== undefined && { token }),
        ca: trustAnchors(config.extraCAs),
        timeoutMs: config.timeoutMs,
        userAgent: `siem-doctor/${toolVersion}`,
      });
    }),
    syslogSocket,
    dispose() {
      syslogSocket.close();
    },
  };
}
