// The flags shared by `check` and the commands that probe (SPEC.md). Values arrive as strings and
// are validated in one place, resolve.ts, so that a config file gets exactly the same checks.
import * as Flags from '@oclif/core/flags';

export const connectionFlags = {
  token: Flags.string({ description: 'the SIEM agent token', env: 'SIEM_DOCTOR_TOKEN', helpValue: 'TOKEN' }),
  proxy: Flags.string({
    description: 'the proxy exactly as the agent takes it',
    helpValue: 'ADDRESS[:PORT]',
  }),
  'portal-url': Flags.string({
    description: 'tenant portal, e.g. https://contoso.us3.portal.cloudappsecurity.com',
    env: 'SIEM_DOCTOR_PORTAL_URL',
    helpValue: 'URL',
  }),
  'syslog-host': Flags.string({ description: 'the SIEM / syslog server', helpValue: 'HOST' }),
  'syslog-port': Flags.string({ description: 'its port', helpValue: 'PORT' }),
  protocol: Flags.string({ description: 'its protocol [default: tcp]', options: ['tcp', 'udp'] }),
  'java-home': Flags.string({ description: 'the JRE the agent runs on', env: 'JAVA_HOME', helpValue: 'DIR' }),
  keystore: Flags.string({
    description: "trust store to inspect [default: the JRE's cacerts]",
    helpValue: 'FILE',
  }),
  storepass: Flags.string({
    description: 'keystore password [default: changeit]',
    env: 'SIEM_DOCTOR_STOREPASS',
    helpValue: 'PASS',
  }),
  'logs-directory': Flags.string({
    description: "the agent's log directory",
    aliases: ['logsDirectory'],
    helpValue: 'DIR',
  }),
  'ca-file': Flags.string({
    description: "extra CA(s) trusted by the doctor's own TLS probes",
    helpValue: 'PEM',
  }),
  timeout: Flags.string({
    description: 'budget for each network probe, in seconds [default: 5]',
    helpValue: 'SECONDS',
  }),
  config: Flags.string({
    description: 'JSON config file with the same keys; flags win over env, env over file',
    env: 'SIEM_DOCTOR_CONFIG',
    helpValue: 'FILE',
  }),
};

/** What the certs commands take: the JRE and its keystore, and the way to the portal's chain. */
export const trustFlags = {
  'java-home': connectionFlags['java-home'],
  keystore: connectionFlags.keystore,
  storepass: connectionFlags.storepass,
  'portal-url': connectionFlags['portal-url'],
  proxy: connectionFlags.proxy,
  'ca-file': connectionFlags['ca-file'],
  timeout: connectionFlags.timeout,
  config: connectionFlags.config,
};
