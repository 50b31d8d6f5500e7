// English texts: the reference message file. fr.ts and nl.ts must hold every key of it (the type
// says so, and test/catalog/catalog.test.ts proves the placeholders match).
// Placeholders are {name}; backticks mark commands a user can copy. A count is never put before a
// noun bare: it chooses a plural form, `{count, plural, one {# check} other {# checks}}` (index.ts
// `fill`; each language has its own forms, chosen by its own rules — French counts 0 as one).
import type { DocumentedError } from './documented-errors.js';
import type { Lang } from './index.js';
import type { CheckId } from '../checks/ids.js';

export const en = {
  // every word (#12): the language whose plural rules choose the forms below
  lang: 'en',
  documentedErrors: {
    'General error during bootstrap': {
      description:
        'The agent stopped while starting, before it talked to the portal: usually its Java runtime is missing, too old or broken, or the jar or its logs folder cannot be used.',
      resolution: [
        'Run `siem-doctor check` on the agent server and mend every Java check that fails first.',
        'Start the agent by hand in a console (`java -jar mcas-siemagent-<version>-signed.jar --token …`) to read the whole error.',
        'Make sure the folder given with --logsDirectory exists and that the account running the agent may write in it.',
        'Download the agent again from the portal; if it still fails, open a support case and attach `siem-doctor bundle`.',
      ],
    },
    'Too many critical errors': {
      description:
        'The agent gave up after failing again and again to work with the portal, and shut itself down.',
      resolution: [
        'Run `siem-doctor check`: the first failing check among java-tls, java-certs, proxy, portal and token is the cause.',
        'Mend that cause, then start the agent again.',
        'If every check passes and the agent still stops, open a support case and attach `siem-doctor bundle`.',
      ],
    },
    'Invalid token': {
      description: 'The portal refused the token the agent was started with, or the agent could not read it.',
      resolution: [
        'Copy the token again from the portal (Settings → Cloud Apps → SIEM agents) with no spaces, quotes or line breaks around it; tokens are case-sensitive.',
        'If the token was regenerated, only the newest one works: restart the agent with it.',
        'If the person who created the agent has left or lost their role, have an administrator regenerate the token.',
      ],
    },
    'Invalid proxy address': {
      description:
        'The --proxy value is not a host and port the agent can use, or that proxy cannot be reached.',
      resolution: [
        'Give the proxy as host or IP address and port only, without http:// and without credentials, e.g. `--proxy proxy.contoso.local:8080` (IPv6 in brackets: `[2001:db8::1]:8080`).',
        'Make sure the name resolves and the proxy accepts connections from the agent server.',
        'The agent cannot log in to a proxy: let the agent server through without authentication, and allow CONNECT to the tenant portal on port 443.',
      ],
    },
    'Internal error': {
      description: 'Something failed inside the agent or the service that neither side could name.',
      resolution: [
        'Restart the agent and watch whether the notification comes back.',
        'If it does, open a support case and attach `siem-doctor bundle`.',
      ],
    },
    'Data server send error': {
      description:
        'The agent reached the SIEM server over TCP but could not write the events: the connection was reset, closed or stopped taking data. The agent stops pulling new events until this is mended.',
      resolution: [
        'Check that the port and protocol set in the portal match the SIEM input that listens there.',
        'Look at the SIEM input: TLS-only inputs, connection limits or sender allow-lists close plain TCP connections.',
        'Reproduce it at will with `siem-doctor syslog send-test` and watch the SIEM.',
      ],
    },
    'Data server connection error': {
      description:
        'The agent cannot open a TCP connection to the SIEM server. The agent stops pulling new events until this is mended.',
      resolution: [
        'In the portal (Settings → Cloud Apps → SIEM agents → Edit), check the server name and port.',
        'Make sure the SIEM server listens on that port.',
        'Allow TCP from the agent server to the SIEM server on every firewall between them.',
      ],
    },
    'SIEM agent error': {
      description:
        'The portal has not heard from the agent for hours: the agent is stopped, or cannot reach the portal over HTTPS.',
      resolution: [
        'Make sure the agent process runs (scheduled task "MCAS SIEM Agent" on Windows, the service or screen session on Linux).',
        'Run `siem-doctor check --only portal,proxy,token` from the agent server to find where the HTTPS path breaks.',
        'Check that nobody changed or deleted the agent in the portal.',
      ],
    },
    'SIEM agent notification error': {
      description:
        'The agent reported errors while forwarding events to the SIEM server: a firewall, a changed SIEM address, or a Java update that broke its trust.',
      resolution: [
        'Run `siem-doctor check --only syslog-connection,syslog-send` to test the SIEM side.',
        'If the SIEM server changed address, update it in the portal.',
        'If Java was updated to 8u291 or later, run `siem-doctor check --only java-certs` and follow it.',
      ],
    },
    'Issue with new versions of Java': {
      description:
        'Since the April 2021 Java updates (8u291, 11.0.11) the agent’s Java cannot build a trusted path to the portal’s certificate with the CAs in its trust store.',
      resolution: [
        'Run `siem-doctor certs import`: it adds the CA certificates the portal’s chain needs, after a backup of the trust store.',
        'Do not rely on the eight certificates of the old instructions: four expired in June 2024 and the others in August 2026.',
        'Restart the agent so that Java reads the trust store again.',
      ],
    },
    'TLS 1.2 required': {
      description: 'The portal only speaks TLS 1.2 or newer, and the agent’s Java has TLS 1.2 turned off.',
      resolution: [
        'Remove TLSv1.2 from jdk.tls.disabledAlgorithms in the runtime’s java.security.',
        'Remove or correct -Djdk.tls.client.protocols and -Dhttps.protocols options that leave out TLSv1.2 (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS, the agent’s command line).',
        'Update Java 8 to a current update, where TLS 1.2 is on by default.',
      ],
    },
  } satisfies Record<DocumentedError, { description: string; resolution: string[] }>,

  checkTitles: {
    'java-runtime': 'Java runtime is present and supported',
    'java-tls': 'Java allows TLS 1.2',
    'java-certs': 'Java trusts the portal’s certificate',
    token: 'Agent token is accepted',
    proxy: 'Proxy is usable',
    portal: 'Tenant portal is reachable',
    'syslog-connection': 'SIEM server accepts connections',
    'syslog-send': 'SIEM server takes an event',
    'agent-logs': 'Agent logs hold no documented error',
    lifecycle: 'Agent support status',
  } satisfies Record<CheckId, string>,

  messages: {
    // config (#12 errors): settings, the config file, --output, --ca-file/--chain, --since, watch, init
    'config.error.subjectValue': '"{value}"',
    'config.error.subjectEnv': '{variable} "{value}"',
    'config.error.subjectAgent': 'the running agent\'s --{key} "{value}"',
    'config.error.subjectFile': '{key} "{value}" in {file}',
    'config.error.notJson': '{file} is not valid JSON ({where})',
    'json.at': 'line {line}, column {column}',
    'json.ends': 'it ends too early',
    'json.not': 'not JSON',
    'config.error.notObject': '{file} must hold a JSON object such as {example}',
    'config.error.unknownKey': '{file} has an unknown key "{key}"; known keys: {keys}',
    'config.error.keyType': '"{key}" in {file} must be a string or a number',
    'config.error.controls': '{subject} holds control characters',
    'config.error.notUrl':
      '{subject} is not a URL; give the tenant portal, e.g. https://contoso.us3.portal.cloudappsecurity.com',
    'config.error.httpsOnly': '{subject}: the portal answers on https:// only',
    'config.error.noHost': '{subject} names no host',
    'config.error.portZero': '{subject}: port 0 is not a port; leave it out (443) or give 1 to 65535',
    'config.error.hostScheme': '{subject}: give the host only, without a scheme',
    'config.error.hostPort': '{subject}: give the port with --syslog-port, not in the host',
    'config.error.host':
      '{subject} is not a host name or address: give a name such as siem.contoso.local (letters, digits and hyphens, at most 253 characters), an IPv4 address or an IPv6 address',
    'config.error.timeout':
      '{subject} must be a number of seconds from {min} to {max}, written plainly, e.g. --timeout 5 or --timeout 0.5',
    'config.error.noFile': '"{value}" names no file: give a file name, e.g. --output {example}',
    'config.error.noPem': '{file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
    'config.error.damagedPem': 'certificate {index} in {file} is damaged (not valid base64 DER)',
    'config.error.noAgent':
      'no running SIEM agent found (looked for java -jar mcas-siemagent*.jar); give its settings as flags instead',
    'config.error.proxy':
      '{subject}: {problem} (the agent would stop with "Invalid proxy address"); use ADDRESS[:PORT], e.g. proxy.contoso.local:8080',
    'config.error.port': '{subject} must be a whole number from 1 to 65535',
    'config.error.protocol': '{subject} must be tcp or udp',
    'config.error.append': '--append adds NDJSON lines to a file: use it with --format ndjson --output FILE',
    'config.error.sinceTooFar':
      '"{value}" goes further back than any date: give a shorter duration, e.g. 30d',
    'config.error.since':
      '"{value}" is neither a duration (30m, 2h, 7d, 1h30m) nor a time (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    'config.error.noLogsDirectory':
      "name the agent's log directory: siem-doctor logs DIR (or --logs-directory DIR)",
    'config.error.interval': '--interval: "{value}" is not a duration such as 30s, 5m or 1h',
    'config.error.warnShare': '--warn-share: "{value}" is not a number between 0 and 1',
    'config.error.noTerminal':
      'init asks questions and needs a terminal; without one, write the JSON config by hand (keys: {keys})',
    'config.error.portAnswer': 'a whole number from 1 to 65535',
    // what went wrong with a file (errors.ts fileProblem)
    'file.missing': '{file} does not exist',
    'file.rights':
      "{file} cannot be read or written with this account's rights (run as Administrator/root, or choose another file)",
    'file.folder': '{file} is a folder, not a file',
    'file.notFolder': '{file}: a part of that path is not a folder',
    'file.full': '{file}: no space left on the device',
    'file.readOnly': '{file}: the file system is mounted read-only',
    'file.other': '{file}: {reason}',
    'file.notRegular': '{kind}, not a file to read',
    'file.kind.fifo': 'a FIFO (named pipe)',
    'file.kind.device': 'a device',
    'file.kind.socket': 'a socket',
    'file.kind.folder': 'a folder',
    'file.kind.other': 'not a regular file',
    'file.tooBig': 'more than {mb} MB, far larger than any keystore or certificate file',
    'logs.error.directory': 'cannot read the logs directory {dir} ({errno})',
    // oclif's parse errors, said in another language (English keeps oclif's own line)
    'parse.unknownFlag': 'Nonexistent flag: {flags}',
    'parse.missingFlag': 'Missing required flag {flag}',
    'parse.oneOf': 'Expected {flag}={value} to be one of: {options}',
    'parse.integer': 'Parsing {flag}: Expected an integer but received: {value}',
    'parse.integerMin':
      'Parsing {flag}: Expected an integer greater than or equal to {min} but received: {value}',
    'parse.integerMax':
      'Parsing {flag}: Expected an integer less than or equal to {max} but received: {value}',
    'parse.dependsOn': 'All of the following must be provided when using {flag}: {needs}',
    'parse.needsValue': 'Flag {flag} expects a value',
    'parse.unexpected': 'Unexpected argument: {args}',
    // the error line of a run that stops (command-base.ts)
    'error.line': 'Error: {message}',
    'error.about': '{input}: {message}',
    'error.unexpected': 'unexpected failure: {reason}',
    'error.seeHelp': '{message} (see --help)',
    'ui.status.pass': 'PASS',
    'ui.status.warn': 'WARN',
    'ui.status.fail': 'FAIL',
    'ui.status.skip': 'SKIP',
    'ui.status.error': 'ERROR',
    'ui.documentedError': 'Documented error',
    'ui.evidence': 'Evidence',
    'ui.resolution': 'Resolution',
    'ui.reproduce': 'Reproduce',
    'ui.summary':
      '{pass} passed, {warn, plural, one {# warning} other {# warnings}}, {fail} failed, {skip} skipped, {error, plural, one {# error} other {# errors}} in {ms} ms',
    'ui.running': 'Running {count, plural, one {# check} other {# checks}}…',
    'ui.reportWritten': 'Report written to {file}',

    'run.skippedDependency': 'not run: {dependency} did not pass ({status})',
    'run.timedOut': 'did not finish within {seconds} s and was stopped',
    'run.crashed': 'the check itself failed: {detail}',

    // evidence sentences (#12): said in the report's language, like the message
    'evidence.judgedBy.jvm': 'the JVM at {home} (Java {version}, {ms} ms)',
    'evidence.judgedBy.noJava': 'the offline model (no Java runtime found to ask)',
    'evidence.judgedBy.jvmFailed': 'the offline model (the JVM could not run here: {detail})',
    'evidence.judgedBy.jvmNoAnswer': 'the offline model (the JVM could not run here: no answer)',
    'evidence.judgedBy.storeOnly': 'the offline model, on the store {java} uses (no portal handshake)',
    'evidence.judgedBy.notTrust':
      "the offline model (the JVM's handshake failed for a reason that is not trust: see java-tls and portal)",
    'evidence.judgedBy.notAsked': 'the offline model (the JVM could not be asked)',
    'evidence.tls12Unconfirmed':
      'could not confirm whether the portal accepts TLS 1.2: the handshake with TLS 1.2 at most ended with {code}, not with the server refusing the version',
    'evidence.trustStore': '{path} ({type}, chosen by {how})',
    'evidence.knownCa': '{alias}: {name} (until {date})',
    'evidence.route.via': 'via {proxy}',
    'evidence.route.direct': 'direct',
    // framework (#12): fixes, the bundle's receipt, the JRE --from-process judges
    'fix.line': 'fix {id}: {message}',
    'fix.none': 'no automatic fix for this finding: follow the resolution steps',
    'fix.declined': 'not applied: {fix}',
    'fix.failed': 'failed, nothing changed: {detail}',
    'fix.describeTimedOut': 'not applied: preparing the fix took longer than {seconds} s and was stopped',
    'fix.applyTimedOut':
      'stopped after {seconds} s while being applied: it may be done or not; run the check again to see',
    'bundle.written':
      'Support bundle written to {file} ({bytes, plural, one {# byte} other {# bytes}}, secrets redacted)',
    'java.namedNotAgentJava':
      '{vendor} {version} in {agentHome} is the Java the running agent uses, and is the one judged here; {source} names {home}, which the agent does not run on (an update may have moved it): leave it out, or point it at {agentHome}',

    'java.found': '{vendor} Java {version} at {home} (found through {source})',
    'java.foundModern':
      '{vendor} Java {version} at {home} (found through {source}); this update turns TLS 1.0 and 1.1 off, so the agent needs TLS 1.2 and current CA certificates',
    'java.tooOld': 'Java {version} at {home} is older than Java 8; the agent does not run on it',
    'java.notFound':
      'no Java runtime found: neither --java-home nor JAVA_HOME is set and there is no java on PATH',
    'java.homeMissing': '{home} (from {source}) holds no bin/java',
    'java.versionUnknown': 'could not read the version of the Java at {home}: {detail}',
    'java.fix.install':
      'Install Java 8 or newer on the agent server, e.g. `apt-get install openjdk-17-jre-headless`, or the Microsoft Build of OpenJDK on Windows.',
    'java.fix.point': 'Point siem-doctor at the runtime the agent uses: --java-home DIR (or JAVA_HOME).',
    'java.fix.upgrade': 'Install a current Java 8, 11, 17 or 21 update and start the agent with it.',
    'java.fix.homeMissing':
      'Set JAVA_HOME (or --java-home) to the folder that holds bin/java, not to bin itself nor to the java file.',
    'java.fix.reinstall': 'This runtime looks damaged: reinstall it, or point --java-home at a working one.',

    'lifecycle.deprecated':
      'the SIEM agent is deprecated since November 2025 and no new agent can be created since 19 June 2025; this agent keeps running until you move away from it',
    'lifecycle.fix.activities':
      'Activities: stream them with the Microsoft Defender XDR streaming API (to Event Hubs or a storage account).',
    'lifecycle.fix.alerts': 'Alerts: read them from the Microsoft Graph security API (alerts_v2).',
    'lifecycle.fix.sentinel':
      'Microsoft Sentinel: use the Microsoft Defender XDR data connector instead of the agent.',

    'portal.noUrl':
      'not run: no portal URL given (use --portal-url https://<tenant>.<region>.portal.cloudappsecurity.com)',
    'portal.dnsFailed': 'the portal name {host} does not resolve ({code})',
    'portal.refused': 'connection to {host}:{port} refused ({address}): nothing answers HTTPS there',
    'portal.timedOut':
      'connection to {host}:{port} got no answer within {seconds} s: a firewall is probably dropping outbound HTTPS',
    'portal.tcpFailed': 'connection to {host}:{port} failed ({code})',
    'portal.tlsVersion':
      '{host} would not negotiate TLS 1.2 or newer ({code}); the agent needs TLS 1.2 at least',
    'portal.tlsFailed': 'the TLS handshake with {host} failed ({code}: {detail})',
    'portal.inspection':
      'TLS inspection suspected: {host} presented a certificate issued by “{issuer}” ({organization}), not by Microsoft or DigiCert',
    'portal.untrusted':
      'the certificate chain served by {host} does not lead to a CA this machine trusts ({code})',
    'portal.expired': 'the certificate served by {host} expired on {date}',
    'portal.notYetValid':
      'the certificate served by {host} is valid only from {date}: check this machine’s clock',
    'portal.hostname': 'the certificate served is not for {host} ({detail})',
    'portal.httpFailed': '{host} completed TLS but gave no HTTP answer ({code})',
    'portal.warn.skew':
      'this machine’s clock is {minutes, plural, one {# minute} other {# minutes}} off the portal’s',
    'portal.warn.generic':
      'portal.cloudappsecurity.com is the generic name, which spreads requests over back ends and gives spurious 401s',
    'portal.warn.unknownHost': '{host} is not a Defender for Cloud Apps tenant host name',
    'portal.fix.url':
      'Use the tenant URL shown in the portal under Settings → About, e.g. https://contoso.us3.portal.cloudappsecurity.com.',
    'portal.fix.dns':
      'Make the name resolve on the agent server (DNS), or give the proxy the agent uses with --proxy.',
    'portal.fix.firewall':
      'Allow outbound HTTPS (443) from the agent server to the tenant host, including the Azure Front Door ranges 13.107.219.0/24, 13.107.227.0/24, 13.107.228.0/24, 13.107.229.0/24 and 150.171.97.0/24.',
    'portal.fix.proxyNeeded':
      'If this network only reaches the Internet through a proxy, start the agent with --proxy ADDRESS:PORT (it ignores HTTPS_PROXY).',
    'portal.fix.tlsPath':
      'Something on the path (proxy, firewall, load balancer) is speaking old TLS in the portal’s place: let the agent reach the portal without it.',
    'portal.fix.inspection':
      'Exempt the agent server or the tenant host from TLS inspection: the agent needs the genuine Microsoft certificate, and importing Azure CAs into Java will not help.',
    'portal.fix.untrusted':
      'Compare the chain in the evidence with what a browser on another network sees; if only this network differs, something intercepts the connection.',
    'portal.fix.clock':
      'Set this machine’s clock right (NTP): certificates and tokens are checked against it.',
    'portal.fix.hostname':
      'A certificate for another name means the connection reached another server: check DNS, hosts file and any TLS-inspecting proxy.',
    'portal.fix.retry':
      'Try again; if it keeps failing, look at the proxy or load balancer between this server and the portal.',
    'proxy.none': 'not run: no proxy given, the agent connects directly',
    'proxy.noneButEnv':
      'not run: no --proxy given; {variable} is set, but the agent ignores it and connects directly',
    'proxy.dnsFailed': 'the proxy name {host} does not resolve ({code})',
    'proxy.refused': 'connection to the proxy {proxy} refused: nothing listens there',
    'proxy.timedOut': 'the proxy {proxy} did not answer within {seconds} s',
    'proxy.tcpFailed': 'connection to the proxy {proxy} failed ({code})',
    'proxy.ok': '{proxy} tunnels CONNECT {target} (HTTP 200) in {ms} ms',
    'proxy.okPortAssumed':
      '{proxy} tunnels CONNECT {target} (HTTP 200) in {ms} ms; no port was given, so the agent assumes 8080',
    'proxy.untested': '{proxy} accepts connections; CONNECT was not tried because no portal URL was given',
    'proxy.auth': 'the proxy {proxy} wants credentials (HTTP 407, {scheme}), which the agent cannot give',
    'proxy.forbidden':
      'the proxy {proxy} refuses CONNECT to {target} (HTTP 403): its policy blocks the portal',
    'proxy.upstream': 'the proxy {proxy} could not reach {target} itself (HTTP {status})',
    'proxy.status': 'the proxy {proxy} answered CONNECT {target} with HTTP {status} {text}',
    'proxy.connectTimedOut':
      'the proxy {proxy} took the connection but did not answer CONNECT within {seconds} s',
    'proxy.notHttp': '{proxy} did not answer as an HTTP proxy ({code})',
    'proxy.fix.auth':
      'Let the agent server through the proxy without authentication (an exception by source address), for the tenant host on port 443.',
    'proxy.fix.allow': 'Allow CONNECT to the tenant host on port 443 in the proxy’s policy.',
    'proxy.fix.upstream':
      'The proxy itself cannot reach the portal: check its DNS and its own outbound firewall.',
    'proxy.fix.address':
      'Check the proxy address and port given to the agent with --proxy (host or IP and port, e.g. proxy.contoso.local:8080).',
    'proxy.fix.portal':
      'Give --portal-url so that siem-doctor can try a CONNECT to the portal through the proxy.',
    'token.none': 'not run: no token given (use --token or SIEM_DOCTOR_TOKEN)',
    'token.empty': 'the token is empty',
    'token.whitespace': 'the token has spaces or line breaks in or around it, as a copy-paste leaves them',
    'token.quotes': 'the token is wrapped in quotes, which would be sent as part of it',
    'token.chars': 'the token has characters a token never has ({chars}); tokens use 0-9, a-z, A-Z and =',
    'token.length':
      'the token is {length, plural, one {# character} other {# characters}} long; tokens have 64 to 192',
    'token.ok': 'the portal accepted the token ending in …{last4}',
    'token.rejected': 'the portal refused the token ending in …{last4} (HTTP {status}: {detail})',
    'token.unconfirmed':
      'the token looks well formed, but the portal answered HTTP {status}, so it could not be confirmed',
    'token.offlineOnly': 'the token is well formed (…{last4}); not confirmed online: no portal URL given',
    'token.unreachable':
      'the token is well formed (…{last4}); not confirmed online: the portal was not reached securely (see the portal check)',
    'token.fix.copy':
      'Copy the token again from the portal (Settings → Cloud Apps → SIEM agents) as a single line, without quotes or spaces.',
    'token.fix.regenerate':
      'If it was regenerated, or its owner left, regenerate it and restart the agent with the new one.',
    'token.fix.retry':
      'Try again in a minute: the API allows 30 requests per minute, and a 5xx answer is on the portal’s side.',
    'tls.noJava': 'not run: no Java runtime to inspect (see java-runtime)',
    'tls.noSecurityFile':
      'no java.security found under {home}, so its disabled algorithms could not be read; no -D option turns TLS 1.2 off',
    'tls.disabled': 'TLS 1.2 is turned off for this Java: jdk.tls.disabledAlgorithms in {file} lists TLSv1.2',
    'tls.optionExcludes': '{variable} sets -D{property}={protocols}, which leaves TLS 1.2 out',
    'tls.ok':
      'TLS 1.2 is on: jdk.tls.disabledAlgorithms in {file} leaves it enabled, and no -D option removes it',
    'certs.noKeystore': 'not run: no Java runtime found and no --keystore given',
    'certs.unreadable': 'the keystore {file} cannot be used: {detail}',
    'certs.path': 'Java can build a path from the portal’s chain to “{anchor}” (alias {alias}) in {file}',
    'certs.pathExpiredAnchor':
      'the portal’s chain reaches “{anchor}” (alias {alias}) only through a certificate that has expired: Java accepts it today, but import the current CAs',
    'certs.noPath':
      'no certificate in {file} anchors the portal’s chain: it ends at “{top}”, issued by “{missing}”, which the keystore lacks',
    'certs.expiredInPath': 'the portal’s chain holds an expired certificate, “{subject}” (expired {date})',
    'certs.rootsOk':
      '{file} holds “{root}”, which anchors the chains Azure serves today (give --portal-url to judge the chain the portal actually serves)',
    'certs.noRoots': '{file} holds none of the roots Azure’s chains end at today ({missing})',
    'certs.wrongPassword':
      'the keystore password given does not match {file}: its integrity was not checked, although its entries were read',
    'certs.fix.import':
      'Run `siem-doctor certs import --portal-url {url}`: it adds the CA certificates the portal’s chain needs, after a backup of the keystore.',
    'certs.fix.download':
      'Where this server cannot reach the portal, use `siem-doctor certs import --download` (files checked against pinned fingerprints) or `--from` with certificate files you trust.',
    'certs.fix.restart': 'Restart the agent afterwards, so that Java reads the trust store again.',
    'certs.fix.password': 'Give the keystore password with --storepass (the JRE default is changeit).',
    // JVM as the judge (issue #11): java-certs / java-tls verdicts from the agent's own JVM, trust-store resolution
    'certs.jvmTrusted':
      '{java} trusts the portal: its own handshake with {host} succeeded ({protocol}) with the trust store {store}',
    'certs.jvmNoPath':
      '{java} cannot build a path from the portal’s chain to an anchor of its trust store {store}: {error}',
    'certs.jvmConstraints':
      '{java} refuses the portal’s chain under its rule jdk.certpath.disabledAlgorithms = {rule}: {error}',
    'certs.jvmEmptyStore':
      '{java} has no trust anchor: its trust store {store} is empty, damaged or unreadable ({error})',
    'certs.jvmHostname':
      '{java} refuses the certificate served for {host}: the portal host is wrong, or something intercepts the connection ({error})',
    'certs.specialStore':
      'not run: Java’s trust store is of type {type}, not a file; the model cannot read it and certs import cannot write it (on Windows, add the CA to the machine’s certificate store)',
    'certs.modelConstraints':
      'the path reaches an anchor, but “{subject}” has a {key}-bit key that jdk.certpath.disabledAlgorithms refuses ({rule})',
    'certs.otherStore':
      '{file} anchors the portal’s chain, but the agent’s Java reads another trust store: {other}',
    'certs.fix.constraints':
      'Relax the keySize rule of jdk.certpath.disabledAlgorithms for this JRE (java.security, or the file of -Djava.security.properties / the crypto policy), or ask for chains with larger keys: the portal’s chain cannot be changed from here.',
    'certs.fix.hostname':
      'Check the portal URL (the tenant host, e.g. contoso.us3.portal.cloudappsecurity.com) and whether a proxy inspects TLS: the agent needs the genuine Microsoft certificate.',
    'certs.fix.g2Root':
      'The portal serves its chain without the DigiCert cross-sign of “{root}”: add the self-signed “{root}” (valid to 2040) to the agent’s trust store as an anchor, with `siem-doctor certs import --from FILE` (the certificate from Microsoft’s PKI repository).',
    'tls.jvmOk': '{java} speaks TLS with the portal: its own handshake with {host} negotiated {protocol}',
    'tls.jvmRefused': '{java} could not agree on a TLS protocol with {host}: {error}',
    'tls.jvmNoTls12': 'TLS 1.2 is off for {java}: its default client protocols are {protocols}',
    'tls.jvmDefaults': 'TLS 1.2 is on for {java}: its default client protocols are {protocols}',
    'tls.jvmNoDefaults': '{java} could not set up its default TLS context: {error}',
    // trust-store resolution and distribution-managed stores (issue #11)
    'store.chosenBy': 'Chosen as Java chooses it: {how}',
    'store.managed':
      '{file} resolves to {resolved}, which the distribution rebuilds ({tool}): a direct write would be undone by the next CA package update, so the distribution’s own way is used',
    'store.plan': 'Plan:',
    'store.plan.write': 'write {file}',
    'store.plan.run': 'run {command}',
    'store.managedDone':
      'Added {count, plural, one {# certificate} other {# certificates}} through {tool}; {file} holds {count, plural, one {it} other {them}} now.',
    'store.managedIncomplete':
      '{tool} ran, but {file} still lacks {count} of the certificates: check the tool’s output (and, on Debian, that ca-certificates-java is installed)',
    'import.keystore': 'Keystore: {file} ({format}, {count, plural, one {# entry} other {# entries}})',
    'import.sourcePortal': 'Source: the chain served by {host}, verified against this machine’s trust',
    'import.sourceFiles': 'Source: {files}',
    'import.sourceDownload': 'Source: {base} (every file checked against its pinned SHA-256)',
    'import.add': 'To add:',
    'import.skip': 'Left out:',
    'import.present': '{name}: already there as {alias}',
    'import.expired': '{name}: expired on {date} (--include-expired imports it anyway)',
    'import.notCa': '{name}: not a CA certificate',
    'import.duplicate': '{name}: offered twice',
    'import.downloadFailed': '{name}: not obtained from {url}: {problem}',
    'import.nothing': 'Nothing to change: the keystore already holds every certificate offered.',
    'import.dryRun': 'Dry run: nothing was changed.',
    'import.confirm': 'Add {count, plural, one {# certificate} other {# certificates}} to {file}?',
    'import.cancelled': 'Nothing was changed.',
    'import.done':
      'Added {count, plural, one {# certificate} other {# certificates}} to {file}; the previous version is kept as {backup}.',
    // keystore and trust: errors (keystore/, trust/, certs import)
    'keystore.error.aliasTooLong': 'alias too long for a JKS keystore',
    'keystore.error.truncated':
      'damaged keystore: it ends at byte {size} in the middle of an entry (needed byte {needed})',
    'keystore.error.notJks': 'not a JKS keystore (the file does not start with FEEDFEED)',
    'keystore.error.jksVersion': 'unsupported JKS version {version}',
    'keystore.error.entryCount':
      'damaged keystore: it claims {count, plural, one {# entry} other {# entries}}',
    'keystore.error.certType': 'damaged keystore: certificate type "{type}" at byte {offset}',
    'keystore.error.entryTag': 'damaged keystore: unknown entry tag {tag} at byte {offset}',
    'keystore.error.trailing': 'damaged keystore: {count} unexpected bytes after the digest at byte {offset}',
    'keystore.error.entryDer': 'damaged keystore: the certificate of entry "{alias}" is not valid DER',
    'keystore.error.jksPassword':
      'wrong keystore password (or the file was altered): its integrity digest does not match',
    'keystore.error.pkcs12Der': 'damaged PKCS#12 keystore: {what} is not valid DER ({detail})',
    'keystore.error.part.file': 'the file',
    'keystore.error.part.authSafe': 'the authenticated safe',
    'keystore.error.part.safe': 'a safe',
    'keystore.error.part.kept': 'the kept entry "{alias}"',
    'keystore.error.notPkcs12': 'not a PKCS#12 keystore',
    'keystore.error.certBag':
      'damaged PKCS#12 keystore: the certificate bag "{alias}" holds no valid certificate',
    'keystore.error.pkcs12Password':
      'wrong keystore password (or the file was altered): its MAC does not match',
    'keystore.error.pkcs12Unreadable':
      'PKCS#12 keystore that siem-doctor cannot read ({detail}); use --keytool',
    'keystore.error.jceks': 'a JCEKS keystore: siem-doctor reads JKS and PKCS#12 only; use --keytool',
    'keystore.error.notKeystore': 'not a keystore: neither JKS nor PKCS#12',
    'keystore.error.inFile': '{file}: {problem}',
    'keystore.error.protectedPkcs12':
      'siem-doctor writes only password-less PKCS#12 (as JDK 18+ cacerts), and this PKCS#12 keystore has a password: use --keytool',
    'keystore.error.cannotWrite': 'cannot write {file}: {why} (nothing was changed)',
    'keystore.error.why.readOnly': 'the file system is mounted read-only',
    'keystore.error.why.immutable':
      'the file or its folder is marked immutable or append-only (see lsattr; chattr -i lifts it)',
    'keystore.error.why.denied': 'permission denied; run as Administrator/root',
    'keystore.error.why.full': 'no space left on the device',
    'keystore.error.backups': 'cannot write a backup of {file}: 100 backups of this second exist already',
    'keystore.error.changedMeanwhile':
      '{file} was changed by another program while this run prepared its change; nothing was changed: run again',
    'keystore.error.readBack': 'the keystore read back differs from what was written; {outcome}',
    'keystore.error.outcome.kept': 'the original was kept',
    'keystore.error.outcome.replaced': 'it has been replaced; the previous version is kept as {backup}',
    'keystore.error.busy':
      'another siem-doctor is changing {file}; nothing was changed: run again when it has finished, or remove {lock} if no such process runs',
    'keystore.error.busyBy':
      'another siem-doctor is changing {file} (pid {pid} on {host}, since {since}); nothing was changed: run again when it has finished, or remove {lock} if no such process runs',
    'trust.error.noCertFiles': '{folder} holds no .pem, .crt, .cer or .der file',
    'trust.error.pemDamaged': '{file}: certificate {number} is damaged (not valid base64 DER)',
    'trust.error.notCertificate': '{file}: neither a PEM nor a DER certificate',
    'trust.error.keytoolList': 'keytool cannot list what it wrote: {detail}',
    'trust.error.keytoolRefused': 'keytool refused {alias}: {detail} (nothing was changed)',
    'trust.error.keytoolLacks': "keytool's copy lacks {aliases} after importing; nothing was changed",
    'trust.error.lost':
      '{file} no longer holds {aliases} after the write (another program changed it?); the previous version is kept as {backup}',
    'trust.error.noJava':
      'no Java runtime found to take cacerts from: give --java-home DIR (or JAVA_HOME), or --keystore FILE',
    'trust.error.notAFile':
      "Java's trust store is {type} ({how}), not a file: it cannot be read or written here; on Windows, add the CA certificates to the machine's certificate store (certlm.msc, or certutil -addstore Root FILE), or give --keystore FILE",
    'trust.error.keytoolNeedsHome':
      "the JRE's keytool needs a Java home: give --java-home DIR (or JAVA_HOME)",
    'trust.error.noKeytool': 'this JRE has no {keytool}; use a full JDK/JRE, or leave out --keytool',
    'trust.error.noSource':
      'say where the certificates come from: --portal-url URL (the chain the portal serves), --from FILE|DIR, or --download',
    'trust.error.untrustedPortal':
      'refusing to import from {host}: its chain is not trusted here ({reason}); use --download or --from with files you trust',
    'import.error.mirror':
      '--pki-base-url "{url}" must be an http:// or https:// address, e.g. https://mirror.contoso.local/pkiops/certs/',
    'import.error.notTerminal':
      'not run from a terminal: add --yes to import without confirmation (nothing was changed)',
    'import.restart': 'Restart the agent so that Java reads the trust store again.',
    'list.title':
      'CA certificates of Azure’s chains, in {file} ({format}, {count, plural, one {# entry} other {# entries}}):',
    'list.chainTitle': 'The chain {host} serves, against this keystore:',
    'list.present': 'present as {alias}',
    'list.missing': 'missing',
    'list.expired': 'expired',
    'list.needed': 'needed',
    'list.notNeeded': 'not needed',
    // keystore safety and certs-import verdicts (issue #10)
    'certs.damaged':
      'damaged keystore: Java cannot load {file} ({detail}); the JVM would see an empty trust set and trust no server at all',
    'certs.fix.damaged':
      'Put back a good copy of the keystore (siem-doctor keeps one beside it as *.siem-doctor-*.bak after each import), or the JRE’s own cacerts, then import the CAs again.',
    'import.portalChain': 'the chain of {host}',
    'import.nothingObtained':
      'Nothing was changed: no certificate could be obtained ({count} failed, listed above).',
    'import.noneOffered': 'Nothing was changed: the source offered no CA certificate to import.',
    'import.noCa':
      'Nothing was changed: none of the certificates offered is a CA certificate (a server’s own certificate is not what Java needs: offer the CAs that issued it).',
    'import.nothingValid':
      'Nothing to change: the keystore already holds every valid CA certificate offered; the others are left out (listed above).',
    'import.someNotObtained':
      '{count, plural, one {# certificate} other {# certificates}} could not be obtained (listed above): run again once {count, plural, one {it} other {they}} can be.',
    // certs & trust (#12)
    'list.issuedBy': 'issued by {issuer}',
    'list.role.documented': 'documented',
    'list.role.current': 'current',
    'list.role.root': 'root',
    'list.role.retired': 'retired',
    'list.verdictAnchored':
      'Verdict: this store anchors the chain {host} serves (at {anchor}): Java can build its path.',
    'list.verdictNotAnchored':
      'Verdict: this store cannot anchor the chain {host} serves: Java will refuse the portal; `siem-doctor certs import --portal-url https://{host}` adds what it needs.',
    'list.verdictRoots':
      'Verdict: this store holds {count} of the {total, plural, one {# root} other {# roots}} Azure’s chains end at ({roots}); give --portal-url to judge the chain the portal serves.',
    'list.verdictNoRoots':
      'Verdict: this store holds none of the roots Azure’s chains end at: Java cannot trust the portal; `siem-doctor certs import --download` adds them.',
    'certs.jvmAfterTrusted':
      'Confirmed by the JVM: {java} now trusts {host}; its own handshake succeeded ({protocol}) with the trust store {store}.',
    'certs.jvmAfterRefused':
      'The JVM does not confirm it: {java} still refuses {host} with the trust store {store}: {error}',
    'certs.jvmAfterUndecided':
      'The JVM could not confirm it: {java} did not complete a handshake with {host} ({error}).',
    'certs.jvmAfterLoaded':
      'The JVM reads the rebuilt store: {java} loads {store} with {anchors} trust anchors (give --portal-url to have it try the portal itself).',
    'certs.jvmAfterNotAsked':
      'The JVM could not be asked to confirm ({reason}): run `siem-doctor check --only java-certs` where the agent runs.',
    'fix.certs.import':
      "import {count, plural, one {# CA certificate} other {# CA certificates}} of the portal's chain ({names}) into {file}",
    'fix.certs.managed':
      "add {count, plural, one {# CA certificate} other {# CA certificates}} of the portal's chain ({names}) the distribution's way: write {files}, then run {command} ({file} resolves to {resolved}, which the distribution rebuilds: a direct write would be undone by the next CA package update)",
    'fix.certs.nothing': 'nothing to import',
    'fix.certs.held': 'nothing to import: {file} holds them already',
    'fix.certs.imported': 'imported {aliases} into {file}; backup {backup}; restart the agent',
    'fix.certs.managedDone': 'added {aliases} through {tool}; {file} holds them now; restart the agent',
    'fix.certs.managedIncomplete': '{tool} ran, but {file} still lacks {aliases}: {output}',
    'logs.none': 'not run: no logs directory given (--logs-directory, the agent’s --logsDirectory)',
    'logs.unreadable': 'the logs directory {dir} cannot be read ({code})',
    'logs.noFiles': 'not run: {dir} holds no log file',
    'logs.clean':
      'no documented error in {files, plural, one {# log file} other {# log files}}, {lines, plural, one {# line} other {# lines}}, under {dir}',
    'logs.emptyDir': 'could not confirm anything: no log file under {dir} (is it the agent’s logs folder?)',
    'logs.nothingRead':
      'could not confirm anything: no entry under {dir} could be read as a log file ({count, plural, one {# entry} other {# entries}} left out, see above)',
    'logs.quietWindow':
      'nothing in the --since window: every log file under {dir} ends before it starts ({count, plural, one {# file} other {# files}} left out, see above)',
    'logs.fix.dir': 'Give the folder the agent writes its logs to, as given to it with --logsDirectory.',
    'proxy.malformed': 'the agent runs with --proxy "{proxy}", which it cannot use: {problem}',
    'proxy.problem.empty': 'it is empty',
    'proxy.problem.padded': 'it has spaces around it',
    'proxy.problem.space': 'it contains a space',
    'proxy.problem.quoted': 'it is wrapped in quotes',
    'proxy.problem.scheme': 'leave out "{scheme}": the agent takes ADDRESS[:PORT] only',
    'proxy.problem.credentials': 'it carries credentials; the agent cannot log in to a proxy',
    'proxy.problem.path': 'it contains a path; give ADDRESS[:PORT] only',
    'proxy.problem.unclosedIpv6': 'the IPv6 address has no closing "]"',
    'proxy.problem.afterBracket': 'unexpected "{rest}" after "]"',
    'proxy.problem.notIpv6': '"{host}" is not an IPv6 address',
    'proxy.problem.bareIpv6': 'an IPv6 address must be in brackets, e.g. [2001:db8::1]:8080',
    'proxy.problem.notIpv4': '"{host}" is not an IPv4 address',
    'proxy.problem.hostName': '"{host}" is not a valid host name',
    'proxy.problem.port': 'port "{port}" is not a whole number from 1 to 65535',
    'init.intro':
      'This writes a config file for `siem-doctor check --config FILE`. Empty answers are left out.',
    'init.portal':
      'Tenant portal URL (Settings → About), e.g. https://contoso.us3.portal.cloudappsecurity.com',
    'init.proxy': 'Proxy the agent is started with (--proxy ADDRESS[:PORT]), empty for none',
    'init.syslogHost': 'SIEM server name or address (as set in the portal wizard)',
    'init.syslogPort': 'SIEM port',
    'init.protocol': 'SIEM protocol',
    'init.javaHome': 'Java home the agent runs on',
    'init.logs': 'The agent’s logs directory (--logsDirectory), empty for none',
    'init.file': 'Write the config to',
    'init.overwrite': '{file} exists. Replace it?',
    'init.written':
      'Wrote {file}. The token is not stored there: give it as SIEM_DOCTOR_TOKEN when you run `siem-doctor check --config {file}`.',
    'syslog.noHost': 'not run: no SIEM server given (use --syslog-host and --syslog-port)',
    'syslog.noPort': 'not run: no SIEM port given (use --syslog-port)',
    'syslog.dnsFailed': 'the SIEM server name {host} does not resolve ({code})',
    'syslog.tcpOk': '{host}:{port}/tcp accepts connections ({addresses})',
    'syslog.refused': 'connection to {address}:{port}/tcp refused: nothing is listening on that port',
    'syslog.timedOut':
      'connection to {address}:{port}/tcp got no answer within {seconds} s: a firewall is probably dropping it',
    'syslog.unreachable':
      '{address}:{port}/tcp cannot be reached from here ({code}): there is no route to it',
    'syslog.connectFailed': 'connection to {address}:{port}/tcp failed ({code})',
    'syslog.connectReset':
      '{address}:{port}/tcp took the connection and reset it at once: the input may expect TLS, or accept only some senders',
    'syslog.partial':
      'only {ok} of the {total} addresses of {host} {ok, plural, one {accepts} other {accept}} connections on port {port}',
    'syslog.udpRefused':
      '{address}:{port}/udp answered “port unreachable”: nothing is listening on that port',
    'syslog.udpUnconfirmed':
      'a probe was sent to {address}:{port}/udp and nothing refused it, but UDP has no acknowledgement: delivery cannot be confirmed from here',
    'syslog.sendOk':
      'a marked test event ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) was written to {host}:{port}/tcp, and the server read it to the end and closed cleanly',
    'syslog.sendReset': 'the SIEM server reset the connection while the test event was written ({code})',
    'syslog.sendClosed': 'the SIEM server closed the connection before the test event could be delivered',
    'syslog.sendStalled':
      'writing the test event stalled for {seconds} s: the server accepts connections but does not read',
    'syslog.sendUdp':
      'not run: the test event goes over TCP only, since nothing would tell whether a UDP datagram arrived',
    'syslog.sendDisabled': 'not run: --no-test-event was given',
    'syslog.fix.portal':
      'In the portal (Settings → Cloud Apps → SIEM agents → Edit), compare the server name, port and protocol with the SIEM’s syslog input.',
    'syslog.fix.listening':
      'On the SIEM server, make sure something listens on port {port}: `ss -ltnp` for TCP, `ss -lunp` for UDP.',
    'syslog.fix.firewall':
      'Allow traffic from this server to {host} on port {port} through every firewall between them, the hosts’ own included.',
    'syslog.fix.dns':
      'Correct the server name in the portal, or make it resolve on the agent server (DNS or hosts file).',
    'syslog.fix.ipChanged':
      'If the SIEM server moved to another address, update the name or address in the portal.',
    'syslog.fix.reset':
      'Look at the SIEM input: a TLS-only input, a connection limit or an allow-list of senders closes plain TCP connections from this host.',
    'syslog.fix.stall':
      'A receiver that stops reading is overloaded or stuck (full disk, stopped pipeline): restart it or clear its queue.',
    'syslog.fix.sendTest':
      'Reproduce at will: `siem-doctor syslog send-test --syslog-host {host} --syslog-port {port} --protocol {protocol}`.',
    'syslog.fix.udp':
      'To confirm UDP delivery, run `siem-doctor syslog send-test --protocol udp` and look for the marked events in the SIEM.',
    'sendTest.sent':
      'Sent {count, plural, one {# event} other {# events}} ({bytes, plural, one {# byte} other {# bytes}}) to {host}:{port}/{protocol} ({address}), framed {framing}',
    'sendTest.find': 'Find them in the SIEM by externalId {runId}-1 … {runId}-{count}',
    'sendTest.halfClosed':
      'The server ended its side of the connection first (as `ncat --recv-only` does) and took every event without a reset: only the SIEM can confirm they arrived',
    'sendTest.udp': 'UDP has no acknowledgement: only the SIEM can confirm they arrived',
    'sendTest.failed': 'Sending to {host}:{port}/{protocol} failed: {reason}',
    'listen.listening': 'Listening on {host}:{port}/{protocol}; stop with Ctrl-C',
    'listen.summary':
      'Received {events, plural, one {# event} other {# events}} ({activities, plural, one {# activity} other {# activities}}, {alerts, plural, one {# alert} other {# alerts}}) from {senders, plural, one {# sender} other {# senders}} over {connections, plural, one {# connection} other {# connections}} in {seconds} s; {malformed} malformed',
    'listen.byCategory': 'By category:',
    'listen.times': 'Event times: first {first}, last {last}',
    'listen.senders': 'Senders: {list}',
    'listen.framing':
      'Framing: {lf} by line feed (the agent’s), {octet} octet-counted, {datagram, plural, one {# datagram} other {# datagrams}}',
    'listen.malformed': 'First malformed message, from {sender} ({reason}): {example}',
    'listen.reason.pri': 'bad PRI',
    'listen.reason.noCef': 'no CEF: in the line',
    'listen.reason.fields': 'CEF header has fewer than 8 fields',
    'listen.reason.version': 'CEF version "{version}" is not a number',
    'listen.reason.other': '{reason}',
    'listen.none': 'No valid event arrived.',
    // bounds (issue #10): send-test streams its events; listen --json waits for its stdout
    'sendTest.sentBefore':
      '{sent} of {count, plural, one {# event} other {# events}} {sent, plural, one {was} other {were}} taken by the server before that',
    'listen.dropped':
      '{dropped, plural, one {# event was counted but not printed: it} other {# events were counted but not printed: they}} came by UDP while the output could not keep up (UDP cannot be paused)',
    'syslog.hint.framing':
      'If the SIEM shows nothing although sending worked: rsyslog reads a TCP line that starts with a digit as octet-counted and drops the agent’s lines. Turn on PRI in the portal’s Generic CEF settings, or set SupportOctetCountedFraming="off" on that rsyslog input.',
    // fleet (issue #14): watch, the portal projection, machine formats
    'watch.host': 'Host: {host}',
    'watch.projection.connected':
      'Portal: the agent keeps its contact (portal, proxy and Java trust do not fail)',
    'watch.projection.ahead':
      '{checks} failing since {since}: if this goes on, the portal shows “{mark}” at {at} (in {minutes} min)',
    'watch.projection.warning':
      'Warning: {checks} failing since {since}: the portal will show “{mark}” at {at} (in {minutes} min) unless this is mended',
    'watch.projection.reached': '{checks} failing since {since}: the portal shows “{mark}” since {at}',
    'watch.change': '{time} {check}: {from} → {to}: {message}',
    'watch.first': '{time} {check}: {to}: {message}',
    'watch.started':
      'Watching {count, plural, one {# check} other {# checks}} every {interval}; state kept in {file}',
    'watch.stateDamaged': 'The state file {file} could not be used ({reason}); starting afresh',
    'watch.state.notJson': 'not valid JSON ({where})',
    'watch.state.notState': 'not a siem-doctor watch state (version 1)',
    'watch.state.badEntry': 'entry {id} is not well formed',
    'watch.state.keptAs': '{reason}; the file is kept as {aside}',
    'watch.roundCrashed': 'Round {round} failed: {reason}; the next round runs as planned',
    'watch.stopping': 'Stopping ({signal}) once the current round ends',
    // verdicts (issue #10): only what the evidence shows
    'syslog.sendUnconfirmed':
      'sent; receipt not confirmed: the test event ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) left for {host}:{port}/tcp without reset or close, but the server kept the connection open after our end of stream; TCP cannot tell a server that reads and keeps connections from one that does not read',
    'syslog.sendHalfClosed':
      'sent; receipt not confirmed: the server ended its side of the connection before ours (as `ncat --recv-only` does) and took the whole test event ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) without a reset: it reads on, as the agent needs, but no close after our end of stream can confirm it read to the end',
    'syslog.fix.findHalfClosed':
      'Look in the SIEM for the event with externalId {externalId}: if it is there, the server read it.',
    'syslog.fix.findEvent':
      'Look in the SIEM for the event with externalId {externalId}: if it is there, the server reads and simply keeps connections open, as many do.',
    'token.refusedUnconfirmed':
      'could not confirm the token ending in …{last4}: the portal refused the call with HTTP {status} ({detail}), which does not say the token is invalid; the API tried may need more rights than a SIEM agent token has',
    'token.fix.agentConfirms':
      'Start the agent with this token and read its console: only “Invalid token” there proves the token bad.',
    'proxy.tunnelClosed':
      'the proxy {proxy} answered CONNECT {target} with HTTP 200 and then closed the tunnel before anything went through it: the agent cannot tunnel through it',
    'proxy.fix.tunnel':
      'Look at the proxy’s log for this CONNECT: a policy, an upstream failure or a limit on tunnels closes it right after accepting it.',
    'logs.noneRead':
      'could not confirm: {skipped, plural, =1 {the only file in {dir} could not be searched} other {none of the # files in {dir} could be searched}} (see the evidence for each and why)',
    'logs.cleanButSkipped':
      'no documented error in {files, plural, one {# log file} other {# log files}}, {lines, plural, one {# line} other {# lines}}, under {dir}; {skipped, plural, one {# file} other {# files}} could not be read as text and {skipped, plural, one {was} other {were}} not searched (see the evidence)',
    'logs.fix.skipped':
      'Make the skipped files readable by this account, or search them by hand (`grep -a`) if they are logs.',
    'logs.skippedFile': 'skipped {file}: {reason}',
    'logs.skip.binary': 'binary content, not text',
    'logs.skip.unreadable': 'cannot be read ({code})',
    // logs (#13): every file read, findings by what the line is about, the portal's marks
    'logs.skip.not-a-file': 'not a regular file ({code}), not read',
    'logs.skip.folder': 'a folder, not searched',
    'logs.skip.before-since': 'holds nothing after the --since window’s start, not read',
    'logs.read':
      'Read {files, plural, one {# log file} other {# log files}}, {lines, plural, one {# line} other {# lines}}, {megabytes} MB, under {dir}',
    'logs.window': 'Counting only lines from {since} on (--since)',
    'logs.damaged': '{file}: the compressed file is damaged ({code}); read up to line {lines}',
    'logs.finding':
      '“{error}”: {label} ({side}), {count, plural, one {# time} other {# times}}, first {first}, last {last}, in {file} line {line}',
    'logs.finding.undecided':
      'could not tell the documented error: {label} ({side}), {count, plural, one {# time} other {# times}}, first {first}, last {last}, in {file} line {line}',
    'logs.timeUnknown': 'time unknown',
    'logs.side.siem': 'SIEM {host}',
    'logs.side.portal': 'portal {host}',
    'logs.side.proxy': 'proxy {host}',
    'logs.side.unknown': 'the line names neither the SIEM nor the portal',
    'logs.why.proxy-auth':
      'The proxy {host} answered 407: it wants credentials, and the agent cannot give any (its --proxy takes ADDRESS[:PORT] only). The address is not malformed: let the agent server through the proxy without authentication.',
    'logs.why.proxy-tunnel':
      'The proxy {host} would not open a tunnel (CONNECT) to the portal: allow CONNECT to the tenant portal on port 443 for the agent server.',
    'logs.why.trust-anchors-empty':
      'Java found no trusted certificate at all: the trust store the agent’s JVM uses is missing, empty or damaged (a wrong -Djavax.net.ssl.trustStore, or a cacerts it cannot read). Run `siem-doctor check --only java-certs`.',
    'logs.why.pkix-building':
      'Java could not build a path from the portal’s certificate to a CA of its trust store: a CA is missing. Run `siem-doctor certs import`.',
    'logs.why.cert-validity':
      'A certificate of the portal’s chain, or the CA it ends in, is expired or not yet valid for Java: check the server’s clock, and that no TLS-inspecting proxy presents its own certificates.',
    'logs.why.algorithm-constraints':
      'Java refused the chain for its algorithms or key sizes: a hardened java.security (jdk.certpath.disabledAlgorithms, e.g. RSA keySize < 4096) rejects Azure’s RSA-2048 chains.',
    'logs.why.revocation':
      'Java checks revocation and could not reach the CRL or OCSP servers: allow HTTP (port 80) to crl3.digicert.com, crl4.digicert.com, ocsp.digicert.com and oneocsp.microsoft.com, directly or through the proxy.',
    'logs.why.pkix-validation':
      'Java built a path to a trusted CA but rejected it while validating it; the next lines of the log name the cause (expiry, algorithms, revocation).',
    'logs.why.hostname-mismatch':
      'The certificate the agent received is not for the portal’s name: a TLS-inspecting proxy, or a portal URL or DNS entry that leads elsewhere.',
    'logs.why.not-tls':
      'The agent spoke TLS and got something else back (plain HTTP): a proxy or a filter answered in the portal’s place.',
    'logs.why.tls-version':
      'No TLS version that both sides accept: the agent’s Java must allow TLS 1.2 (`siem-doctor check --only java-tls`), and the other end (the portal, or a proxy that inspects TLS) must speak it.',
    'logs.why.handshake-failure':
      'The TLS handshake was refused: most often no TLS version or cipher that both sides share (TLS 1.2 disabled in Java, or a proxy that inspects TLS). Run `siem-doctor check --only java-tls`.',
    'logs.why.unknown-host.siem':
      'The SIEM server’s name {host} does not resolve on the agent server: check the host set for the agent in the portal, and the DNS.',
    'logs.why.unknown-host.portal':
      'The portal’s name {host} does not resolve on the agent server; without a proxy the agent resolves it itself: check the DNS, or set the proxy.',
    'logs.why.unknown-host.proxy':
      'The proxy’s name {host} does not resolve: the agent cannot use that --proxy.',
    'logs.why.unknown-host.unknown':
      'The name {host} does not resolve; it is not the SIEM, the portal or the proxy of this run’s settings: give --syslog-host, --portal-url and --proxy to tell which side it is.',
    'logs.why.connection-refused.siem':
      'The SIEM server {host} refused the TCP connection: nothing listens on that port, or a firewall rejects it. A refusal is TCP’s answer, before any TLS: the recovery procedure’s advice about TLS 1.2 does not apply to the syslog side.',
    'logs.why.connection-refused.portal':
      'The connection to {host}, on the portal side, was refused. The recovery procedure relates “connection refused” to TLS 1.2; only this side, the HTTPS connection to the portal, uses TLS: run `siem-doctor check --only java-tls,proxy,portal`. A refusal itself is TCP’s answer: nothing listens on that address and port (a wrong proxy port, a firewall).',
    'logs.why.connection-refused.unknown':
      'A connection was refused, and the line names neither the SIEM nor the portal or proxy of this run’s settings: give --syslog-host, --portal-url and --proxy to tell (to the SIEM: Data server connection error; to the portal or the proxy: SIEM agent error).',
    'logs.why.connection-reset.siem':
      'The SIEM server {host} reset the connection while the agent was sending: an input that closes plain TCP (TLS only), a connection limit or an allow-list.',
    'logs.why.connection-reset.portal':
      'The connection to {host}, on the portal side, was reset: a proxy or a firewall cut it (TLS inspection, idle limits).',
    'logs.why.connection-reset.unknown':
      'A connection was reset, and the line does not say to which side: give --syslog-host, --portal-url and --proxy to tell.',
    'logs.why.connect-timeout.siem':
      'The SIEM server {host} did not answer the connection: a firewall drops it, or the server is down.',
    'logs.why.connect-timeout.portal':
      'No answer to the connection to {host}, on the portal side: outbound port 443 (or the proxy’s port) is blocked.',
    'logs.why.connect-timeout.unknown':
      'A connection timed out, and the line does not say to which side: give --syslog-host, --portal-url and --proxy to tell.',
    'logs.why.read-timeout.siem':
      'The connection to the SIEM server {host} stalled while the agent was sending.',
    'logs.why.read-timeout.portal':
      'The portal side ({host}) took the connection but did not answer in time: a slow proxy, or a filter holding the answer back.',
    'logs.why.read-timeout.unknown':
      'A read timed out: the agent reads only the portal’s answers (the syslog side is written, never read), so this is the portal side, through the proxy when one is set.',
    'logs.portal.lastContact': 'Last contact with the portal in the logs: {time}',
    'logs.portal.noContact': 'No line shows contact with the portal; failing on the portal side since {time}',
    'logs.portal.failingSince': 'Failing on the portal side since {time}',
    'logs.portal.shows': 'The portal shows “{status}” since {at}',
    'logs.portal.showsAtLatest': 'The portal shows “{status}” since {at} at the latest',
    'logs.portal.willShow':
      'The portal will show “{status}” at {at} (in {minutes} min) unless the agent reaches it',
    'logs.portal.willShowAtLatest':
      'The portal will show “{status}” at {at} at the latest (in {minutes} min)',
    'logs.foundMapped':
      'the agent’s logs show “{error}”: {label}{endpoint}, {count, plural, one {# time} other {# times}} from {first} to {last}, the last in {file}, line {line}',
    'logs.undecided':
      'could not confirm the documented error: the logs show {label}{endpoint}, {count, plural, one {# time} other {# times}}, the last in {file}, line {line}',
    'logs.fix.sides':
      'Give --syslog-host, --portal-url and --proxy as the agent has them, so that each line can be put on its side.',
    'logs.fix.damaged': 'A compressed log is damaged: it was read up to where it breaks (see the evidence).',
    'ui.notRun':
      '{count, plural, one {# check} other {# checks}} could not run for lack of input ({checks}): give {flags} to run {count, plural, one {it} other {them}}',
    'ui.nothingChecked':
      'nothing was checked: {count, plural, one {# check} other {# checks}} could not run for lack of input ({checks}); give {flags} to run {count, plural, one {it} other {them}}',
    // every word (#12): check selection, and what was still English inside checks
    'select.empty': '{flag} needs at least one check id, e.g. {flag} java-runtime',
    'select.unknown': '{flag}: unknown check id "{id}"; known ids: {ids}',
    'select.none': '--only and --skip leave no check to run',
    'proxy.authNoScheme':
      'the proxy {proxy} wants credentials (HTTP 407, unknown scheme), which the agent cannot give',
    // portal & CA table (#11)
    'portal.okDirect': '{host} answered HTTP {status} over {protocol} ({cipher}), directly, in {ms} ms',
    'portal.okVia':
      '{host} answered HTTP {status} over {protocol} ({cipher}), through the proxy {proxy}, in {ms} ms',
    'portal.okBothDirect':
      '{host} answered HTTP {status} over {protocol} ({cipher}), directly, in {ms} ms; with TLS 1.2 at most, as a Java 8 agent asks, it negotiated {protocol12} ({cipher12})',
    'portal.okBothVia':
      '{host} answered HTTP {status} over {protocol} ({cipher}), through the proxy {proxy}, in {ms} ms; with TLS 1.2 at most, as a Java 8 agent asks, it negotiated {protocol12} ({cipher12})',
    'portal.tls12Refused':
      '{host} speaks {protocol} with this machine but refuses TLS 1.2 ({code}): the agent’s Java 8, which offers TLS 1.2 at most by default, cannot connect',
    'portal.fix.java8Tls13':
      'On Java 8u261 or later, start the agent with -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3 (TLS 1.3 is off for Java 8 clients by default), or run it on Java 11 or later; otherwise let the proxy or load balancer on the path accept TLS 1.2.',
    'portal.g2CrossSignMissing':
      '{host} sends a genuine chain without the DigiCert cross-sign of “{root}”: it ends at “{top}”, which only the self-signed “{root}” anchors; this machine’s trust lacks that root, so the portal could not be verified (nothing points to interception)',
    'portal.fix.g2Root':
      'Java needs the self-signed “{root}” (valid to 2040) as an anchor of the agent’s trust store: see java-certs, and add it with `siem-doctor certs import --from FILE` (the certificate from Microsoft’s PKI repository); give the same file with --ca-file to let this check verify the portal too.',
    'certs.g2CrossSignMissing':
      'the portal sends its chain without the DigiCert cross-sign of “{root}”: it ends at “{top}”, and {file} lacks the self-signed “{root}” that alone anchors it',
    'certs.jvmG2CrossSignMissing':
      '{java} cannot build a path: the portal sends its chain without the DigiCert cross-sign of “{root}”, and the trust store {store} lacks the self-signed “{root}” ({error})',
    'certs.fix.oldJre8':
      'Java {version} is older than 8u381, the first Oracle Java 8 to ship “Microsoft RSA Root Certificate Authority 2017” and “Microsoft ECC Root Certificate Authority 2017”: update Java, or import the missing root.',
    'certs.noEccRoot':
      '{file} holds “{root}” for Azure’s RSA chains but no root of its ECC chains ({missing}); Java may be served either (give --portal-url to judge the chain the portal actually serves)',
    'tls.jvmNoProtocols': 'TLS 1.2 is off for {java}: it has no default client protocol at all',
    'tls.portalRefusesTls12':
      '{host} refuses TLS 1.2 ({code}), and this Java {version} offers TLS 1.2 at most by default: the agent cannot connect',
    // listen recovery (#13)
    'listen.keeping': 'Keeping every message, byte for byte, in {file}',
    'listen.forwarding': 'Forwarding every message to {target} as it arrives',
    'listen.rt': 'Event times (rt): first {first}, last {last}',
    'listen.quiet':
      'Messages came from {first} to {last}; the stream had been quiet for {seconds} s when listening stopped',
    'listen.output.kept':
      'Kept {messages, plural, one {# message} other {# messages}} ({bytes, plural, one {# byte} other {# bytes}}) in {files}',
    'listen.output.rotated':
      'Rotated by size {rotations, plural, one {# time} other {# times}}; up to {keep, plural, one {# rotated file} other {# rotated files}} kept',
    'listen.output.rotatedAway':
      '{count, plural, one {# message} other {# messages}} of this run {count, plural, one {was} other {were}} in rotated files deleted beyond the {keep} kept: give a larger --output-max-size or --output-files',
    'listen.output.notKept': '{count, plural, one {# message} other {# messages}} could not be kept: {error}',
    'listen.output.failed': 'Writing {file} failed: {error}; what arrives from now on is not kept there',
    'listen.output.queueFull': 'the disk did not keep up: more than {limit} waited to be written',
    'listen.forward.counts':
      'Forwarding to {target}: {received} received, {forwarded} forwarded, {notForwarded} not forwarded',
    'listen.forward.unconfirmed':
      '{count} of the forwarded went on a connection the SIEM then broke: TCP does not say how many of them it read',
    'listen.forward.problems':
      'The SIEM stopped taking messages {count, plural, one {# time} other {# times}}; the first at {at}: {reason}',
    'listen.forward.loadLater':
      '{count, plural, one {The message} other {The # messages}} not forwarded {count, plural, one {is} other {are}} in {file} with all the others: load that file into the SIEM',
    'listen.forward.partlyKept':
      '{count, plural, one {The message not forwarded is not} other {The # messages not forwarded are not all}} in {file} (see above): what is missing there is lost',
    'listen.forward.lost':
      '{count, plural, one {The message} other {The # messages}} not forwarded {count, plural, one {was} other {were}} kept nowhere: run with --output FILE to keep every message',
    'listen.forward.problem':
      'Forwarding to {target} at {at}: {reason}; meanwhile messages are {kept}; trying again',
    'listen.forward.recovered': 'Forwarding to {target} again',
    'listen.forward.keptIn': 'kept in {file}',
    'listen.forward.keptNowhere': 'not kept (no --output)',
    'listen.forward.refused': 'the SIEM refused the connection: nothing listens on that port',
    'listen.forward.reset':
      'the SIEM reset the connection ({code}); the messages sent just before may not have reached it',
    'listen.forward.closed': 'the SIEM closed the connection',
    'listen.forward.stalled': 'the SIEM took nothing for {seconds} s',
    'listen.forward.unreachable': 'the SIEM cannot be reached ({code})',
    'listen.forward.error': 'the connection to the SIEM failed ({code})',
    'listen.forward.loop': '{target} is the address this listens on: every message would come back to it',
    'listen.bind.inUse':
      'port {port} on {host} is already in use: stop what listens there, or choose another --port',
    'listen.bind.rights':
      'listening on port {port} needs more rights (ports below 1024 need root): choose a port above 1023',
    'listen.bind.notHere': '--host {host} is not an address of this machine',
    'listen.bind.other': 'cannot listen on {host}:{port}: {reason}',
    // syslog errors (listen --forward / --output-max-size, recovery.ts)
    'forward.error.form':
      '"{value}" {problem}: give HOST:PORT[/tcp|udp], e.g. siem.contoso.local:514/tcp or [2001:db8::5]:514',
    'forward.error.noPort': 'has no port',
    'forward.error.bareIpv6': 'is an IPv6 address without brackets',
    'forward.error.noHost': 'names no host or address ("{host}")',
    'forward.error.badPort': 'has no port from 1 to 65535',
    'forward.error.dnsFailed': "the SIEM's name {host} does not resolve ({code})",
    'forward.error.cannotSend': 'cannot send to {target}: {reason}',
    'output.error.badSize': '"{value}" is not a size of at least 1 KB, e.g. 100M or 1G',
    'listen.badPort': '--port "{value}" must be a whole number from 1 to 65535',
    'listen.badHost':
      '--host "{value}" is not an address or host name: give an address of this machine, e.g. 127.0.0.1 (0.0.0.0 for every IPv4 address, :: for IPv6)',
    'listen.badDuration':
      '--{flag} "{value}" must be a number of seconds from 0.001 to {max} (about 24 days), e.g. --{flag} 60',
    'sendTest.badSystemName':
      '--system-name "{value}" holds control characters (a line feed ends an event): give one line of text',
    'sendTest.needHost': '--syslog-host is required, e.g. --syslog-host siem.contoso.local',
    'sendTest.needPort': '--syslog-port is required, e.g. --syslog-port 514',
  },
} as const;

export type MessageFile = {
  lang: Lang;
  documentedErrors: Record<DocumentedError, { description: string; resolution: readonly string[] }>;
  checkTitles: Record<CheckId, string>;
  messages: Record<MessageKey, string>;
};
export type MessageKey = keyof typeof en.messages;
