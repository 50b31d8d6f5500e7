// Nederlandse teksten. Gedocumenteerde fouten heten zoals de Nederlandse documenten van Microsoft ze noemen, gevolgd door de Engelse identificator (documented-errors.ts).
import type { MessageFile } from './en.js';

export const nl = {
  // every word (#12): the language whose plural rules choose the forms below
  lang: 'nl',
  documentedErrors: {
    'General error during bootstrap': {
      description:
        'De agent stopte tijdens het starten, nog voor hij de portal bereikte: meestal ontbreekt zijn Java-omgeving, is die te oud of beschadigd, of is het jar-bestand of de logmap onbruikbaar.',
      resolution: [
        'Voer `siem-doctor check` uit op de server van de agent en los eerst elke mislukte Java-controle op.',
        'Start de agent met de hand in een console (`java -jar mcas-siemagent-<version>-signed.jar --token …`) om de volledige fout te lezen.',
        'Controleer of de map van --logsDirectory bestaat en of het account dat de agent uitvoert erin mag schrijven.',
        'Download de agent opnieuw uit de portal; mislukt het nog steeds, open dan een supportaanvraag en voeg `siem-doctor bundle` toe.',
      ],
    },
    'Too many critical errors': {
      description:
        'De agent gaf het op na herhaalde fouten in het verkeer met de portal en sloot zichzelf af.',
      resolution: [
        'Voer `siem-doctor check` uit: de eerste mislukte controle onder java-tls, java-certs, proxy, portal en token is de oorzaak.',
        'Los die oorzaak op en start de agent opnieuw.',
        'Slagen alle controles en stopt de agent toch, open dan een supportaanvraag en voeg `siem-doctor bundle` toe.',
      ],
    },
    'Invalid token': {
      description: 'De portal weigerde het token waarmee de agent startte, of de agent kon het niet lezen.',
      resolution: [
        'Kopieer het token opnieuw uit de portal (Instellingen → Cloud-apps → SIEM-agents) zonder spaties, aanhalingstekens of regeleinden eromheen; het token is hoofdlettergevoelig.',
        'Is het token opnieuw gegenereerd, dan werkt alleen het nieuwste: start de agent daarmee opnieuw.',
        'Heeft de maker van de agent de organisatie verlaten of zijn rol verloren, laat dan een beheerder het token opnieuw genereren.',
      ],
    },
    'Invalid proxy address': {
      description:
        'De waarde van --proxy is geen host en poort die de agent kan gebruiken, of die proxy is onbereikbaar.',
      resolution: [
        'Geef de proxy op als host of IP-adres en poort, zonder http:// en zonder aanmeldgegevens, bijvoorbeeld `--proxy proxy.contoso.local:8080` (IPv6 tussen haken: `[2001:db8::1]:8080`).',
        'Controleer of de naam oplost en of de proxy verbindingen van de agentserver aanneemt.',
        'De agent kan zich niet bij een proxy aanmelden: laat de agentserver zonder verificatie door en sta CONNECT naar de tenantportal op poort 443 toe.',
      ],
    },
    'Internal error': {
      description: 'Er ging iets mis in de agent of in de dienst dat geen van beide kon benoemen.',
      resolution: [
        'Start de agent opnieuw en kijk of de melding terugkomt.',
        'Komt ze terug, open dan een supportaanvraag en voeg `siem-doctor bundle` toe.',
      ],
    },
    'Data server send error': {
      description:
        'De agent bereikte de SIEM-server via TCP maar kon de gebeurtenissen niet wegschrijven: de verbinding werd gereset, gesloten of nam geen gegevens meer aan. De agent haalt geen nieuwe gebeurtenissen op tot dit is opgelost.',
      resolution: [
        'Controleer of poort en protocol in de portal overeenkomen met de SIEM-invoer die op die poort luistert.',
        'Bekijk de SIEM-invoer: een invoer die alleen TLS aanneemt, een verbindingslimiet of een lijst van toegestane afzenders sluit gewone TCP-verbindingen.',
        'Reproduceer het naar believen met `siem-doctor syslog send-test` en kijk in de SIEM.',
      ],
    },
    'Data server connection error': {
      description:
        'De agent kan geen TCP-verbinding met de SIEM-server openen. Hij haalt geen nieuwe gebeurtenissen op tot dit is opgelost.',
      resolution: [
        'Controleer in de portal (Instellingen → Cloud-apps → SIEM-agents → Bewerken) de servernaam en de poort.',
        'Zorg dat de SIEM-server op die poort luistert.',
        'Sta TCP van de agentserver naar de SIEM-server toe op elke firewall daartussen.',
      ],
    },
    'SIEM agent error': {
      description:
        'De portal hoort al uren niets van de agent: de agent is gestopt, of bereikt de portal niet via HTTPS.',
      resolution: [
        'Controleer of het agentproces draait (geplande taak "MCAS SIEM Agent" op Windows, de service of screen-sessie op Linux).',
        'Voer `siem-doctor check --only portal,proxy,token` uit op de agentserver om te vinden waar het HTTPS-pad breekt.',
        'Controleer of niemand de agent in de portal heeft gewijzigd of verwijderd.',
      ],
    },
    'SIEM agent notification error': {
      description:
        'De agent meldde fouten bij het doorsturen van gebeurtenissen naar de SIEM-server: een firewall, een gewijzigd SIEM-adres, of een Java-update die zijn vertrouwen brak.',
      resolution: [
        'Voer `siem-doctor check --only syslog-connection,syslog-send` uit om de SIEM-kant te testen.',
        'Kreeg de SIEM-server een ander adres, werk het dan bij in de portal.',
        'Werd Java bijgewerkt naar 8u291 of later, voer dan `siem-doctor check --only java-certs` uit en volg de aanwijzingen.',
      ],
    },
    'Issue with new versions of Java': {
      description:
        'Sinds de Java-updates van april 2021 (8u291, 11.0.11) kan de Java van de agent met de CA’s in zijn truststore geen vertrouwd pad naar het certificaat van de portal bouwen.',
      resolution: [
        'Voer `siem-doctor certs import` uit: dat voegt de CA-certificaten toe die de keten van de portal nodig heeft, na een back-up van de truststore.',
        'Vertrouw niet op de acht certificaten uit de oude instructies: vier verliepen in juni 2024 en de andere in augustus 2026.',
        'Start de agent opnieuw zodat Java de truststore opnieuw inleest.',
      ],
    },
    'TLS 1.2 required': {
      description:
        'De portal spreekt alleen TLS 1.2 of nieuwer, en in de Java van de agent staat TLS 1.2 uit.',
      resolution: [
        'Haal TLSv1.2 uit jdk.tls.disabledAlgorithms in het java.security-bestand van de omgeving.',
        'Verwijder of corrigeer opties -Djdk.tls.client.protocols en -Dhttps.protocols die TLSv1.2 weglaten (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS, de opdrachtregel van de agent).',
        'Werk Java 8 bij naar een recente update, waarin TLS 1.2 standaard aan staat.',
      ],
    },
  },

  checkTitles: {
    'java-runtime': 'Java-omgeving aanwezig en ondersteund',
    'java-tls': 'Java staat TLS 1.2 toe',
    'java-certs': 'Java vertrouwt het certificaat van de portal',
    token: 'Agenttoken wordt aanvaard',
    proxy: 'Proxy is bruikbaar',
    portal: 'Tenantportal is bereikbaar',
    'syslog-connection': 'SIEM-server neemt verbindingen aan',
    'syslog-send': 'SIEM-server neemt een gebeurtenis aan',
    'agent-logs': 'Agentlogs bevatten geen gedocumenteerde fout',
    lifecycle: 'Ondersteuningsstatus van de agent',
  },

  messages: {
    // config (#12 errors): settings, the config file, --output, --ca-file/--chain, --since, watch, init
    'config.error.subjectValue': '"{value}"',
    'config.error.subjectEnv': '{variable} "{value}"',
    'config.error.subjectAgent': 'de --{key} "{value}" van de draaiende agent',
    'config.error.subjectFile': '{key} "{value}" in {file}',
    'config.error.notJson': '{file} is geen geldige JSON ({where})',
    'json.at': 'regel {line}, kolom {column}',
    'json.ends': 'het houdt te vroeg op',
    'json.not': 'geen JSON',
    'config.error.notObject': '{file} moet een JSON-object bevatten, bv. {example}',
    'config.error.unknownKey': '{file} bevat een onbekende sleutel, „{key}”; bekende sleutels: {keys}',
    'config.error.keyType': '„{key}” in {file} moet een tekst of een getal zijn',
    'config.error.controls': '{subject} bevat stuurtekens',
    'config.error.notUrl':
      '{subject} is geen URL; geef de portal van de tenant op, bv. https://contoso.us3.portal.cloudappsecurity.com',
    'config.error.httpsOnly': '{subject}: de portal antwoordt alleen op https://',
    'config.error.noHost': '{subject} noemt geen host',
    'config.error.portZero': '{subject}: 0 is geen poort; laat hem weg (443) of geef 1 tot 65535',
    'config.error.hostScheme': '{subject}: geef alleen de host op, zonder schema',
    'config.error.hostPort': '{subject}: geef de poort op met --syslog-port, niet in de host',
    'config.error.host':
      '{subject} is geen hostnaam of adres: geef een naam zoals siem.contoso.local (letters, cijfers en koppeltekens, hoogstens 253 tekens), een IPv4-adres of een IPv6-adres',
    'config.error.timeout':
      '{subject} moet een aantal seconden van {min} tot {max} zijn, gewoon geschreven, bv. --timeout 5 of --timeout 0.5',
    'config.error.noFile': '"{value}" noemt geen bestand: geef een bestandsnaam op, bv. --output {example}',
    'config.error.noPem': '{file} bevat geen PEM-certificaat (-----BEGIN CERTIFICATE-----)',
    'config.error.damagedPem': 'certificaat {index} in {file} is beschadigd (geen geldige base64-DER)',
    'config.error.noAgent':
      'geen draaiende SIEM-agent gevonden (gezocht naar java -jar mcas-siemagent*.jar); geef zijn instellingen dan als opties op',
    'config.error.proxy':
      '{subject}: {problem} (de agent zou stoppen met „Invalid proxy address”); gebruik ADRES[:POORT], bv. proxy.contoso.local:8080',
    'config.error.port': '{subject} moet een geheel getal van 1 tot 65535 zijn',
    'config.error.protocol': '{subject} moet tcp of udp zijn',
    'config.error.append':
      '--append voegt NDJSON-regels aan een bestand toe: gebruik het met --format ndjson --output BESTAND',
    'config.error.sinceTooFar':
      '"{value}" gaat verder terug dan elke datum: geef een kortere duur op, bv. 30d',
    'config.error.since':
      '"{value}" is geen duur (30m, 2h, 7d, 1h30m) en geen tijdstip (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    'config.error.noLogsDirectory':
      'noem de logmap van de agent: siem-doctor logs MAP (of --logs-directory MAP)',
    'config.error.interval': '--interval: "{value}" is geen duur zoals 30s, 5m of 1h',
    'config.error.warnShare': '--warn-share: "{value}" is geen getal tussen 0 en 1',
    'config.error.noTerminal':
      'init stelt vragen en heeft een terminal nodig; schrijf zonder terminal de JSON-configuratie met de hand (sleutels: {keys})',
    'config.error.portAnswer': 'een geheel getal van 1 tot 65535',
    // what went wrong with a file (errors.ts fileProblem)
    'file.missing': '{file} bestaat niet',
    'file.rights':
      '{file} kan met de rechten van dit account niet worden gelezen of geschreven (start als Administrator/root, of kies een ander bestand)',
    'file.folder': '{file} is een map, geen bestand',
    'file.notFolder': '{file}: een deel van dat pad is geen map',
    'file.full': '{file}: geen ruimte meer op het apparaat',
    'file.readOnly': '{file}: het bestandssysteem is alleen-lezen gekoppeld',
    'file.other': '{file}: {reason}',
    'file.notRegular': '{kind}, geen bestand om te lezen',
    'file.kind.fifo': 'een FIFO (named pipe)',
    'file.kind.device': 'een apparaat',
    'file.kind.socket': 'een socket',
    'file.kind.folder': 'een map',
    'file.kind.other': 'geen gewoon bestand',
    'file.tooBig': 'meer dan {mb} MB, veel groter dan welke keystore of certificaatbestand ook',
    'logs.error.directory': 'kan de logmap {dir} niet lezen ({errno})',
    // oclif's parse errors, said in another language (English keeps oclif's own line)
    'parse.unknownFlag': 'onbekende optie: {flags}',
    'parse.missingFlag': 'de optie {flag} is verplicht',
    'parse.oneOf': '{flag}={value}: de waarde moet een van deze zijn: {options}',
    'parse.integer': '{flag}: een geheel getal verwacht, ontvangen: {value}',
    'parse.integerMin':
      '{flag}: een geheel getal groter dan of gelijk aan {min} verwacht, ontvangen: {value}',
    'parse.integerMax':
      '{flag}: een geheel getal kleiner dan of gelijk aan {max} verwacht, ontvangen: {value}',
    'parse.dependsOn': '{flag} gaat niet zonder: {needs}',
    'parse.needsValue': 'de optie {flag} verwacht een waarde',
    'parse.unexpected': 'onverwacht argument: {args}',
    // the error line of a run that stops (command-base.ts)
    'error.line': 'Fout: {message}',
    'error.about': '{input}: {message}',
    'error.unexpected': 'onverwachte fout: {reason}',
    'error.seeHelp': '{message} (zie --help)',
    'ui.status.pass': 'OK',
    'ui.status.warn': 'LET OP',
    'ui.status.fail': 'MISLUKT',
    'ui.status.skip': 'OVERGESLAGEN',
    'ui.status.error': 'FOUT',
    'ui.documentedError': 'Gedocumenteerde fout',
    'ui.evidence': 'Bevindingen',
    'ui.resolution': 'Oplossing',
    'ui.reproduce': 'Zelf nagaan',
    'ui.summary':
      '{pass} geslaagd, {warn, plural, one {# waarschuwing} other {# waarschuwingen}}, {fail} mislukt, {skip} overgeslagen, {error, plural, one {# fout} other {# fouten}} in {ms} ms',
    'ui.running': '{count, plural, one {# controle wordt} other {# controles worden}} uitgevoerd…',
    'ui.reportWritten': 'Rapport geschreven naar {file}',

    'run.skippedDependency': 'niet uitgevoerd: {dependency} slaagde niet ({status})',
    'run.timedOut': 'niet klaar binnen {seconds} s en daarom gestopt',
    'run.crashed': 'de controle zelf mislukte: {detail}',

    // evidence sentences (#12): said in the report's language, like the message
    'evidence.judgedBy.jvm': 'de JVM in {home} (Java {version}, {ms} ms)',
    'evidence.judgedBy.noJava': 'het offline model (geen Java-runtime gevonden om te vragen)',
    'evidence.judgedBy.jvmFailed': 'het offline model (de JVM kon hier niet draaien: {detail})',
    'evidence.judgedBy.jvmNoAnswer': 'het offline model (de JVM kon hier niet draaien: geen antwoord)',
    'evidence.judgedBy.storeOnly':
      'het offline model, op de store die {java} gebruikt (geen handshake met het portaal)',
    'evidence.judgedBy.notTrust':
      'het offline model (de handshake van de JVM mislukte om een andere reden dan vertrouwen: zie java-tls en portal)',
    'evidence.judgedBy.notAsked': 'het offline model (de JVM kon niet worden gevraagd)',
    'evidence.tls12Unconfirmed':
      'niet te bevestigen of de portal TLS 1.2 aanvaardt: de handshake met hoogstens TLS 1.2 eindigde met {code}, niet met een weigering van de versie door de server',
    'evidence.trustStore': '{path} ({type}, gekozen door {how})',
    'evidence.knownCa': '{alias}: {name} (tot {date})',
    'evidence.route.via': 'via de proxy {proxy}',
    'evidence.route.direct': 'direct',
    // framework (#12): fixes, the bundle's receipt, the JRE --from-process judges
    'fix.line': 'herstel {id}: {message}',
    'fix.none': 'geen automatisch herstel voor deze bevinding: volg de stappen voor de oplossing',
    'fix.declined': 'niet toegepast: {fix}',
    'fix.failed': 'mislukt, niets gewijzigd: {detail}',
    'fix.describeTimedOut':
      'niet toegepast: het voorbereiden van het herstel duurde langer dan {seconds} s en is gestopt',
    'fix.applyTimedOut':
      'gestopt na {seconds} s tijdens het toepassen: het kan wel of niet gedaan zijn; voer de controle opnieuw uit om het te zien',
    'bundle.written':
      'Supportbundel geschreven naar {file} ({bytes, plural, one {# byte} other {# bytes}}, geheimen afgeschermd)',
    'java.namedNotAgentJava':
      '{vendor} {version} in {agentHome} is de Java van de draaiende agent, en die wordt hier beoordeeld; {source} noemt {home}, waarop de agent niet draait (een update kan hem verplaatst hebben): laat het weg, of laat het naar {agentHome} wijzen',

    'java.found': '{vendor} Java {version} in {home} (gevonden via {source})',
    'java.foundModern':
      '{vendor} Java {version} in {home} (gevonden via {source}); deze update zet TLS 1.0 en 1.1 uit, dus de agent heeft TLS 1.2 en actuele CA-certificaten nodig',
    'java.tooOld': 'Java {version} in {home} is ouder dan Java 8; de agent draait er niet op',
    'java.notFound':
      'geen Java-omgeving gevonden: --java-home en JAVA_HOME zijn niet ingesteld en er staat geen java in het PATH',
    'java.homeMissing': '{home} (via {source}) bevat geen bin/java',
    'java.versionUnknown': 'kon de versie van de Java in {home} niet lezen: {detail}',
    'java.fix.install':
      'Installeer Java 8 of nieuwer op de agentserver, bijvoorbeeld `apt-get install openjdk-17-jre-headless`, of de Microsoft Build of OpenJDK op Windows.',
    'java.fix.point':
      'Wijs siem-doctor de omgeving aan die de agent gebruikt: --java-home MAP (of JAVA_HOME).',
    'java.fix.upgrade': 'Installeer een recente update van Java 8, 11, 17 of 21 en start de agent daarmee.',
    'java.fix.homeMissing':
      'Laat JAVA_HOME (of --java-home) wijzen naar de map die bin/java bevat, niet naar bin zelf en niet naar het java-bestand.',
    'java.fix.reinstall':
      'Deze omgeving lijkt beschadigd: installeer ze opnieuw, of wijs met --java-home een werkende aan.',

    'lifecycle.deprecated':
      'de SIEM-agent is verouderd sinds november 2025 en sinds 19 juni 2025 kan geen nieuwe agent meer worden gemaakt; deze agent blijft draaien tot u overstapt',
    'lifecycle.fix.activities':
      'Activiteiten: stream ze met de streaming-API van Microsoft Defender XDR (naar Event Hubs of een opslagaccount).',
    'lifecycle.fix.alerts':
      'Waarschuwingen: lees ze uit de beveiligings-API van Microsoft Graph (alerts_v2).',
    'lifecycle.fix.sentinel':
      'Microsoft Sentinel: gebruik de Microsoft Defender XDR-gegevensconnector in plaats van de agent.',

    'portal.noUrl':
      'niet uitgevoerd: geen portal-URL opgegeven (gebruik --portal-url https://<tenant>.<regio>.portal.cloudappsecurity.com)',
    'portal.dnsFailed': 'de naam van de portal {host} lost niet op ({code})',
    'portal.refused': 'verbinding met {host}:{port} geweigerd ({address}): daar antwoordt niets op HTTPS',
    'portal.timedOut':
      'verbinding met {host}:{port} kreeg binnen {seconds} s geen antwoord: waarschijnlijk houdt een firewall uitgaand HTTPS tegen',
    'portal.tcpFailed': 'verbinding met {host}:{port} mislukte ({code})',
    'portal.tlsVersion':
      '{host} wil geen TLS 1.2 of nieuwer gebruiken ({code}); de agent heeft minstens TLS 1.2 nodig',
    'portal.tlsFailed': 'de TLS-handshake met {host} mislukte ({code}: {detail})',
    'portal.inspection':
      'TLS-inspectie vermoed: {host} toonde een certificaat uitgegeven door „{issuer}” ({organization}), niet door Microsoft of DigiCert',
    'portal.untrusted':
      'de certificaatketen van {host} leidt niet naar een CA die deze machine vertrouwt ({code})',
    'portal.expired': 'het certificaat van {host} is verlopen op {date}',
    'portal.notYetValid':
      'het certificaat van {host} is pas geldig vanaf {date}: controleer de klok van deze machine',
    'portal.hostname': 'het getoonde certificaat is niet voor {host} ({detail})',
    'portal.httpFailed': '{host} voltooide TLS maar gaf geen HTTP-antwoord ({code})',
    'portal.warn.skew':
      'de klok van deze machine wijkt {minutes, plural, one {# minuut} other {# minuten}} af van die van de portal',
    'portal.warn.generic':
      'portal.cloudappsecurity.com is de algemene naam, die verzoeken over verschillende servers verdeelt en onterechte 401’s geeft',
    'portal.warn.unknownHost': '{host} is geen tenanthostnaam van Defender for Cloud Apps',
    'portal.fix.url':
      'Gebruik de tenant-URL die de portal toont onder Instellingen → Info, bijvoorbeeld https://contoso.us3.portal.cloudappsecurity.com.',
    'portal.fix.dns':
      'Zorg dat de naam oplost op de agentserver (DNS), of geef met --proxy de proxy op die de agent gebruikt.',
    'portal.fix.firewall':
      'Sta uitgaand HTTPS (443) toe van de agentserver naar de tenanthost, ook naar de Azure Front Door-bereiken 13.107.219.0/24, 13.107.227.0/24, 13.107.228.0/24, 13.107.229.0/24 en 150.171.97.0/24.',
    'portal.fix.proxyNeeded':
      'Bereikt dit netwerk het internet alleen via een proxy, start de agent dan met --proxy ADRES:POORT (HTTPS_PROXY negeert hij).',
    'portal.fix.tlsPath':
      'Iets op het pad (proxy, firewall, load balancer) spreekt oud TLS in plaats van de portal: laat de agent de portal zonder dat onderdeel bereiken.',
    'portal.fix.inspection':
      'Zonder de agentserver of de tenanthost uit van TLS-inspectie: de agent heeft het echte Microsoft-certificaat nodig, en Azure-CA’s in Java importeren helpt niet.',
    'portal.fix.untrusted':
      'Vergelijk de keten in de bevindingen met wat een browser op een ander netwerk ziet; verschilt alleen dit netwerk, dan onderschept iets de verbinding.',
    'portal.fix.clock':
      'Zet de klok van deze machine juist (NTP): certificaten en tokens worden ertegen gecontroleerd.',
    'portal.fix.hostname':
      'Een certificaat voor een andere naam betekent dat de verbinding bij een andere server uitkwam: controleer DNS, het hosts-bestand en elke TLS-inspecterende proxy.',
    'portal.fix.retry':
      'Probeer het opnieuw; blijft het mislukken, bekijk dan de proxy of load balancer tussen deze server en de portal.',
    'proxy.none': 'niet uitgevoerd: geen proxy opgegeven, de agent verbindt rechtstreeks',
    'proxy.noneButEnv':
      'niet uitgevoerd: geen --proxy opgegeven; {variable} is ingesteld, maar de agent negeert die en verbindt rechtstreeks',
    'proxy.dnsFailed': 'de naam van de proxy {host} lost niet op ({code})',
    'proxy.refused': 'verbinding met de proxy {proxy} geweigerd: daar luistert niets',
    'proxy.timedOut': 'de proxy {proxy} antwoordde niet binnen {seconds} s',
    'proxy.tcpFailed': 'verbinding met de proxy {proxy} mislukte ({code})',
    'proxy.ok': '{proxy} tunnelt CONNECT {target} (HTTP 200) in {ms} ms',
    'proxy.okPortAssumed':
      '{proxy} tunnelt CONNECT {target} (HTTP 200) in {ms} ms; er werd geen poort opgegeven, dus de agent neemt 8080 aan',
    'proxy.untested':
      '{proxy} neemt verbindingen aan; CONNECT werd niet geprobeerd omdat er geen portal-URL werd opgegeven',
    'proxy.auth': 'de proxy {proxy} vraagt aanmeldgegevens (HTTP 407, {scheme}), die de agent niet kan geven',
    'proxy.forbidden':
      'de proxy {proxy} weigert CONNECT naar {target} (HTTP 403): zijn beleid blokkeert de portal',
    'proxy.upstream': 'de proxy {proxy} kon {target} zelf niet bereiken (HTTP {status})',
    'proxy.status': 'de proxy {proxy} antwoordde op CONNECT {target} met HTTP {status} {text}',
    'proxy.connectTimedOut':
      'de proxy {proxy} nam de verbinding aan maar antwoordde niet op CONNECT binnen {seconds} s',
    'proxy.notHttp': '{proxy} antwoordde niet als een HTTP-proxy ({code})',
    'proxy.fix.auth':
      'Laat de agentserver zonder verificatie door de proxy (een uitzondering op bronadres), naar de tenanthost op poort 443.',
    'proxy.fix.allow': 'Sta in het proxybeleid CONNECT naar de tenanthost op poort 443 toe.',
    'proxy.fix.upstream':
      'De proxy zelf bereikt de portal niet: controleer zijn DNS en zijn eigen uitgaande firewall.',
    'proxy.fix.address':
      'Controleer het proxyadres en de poort die de agent met --proxy krijgt (host of IP en poort, bijvoorbeeld proxy.contoso.local:8080).',
    'proxy.fix.portal':
      'Geef --portal-url op zodat siem-doctor een CONNECT naar de portal via de proxy kan proberen.',
    'token.none': 'niet uitgevoerd: geen token opgegeven (gebruik --token of SIEM_DOCTOR_TOKEN)',
    'token.empty': 'het token is leeg',
    'token.whitespace':
      'het token bevat spaties of regeleinden, erin of eromheen, zoals kopiëren en plakken die achterlaat',
    'token.quotes': 'het token staat tussen aanhalingstekens, die mee zouden worden verzonden',
    'token.chars':
      'het token bevat tekens die een token nooit heeft ({chars}); tokens gebruiken 0-9, a-z, A-Z en =',
    'token.length':
      'het token is {length, plural, one {# teken} other {# tekens}} lang; tokens hebben er 64 tot 192',
    'token.ok': 'de portal aanvaardde het token dat eindigt op …{last4}',
    'token.rejected': 'de portal weigerde het token dat eindigt op …{last4} (HTTP {status}: {detail})',
    'token.unconfirmed':
      'het token ziet er goed uit, maar de portal antwoordde HTTP {status}, dus het kon niet worden bevestigd',
    'token.offlineOnly':
      'het token is goed gevormd (…{last4}); niet online bevestigd: geen portal-URL opgegeven',
    'token.unreachable':
      'het token is goed gevormd (…{last4}); niet online bevestigd: de portal werd niet veilig bereikt (zie de portal-controle)',
    'token.fix.copy':
      'Kopieer het token opnieuw uit de portal (Instellingen → Cloud-apps → SIEM-agents) als één regel, zonder aanhalingstekens of spaties.',
    'token.fix.regenerate':
      'Werd het opnieuw gegenereerd, of vertrok de eigenaar, genereer het dan opnieuw en start de agent met het nieuwe.',
    'token.fix.retry':
      'Probeer het over een minuut opnieuw: de API staat 30 verzoeken per minuut toe, en een 5xx-antwoord ligt aan de portal.',
    'tls.noJava': 'niet uitgevoerd: geen Java-omgeving om te bekijken (zie java-runtime)',
    'tls.noSecurityFile':
      'geen java.security gevonden onder {home}, dus de uitgeschakelde algoritmen konden niet worden gelezen; geen -D-optie zet TLS 1.2 uit',
    'tls.disabled': 'TLS 1.2 staat uit voor deze Java: jdk.tls.disabledAlgorithms in {file} bevat TLSv1.2',
    'tls.optionExcludes': '{variable} zet -D{property}={protocols}, waarmee TLS 1.2 wegvalt',
    'tls.ok':
      'TLS 1.2 staat aan: jdk.tls.disabledAlgorithms in {file} laat het aan, en geen -D-optie haalt het weg',
    'certs.noKeystore': 'niet uitgevoerd: geen Java-omgeving gevonden en geen --keystore opgegeven',
    'certs.unreadable': 'de keystore {file} is onbruikbaar: {detail}',
    'certs.path':
      'Java kan een pad bouwen van de keten van de portal naar „{anchor}” (alias {alias}) in {file}',
    'certs.pathExpiredAnchor':
      'de keten van de portal bereikt „{anchor}” (alias {alias}) alleen via een verlopen certificaat: Java aanvaardt dat vandaag, maar importeer de huidige CA’s',
    'certs.noPath':
      'geen certificaat in {file} verankert de keten van de portal: die eindigt bij „{top}”, uitgegeven door „{missing}”, dat in de keystore ontbreekt',
    'certs.expiredInPath':
      'de keten van de portal bevat een verlopen certificaat, „{subject}” (verlopen op {date})',
    'certs.rootsOk':
      '{file} bevat „{root}”, dat de ketens verankert die Azure vandaag serveert (geef --portal-url op om de echt geserveerde keten te beoordelen)',
    'certs.noRoots': '{file} bevat geen van de roots waarop de ketens van Azure vandaag eindigen ({missing})',
    'certs.wrongPassword':
      'het opgegeven wachtwoord past niet bij {file}: de integriteit werd niet gecontroleerd, al werden de items wel gelezen',
    'certs.fix.import':
      'Voer `siem-doctor certs import --portal-url {url}` uit: dat voegt de CA-certificaten toe die de keten van de portal nodig heeft, na een back-up van de keystore.',
    'certs.fix.download':
      'Bereikt deze server de portal niet, gebruik dan `siem-doctor certs import --download` (bestanden gecontroleerd tegen vastgepinde vingerafdrukken) of `--from` met certificaatbestanden die u vertrouwt.',
    'certs.fix.restart': 'Start de agent daarna opnieuw, zodat Java de truststore opnieuw inleest.',
    'certs.fix.password': 'Geef het wachtwoord van de keystore op met --storepass (standaard changeit).',
    // JVM als rechter (issue #11): oordelen van java-certs / java-tls door de eigen JVM van de agent, truststore
    'certs.jvmTrusted':
      '{java} vertrouwt de portal: zijn eigen handshake met {host} slaagde ({protocol}) met de truststore {store}',
    'certs.jvmNoPath':
      '{java} vindt geen pad van de keten van de portal naar een anker in zijn truststore {store}: {error}',
    'certs.jvmConstraints':
      '{java} weigert de keten van de portal volgens zijn regel jdk.certpath.disabledAlgorithms = {rule}: {error}',
    'certs.jvmEmptyStore':
      '{java} heeft geen vertrouwensanker: zijn truststore {store} is leeg, beschadigd of onleesbaar ({error})',
    'certs.jvmHostname':
      '{java} weigert het certificaat voor {host}: de portalhost klopt niet, of iets onderschept de verbinding ({error})',
    'certs.specialStore':
      'niet uitgevoerd: de truststore van Java is van het type {type}, geen bestand; het model kan hem niet lezen en certs import kan er niet in schrijven (op Windows: voeg de CA toe aan het certificaatarchief van de machine)',
    'certs.modelConstraints':
      'het pad bereikt een anker, maar „{subject}” heeft een sleutel van {key} bits die jdk.certpath.disabledAlgorithms weigert ({rule})',
    'certs.otherStore':
      '{file} verankert de keten van de portal, maar de Java van de agent leest een andere truststore: {other}',
    'certs.fix.constraints':
      'Versoepel de keySize-regel van jdk.certpath.disabledAlgorithms voor deze JRE (java.security, of het bestand van -Djava.security.properties / het cryptobeleid): de keten van de portal verander je niet van hieruit.',
    'certs.fix.hostname':
      'Controleer de portal-URL (de tenanthost, bv. contoso.us3.portal.cloudappsecurity.com) en of een proxy TLS inspecteert: de agent heeft het echte Microsoft-certificaat nodig.',
    'certs.fix.g2Root':
      'De portal stuurt zijn keten zonder de DigiCert-kruiscertificering van „{root}”: voeg de zelfondertekende „{root}” (geldig tot 2040) als anker toe aan de truststore van de agent, met `siem-doctor certs import --from BESTAND` (het certificaat uit de PKI-opslag van Microsoft).',
    'tls.jvmOk': '{java} spreekt TLS met de portal: zijn eigen handshake met {host} gaf {protocol}',
    'tls.jvmRefused': '{java} kon met {host} geen TLS-protocol afspreken: {error}',
    'tls.jvmNoTls12': 'TLS 1.2 staat uit voor {java}: zijn standaardprotocollen als client zijn {protocols}',
    'tls.jvmDefaults': 'TLS 1.2 staat aan voor {java}: zijn standaardprotocollen als client zijn {protocols}',
    'tls.jvmNoDefaults': '{java} kon zijn standaard-TLS-context niet opzetten: {error}',
    // truststore-bepaling en door de distributie beheerde stores (issue #11)
    'store.chosenBy': 'Gekozen zoals Java kiest: {how}',
    'store.managed':
      '{file} leidt naar {resolved}, dat de distributie opnieuw opbouwt ({tool}): direct schrijven maakt de volgende CA-pakketupdate ongedaan, dus wordt de weg van de distributie gevolgd',
    'store.plan': 'Plan:',
    'store.plan.write': '{file} schrijven',
    'store.plan.run': '{command} uitvoeren',
    'store.managedDone':
      '{count, plural, one {# certificaat} other {# certificaten}} toegevoegd via {tool}; {file} bevat {count, plural, one {het} other {ze}} nu.',
    'store.managedIncomplete':
      '{tool} liep, maar {file} mist nog {count} van de certificaten: bekijk de uitvoer van het hulpmiddel (en op Debian of ca-certificates-java geïnstalleerd is)',
    'import.keystore': 'Keystore: {file} ({format}, {count, plural, one {# item} other {# items}})',
    'import.sourcePortal':
      'Bron: de keten die {host} serveert, gecontroleerd tegen het vertrouwen van deze machine',
    'import.sourceFiles': 'Bron: {files}',
    'import.sourceDownload': 'Bron: {base} (elk bestand gecontroleerd tegen zijn vastgepinde SHA-256)',
    'import.add': 'Toe te voegen:',
    'import.skip': 'Weggelaten:',
    'import.present': '{name}: al aanwezig als {alias}',
    'import.expired': '{name}: verlopen op {date} (--include-expired importeert het toch)',
    'import.notCa': '{name}: geen CA-certificaat',
    'import.duplicate': '{name}: twee keer aangeboden',
    'import.downloadFailed': '{name}: niet verkregen van {url}: {problem}',
    'import.nothing': 'Niets te veranderen: de keystore bevat al elk aangeboden certificaat.',
    'import.dryRun': 'Proefdraai: er werd niets veranderd.',
    'import.confirm': '{count, plural, one {# certificaat} other {# certificaten}} toevoegen aan {file}?',
    'import.cancelled': 'Er werd niets veranderd.',
    'import.done':
      '{count, plural, one {# certificaat} other {# certificaten}} toegevoegd aan {file}; de vorige versie blijft bewaard als {backup}.',
    // keystore and trust: errors (keystore/, trust/, certs import)
    'keystore.error.aliasTooLong': 'alias te lang voor een JKS-keystore',
    'keystore.error.truncated':
      'beschadigde keystore: hij houdt op bij byte {size}, midden in een item (byte {needed} nodig)',
    'keystore.error.notJks': 'geen JKS-keystore (het bestand begint niet met FEEDFEED)',
    'keystore.error.jksVersion': 'JKS-versie {version} wordt niet ondersteund',
    'keystore.error.entryCount':
      'beschadigde keystore: hij zegt {count, plural, one {# item} other {# items}} te bevatten',
    'keystore.error.certType': 'beschadigde keystore: certificaattype "{type}" bij byte {offset}',
    'keystore.error.entryTag': 'beschadigde keystore: onbekend itemtype {tag} bij byte {offset}',
    'keystore.error.trailing':
      'beschadigde keystore: {count, plural, one {# onverwachte byte} other {# onverwachte bytes}} na de digest, bij byte {offset}',
    'keystore.error.entryDer': 'beschadigde keystore: het certificaat van item "{alias}" is geen geldige DER',
    'keystore.error.jksPassword':
      'verkeerd keystorewachtwoord (of het bestand is gewijzigd): de integriteitsdigest klopt niet',
    'keystore.error.pkcs12Der': 'beschadigde PKCS#12-keystore: {what} is geen geldige DER ({detail})',
    'keystore.error.part.file': 'het bestand',
    'keystore.error.part.authSafe': 'de geauthenticeerde safe',
    'keystore.error.part.safe': 'een safe',
    'keystore.error.part.kept': 'het bewaarde item "{alias}"',
    'keystore.error.notPkcs12': 'geen PKCS#12-keystore',
    'keystore.error.certBag':
      'beschadigde PKCS#12-keystore: de certificaatbag "{alias}" bevat geen geldig certificaat',
    'keystore.error.pkcs12Password':
      'verkeerd keystorewachtwoord (of het bestand is gewijzigd): de MAC klopt niet',
    'keystore.error.pkcs12Unreadable':
      'PKCS#12-keystore die siem-doctor niet kan lezen ({detail}); gebruik --keytool',
    'keystore.error.jceks': 'een JCEKS-keystore: siem-doctor leest alleen JKS en PKCS#12; gebruik --keytool',
    'keystore.error.notKeystore': 'geen keystore: JKS noch PKCS#12',
    'keystore.error.inFile': '{file}: {problem}',
    'keystore.error.protectedPkcs12':
      'siem-doctor schrijft alleen PKCS#12 zonder wachtwoord (zoals de cacerts van JDK 18+), en deze PKCS#12-keystore heeft een wachtwoord: gebruik --keytool',
    'keystore.error.cannotWrite': 'kan {file} niet schrijven: {why} (er is niets gewijzigd)',
    'keystore.error.why.readOnly': 'het bestandssysteem is alleen-lezen gekoppeld',
    'keystore.error.why.immutable':
      'het bestand of de map ervan is gemarkeerd als onveranderlijk of alleen-toevoegen (zie lsattr; chattr -i heft dat op)',
    'keystore.error.why.denied': 'toegang geweigerd; start als Administrator/root',
    'keystore.error.why.full': 'geen ruimte meer op het apparaat',
    'keystore.error.backups':
      'kan geen back-up van {file} schrijven: er bestaan al 100 back-ups van deze seconde',
    'keystore.error.changedMeanwhile':
      '{file} is door een ander programma gewijzigd terwijl deze run zijn wijziging voorbereidde; er is niets gewijzigd: probeer het opnieuw',
    'keystore.error.readBack': 'de teruggelezen keystore verschilt van wat geschreven is; {outcome}',
    'keystore.error.outcome.kept': 'het origineel is bewaard',
    'keystore.error.outcome.replaced': 'hij is vervangen; de vorige versie is bewaard als {backup}',
    'keystore.error.busy':
      'een andere siem-doctor wijzigt {file}; er is niets gewijzigd: probeer het opnieuw als die klaar is, of verwijder {lock} als zo’n proces niet draait',
    'keystore.error.busyBy':
      'een andere siem-doctor wijzigt {file} (pid {pid} op {host}, sinds {since}); er is niets gewijzigd: probeer het opnieuw als die klaar is, of verwijder {lock} als zo’n proces niet draait',
    'trust.error.noCertFiles': '{folder} bevat geen .pem-, .crt-, .cer- of .der-bestand',
    'trust.error.pemDamaged': '{file}: certificaat {number} is beschadigd (geen geldige base64-DER)',
    'trust.error.notCertificate': '{file}: geen PEM- en geen DER-certificaat',
    'trust.error.keytoolList': 'keytool kan niet tonen wat hij geschreven heeft: {detail}',
    'trust.error.keytoolRefused': 'keytool weigerde {alias}: {detail} (er is niets gewijzigd)',
    'trust.error.keytoolLacks':
      'de kopie van keytool mist {aliases} na het importeren; er is niets gewijzigd',
    'trust.error.lost':
      '{file} bevat {aliases} niet meer na het schrijven (door een ander programma gewijzigd?); de vorige versie is bewaard als {backup}',
    'trust.error.noJava':
      'geen Java-runtime gevonden om cacerts uit te halen: geef --java-home DIR (of JAVA_HOME), of --keystore FILE',
    'trust.error.notAFile':
      'de truststore van Java is {type} ({how}), geen bestand: hij kan hier niet gelezen of geschreven worden; voeg op Windows de CA-certificaten toe aan het certificaatarchief van de machine (certlm.msc, of certutil -addstore Root FILE), of geef --keystore FILE',
    'trust.error.keytoolNeedsHome':
      'de keytool van de JRE heeft een Java-map nodig: geef --java-home DIR (of JAVA_HOME)',
    'trust.error.noKeytool':
      'deze JRE heeft geen {keytool}; gebruik een volledige JDK/JRE, of laat --keytool weg',
    'trust.error.noSource':
      'zeg waar de certificaten vandaan komen: --portal-url URL (de keten die het portaal aanbiedt), --from FILE|DIR, of --download',
    'trust.error.untrustedPortal':
      'importeren van {host} geweigerd: de keten wordt hier niet vertrouwd ({reason}); gebruik --download of --from met bestanden die u vertrouwt',
    'import.error.mirror':
      '--pki-base-url "{url}" moet een http://- of https://-adres zijn, bv. https://mirror.contoso.local/pkiops/certs/',
    'import.error.notTerminal':
      'niet vanuit een terminal gestart: voeg --yes toe om zonder bevestiging te importeren (er is niets gewijzigd)',
    'import.restart': 'Start de agent opnieuw zodat Java de truststore opnieuw inleest.',
    'list.title':
      'CA-certificaten van de ketens van Azure, in {file} ({format}, {count, plural, one {# item} other {# items}}):',
    'list.chainTitle': 'De keten die {host} serveert, tegenover deze keystore:',
    'list.present': 'aanwezig als {alias}',
    'list.missing': 'ontbreekt',
    'list.expired': 'verlopen',
    'list.needed': 'nodig',
    'list.notNeeded': 'niet nodig',
    // veiligheid van de keystore en oordelen van certs import (issue #10)
    'certs.damaged':
      'beschadigde keystore: Java kan {file} niet laden ({detail}); de JVM zou een lege verzameling vertrouwde certificaten zien en geen enkele server vertrouwen',
    'certs.fix.damaged':
      'Zet een goede kopie van de keystore terug (siem-doctor bewaart er na elke import een naast, *.siem-doctor-*.bak), of de eigen cacerts van de JRE, en importeer de CA’s opnieuw.',
    'import.portalChain': 'de keten van {host}',
    'import.nothingObtained':
      'Niets gewijzigd: geen enkel certificaat kon worden verkregen ({count} mislukt, hierboven vermeld).',
    'import.noneOffered': 'Niets gewijzigd: de bron bood geen CA-certificaat om te importeren.',
    'import.noCa':
      'Niets gewijzigd: geen van de aangeboden certificaten is een CA-certificaat (het eigen certificaat van een server is niet wat Java nodig heeft: bied de CA’s aan die het uitgaven).',
    'import.nothingValid':
      'Niets te wijzigen: de keystore bevat al elk geldig aangeboden CA-certificaat; de andere zijn weggelaten (hierboven vermeld).',
    'import.someNotObtained':
      '{count, plural, one {# certificaat kon} other {# certificaten konden}} niet worden verkregen (hierboven vermeld): probeer opnieuw zodra dat kan.',
    // certs & trust (#12)
    'list.issuedBy': 'uitgegeven door {issuer}',
    'list.role.documented': 'gedocumenteerd',
    'list.role.current': 'huidig',
    'list.role.root': 'root',
    'list.role.retired': 'uitgefaseerd',
    'list.verdictAnchored':
      'Oordeel: deze store verankert de keten die {host} serveert (bij {anchor}): Java kan het pad bouwen.',
    'list.verdictNotAnchored':
      'Oordeel: deze store kan de keten die {host} serveert niet verankeren: Java zal het portaal weigeren; `siem-doctor certs import --portal-url https://{host}` voegt toe wat nodig is.',
    'list.verdictRoots':
      'Oordeel: deze store bevat {count} van de {total, plural, one {# root} other {# roots}} waarop de ketens van Azure eindigen ({roots}); geef --portal-url om de keten te beoordelen die het portaal serveert.',
    'list.verdictNoRoots':
      'Oordeel: deze store bevat geen van de roots waarop de ketens van Azure eindigen: Java kan het portaal niet vertrouwen; `siem-doctor certs import --download` voegt ze toe.',
    'certs.jvmAfterTrusted':
      'Bevestigd door de JVM: {java} vertrouwt {host} nu; de eigen handshake slaagde ({protocol}) met de truststore {store}.',
    'certs.jvmAfterRefused':
      'De JVM bevestigt het niet: {java} weigert {host} nog steeds met de truststore {store}: {error}',
    'certs.jvmAfterUndecided':
      'De JVM kon het niet bevestigen: {java} voltooide geen handshake met {host} ({error}).',
    'certs.jvmAfterLoaded':
      'De JVM leest de herbouwde store: {java} laadt {store} met {anchors} vertrouwensankers (geef --portal-url om het portaal zelf te laten proberen).',
    'certs.jvmAfterNotAsked':
      'De JVM kon niet worden gevraagd het te bevestigen ({reason}): voer `siem-doctor check --only java-certs` uit waar de agent draait.',
    'fix.certs.import':
      '{count, plural, one {# CA-certificaat} other {# CA-certificaten}} van de keten van het portaal ({names}) importeren in {file}',
    'fix.certs.managed':
      '{count, plural, one {# CA-certificaat} other {# CA-certificaten}} van de keten van het portaal ({names}) toevoegen op de manier van de distributie: {files} schrijven, dan {command} uitvoeren ({file} verwijst naar {resolved}, dat de distributie herbouwt: een directe schrijfactie zou bij de volgende update van de CA-certificaten ongedaan worden gemaakt)',
    'fix.certs.nothing': 'niets te importeren',
    'fix.certs.held': 'niets te importeren: {file} bevat ze al',
    'fix.certs.imported': '{aliases} geïmporteerd in {file}; kopie {backup}; herstart de agent',
    'fix.certs.managedDone': '{aliases} toegevoegd via {tool}; {file} bevat ze nu; herstart de agent',
    'fix.certs.managedIncomplete': '{tool} is uitgevoerd, maar {file} mist nog {aliases}: {output}',
    'logs.none': 'niet uitgevoerd: geen logmap opgegeven (--logs-directory, de --logsDirectory van de agent)',
    'logs.unreadable': 'de logmap {dir} is onleesbaar ({code})',
    'logs.noFiles': 'niet uitgevoerd: {dir} bevat geen logbestand',
    'logs.clean':
      'geen gedocumenteerde fout in {files, plural, one {# logbestand} other {# logbestanden}}, {lines, plural, one {# regel} other {# regels}}, onder {dir}',
    'logs.emptyDir':
      'niets kon worden bevestigd: geen logbestand onder {dir} (is dit de logmap van de agent?)',
    'logs.nothingRead':
      'niets kon worden bevestigd: geen item onder {dir} kon als logbestand worden gelezen ({count, plural, one {# item} other {# items}} overgeslagen, zie boven)',
    'logs.quietWindow':
      'niets in het --since-venster: elk logbestand onder {dir} houdt op vóór het begin ervan ({count, plural, one {# bestand} other {# bestanden}} overgeslagen, zie boven)',
    'logs.fix.dir': 'Geef de map op waarin de agent zijn logs schrijft, zoals met --logsDirectory opgegeven.',
    'proxy.malformed': 'de agent draait met --proxy "{proxy}", dat hij niet kan gebruiken: {problem}',
    'proxy.problem.empty': 'het is leeg',
    'proxy.problem.padded': 'er staan spaties omheen',
    'proxy.problem.space': 'het bevat een spatie',
    'proxy.problem.quoted': 'het staat tussen aanhalingstekens',
    'proxy.problem.scheme': 'laat "{scheme}" weg: de agent neemt alleen ADRES[:POORT]',
    'proxy.problem.credentials': 'het bevat inloggegevens; de agent kan zich niet bij een proxy aanmelden',
    'proxy.problem.path': 'het bevat een pad; geef alleen ADRES[:POORT]',
    'proxy.problem.unclosedIpv6': 'het IPv6-adres heeft geen sluitende "]"',
    'proxy.problem.afterBracket': 'onverwacht "{rest}" na "]"',
    'proxy.problem.notIpv6': '"{host}" is geen IPv6-adres',
    'proxy.problem.bareIpv6': 'een IPv6-adres hoort tussen vierkante haken, bijvoorbeeld [2001:db8::1]:8080',
    'proxy.problem.notIpv4': '"{host}" is geen IPv4-adres',
    'proxy.problem.hostName': '"{host}" is geen geldige hostnaam',
    'proxy.problem.port': 'poort "{port}" is geen geheel getal van 1 tot 65535',
    'init.intro':
      'Dit schrijft een configuratiebestand voor `siem-doctor check --config FILE`. Lege antwoorden worden weggelaten.',
    'init.portal':
      'URL van de tenantportal (Instellingen → Info), bijvoorbeeld https://contoso.us3.portal.cloudappsecurity.com',
    'init.proxy': 'Proxy waarmee de agent start (--proxy ADRES[:POORT]), leeg als er geen is',
    'init.syslogHost': 'Naam of adres van de SIEM-server (zoals in de wizard van de portal)',
    'init.syslogPort': 'Poort van de SIEM',
    'init.protocol': 'Protocol van de SIEM',
    'init.javaHome': 'Java-map waarop de agent draait',
    'init.logs': 'Logmap van de agent (--logsDirectory), leeg als er geen is',
    'init.file': 'Schrijf de configuratie naar',
    'init.overwrite': '{file} bestaat al. Vervangen?',
    'init.written':
      '{file} geschreven. Het token staat er niet in: geef het op als SIEM_DOCTOR_TOKEN wanneer u `siem-doctor check --config {file}` uitvoert.',
    'syslog.noHost': 'niet uitgevoerd: geen SIEM-server opgegeven (gebruik --syslog-host en --syslog-port)',
    'syslog.noPort': 'niet uitgevoerd: geen SIEM-poort opgegeven (gebruik --syslog-port)',
    'syslog.dnsFailed': 'de naam van de SIEM-server {host} lost niet op ({code})',
    'syslog.tcpOk': '{host}:{port}/tcp neemt verbindingen aan ({addresses})',
    'syslog.refused': 'verbinding met {address}:{port}/tcp geweigerd: er luistert niets op die poort',
    'syslog.timedOut':
      'verbinding met {address}:{port}/tcp kreeg binnen {seconds} s geen antwoord: waarschijnlijk houdt een firewall ze tegen',
    'syslog.unreachable':
      '{address}:{port}/tcp is van hieruit onbereikbaar ({code}): er is geen route naartoe',
    'syslog.connectFailed': 'verbinding met {address}:{port}/tcp mislukte ({code})',
    'syslog.connectReset':
      '{address}:{port}/tcp nam de verbinding aan en resette ze meteen: de invoer verwacht misschien TLS, of aanvaardt alleen bepaalde afzenders',
    'syslog.partial':
      'slechts {ok} van de {total} adressen van {host} {ok, plural, one {neemt} other {nemen}} verbindingen aan op poort {port}',
    'syslog.udpRefused':
      '{address}:{port}/udp antwoordde „poort onbereikbaar”: er luistert niets op die poort',
    'syslog.udpUnconfirmed':
      'er ging een test naar {address}:{port}/udp en niets weigerde hem, maar UDP kent geen bevestiging: aflevering is van hieruit niet na te gaan',
    'syslog.sendOk':
      'een gemarkeerde testgebeurtenis ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) werd naar {host}:{port}/tcp geschreven, en de server las ze tot het einde en sloot netjes af',
    'syslog.sendReset':
      'de SIEM-server resette de verbinding tijdens het schrijven van de testgebeurtenis ({code})',
    'syslog.sendClosed':
      'de SIEM-server sloot de verbinding voordat de testgebeurtenis kon worden afgeleverd',
    'syslog.sendStalled':
      'het schrijven van de testgebeurtenis staat al {seconds} s stil: de server neemt verbindingen aan maar leest niet',
    'syslog.sendUdp':
      'niet uitgevoerd: de testgebeurtenis gaat alleen via TCP, omdat niets zou zeggen of een UDP-datagram aankwam',
    'syslog.sendDisabled': 'niet uitgevoerd: --no-test-event werd opgegeven',
    'syslog.fix.portal':
      'Vergelijk in de portal (Instellingen → Cloud-apps → SIEM-agents → Bewerken) servernaam, poort en protocol met de syslog-invoer van de SIEM.',
    'syslog.fix.listening':
      'Controleer op de SIEM-server of er iets luistert op poort {port}: `ss -ltnp` voor TCP, `ss -lunp` voor UDP.',
    'syslog.fix.firewall':
      'Sta verkeer van deze server naar {host} op poort {port} toe op elke firewall daartussen, ook die op de machines zelf.',
    'syslog.fix.dns':
      'Verbeter de servernaam in de portal, of zorg dat hij oplost op de agentserver (DNS of hosts-bestand).',
    'syslog.fix.ipChanged':
      'Kreeg de SIEM-server een ander adres, werk dan de naam of het adres bij in de portal.',
    'syslog.fix.reset':
      'Bekijk de SIEM-invoer: een invoer die alleen TLS aanneemt, een verbindingslimiet of een lijst van toegestane afzenders sluit gewone TCP-verbindingen van deze machine.',
    'syslog.fix.stall':
      'Een ontvanger die niet meer leest is overbelast of vastgelopen (volle schijf, gestopte verwerking): herstart hem of leeg zijn wachtrij.',
    'syslog.fix.sendTest':
      'Reproduceer naar believen: `siem-doctor syslog send-test --syslog-host {host} --syslog-port {port} --protocol {protocol}`.',
    'syslog.fix.udp':
      'Om UDP-aflevering na te gaan: voer `siem-doctor syslog send-test --protocol udp` uit en zoek de gemarkeerde gebeurtenissen in de SIEM.',
    'sendTest.sent':
      '{count, plural, one {# gebeurtenis} other {# gebeurtenissen}} verzonden ({bytes, plural, one {# byte} other {# bytes}}) naar {host}:{port}/{protocol} ({address}), framing {framing}',
    'sendTest.find': 'Zoek ze in de SIEM op externalId {runId}-1 … {runId}-{count}',
    'sendTest.halfClosed':
      'De server sloot zijn kant van de verbinding als eerste (zoals `ncat --recv-only` doet) en nam alle gebeurtenissen aan zonder reset: alleen de SIEM kan bevestigen dat ze aankwamen',
    'sendTest.udp': 'UDP kent geen bevestiging: alleen de SIEM kan bevestigen dat ze aankwamen',
    'sendTest.failed': 'Verzenden naar {host}:{port}/{protocol} mislukte: {reason}',
    'listen.listening': 'Luistert op {host}:{port}/{protocol}; stoppen met Ctrl-C',
    'listen.summary':
      '{events, plural, one {# gebeurtenis} other {# gebeurtenissen}} ontvangen ({activities, plural, one {# activiteit} other {# activiteiten}}, {alerts, plural, one {# waarschuwing} other {# waarschuwingen}}) van {senders, plural, one {# afzender} other {# afzenders}} via {connections, plural, one {# verbinding} other {# verbindingen}} in {seconds} s; {malformed} misvormd',
    'listen.byCategory': 'Per categorie:',
    'listen.times': 'Tijdstippen: eerste {first}, laatste {last}',
    'listen.senders': 'Afzenders: {list}',
    'listen.framing':
      'Framing: {lf} per regeleinde (die van de agent), {octet} octet-counted, {datagram, plural, one {# datagram} other {# datagrammen}}',
    'listen.malformed': 'Eerste misvormde bericht, van {sender} ({reason}): {example}',
    'listen.reason.pri': 'de <PRI> is geen 1 tot 3 cijfers tot 191',
    'listen.reason.noCef': 'geen “CEF:” in de regel',
    'listen.reason.fields': 'de CEF-header heeft minder dan 8 velden',
    'listen.reason.version': 'de CEF-versie “{version}” is geen getal',
    'listen.reason.other': '{reason}',
    'listen.none': 'Er kwam geen geldige gebeurtenis aan.',
    // bounds (issue #10): send-test verstuurt zijn events stuk voor stuk; listen --json wacht op zijn uitvoer
    'sendTest.sentBefore':
      'daarvoor had de server {sent} van de {count, plural, one {# gebeurtenis} other {# gebeurtenissen}} aangenomen',
    'listen.dropped':
      '{dropped, plural, one {# gebeurtenis is geteld maar niet getoond: ze kwam} other {# gebeurtenissen zijn geteld maar niet getoond: ze kwamen}} via UDP terwijl de uitvoer het niet bijhield (UDP kan niet gepauzeerd worden)',
    'syslog.hint.framing':
      'Toont de SIEM niets terwijl het verzenden lukte: rsyslog leest een TCP-regel die met een cijfer begint als octet-counted en gooit de regels van de agent weg. Zet PRI aan in de Generic CEF-instellingen van de portal, of zet SupportOctetCountedFraming="off" op die rsyslog-invoer.',
    // fleet (issue #14): watch, the portal projection, machine formats
    'watch.host': 'Host: {host}',
    'watch.projection.connected':
      'Portal: de agent houdt contact (portal, proxy en Java-vertrouwen falen niet)',
    'watch.projection.ahead':
      '{checks} mislukt sinds {since}: als dit aanhoudt, toont de portal “{mark}” om {at} (over {minutes} min)',
    'watch.projection.warning':
      'Waarschuwing: {checks} mislukt sinds {since}: de portal toont “{mark}” om {at} (over {minutes} min) tenzij dit hersteld wordt',
    'watch.projection.reached': '{checks} mislukt sinds {since}: de portal toont “{mark}” sinds {at}',
    'watch.change': '{time} {check}: {from} → {to}: {message}',
    'watch.first': '{time} {check}: {to}: {message}',
    'watch.started':
      'Bewaakt {count, plural, one {# controle} other {# controles}} elke {interval}; toestand bewaard in {file}',
    'watch.stateDamaged': 'Het toestandsbestand {file} is onbruikbaar ({reason}); opnieuw begonnen',
    'watch.state.notJson': 'geen geldige JSON ({where})',
    'watch.state.notState': 'geen watch-toestand van siem-doctor (versie 1)',
    'watch.state.badEntry': 'item {id} is niet goed gevormd',
    'watch.state.keptAs': '{reason}; het bestand is bewaard als {aside}',
    'watch.roundCrashed': 'Ronde {round} mislukte: {reason}; de volgende ronde loopt zoals gepland',
    'watch.stopping': 'Stopt ({signal}) zodra de huidige ronde klaar is',
    // verdicts (issue #10): alleen wat het bewijs laat zien
    'syslog.sendUnconfirmed':
      'verzonden; ontvangst niet bevestigd: de testgebeurtenis ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) ging naar {host}:{port}/tcp zonder reset of sluiting, maar de server hield de verbinding open na ons einde van de stroom; TCP kan een server die leest en verbindingen openhoudt niet onderscheiden van een die niet leest',
    'syslog.sendHalfClosed':
      'verzonden; ontvangst niet bevestigd: de server sloot zijn kant van de verbinding vóór ons (zoals `ncat --recv-only` doet) en nam de hele testgebeurtenis ({bytes, plural, one {# byte} other {# bytes}}, externalId {externalId}) aan zonder reset: hij leest verder, zoals de agent nodig heeft, maar geen sluiting na ons einde van de stroom bevestigt dat hij alles las',
    'syslog.fix.findHalfClosed':
      'Zoek in de SIEM de gebeurtenis met externalId {externalId}: staat ze erin, dan heeft de server haar gelezen.',
    'syslog.fix.findEvent':
      'Zoek in de SIEM de gebeurtenis met externalId {externalId}: staat ze er, dan leest de server en houdt hij verbindingen gewoon open, zoals velen doen.',
    'token.refusedUnconfirmed':
      'het token eindigend op …{last4} kon niet bevestigd worden: de portal weigerde de aanroep met HTTP {status} ({detail}), wat niet zegt dat het token ongeldig is; de geprobeerde API kan meer rechten vragen dan een SIEM-agenttoken heeft',
    'token.fix.agentConfirms':
      'Start de agent met dit token en lees zijn console: alleen „Ongeldig token (Invalid token)” daar bewijst dat het token slecht is.',
    'proxy.tunnelClosed':
      'de proxy {proxy} antwoordde op CONNECT {target} met HTTP 200 en sloot daarna de tunnel voordat er iets doorheen ging: de agent kan er niet door tunnelen',
    'proxy.fix.tunnel':
      'Kijk in het log van de proxy naar deze CONNECT: een beleid, een storing stroomopwaarts of een limiet op tunnels sluit hem meteen na het aanvaarden.',
    'logs.noneRead':
      'kon niet bevestigd worden: {skipped, plural, =1 {het enige bestand in {dir} kon niet doorzocht worden} other {geen van de # bestanden in {dir} kon doorzocht worden}} (zie het bewijs voor elk en waarom)',
    'logs.cleanButSkipped':
      'geen gedocumenteerde fout in {files, plural, one {# logbestand} other {# logbestanden}}, {lines, plural, one {# regel} other {# regels}}, onder {dir}; {skipped, plural, one {# bestand kon niet als tekst gelezen worden en is} other {# bestanden konden niet als tekst gelezen worden en zijn}} niet doorzocht (zie het bewijs)',
    'logs.fix.skipped':
      'Maak de overgeslagen bestanden leesbaar voor dit account, of doorzoek ze met de hand (`grep -a`) als het logs zijn.',
    'logs.skippedFile': '{file} overgeslagen: {reason}',
    'logs.skip.binary': 'binaire inhoud, geen tekst',
    'logs.skip.unreadable': 'niet leesbaar ({code})',
    // logs (#13): every file read, findings by what the line is about, the portal's marks
    'logs.skip.not-a-file': 'geen gewoon bestand ({code}), niet gelezen',
    'logs.skip.folder': 'een map, niet doorzocht',
    'logs.skip.before-since': 'bevat niets na het begin van het --since-venster, niet gelezen',
    'logs.read':
      '{files, plural, one {# logbestand} other {# logbestanden}} gelezen, {lines, plural, one {# regel} other {# regels}}, {megabytes} MB, onder {dir}',
    'logs.window': 'Alleen regels vanaf {since} tellen mee (--since)',
    'logs.damaged': '{file}: het gecomprimeerde bestand is beschadigd ({code}); gelezen tot regel {lines}',
    'logs.finding':
      '“{error}”: {label} ({side}), {count, plural, other {# keer}}, eerst {first}, laatst {last}, in {file} regel {line}',
    'logs.finding.undecided':
      'gedocumenteerde fout niet te bepalen: {label} ({side}), {count, plural, other {# keer}}, eerst {first}, laatst {last}, in {file} regel {line}',
    'logs.timeUnknown': 'tijd onbekend',
    'logs.side.siem': 'SIEM {host}',
    'logs.side.portal': 'portaal {host}',
    'logs.side.proxy': 'proxy {host}',
    'logs.side.unknown': 'de regel noemt de SIEM noch het portaal',
    'logs.why.proxy-auth':
      'De proxy {host} antwoordde 407: hij wil inloggegevens, en de agent kan er geen geven (zijn --proxy neemt alleen ADRES[:POORT]). Het adres is niet fout: laat de agentserver zonder authenticatie door de proxy.',
    'logs.why.proxy-tunnel':
      'De proxy {host} opende geen tunnel (CONNECT) naar het portaal: sta CONNECT naar het tenantportaal op poort 443 toe voor de agentserver.',
    'logs.why.trust-anchors-empty':
      'Java vond helemaal geen vertrouwd certificaat: de truststore van de JVM van de agent ontbreekt, is leeg of beschadigd (een verkeerde -Djavax.net.ssl.trustStore, of een onleesbare cacerts). Voer `siem-doctor check --only java-certs` uit.',
    'logs.why.pkix-building':
      'Java kon geen pad bouwen van het certificaat van het portaal naar een CA in zijn truststore: er ontbreekt een CA. Voer `siem-doctor certs import` uit.',
    'logs.why.cert-validity':
      'Een certificaat van de keten van het portaal, of de CA waarop ze eindigt, is verlopen of nog niet geldig voor Java: controleer de klok van de server, en dat geen TLS-inspecterende proxy zijn eigen certificaten toont.',
    'logs.why.algorithm-constraints':
      'Java weigerde de keten om zijn algoritmen of sleutellengtes: een aangescherpte java.security (jdk.certpath.disabledAlgorithms, bv. RSA keySize < 4096) weigert de RSA-2048-ketens van Azure.',
    'logs.why.revocation':
      'Java controleert intrekking en kon de CRL- of OCSP-servers niet bereiken: sta HTTP (poort 80) toe naar crl3.digicert.com, crl4.digicert.com, ocsp.digicert.com en oneocsp.microsoft.com, direct of via de proxy.',
    'logs.why.pkix-validation':
      'Java bouwde een pad naar een vertrouwde CA maar weigerde het bij de validatie; de volgende regels van het log noemen de oorzaak (verlopen, algoritmen, intrekking).',
    'logs.why.hostname-mismatch':
      'Het certificaat dat de agent kreeg, staat niet op de naam van het portaal: een TLS-inspecterende proxy, of een portaal-URL of DNS-record dat elders uitkomt.',
    'logs.why.not-tls':
      'De agent sprak TLS en kreeg iets anders terug (gewone HTTP): een proxy of filter antwoordde in plaats van het portaal.',
    'logs.why.tls-version':
      'Geen TLS-versie die beide kanten aanvaarden: de Java van de agent moet TLS 1.2 toestaan (`siem-doctor check --only java-tls`), en de andere kant (het portaal, of een proxy die TLS inspecteert) moet die spreken.',
    'logs.why.handshake-failure':
      'De TLS-handshake werd geweigerd: meestal geen TLS-versie of cipher die beide kanten delen (TLS 1.2 uitgeschakeld in Java, of een proxy die TLS inspecteert). Voer `siem-doctor check --only java-tls` uit.',
    'logs.why.unknown-host.siem':
      'De naam van de SIEM-server {host} wordt op de agentserver niet opgelost: controleer de host die in het portaal voor de agent is ingesteld, en de DNS.',
    'logs.why.unknown-host.portal':
      'De naam van het portaal {host} wordt op de agentserver niet opgelost; zonder proxy lost de agent hem zelf op: controleer de DNS, of stel de proxy in.',
    'logs.why.unknown-host.proxy':
      'De naam van de proxy {host} wordt niet opgelost: de agent kan die --proxy niet gebruiken.',
    'logs.why.unknown-host.unknown':
      'De naam {host} wordt niet opgelost; het is niet de SIEM, het portaal of de proxy uit de instellingen van deze run: geef --syslog-host, --portal-url en --proxy om te bepalen aan welke kant hij staat.',
    'logs.why.connection-refused.siem':
      'De SIEM-server {host} weigerde de TCP-verbinding: niets luistert op die poort, of een firewall weigert ze. Een weigering is het antwoord van TCP, vóór elke TLS: het advies van de herstelprocedure over TLS 1.2 geldt niet voor de syslog-kant.',
    'logs.why.connection-refused.portal':
      'De verbinding met {host}, aan de portaalkant, werd geweigerd. De herstelprocedure koppelt “connection refused” aan TLS 1.2; alleen deze kant, de HTTPS-verbinding met het portaal, gebruikt TLS: voer `siem-doctor check --only java-tls,proxy,portal` uit. De weigering zelf is het antwoord van TCP: niets luistert op dat adres en die poort (een verkeerde proxypoort, een firewall).',
    'logs.why.connection-refused.unknown':
      'Een verbinding werd geweigerd, en de regel noemt de SIEM noch het portaal of de proxy uit de instellingen van deze run: geef --syslog-host, --portal-url en --proxy om te beslissen (naar de SIEM: Data server connection error; naar het portaal of de proxy: SIEM agent error).',
    'logs.why.connection-reset.siem':
      'De SIEM-server {host} verbrak de verbinding tijdens het verzenden: een input die gewone TCP sluit (alleen TLS), een verbindingslimiet of een lijst van toegestane afzenders.',
    'logs.why.connection-reset.portal':
      'De verbinding met {host}, aan de portaalkant, werd verbroken: een proxy of firewall sneed ze af (TLS-inspectie, inactiviteitslimiet).',
    'logs.why.connection-reset.unknown':
      'Een verbinding werd verbroken, en de regel zegt niet aan welke kant: geef --syslog-host, --portal-url en --proxy om te beslissen.',
    'logs.why.connect-timeout.siem':
      'De SIEM-server {host} antwoordde niet op de verbinding: een firewall laat ze vallen, of de server staat uit.',
    'logs.why.connect-timeout.portal':
      'Geen antwoord op de verbinding met {host}, aan de portaalkant: uitgaande poort 443 (of de poort van de proxy) is geblokkeerd.',
    'logs.why.connect-timeout.unknown':
      'Een verbinding verliep, en de regel zegt niet aan welke kant: geef --syslog-host, --portal-url en --proxy om te beslissen.',
    'logs.why.read-timeout.siem':
      'De verbinding met de SIEM-server {host} bleef hangen tijdens het verzenden.',
    'logs.why.read-timeout.portal':
      'De portaalkant ({host}) nam de verbinding aan maar antwoordde niet op tijd: een trage proxy, of een filter dat het antwoord tegenhoudt.',
    'logs.why.read-timeout.unknown':
      'Een leesbewerking verliep: de agent leest alleen de antwoorden van het portaal (de syslog-kant wordt geschreven, nooit gelezen), dus dit is de portaalkant, via de proxy als die er is.',
    'logs.portal.lastContact': 'Laatste contact met het portaal in de logs: {time}',
    'logs.portal.noContact':
      'Geen regel toont contact met het portaal; fouten aan de portaalkant sinds {time}',
    'logs.portal.failingSince': 'Fouten aan de portaalkant sinds {time}',
    'logs.portal.shows': 'Het portaal toont “{status}” sinds {at}',
    'logs.portal.showsAtLatest': 'Het portaal toont “{status}” uiterlijk sinds {at}',
    'logs.portal.willShow':
      'Het portaal toont “{status}” om {at} (over {minutes} min) tenzij de agent het bereikt',
    'logs.portal.willShowAtLatest': 'Het portaal toont “{status}” uiterlijk om {at} (over {minutes} min)',
    'logs.foundMapped':
      'de logs van de agent tonen “{error}”: {label}{endpoint}, {count, plural, other {# keer}} van {first} tot {last}, de laatste in {file}, regel {line}',
    'logs.undecided':
      'gedocumenteerde fout niet bevestigd: de logs tonen {label}{endpoint}, {count, plural, other {# keer}}, de laatste in {file}, regel {line}',
    'logs.fix.sides':
      'Geef --syslog-host, --portal-url en --proxy zoals de agent ze heeft, zodat elke regel aan zijn kant kan worden geplaatst.',
    'logs.fix.damaged':
      'Een gecomprimeerd log is beschadigd: het is gelezen tot waar het breekt (zie het bewijs).',
    'ui.notRun':
      '{count, plural, one {# controle kon} other {# controles konden}} niet draaien bij gebrek aan gegevens ({checks}): geef {flags} om {count, plural, one {die} other {ze}} te laten draaien',
    'ui.nothingChecked':
      'er is niets gecontroleerd: {count, plural, one {# controle kon} other {# controles konden}} niet draaien bij gebrek aan gegevens ({checks}); geef {flags} om {count, plural, one {die} other {ze}} te laten draaien',
    // every word (#12): keuze van de controles, en wat in de controles nog Engels was
    'select.empty': '{flag} heeft minstens één controle-id nodig, bijvoorbeeld {flag} java-runtime',
    'select.unknown': '{flag}: onbekende controle-id „{id}”; bekende id’s: {ids}',
    'select.none': '--only en --skip laten geen controle over om uit te voeren',
    'proxy.authNoScheme':
      'de proxy {proxy} vraagt aanmeldgegevens (HTTP 407, onbekend schema), die de agent niet kan geven',
    // portal & CA table (#11)
    'portal.okDirect': '{host} antwoordde HTTP {status} via {protocol} ({cipher}), rechtstreeks, in {ms} ms',
    'portal.okVia':
      '{host} antwoordde HTTP {status} via {protocol} ({cipher}), via de proxy {proxy}, in {ms} ms',
    'portal.okBothDirect':
      '{host} antwoordde HTTP {status} via {protocol} ({cipher}), rechtstreeks, in {ms} ms; met hoogstens TLS 1.2, zoals een Java 8-agent vraagt, werd het {protocol12} ({cipher12})',
    'portal.okBothVia':
      '{host} antwoordde HTTP {status} via {protocol} ({cipher}), via de proxy {proxy}, in {ms} ms; met hoogstens TLS 1.2, zoals een Java 8-agent vraagt, werd het {protocol12} ({cipher12})',
    'portal.tls12Refused':
      '{host} spreekt {protocol} met deze machine maar weigert TLS 1.2 ({code}): de Java 8 van de agent, die standaard hoogstens TLS 1.2 aanbiedt, kan geen verbinding maken',
    'portal.fix.java8Tls13':
      'Start de agent op Java 8u261 of nieuwer met -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3 (TLS 1.3 staat voor Java 8-clients standaard uit), of laat hem op Java 11 of nieuwer draaien; laat anders de proxy of load balancer op het pad TLS 1.2 aanvaarden.',
    'portal.g2CrossSignMissing':
      '{host} stuurt een echte keten zonder de DigiCert-kruiscertificering van „{root}”: die eindigt bij „{top}”, dat alleen de zelfondertekende „{root}” verankert; het vertrouwen van deze machine mist die root, dus kon de portal niet geverifieerd worden (niets wijst op onderschepping)',
    'portal.fix.g2Root':
      'Java heeft de zelfondertekende „{root}” (geldig tot 2040) nodig als anker van de truststore van de agent: zie java-certs, en voeg hem toe met `siem-doctor certs import --from BESTAND` (het certificaat uit de PKI-opslag van Microsoft); geef hetzelfde bestand met --ca-file om deze controle de portal ook te laten verifiëren.',
    'certs.g2CrossSignMissing':
      'de portal stuurt zijn keten zonder de DigiCert-kruiscertificering van „{root}”: die eindigt bij „{top}”, en {file} mist de zelfondertekende „{root}”, de enige die hem verankert',
    'certs.jvmG2CrossSignMissing':
      '{java} kan geen pad bouwen: de portal stuurt zijn keten zonder de DigiCert-kruiscertificering van „{root}”, en de truststore {store} mist de zelfondertekende „{root}” ({error})',
    'certs.fix.oldJre8':
      'Java {version} is ouder dan 8u381, de eerste Oracle Java 8 met „Microsoft RSA Root Certificate Authority 2017” en „Microsoft ECC Root Certificate Authority 2017”: werk Java bij, of importeer de ontbrekende root.',
    'certs.noEccRoot':
      '{file} bevat „{root}” voor de RSA-ketens van Azure maar geen root van zijn ECC-ketens ({missing}); Java kan beide krijgen (geef --portal-url om de keten te beoordelen die de portal werkelijk stuurt)',
    'tls.jvmNoProtocols': 'TLS 1.2 staat uit voor {java}: het heeft helemaal geen standaard clientprotocol',
    'tls.portalRefusesTls12':
      '{host} weigert TLS 1.2 ({code}), en deze Java {version} biedt standaard hoogstens TLS 1.2 aan: de agent kan geen verbinding maken',
    // listen recovery (#13)
    'listen.keeping': 'Elk bericht wordt byte voor byte bewaard in {file}',
    'listen.forwarding': 'Elk bericht wordt bij aankomst doorgestuurd naar {target}',
    'listen.rt': 'Tijden van de gebeurtenissen (rt): eerste {first}, laatste {last}',
    'listen.quiet':
      'Berichten kwamen van {first} tot {last}; de stroom was {seconds} s stil toen het luisteren stopte',
    'listen.output.kept':
      '{messages, plural, one {# bericht} other {# berichten}} ({bytes, plural, one {# byte} other {# bytes}}) bewaard in {files}',
    'listen.output.rotated':
      '{rotations, plural, one {# keer} other {# keer}} op grootte geroteerd; hoogstens {keep, plural, one {# geroteerd bestand} other {# geroteerde bestanden}} bewaard',
    'listen.output.rotatedAway':
      '{count, plural, one {# bericht van deze sessie stond} other {# berichten van deze sessie stonden}} in geroteerde bestanden die voorbij de {keep} bewaarde zijn verwijderd: geef een grotere --output-max-size of --output-files',
    'listen.output.notKept':
      '{count, plural, one {# bericht kon} other {# berichten konden}} niet bewaard worden: {error}',
    'listen.output.failed':
      'Schrijven naar {file} mislukte: {error}; wat vanaf nu binnenkomt wordt daar niet bewaard',
    'listen.output.queueFull':
      'de schijf hield het niet bij: meer dan {limit} wachtte om geschreven te worden',
    'listen.forward.counts':
      'Doorsturen naar {target}: {received} ontvangen, {forwarded} doorgestuurd, {notForwarded} niet doorgestuurd',
    'listen.forward.unconfirmed':
      '{count} van de doorgestuurde berichten gingen over een verbinding die de SIEM daarna verbrak: TCP zegt niet hoeveel ervan gelezen zijn',
    'listen.forward.problems':
      'De SIEM nam {count, plural, one {# keer} other {# keer}} geen berichten meer aan; de eerste keer om {at}: {reason}',
    'listen.forward.loadLater':
      '{count, plural, one {Het niet doorgestuurde bericht staat} other {De # niet doorgestuurde berichten staan}} met alle andere in {file}: laad dat bestand in de SIEM',
    'listen.forward.partlyKept':
      '{count, plural, one {Het niet doorgestuurde bericht staat niet} other {De # niet doorgestuurde berichten staan niet allemaal}} in {file} (zie boven): wat daar ontbreekt is verloren',
    'listen.forward.lost':
      '{count, plural, one {Het niet doorgestuurde bericht is} other {De # niet doorgestuurde berichten zijn}} nergens bewaard: gebruik --output BESTAND om elk bericht te bewaren',
    'listen.forward.problem':
      'Doorsturen naar {target} om {at}: {reason}; intussen worden berichten {kept}; opnieuw proberen',
    'listen.forward.recovered': 'Doorsturen naar {target} werkt weer',
    'listen.forward.keptIn': 'bewaard in {file}',
    'listen.forward.keptNowhere': 'niet bewaard (geen --output)',
    'listen.forward.refused': 'de SIEM weigerde de verbinding: niets luistert op die poort',
    'listen.forward.reset':
      'de SIEM heeft de verbinding verbroken ({code}); de berichten die net daarvoor zijn verstuurd, zijn er misschien niet aangekomen',
    'listen.forward.closed': 'de SIEM heeft de verbinding gesloten',
    'listen.forward.stalled': 'de SIEM nam {seconds} s lang niets aan',
    'listen.forward.unreachable': 'de SIEM is niet bereikbaar ({code})',
    'listen.forward.error': 'de verbinding met de SIEM mislukte ({code})',
    'listen.forward.loop': '{target} is het adres waarop hier geluisterd wordt: elk bericht zou terugkomen',
    'listen.bind.inUse':
      'poort {port} op {host} is al in gebruik: stop wat daar luistert, of kies een andere --port',
    'listen.bind.rights':
      'luisteren op poort {port} vraagt meer rechten (poorten onder 1024 vragen root): kies een poort boven 1023',
    'listen.bind.notHere': '--host {host} is geen adres van deze machine',
    'listen.bind.other': 'kan niet luisteren op {host}:{port}: {reason}',
    // syslog errors (listen --forward / --output-max-size, recovery.ts)
    'forward.error.form':
      '"{value}" {problem}: geef HOST:POORT[/tcp|udp], bv. siem.contoso.local:514/tcp of [2001:db8::5]:514',
    'forward.error.noPort': 'heeft geen poort',
    'forward.error.bareIpv6': 'is een IPv6-adres zonder vierkante haken',
    'forward.error.noHost': 'bevat geen host of adres ("{host}")',
    'forward.error.badPort': 'heeft geen poort van 1 tot 65535',
    'forward.error.dnsFailed': 'de naam van de SIEM {host} lost niet op ({code})',
    'forward.error.cannotSend': 'kan niet verzenden naar {target}: {reason}',
    'output.error.badSize': '"{value}" is geen grootte van minstens 1 KB, bv. 100M of 1G',
    'listen.badPort': '--port "{value}" moet een geheel getal van 1 tot 65535 zijn',
    'listen.badHost':
      '--host "{value}" is geen adres of hostnaam: geef een adres van deze machine, bv. 127.0.0.1 (0.0.0.0 voor elk IPv4-adres, :: voor IPv6)',
    'listen.badDuration':
      '--{flag} "{value}" moet een aantal seconden van 0.001 tot {max} zijn (ongeveer 24 dagen), bv. --{flag} 60',
    'sendTest.badSystemName':
      '--system-name "{value}" bevat stuurtekens (een regeleinde beëindigt een gebeurtenis): geef één regel tekst',
    'sendTest.needHost': '--syslog-host is verplicht, bv. --syslog-host siem.contoso.local',
    'sendTest.needPort': '--syslog-port is verplicht, bv. --syslog-port 514',
  },
} as const satisfies MessageFile;
