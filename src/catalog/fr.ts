// Textes français. Les erreurs documentées sont nommées comme les documents français de Microsoft les nomment, suivies de l'identifiant anglais (documented-errors.ts).
import type { MessageFile } from './en.js';

export const fr = {
  // every word (#12): the language whose plural rules choose the forms below
  lang: 'fr',
  documentedErrors: {
    'General error during bootstrap': {
      description:
        "L'agent s'est arrêté au démarrage, avant de contacter le portail : en général son environnement Java manque, est trop ancien ou abîmé, ou le fichier jar ou son dossier de journaux est inutilisable.",
      resolution: [
        "Lancez `siem-doctor check` sur le serveur de l'agent et corrigez d'abord chaque vérification Java en échec.",
        "Démarrez l'agent à la main dans une console (`java -jar mcas-siemagent-<version>-signed.jar --token …`) pour lire l'erreur complète.",
        "Vérifiez que le dossier donné par --logsDirectory existe et que le compte qui exécute l'agent peut y écrire.",
        "Téléchargez à nouveau l'agent depuis le portail ; si l'échec persiste, ouvrez une demande de support avec `siem-doctor bundle` en pièce jointe.",
      ],
    },
    'Too many critical errors': {
      description:
        "L'agent a abandonné après des échecs répétés dans ses échanges avec le portail, et s'est arrêté.",
      resolution: [
        'Lancez `siem-doctor check` : la première vérification en échec parmi java-tls, java-certs, proxy, portal et token est la cause.',
        "Corrigez cette cause, puis redémarrez l'agent.",
        "Si tout passe et que l'agent s'arrête encore, ouvrez une demande de support avec `siem-doctor bundle` en pièce jointe.",
      ],
    },
    'Invalid token': {
      description:
        "Le portail a refusé le jeton avec lequel l'agent a démarré, ou l'agent n'a pas pu le lire.",
      resolution: [
        'Copiez de nouveau le jeton depuis le portail (Paramètres → Applications cloud → Agents SIEM), sans espace, guillemet ni saut de ligne autour ; le jeton respecte la casse.',
        "Si le jeton a été régénéré, seul le plus récent fonctionne : redémarrez l'agent avec lui.",
        "Si la personne qui a créé l'agent est partie ou a perdu son rôle, faites régénérer le jeton par un administrateur.",
      ],
    },
    'Invalid proxy address': {
      description:
        "La valeur de --proxy n'est pas un hôte et un port utilisables par l'agent, ou ce proxy est injoignable.",
      resolution: [
        'Indiquez le proxy sous la forme hôte ou adresse IP et port seulement, sans http:// ni identifiants, par exemple `--proxy proxy.contoso.local:8080` (IPv6 entre crochets : `[2001:db8::1]:8080`).',
        "Vérifiez que le nom se résout et que le proxy accepte les connexions du serveur de l'agent.",
        "L'agent ne sait pas s'authentifier auprès d'un proxy : laissez passer son serveur sans authentification et autorisez CONNECT vers le portail du locataire sur le port 443.",
      ],
    },
    'Internal error': {
      description:
        "Une défaillance s'est produite dans l'agent ou dans le service, sans qu'aucun des deux ne puisse la nommer.",
      resolution: [
        "Redémarrez l'agent et observez si la notification revient.",
        'Si elle revient, ouvrez une demande de support avec `siem-doctor bundle` en pièce jointe.',
      ],
    },
    'Data server send error': {
      description:
        "L'agent a joint le serveur SIEM en TCP mais n'a pas pu écrire les événements : la connexion a été réinitialisée, fermée ou ne prenait plus de données. L'agent cesse de récupérer de nouveaux événements tant que ce n'est pas réglé.",
      resolution: [
        "Vérifiez que le port et le protocole définis dans le portail correspondent à l'entrée du SIEM qui écoute sur ce port.",
        "Examinez l'entrée du SIEM : une entrée TLS uniquement, une limite de connexions ou une liste d'émetteurs autorisés ferment les connexions TCP simples.",
        'Reproduisez le problème à volonté avec `siem-doctor syslog send-test` en observant le SIEM.',
      ],
    },
    'Data server connection error': {
      description:
        "L'agent ne parvient pas à ouvrir de connexion TCP vers le serveur SIEM. Il cesse de récupérer de nouveaux événements tant que ce n'est pas réglé.",
      resolution: [
        'Dans le portail (Paramètres → Applications cloud → Agents SIEM → Modifier), vérifiez le nom du serveur et le port.',
        'Assurez-vous que le serveur SIEM écoute sur ce port.',
        "Autorisez le TCP du serveur de l'agent vers le serveur SIEM sur chaque pare-feu entre les deux.",
      ],
    },
    'SIEM agent error': {
      description:
        "Le portail n'a plus de nouvelles de l'agent depuis des heures : l'agent est arrêté, ou n'atteint pas le portail en HTTPS.",
      resolution: [
        "Vérifiez que le processus de l'agent tourne (tâche planifiée « MCAS SIEM Agent » sous Windows, service ou session screen sous Linux).",
        "Lancez `siem-doctor check --only portal,proxy,token` depuis le serveur de l'agent pour trouver où le chemin HTTPS se rompt.",
        "Vérifiez que personne n'a modifié ni supprimé l'agent dans le portail.",
      ],
    },
    'SIEM agent notification error': {
      description:
        "L'agent a signalé des erreurs en transmettant les événements au serveur SIEM : un pare-feu, une adresse SIEM modifiée, ou une mise à jour de Java qui a rompu sa confiance.",
      resolution: [
        'Lancez `siem-doctor check --only syslog-connection,syslog-send` pour tester le côté SIEM.',
        "Si le serveur SIEM a changé d'adresse, mettez-la à jour dans le portail.",
        'Si Java a été mis à jour en 8u291 ou plus récent, lancez `siem-doctor check --only java-certs` et suivez ses indications.',
      ],
    },
    'Issue with new versions of Java': {
      description:
        "Depuis les mises à jour Java d'avril 2021 (8u291, 11.0.11), le Java de l'agent ne parvient pas à construire un chemin de confiance vers le certificat du portail avec les autorités de son magasin de confiance.",
      resolution: [
        'Lancez `siem-doctor certs import` : il ajoute les certificats d’autorité dont la chaîne du portail a besoin, après une sauvegarde du magasin.',
        'Ne vous fiez pas aux huit certificats des anciennes instructions : quatre ont expiré en juin 2024 et les autres en août 2026.',
        "Redémarrez l'agent pour que Java relise le magasin de confiance.",
      ],
    },
    'TLS 1.2 required': {
      description:
        "Le portail n'accepte que TLS 1.2 ou plus récent, et TLS 1.2 est désactivé dans le Java de l'agent.",
      resolution: [
        "Retirez TLSv1.2 de jdk.tls.disabledAlgorithms dans le fichier java.security de l'environnement.",
        "Retirez ou corrigez les options -Djdk.tls.client.protocols et -Dhttps.protocols qui omettent TLSv1.2 (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS, ligne de commande de l'agent).",
        'Mettez Java 8 à jour vers une version récente, où TLS 1.2 est actif par défaut.',
      ],
    },
  },

  checkTitles: {
    'java-runtime': 'Environnement Java présent et pris en charge',
    'java-tls': 'Java autorise TLS 1.2',
    'java-certs': 'Java fait confiance au certificat du portail',
    token: "Jeton de l'agent accepté",
    proxy: 'Proxy utilisable',
    portal: 'Portail du locataire joignable',
    'syslog-connection': 'Le serveur SIEM accepte les connexions',
    'syslog-send': 'Le serveur SIEM reçoit un événement',
    'agent-logs': "Aucune erreur documentée dans les journaux de l'agent",
    lifecycle: "Statut de support de l'agent",
  },

  messages: {
    // config (#12 errors): settings, the config file, --output, --ca-file/--chain, --since, watch, init
    'config.error.subjectValue': '"{value}"',
    'config.error.subjectEnv': '{variable} "{value}"',
    'config.error.subjectAgent': 'le --{key} "{value}" de l’agent en cours d’exécution',
    'config.error.subjectFile': '{key} "{value}" dans {file}',
    'config.error.notJson': '{file} n’est pas du JSON valide ({where})',
    'json.at': 'ligne {line}, colonne {column}',
    'json.ends': 'il s’arrête trop tôt',
    'json.not': 'ce n’est pas du JSON',
    'config.error.notObject': '{file} doit contenir un objet JSON, par ex. {example}',
    'config.error.unknownKey': '{file} contient une clé inconnue, « {key} » ; clés connues : {keys}',
    'config.error.keyType': '« {key} » dans {file} doit être une chaîne ou un nombre',
    'config.error.controls': '{subject} contient des caractères de contrôle',
    'config.error.notUrl':
      '{subject} n’est pas une URL ; donnez le portail du locataire, par ex. https://contoso.us3.portal.cloudappsecurity.com',
    'config.error.httpsOnly': '{subject} : le portail ne répond qu’en https://',
    'config.error.noHost': '{subject} ne nomme aucun hôte',
    'config.error.portZero':
      '{subject} : 0 n’est pas un port ; omettez-le (443) ou donnez un port de 1 à 65535',
    'config.error.hostScheme': '{subject} : donnez l’hôte seul, sans schéma',
    'config.error.hostPort': '{subject} : donnez le port avec --syslog-port, pas dans l’hôte',
    'config.error.host':
      '{subject} n’est ni un nom d’hôte ni une adresse : donnez un nom comme siem.contoso.local (lettres, chiffres et traits d’union, 253 caractères au plus), une adresse IPv4 ou une adresse IPv6',
    'config.error.timeout':
      '{subject} doit être un nombre de secondes de {min} à {max}, écrit simplement, par ex. --timeout 5 ou --timeout 0.5',
    'config.error.noFile':
      '"{value}" ne nomme aucun fichier : donnez un nom de fichier, par ex. --output {example}',
    'config.error.noPem': '{file} ne contient aucun certificat PEM (-----BEGIN CERTIFICATE-----)',
    'config.error.damagedPem': 'le certificat {index} de {file} est abîmé (DER en base64 non valide)',
    'config.error.noAgent':
      'aucun agent SIEM en cours d’exécution (cherché : java -jar mcas-siemagent*.jar) ; donnez plutôt ses réglages en options',
    'config.error.proxy':
      '{subject} : {problem} (l’agent s’arrêterait avec « Invalid proxy address ») ; utilisez ADRESSE[:PORT], par ex. proxy.contoso.local:8080',
    'config.error.port': '{subject} doit être un nombre entier de 1 à 65535',
    'config.error.protocol': '{subject} doit être tcp ou udp',
    'config.error.append':
      '--append ajoute des lignes NDJSON à un fichier : utilisez-le avec --format ndjson --output FICHIER',
    'config.error.sinceTooFar':
      '"{value}" remonte plus loin que toute date : donnez une durée plus courte, par ex. 30d',
    'config.error.since':
      '"{value}" n’est ni une durée (30m, 2h, 7d, 1h30m) ni une date (2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00Z)',
    'config.error.noLogsDirectory':
      'indiquez le dossier des journaux de l’agent : siem-doctor logs DOSSIER (ou --logs-directory DOSSIER)',
    'config.error.interval': '--interval : "{value}" n’est pas une durée comme 30s, 5m ou 1h',
    'config.error.warnShare': '--warn-share : "{value}" n’est pas un nombre entre 0 et 1',
    'config.error.noTerminal':
      'init pose des questions et a besoin d’un terminal ; sans terminal, écrivez la configuration JSON à la main (clés : {keys})',
    'config.error.portAnswer': 'un nombre entier de 1 à 65535',
    // what went wrong with a file (errors.ts fileProblem)
    'file.missing': "{file} n'existe pas",
    'file.rights':
      '{file} ne peut pas être lu ou écrit avec les droits de ce compte (lancez en Administrateur/root, ou choisissez un autre fichier)',
    'file.folder': '{file} est un dossier, pas un fichier',
    'file.notFolder': "{file} : une partie de ce chemin n'est pas un dossier",
    'file.full': '{file} : plus de place sur le périphérique',
    'file.readOnly': '{file} : le système de fichiers est monté en lecture seule',
    'file.other': '{file} : {reason}',
    'file.notRegular': '{kind}, pas un fichier à lire',
    'file.kind.fifo': 'une FIFO (tube nommé)',
    'file.kind.device': 'un périphérique',
    'file.kind.socket': 'un socket',
    'file.kind.folder': 'un dossier',
    'file.kind.other': 'pas un fichier ordinaire',
    'file.tooBig': 'plus de {mb} Mo, bien plus que n’importe quel keystore ou fichier de certificats',
    'logs.error.directory': 'impossible de lire le dossier des journaux {dir} ({errno})',
    // oclif's parse errors, said in another language (English keeps oclif's own line)
    'parse.unknownFlag': 'option inconnue : {flags}',
    'parse.missingFlag': "l'option {flag} est obligatoire",
    'parse.oneOf': '{flag}={value} : la valeur doit être l’une de : {options}',
    'parse.integer': '{flag} : un nombre entier est attendu, reçu : {value}',
    'parse.integerMin': '{flag} : un nombre entier supérieur ou égal à {min} est attendu, reçu : {value}',
    'parse.integerMax': '{flag} : un nombre entier inférieur ou égal à {max} est attendu, reçu : {value}',
    'parse.dependsOn': '{flag} ne va pas sans : {needs}',
    'parse.needsValue': "l'option {flag} attend une valeur",
    'parse.unexpected': 'argument inattendu : {args}',
    // the error line of a run that stops (command-base.ts)
    'error.line': 'Erreur : {message}',
    'error.about': '{input} : {message}',
    'error.unexpected': 'échec inattendu : {reason}',
    'error.seeHelp': '{message} (voir --help)',
    'ui.status.pass': 'OK',
    'ui.status.warn': 'ATTENTION',
    'ui.status.fail': 'ÉCHEC',
    'ui.status.skip': 'IGNORÉ',
    'ui.status.error': 'ERREUR',
    'ui.documentedError': 'Erreur documentée',
    'ui.evidence': 'Constats',
    'ui.resolution': 'Résolution',
    'ui.reproduce': 'Pour reproduire',
    'ui.summary':
      '{pass, plural, one {# réussie} other {# réussies}}, {warn, plural, one {# avertissement} other {# avertissements}}, {fail} en échec, {skip, plural, one {# ignorée} other {# ignorées}}, {error, plural, one {# erreur} other {# erreurs}} en {ms} ms',
    'ui.running': 'Exécution de {count, plural, one {# vérification} other {# vérifications}}…',
    'ui.reportWritten': 'Rapport écrit dans {file}',

    'run.skippedDependency': "non exécutée : {dependency} n'a pas réussi ({status})",
    'run.timedOut': "ne s'est pas terminée en {seconds} s et a été arrêtée",
    'run.crashed': 'la vérification elle-même a échoué : {detail}',

    // evidence sentences (#12): said in the report's language, like the message
    'evidence.judgedBy.jvm': 'la JVM de {home} (Java {version}, {ms} ms)',
    'evidence.judgedBy.noJava': 'le modèle hors ligne (aucun runtime Java trouvé à interroger)',
    'evidence.judgedBy.jvmFailed': 'le modèle hors ligne (la JVM n’a pas pu s’exécuter ici : {detail})',
    'evidence.judgedBy.jvmNoAnswer':
      'le modèle hors ligne (la JVM n’a pas pu s’exécuter ici : pas de réponse)',
    'evidence.judgedBy.storeOnly':
      'le modèle hors ligne, sur le magasin qu’utilise {java} (pas de négociation avec le portail)',
    'evidence.judgedBy.notTrust':
      'le modèle hors ligne (la négociation de la JVM a échoué pour une raison autre que la confiance : voir java-tls et portal)',
    'evidence.judgedBy.notAsked': 'le modèle hors ligne (la JVM n’a pas pu être interrogée)',
    'evidence.tls12Unconfirmed':
      'impossible de confirmer si le portail accepte TLS 1.2 : la négociation limitée à TLS 1.2 s’est terminée par {code}, et non par un refus de la version par le serveur',
    'evidence.trustStore': '{path} ({type}, choisi par {how})',
    'evidence.knownCa': '{alias} : {name} (jusqu’au {date})',
    'evidence.route.via': 'par le proxy {proxy}',
    'evidence.route.direct': 'direct',
    // framework (#12): fixes, the bundle's receipt, the JRE --from-process judges
    'fix.line': 'correctif {id} : {message}',
    'fix.none': 'aucun correctif automatique pour ce constat : suivez les étapes de résolution',
    'fix.declined': 'non appliqué : {fix}',
    'fix.failed': 'échec, rien n’a été modifié : {detail}',
    'fix.describeTimedOut':
      'non appliqué : la préparation du correctif a dépassé {seconds} s et a été arrêtée',
    'fix.applyTimedOut':
      'arrêté après {seconds} s en cours d’application : il est peut-être fait, peut-être pas ; relancez la vérification pour le savoir',
    'bundle.written':
      'Paquet de support écrit dans {file} ({bytes, plural, one {# octet} other {# octets}}, secrets masqués)',
    'java.namedNotAgentJava':
      '{vendor} {version} dans {agentHome} est le Java de l’agent en cours, et c’est lui qui est examiné ici ; {source} désigne {home}, sur lequel l’agent ne tourne pas (une mise à jour a pu le déplacer) : retirez-le, ou faites-le pointer vers {agentHome}',

    'java.found': 'Java {vendor} {version} dans {home} (trouvé via {source})',
    'java.foundModern':
      "Java {vendor} {version} dans {home} (trouvé via {source}) ; cette mise à jour désactive TLS 1.0 et 1.1, l'agent a donc besoin de TLS 1.2 et de certificats d'autorité à jour",
    'java.tooOld': "Java {version} dans {home} est antérieur à Java 8 ; l'agent ne fonctionne pas avec",
    'java.notFound':
      "aucun environnement Java trouvé : ni --java-home ni JAVA_HOME n'est défini et aucun java n'est dans le PATH",
    'java.homeMissing': '{home} (via {source}) ne contient pas de bin/java',
    'java.versionUnknown': 'impossible de lire la version du Java de {home} : {detail}',
    'java.fix.install':
      "Installez Java 8 ou plus récent sur le serveur de l'agent, par exemple `apt-get install openjdk-17-jre-headless`, ou Microsoft Build of OpenJDK sous Windows.",
    'java.fix.point':
      "Indiquez à siem-doctor l'environnement qu'utilise l'agent : --java-home DOSSIER (ou JAVA_HOME).",
    'java.fix.upgrade': "Installez une mise à jour récente de Java 8, 11, 17 ou 21 et démarrez l'agent avec.",
    'java.fix.homeMissing':
      'Faites pointer JAVA_HOME (ou --java-home) vers le dossier qui contient bin/java, ni vers bin lui-même ni vers le fichier java.',
    'java.fix.reinstall':
      'Cet environnement semble abîmé : réinstallez-le, ou indiquez avec --java-home un environnement qui fonctionne.',

    'lifecycle.deprecated':
      "l'agent SIEM est obsolète depuis novembre 2025 et aucun nouvel agent ne peut être créé depuis le 19 juin 2025 ; cet agent continue de fonctionner jusqu'à ce que vous le remplaciez",
    'lifecycle.fix.activities':
      "Activités : diffusez-les avec l'API de streaming de Microsoft Defender XDR (vers Event Hubs ou un compte de stockage).",
    'lifecycle.fix.alerts': "Alertes : lisez-les avec l'API de sécurité Microsoft Graph (alerts_v2).",
    'lifecycle.fix.sentinel':
      "Microsoft Sentinel : utilisez le connecteur de données Microsoft Defender XDR à la place de l'agent.",

    'portal.noUrl':
      'non exécutée : aucune URL de portail indiquée (utilisez --portal-url https://<locataire>.<région>.portal.cloudappsecurity.com)',
    'portal.dnsFailed': 'le nom du portail {host} ne se résout pas ({code})',
    'portal.refused': 'connexion à {host}:{port} refusée ({address}) : rien n’y répond en HTTPS',
    'portal.timedOut':
      'la connexion à {host}:{port} est restée sans réponse pendant {seconds} s : un pare-feu bloque probablement le HTTPS sortant',
    'portal.tcpFailed': 'la connexion à {host}:{port} a échoué ({code})',
    'portal.tlsVersion':
      '{host} refuse TLS 1.2 et les versions plus récentes ({code}) ; l’agent a besoin d’au moins TLS 1.2',
    'portal.tlsFailed': 'la négociation TLS avec {host} a échoué ({code} : {detail})',
    'portal.inspection':
      'inspection TLS soupçonnée : {host} a présenté un certificat émis par « {issuer} » ({organization}), et non par Microsoft ou DigiCert',
    'portal.untrusted':
      'la chaîne de certificats servie par {host} ne mène à aucune autorité approuvée par cette machine ({code})',
    'portal.expired': 'le certificat servi par {host} a expiré le {date}',
    'portal.notYetValid':
      'le certificat servi par {host} n’est valable qu’à partir du {date} : vérifiez l’horloge de cette machine',
    'portal.hostname': 'le certificat servi n’est pas celui de {host} ({detail})',
    'portal.httpFailed': '{host} a terminé la négociation TLS mais n’a donné aucune réponse HTTP ({code})',
    'portal.warn.skew':
      'l’horloge de cette machine s’écarte de {minutes, plural, one {# minute} other {# minutes}} de celle du portail',
    'portal.warn.generic':
      'portal.cloudappsecurity.com est le nom générique, qui répartit les requêtes entre plusieurs serveurs et provoque des 401 parasites',
    'portal.warn.unknownHost': '{host} n’est pas un nom d’hôte de locataire Defender for Cloud Apps',
    'portal.fix.url':
      'Utilisez l’URL du locataire affichée dans le portail sous Paramètres → À propos, par exemple https://contoso.us3.portal.cloudappsecurity.com.',
    'portal.fix.dns':
      'Faites résoudre le nom sur le serveur de l’agent (DNS), ou indiquez avec --proxy le proxy qu’utilise l’agent.',
    'portal.fix.firewall':
      'Autorisez le HTTPS sortant (443) du serveur de l’agent vers l’hôte du locataire, y compris les plages Azure Front Door 13.107.219.0/24, 13.107.227.0/24, 13.107.228.0/24, 13.107.229.0/24 et 150.171.97.0/24.',
    'portal.fix.proxyNeeded':
      'Si ce réseau n’atteint Internet que par un proxy, démarrez l’agent avec --proxy ADRESSE:PORT (il ignore HTTPS_PROXY).',
    'portal.fix.tlsPath':
      'Un élément du chemin (proxy, pare-feu, répartiteur de charge) parle un vieux TLS à la place du portail : laissez l’agent joindre le portail sans lui.',
    'portal.fix.inspection':
      'Exemptez le serveur de l’agent ou l’hôte du locataire de l’inspection TLS : l’agent a besoin du vrai certificat Microsoft, et importer des autorités Azure dans Java n’y changera rien.',
    'portal.fix.untrusted':
      'Comparez la chaîne des constats avec celle que voit un navigateur sur un autre réseau ; si seul ce réseau diffère, quelque chose intercepte la connexion.',
    'portal.fix.clock':
      'Mettez l’horloge de cette machine à l’heure (NTP) : les certificats et les jetons sont vérifiés par rapport à elle.',
    'portal.fix.hostname':
      'Un certificat pour un autre nom signifie que la connexion a abouti sur un autre serveur : vérifiez le DNS, le fichier hosts et tout proxy qui inspecte le TLS.',
    'portal.fix.retry':
      'Réessayez ; si l’échec persiste, examinez le proxy ou le répartiteur de charge entre ce serveur et le portail.',
    'proxy.none': 'non exécutée : aucun proxy indiqué, l’agent se connecte directement',
    'proxy.noneButEnv':
      'non exécutée : pas de --proxy ; {variable} est défini, mais l’agent l’ignore et se connecte directement',
    'proxy.dnsFailed': 'le nom du proxy {host} ne se résout pas ({code})',
    'proxy.refused': 'connexion au proxy {proxy} refusée : rien n’y écoute',
    'proxy.timedOut': 'le proxy {proxy} n’a pas répondu en {seconds} s',
    'proxy.tcpFailed': 'la connexion au proxy {proxy} a échoué ({code})',
    'proxy.ok': '{proxy} établit le tunnel CONNECT {target} (HTTP 200) en {ms} ms',
    'proxy.okPortAssumed':
      '{proxy} établit le tunnel CONNECT {target} (HTTP 200) en {ms} ms ; aucun port n’étant donné, l’agent suppose 8080',
    'proxy.untested': '{proxy} accepte les connexions ; CONNECT n’a pas été essayé faute d’URL de portail',
    'proxy.auth':
      'le proxy {proxy} exige des identifiants (HTTP 407, {scheme}), que l’agent ne sait pas fournir',
    'proxy.forbidden':
      'le proxy {proxy} refuse CONNECT vers {target} (HTTP 403) : sa politique bloque le portail',
    'proxy.upstream': 'le proxy {proxy} n’a pas pu joindre {target} lui-même (HTTP {status})',
    'proxy.status': 'le proxy {proxy} a répondu à CONNECT {target} par HTTP {status} {text}',
    'proxy.connectTimedOut':
      'le proxy {proxy} a pris la connexion mais n’a pas répondu à CONNECT en {seconds} s',
    'proxy.notHttp': '{proxy} n’a pas répondu comme un proxy HTTP ({code})',
    'proxy.fix.auth':
      'Laissez passer le serveur de l’agent sans authentification (exception par adresse source), vers l’hôte du locataire sur le port 443.',
    'proxy.fix.allow':
      'Autorisez CONNECT vers l’hôte du locataire sur le port 443 dans la politique du proxy.',
    'proxy.fix.upstream':
      'Le proxy lui-même ne joint pas le portail : vérifiez son DNS et son propre pare-feu sortant.',
    'proxy.fix.address':
      'Vérifiez l’adresse et le port du proxy donnés à l’agent avec --proxy (hôte ou IP et port, par exemple proxy.contoso.local:8080).',
    'proxy.fix.portal':
      'Donnez --portal-url pour que siem-doctor essaie un CONNECT vers le portail à travers le proxy.',
    'token.none': 'non exécutée : aucun jeton indiqué (utilisez --token ou SIEM_DOCTOR_TOKEN)',
    'token.empty': 'le jeton est vide',
    'token.whitespace':
      'le jeton contient des espaces ou des sauts de ligne, dedans ou autour, comme en laisse un copier-coller',
    'token.quotes': 'le jeton est entouré de guillemets, qui seraient envoyés avec lui',
    'token.chars':
      'le jeton contient des caractères qu’un jeton n’a jamais ({chars}) ; un jeton n’utilise que 0-9, a-z, A-Z et =',
    'token.length':
      'le jeton compte {length, plural, one {# caractère} other {# caractères}} ; un jeton en a de 64 à 192',
    'token.ok': 'le portail a accepté le jeton se terminant par …{last4}',
    'token.rejected': 'le portail a refusé le jeton se terminant par …{last4} (HTTP {status} : {detail})',
    'token.unconfirmed':
      'le jeton semble bien formé, mais le portail a répondu HTTP {status} : il n’a pas pu être confirmé',
    'token.offlineOnly':
      'le jeton est bien formé (…{last4}) ; non confirmé en ligne : aucune URL de portail indiquée',
    'token.unreachable':
      'le jeton est bien formé (…{last4}) ; non confirmé en ligne : le portail n’a pas été joint de façon sûre (voir la vérification portal)',
    'token.fix.copy':
      'Copiez de nouveau le jeton depuis le portail (Paramètres → Applications cloud → Agents SIEM) sur une seule ligne, sans guillemets ni espaces.',
    'token.fix.regenerate':
      'S’il a été régénéré, ou si son propriétaire est parti, régénérez-le et redémarrez l’agent avec le nouveau.',
    'token.fix.retry':
      'Réessayez dans une minute : l’API accepte 30 requêtes par minute, et une réponse 5xx vient du portail.',
    'tls.noJava': 'non exécutée : aucun environnement Java à examiner (voir java-runtime)',
    'tls.noSecurityFile':
      'aucun java.security trouvé sous {home}, ses algorithmes désactivés n’ont pas pu être lus ; aucune option -D ne désactive TLS 1.2',
    'tls.disabled':
      'TLS 1.2 est désactivé pour ce Java : jdk.tls.disabledAlgorithms dans {file} contient TLSv1.2',
    'tls.optionExcludes': '{variable} définit -D{property}={protocols}, ce qui exclut TLS 1.2',
    'tls.ok':
      'TLS 1.2 est actif : jdk.tls.disabledAlgorithms dans {file} le laisse activé, et aucune option -D ne le retire',
    'certs.noKeystore': 'non exécutée : aucun environnement Java trouvé et aucun --keystore indiqué',
    'certs.unreadable': 'le magasin de clés {file} est inutilisable : {detail}',
    'certs.path':
      'Java peut construire un chemin de la chaîne du portail jusqu’à « {anchor} » (alias {alias}) dans {file}',
    'certs.pathExpiredAnchor':
      'la chaîne du portail n’atteint « {anchor} » (alias {alias}) que par un certificat expiré : Java l’accepte aujourd’hui, mais importez les autorités actuelles',
    'certs.noPath':
      'aucun certificat de {file} n’ancre la chaîne du portail : elle se termine par « {top} », émis par « {missing} », absent du magasin',
    'certs.expiredInPath':
      'la chaîne du portail contient un certificat expiré, « {subject} » (expiré le {date})',
    'certs.rootsOk':
      '{file} contient « {root} », qui ancre les chaînes qu’Azure sert aujourd’hui (donnez --portal-url pour juger la chaîne réellement servie)',
    'certs.noRoots':
      '{file} ne contient aucune des racines auxquelles aboutissent aujourd’hui les chaînes d’Azure ({missing})',
    'certs.wrongPassword':
      'le mot de passe indiqué ne correspond pas à {file} : son intégrité n’a pas été vérifiée, même si ses entrées ont été lues',
    'certs.fix.import':
      'Lancez `siem-doctor certs import --portal-url {url}` : il ajoute les certificats d’autorité dont la chaîne du portail a besoin, après une sauvegarde du magasin.',
    'certs.fix.download':
      'Si ce serveur ne joint pas le portail, utilisez `siem-doctor certs import --download` (fichiers vérifiés par empreintes épinglées) ou `--from` avec des fichiers de certificats de confiance.',
    'certs.fix.restart': 'Redémarrez ensuite l’agent pour que Java relise le magasin de confiance.',
    'certs.fix.password': 'Indiquez le mot de passe du magasin avec --storepass (par défaut changeit).',
    // JVM comme juge (issue #11) : verdicts de java-certs / java-tls rendus par la JVM de l’agent, magasin de confiance
    'certs.jvmTrusted':
      '{java} fait confiance au portail : sa propre négociation avec {host} a réussi ({protocol}) avec le magasin {store}',
    'certs.jvmNoPath':
      '{java} ne peut pas relier la chaîne du portail à une ancre de son magasin {store} : {error}',
    'certs.jvmConstraints':
      '{java} refuse la chaîne du portail selon sa règle jdk.certpath.disabledAlgorithms = {rule} : {error}',
    'certs.jvmEmptyStore':
      '{java} n’a aucune ancre de confiance : son magasin {store} est vide, abîmé ou illisible ({error})',
    'certs.jvmHostname':
      '{java} refuse le certificat présenté pour {host} : l’hôte du portail est faux, ou quelque chose intercepte la connexion ({error})',
    'certs.specialStore':
      'non exécuté : le magasin de confiance de Java est de type {type}, pas un fichier ; le modèle ne peut pas le lire et certs import ne peut pas l’écrire (sous Windows, ajoutez l’AC au magasin de certificats de la machine)',
    'certs.modelConstraints':
      'le chemin atteint une ancre, mais « {subject} » a une clé de {key} bits que jdk.certpath.disabledAlgorithms refuse ({rule})',
    'certs.otherStore':
      '{file} ancre la chaîne du portail, mais le Java de l’agent lit un autre magasin : {other}',
    'certs.fix.constraints':
      'Assouplissez la règle keySize de jdk.certpath.disabledAlgorithms pour ce JRE (java.security, ou le fichier de -Djava.security.properties / la politique crypto) : la chaîne du portail ne se change pas d’ici.',
    'certs.fix.hostname':
      'Vérifiez l’URL du portail (l’hôte du locataire, p. ex. contoso.us3.portal.cloudappsecurity.com) et si un proxy inspecte TLS : l’agent exige le vrai certificat de Microsoft.',
    'certs.fix.g2Root':
      'Le portail sert sa chaîne sans la contre-signature DigiCert de « {root} » : ajoutez « {root} » autosigné (valable jusqu’en 2040) comme ancre dans le magasin de l’agent, avec `siem-doctor certs import --from FICHIER` (le certificat du dépôt PKI de Microsoft).',
    'tls.jvmOk': '{java} parle TLS avec le portail : sa propre négociation avec {host} a donné {protocol}',
    'tls.jvmRefused': '{java} n’a pas pu s’accorder sur un protocole TLS avec {host} : {error}',
    'tls.jvmNoTls12': 'TLS 1.2 est désactivé pour {java} : ses protocoles client par défaut sont {protocols}',
    'tls.jvmDefaults': 'TLS 1.2 est actif pour {java} : ses protocoles client par défaut sont {protocols}',
    'tls.jvmNoDefaults': '{java} n’a pas pu préparer son contexte TLS par défaut : {error}',
    // résolution du magasin de confiance et magasins gérés par la distribution (issue #11)
    'store.chosenBy': 'Choisi comme Java le choisit : {how}',
    'store.managed':
      '{file} mène à {resolved}, que la distribution reconstruit ({tool}) : une écriture directe serait défaite par la prochaine mise à jour des AC, la voie de la distribution est donc suivie',
    'store.plan': 'Plan :',
    'store.plan.write': 'écrire {file}',
    'store.plan.run': 'lancer {command}',
    'store.managedDone':
      '{count, plural, one {# certificat ajouté} other {# certificats ajoutés}} par {tool} ; {file} {count, plural, one {le contient} other {les contient}} maintenant.',
    'store.managedIncomplete':
      '{tool} a tourné, mais il manque encore {count} des certificats dans {file} : voyez la sortie de l’outil (et, sous Debian, que ca-certificates-java est installé)',
    'import.keystore': 'Magasin : {file} ({format}, {count, plural, one {# entrée} other {# entrées}})',
    'import.sourcePortal':
      'Source : la chaîne servie par {host}, vérifiée avec les autorités de confiance de cette machine',
    'import.sourceFiles': 'Source : {files}',
    'import.sourceDownload': 'Source : {base} (chaque fichier vérifié par son empreinte SHA-256 épinglée)',
    'import.add': 'À ajouter :',
    'import.skip': 'Laissés de côté :',
    'import.present': '{name} : déjà présent sous {alias}',
    'import.expired': '{name} : expiré le {date} (--include-expired l’importe quand même)',
    'import.notCa': '{name} : pas un certificat d’autorité',
    'import.duplicate': '{name} : proposé deux fois',
    'import.downloadFailed': '{name} : non obtenu depuis {url} : {problem}',
    'import.nothing': 'Rien à changer : le magasin contient déjà tous les certificats proposés.',
    'import.dryRun': 'Simulation : rien n’a été modifié.',
    'import.confirm': 'Ajouter {count, plural, one {# certificat} other {# certificats}} à {file} ?',
    'import.cancelled': 'Rien n’a été modifié.',
    'import.done':
      '{count, plural, one {# certificat ajouté} other {# certificats ajoutés}} à {file} ; la version précédente est conservée sous {backup}.',
    // keystore and trust: errors (keystore/, trust/, certs import)
    'keystore.error.aliasTooLong': 'alias trop long pour un keystore JKS',
    'keystore.error.truncated':
      'keystore endommagé : il s’arrête à l’octet {size} au milieu d’une entrée (octet {needed} attendu)',
    'keystore.error.notJks': 'pas un keystore JKS (le fichier ne commence pas par FEEDFEED)',
    'keystore.error.jksVersion': 'version de JKS non prise en charge : {version}',
    'keystore.error.entryCount':
      'keystore endommagé : il annonce {count, plural, one {# entrée} other {# entrées}}',
    'keystore.error.certType': 'keystore endommagé : type de certificat "{type}" à l’octet {offset}',
    'keystore.error.entryTag': 'keystore endommagé : type d’entrée inconnu {tag} à l’octet {offset}',
    'keystore.error.trailing':
      'keystore endommagé : {count, plural, one {# octet inattendu} other {# octets inattendus}} après l’empreinte, à l’octet {offset}',
    'keystore.error.entryDer':
      'keystore endommagé : le certificat de l’entrée "{alias}" n’est pas du DER valide',
    'keystore.error.jksPassword':
      'mot de passe du keystore erroné (ou fichier modifié) : son empreinte d’intégrité ne correspond pas',
    'keystore.error.pkcs12Der': 'keystore PKCS#12 endommagé : {what} n’est pas du DER valide ({detail})',
    'keystore.error.part.file': 'le fichier',
    'keystore.error.part.authSafe': 'le coffre authentifié',
    'keystore.error.part.safe': 'un coffre',
    'keystore.error.part.kept': 'l’entrée conservée "{alias}"',
    'keystore.error.notPkcs12': 'pas un keystore PKCS#12',
    'keystore.error.certBag':
      'keystore PKCS#12 endommagé : le sac de certificat "{alias}" ne contient aucun certificat valide',
    'keystore.error.pkcs12Password':
      'mot de passe du keystore erroné (ou fichier modifié) : son MAC ne correspond pas',
    'keystore.error.pkcs12Unreadable':
      'keystore PKCS#12 que siem-doctor ne sait pas lire ({detail}) ; utilisez --keytool',
    'keystore.error.jceks': 'un keystore JCEKS : siem-doctor ne lit que JKS et PKCS#12 ; utilisez --keytool',
    'keystore.error.notKeystore': 'pas un keystore : ni JKS ni PKCS#12',
    'keystore.error.inFile': '{file} : {problem}',
    'keystore.error.protectedPkcs12':
      'siem-doctor n’écrit que du PKCS#12 sans mot de passe (comme le cacerts de JDK 18+), et ce keystore PKCS#12 a un mot de passe : utilisez --keytool',
    'keystore.error.cannotWrite': 'impossible d’écrire {file} : {why} (rien n’a été modifié)',
    'keystore.error.why.readOnly': 'le système de fichiers est monté en lecture seule',
    'keystore.error.why.immutable':
      'le fichier ou son dossier est marqué immuable ou en ajout seul (voir lsattr ; chattr -i le lève)',
    'keystore.error.why.denied': 'permission refusée ; lancez en Administrateur/root',
    'keystore.error.why.full': 'plus de place sur le périphérique',
    'keystore.error.backups':
      'impossible d’écrire une sauvegarde de {file} : 100 sauvegardes de cette seconde existent déjà',
    'keystore.error.changedMeanwhile':
      '{file} a été modifié par un autre programme pendant que cette exécution préparait sa modification ; rien n’a été modifié : relancez',
    'keystore.error.readBack': 'le keystore relu diffère de ce qui a été écrit ; {outcome}',
    'keystore.error.outcome.kept': 'l’original a été conservé',
    'keystore.error.outcome.replaced':
      'il a été remplacé ; la version précédente est conservée sous {backup}',
    'keystore.error.busy':
      'un autre siem-doctor modifie {file} ; rien n’a été modifié : relancez quand il aura fini, ou supprimez {lock} si aucun tel processus ne tourne',
    'keystore.error.busyBy':
      'un autre siem-doctor modifie {file} (pid {pid} sur {host}, depuis {since}) ; rien n’a été modifié : relancez quand il aura fini, ou supprimez {lock} si aucun tel processus ne tourne',
    'trust.error.noCertFiles': '{folder} ne contient aucun fichier .pem, .crt, .cer ou .der',
    'trust.error.pemDamaged': '{file} : le certificat {number} est endommagé (pas du DER base64 valide)',
    'trust.error.notCertificate': '{file} : ni un certificat PEM ni un certificat DER',
    'trust.error.keytoolList': 'keytool ne sait pas lister ce qu’il a écrit : {detail}',
    'trust.error.keytoolRefused': 'keytool a refusé {alias} : {detail} (rien n’a été modifié)',
    'trust.error.keytoolLacks':
      'il manque {aliases} à la copie de keytool après l’import ; rien n’a été modifié',
    'trust.error.lost':
      '{file} ne contient plus {aliases} après l’écriture (un autre programme l’a modifié ?) ; la version précédente est conservée sous {backup}',
    'trust.error.noJava':
      'aucun environnement Java trouvé d’où prendre cacerts : indiquez --java-home DIR (ou JAVA_HOME), ou --keystore FILE',
    'trust.error.notAFile':
      'le magasin de confiance de Java est {type} ({how}), pas un fichier : il ne peut être ni lu ni écrit ici ; sous Windows, ajoutez les certificats d’AC au magasin de certificats de la machine (certlm.msc, ou certutil -addstore Root FILE), ou indiquez --keystore FILE',
    'trust.error.keytoolNeedsHome':
      'le keytool du JRE demande un dossier Java : indiquez --java-home DIR (ou JAVA_HOME)',
    'trust.error.noKeytool':
      'ce JRE n’a pas de {keytool} ; utilisez un JDK/JRE complet, ou retirez --keytool',
    'trust.error.noSource':
      'dites d’où viennent les certificats : --portal-url URL (la chaîne que sert le portail), --from FILE|DIR, ou --download',
    'trust.error.untrustedPortal':
      'import depuis {host} refusé : sa chaîne n’est pas de confiance ici ({reason}) ; utilisez --download ou --from avec des fichiers de confiance',
    'import.error.mirror':
      '--pki-base-url "{url}" doit être une adresse http:// ou https://, par ex. https://mirror.contoso.local/pkiops/certs/',
    'import.error.notTerminal':
      'pas lancé depuis un terminal : ajoutez --yes pour importer sans confirmation (rien n’a été modifié)',
    'import.restart': 'Redémarrez l’agent pour que Java relise le magasin de confiance.',
    'list.title':
      'Certificats d’autorité des chaînes d’Azure, dans {file} ({format}, {count, plural, one {# entrée} other {# entrées}}) :',
    'list.chainTitle': 'La chaîne servie par {host}, face à ce magasin :',
    'list.present': 'présent sous {alias}',
    'list.missing': 'absent',
    'list.expired': 'expiré',
    'list.needed': 'nécessaire',
    'list.notNeeded': 'non nécessaire',
    // sûreté du magasin et verdicts de certs import (ticket #10)
    'certs.damaged':
      'magasin endommagé : Java ne peut pas charger {file} ({detail}) ; la JVM verrait un ensemble de confiance vide et ne ferait confiance à aucun serveur',
    'certs.fix.damaged':
      'Remettez une bonne copie du magasin (siem-doctor en garde une à côté, *.siem-doctor-*.bak, à chaque import), ou le cacerts d’origine du JRE, puis importez de nouveau les AC.',
    'import.portalChain': 'la chaîne de {host}',
    'import.nothingObtained':
      'Rien n’a été changé : aucun certificat n’a pu être obtenu ({count, plural, one {# échec, listé} other {# échecs, listés}} ci-dessus).',
    'import.noneOffered': 'Rien n’a été changé : la source n’offrait aucun certificat d’AC à importer.',
    'import.noCa':
      'Rien n’a été changé : aucun des certificats offerts n’est un certificat d’AC (le certificat propre d’un serveur n’est pas ce dont Java a besoin : offrez les AC qui l’ont émis).',
    'import.nothingValid':
      'Rien à changer : le magasin contient déjà tous les certificats d’AC valides offerts ; les autres sont laissés de côté (listés ci-dessus).',
    'import.someNotObtained':
      '{count, plural, one {# certificat n’a pas pu être obtenu (listé ci-dessus)} other {# certificats n’ont pas pu être obtenus (listés ci-dessus)}} : relancez quand ce sera possible.',
    // certs & trust (#12)
    'list.issuedBy': 'émis par {issuer}',
    'list.role.documented': 'documentée',
    'list.role.current': 'actuelle',
    'list.role.root': 'racine',
    'list.role.retired': 'retirée',
    'list.verdictAnchored':
      'Verdict : ce magasin ancre la chaîne servie par {host} (en {anchor}) : Java peut construire son chemin.',
    'list.verdictNotAnchored':
      'Verdict : ce magasin ne peut pas ancrer la chaîne servie par {host} : Java refusera le portail ; `siem-doctor certs import --portal-url https://{host}` ajoute ce qu’il faut.',
    'list.verdictRoots':
      'Verdict : ce magasin contient {count} des {total, plural, one {# racine} other {# racines}} où aboutissent les chaînes d’Azure ({roots}) ; indiquez --portal-url pour juger la chaîne que sert le portail.',
    'list.verdictNoRoots':
      'Verdict : ce magasin ne contient aucune des racines où aboutissent les chaînes d’Azure : Java ne peut pas faire confiance au portail ; `siem-doctor certs import --download` les ajoute.',
    'certs.jvmAfterTrusted':
      'Confirmé par la JVM : {java} fait maintenant confiance à {host} ; sa propre négociation a réussi ({protocol}) avec le magasin de confiance {store}.',
    'certs.jvmAfterRefused':
      'La JVM ne le confirme pas : {java} refuse toujours {host} avec le magasin de confiance {store} : {error}',
    'certs.jvmAfterUndecided':
      'La JVM n’a pas pu le confirmer : {java} n’a pas mené de négociation à bien avec {host} ({error}).',
    'certs.jvmAfterLoaded':
      'La JVM lit le magasin reconstruit : {java} charge {store} avec {anchors} ancres de confiance (indiquez --portal-url pour qu’elle essaie le portail elle-même).',
    'certs.jvmAfterNotAsked':
      'La JVM n’a pas pu être interrogée pour le confirmer ({reason}) : lancez `siem-doctor check --only java-certs` là où tourne l’agent.',
    'fix.certs.import':
      'importer {count, plural, one {# certificat} other {# certificats}} d’autorité de la chaîne du portail ({names}) dans {file}',
    'fix.certs.managed':
      'ajouter {count, plural, one {# certificat} other {# certificats}} d’autorité de la chaîne du portail ({names}) à la manière de la distribution : écrire {files}, puis lancer {command} ({file} mène à {resolved}, que la distribution reconstruit : une écriture directe serait défaite à la prochaine mise à jour des certificats)',
    'fix.certs.nothing': 'rien à importer',
    'fix.certs.held': 'rien à importer : {file} les contient déjà',
    'fix.certs.imported': 'import dans {file} : {aliases} ; copie {backup} ; redémarrez l’agent',
    'fix.certs.managedDone':
      'ajout par {tool} : {aliases} ; {file} les contient maintenant ; redémarrez l’agent',
    'fix.certs.managedIncomplete': '{tool} a tourné, mais il manque encore {aliases} dans {file} : {output}',
    'logs.none':
      'non exécutée : aucun dossier de journaux indiqué (--logs-directory, le --logsDirectory de l’agent)',
    'logs.unreadable': 'le dossier de journaux {dir} est illisible ({code})',
    'logs.noFiles': 'non exécutée : {dir} ne contient aucun fichier journal',
    'logs.clean':
      'aucune erreur documentée dans {files, plural, one {# fichier journal} other {# fichiers journaux}}, {lines, plural, one {# ligne} other {# lignes}}, sous {dir}',
    'logs.emptyDir':
      'rien n’a pu être confirmé : aucun fichier journal sous {dir} (est-ce bien le dossier des journaux de l’agent ?)',
    'logs.nothingRead':
      'rien n’a pu être confirmé : aucune entrée sous {dir} n’a pu être lue comme un journal ({count, plural, one {# entrée écartée} other {# entrées écartées}}, voir ci-dessus)',
    'logs.quietWindow':
      'rien dans la fenêtre --since : chaque fichier journal sous {dir} s’arrête avant son début ({count, plural, one {# fichier écarté} other {# fichiers écartés}}, voir ci-dessus)',
    'logs.fix.dir': 'Indiquez le dossier où l’agent écrit ses journaux, tel que donné par --logsDirectory.',
    'proxy.malformed': 'l’agent tourne avec --proxy "{proxy}", qu’il ne peut pas utiliser : {problem}',
    'proxy.problem.empty': 'elle est vide',
    'proxy.problem.padded': 'elle est entourée d’espaces',
    'proxy.problem.space': 'elle contient une espace',
    'proxy.problem.quoted': 'elle est entre guillemets',
    'proxy.problem.scheme': 'retirez « {scheme} » : l’agent ne prend que ADRESSE[:PORT]',
    'proxy.problem.credentials':
      'elle contient des identifiants ; l’agent ne sait pas s’authentifier auprès d’un proxy',
    'proxy.problem.path': 'elle contient un chemin ; donnez ADRESSE[:PORT] seulement',
    'proxy.problem.unclosedIpv6': 'il manque le « ] » fermant de l’adresse IPv6',
    'proxy.problem.afterBracket': '« {rest} » inattendu après « ] »',
    'proxy.problem.notIpv6': '« {host} » n’est pas une adresse IPv6',
    'proxy.problem.bareIpv6': 'une adresse IPv6 s’écrit entre crochets, par exemple [2001:db8::1]:8080',
    'proxy.problem.notIpv4': '« {host} » n’est pas une adresse IPv4',
    'proxy.problem.hostName': '« {host} » n’est pas un nom d’hôte valide',
    'proxy.problem.port': 'le port « {port} » n’est pas un nombre entier de 1 à 65535',
    'init.intro':
      'Ceci écrit un fichier de configuration pour `siem-doctor check --config FILE`. Les réponses vides sont omises.',
    'init.portal':
      'URL du portail du locataire (Paramètres → À propos), par exemple https://contoso.us3.portal.cloudappsecurity.com',
    'init.proxy': 'Proxy avec lequel l’agent démarre (--proxy ADRESSE[:PORT]), vide s’il n’y en a pas',
    'init.syslogHost': 'Nom ou adresse du serveur SIEM (comme dans l’assistant du portail)',
    'init.syslogPort': 'Port du SIEM',
    'init.protocol': 'Protocole du SIEM',
    'init.javaHome': 'Dossier Java utilisé par l’agent',
    'init.logs': 'Dossier des journaux de l’agent (--logsDirectory), vide s’il n’y en a pas',
    'init.file': 'Écrire la configuration dans',
    'init.overwrite': '{file} existe. Le remplacer ?',
    'init.written':
      '{file} écrit. Le jeton n’y est pas enregistré : donnez-le dans SIEM_DOCTOR_TOKEN en lançant `siem-doctor check --config {file}`.',
    'syslog.noHost': 'non exécutée : aucun serveur SIEM indiqué (utilisez --syslog-host et --syslog-port)',
    'syslog.noPort': 'non exécutée : aucun port SIEM indiqué (utilisez --syslog-port)',
    'syslog.dnsFailed': 'le nom du serveur SIEM {host} ne se résout pas ({code})',
    'syslog.tcpOk': '{host}:{port}/tcp accepte les connexions ({addresses})',
    'syslog.refused': "connexion à {address}:{port}/tcp refusée : rien n'écoute sur ce port",
    'syslog.timedOut':
      'la connexion à {address}:{port}/tcp est restée sans réponse pendant {seconds} s : un pare-feu la bloque probablement',
    'syslog.unreachable': "{address}:{port}/tcp est injoignable d'ici ({code}) : aucune route n'y mène",
    'syslog.connectFailed': 'la connexion à {address}:{port}/tcp a échoué ({code})',
    'syslog.connectReset':
      '{address}:{port}/tcp a pris la connexion puis l’a réinitialisée aussitôt : l’entrée attend peut-être TLS, ou n’accepte que certains émetteurs',
    'syslog.partial':
      '{ok, plural, one {seule # des {total} adresses de {host} accepte} other {seules # des {total} adresses de {host} acceptent}} les connexions sur le port {port}',
    'syslog.udpRefused': "{address}:{port}/udp a répondu « port injoignable » : rien n'écoute sur ce port",
    'syslog.udpUnconfirmed':
      "une sonde a été envoyée à {address}:{port}/udp sans être refusée, mais UDP n'a pas d'accusé de réception : la livraison ne peut pas être confirmée d'ici",
    'syslog.sendOk':
      'un événement de test marqué ({bytes, plural, one {# octet} other {# octets}}, externalId {externalId}) a été écrit vers {host}:{port}/tcp, et le serveur l’a lu jusqu’au bout puis a fermé proprement',
    'syslog.sendReset':
      "le serveur SIEM a réinitialisé la connexion pendant l'écriture de l'événement de test ({code})",
    'syslog.sendClosed': "le serveur SIEM a fermé la connexion avant que l'événement de test soit livré",
    'syslog.sendStalled':
      "l'écriture de l'événement de test est bloquée depuis {seconds} s : le serveur accepte les connexions mais ne lit pas",
    'syslog.sendUdp':
      "non exécutée : l'événement de test ne part qu'en TCP, car rien ne dirait si un datagramme UDP est arrivé",
    'syslog.sendDisabled': 'non exécutée : --no-test-event a été donné',
    'syslog.fix.portal':
      "Dans le portail (Paramètres → Applications cloud → Agents SIEM → Modifier), comparez le nom du serveur, le port et le protocole avec l'entrée syslog du SIEM.",
    'syslog.fix.listening':
      'Sur le serveur SIEM, vérifiez que quelque chose écoute sur le port {port} : `ss -ltnp` pour TCP, `ss -lunp` pour UDP.',
    'syslog.fix.firewall':
      'Autorisez le trafic de ce serveur vers {host} sur le port {port} à travers chaque pare-feu entre les deux, y compris ceux des machines.',
    'syslog.fix.dns':
      "Corrigez le nom du serveur dans le portail, ou faites-le résoudre sur le serveur de l'agent (DNS ou fichier hosts).",
    'syslog.fix.ipChanged':
      "Si le serveur SIEM a changé d'adresse, mettez à jour le nom ou l'adresse dans le portail.",
    'syslog.fix.reset':
      "Examinez l'entrée du SIEM : une entrée TLS uniquement, une limite de connexions ou une liste d'émetteurs autorisés ferme les connexions TCP simples venant de cette machine.",
    'syslog.fix.stall':
      "Un récepteur qui cesse de lire est surchargé ou bloqué (disque plein, chaîne de traitement arrêtée) : redémarrez-le ou videz sa file d'attente.",
    'syslog.fix.sendTest':
      'Reproduisez à volonté : `siem-doctor syslog send-test --syslog-host {host} --syslog-port {port} --protocol {protocol}`.',
    'syslog.fix.udp':
      'Pour confirmer la livraison UDP, lancez `siem-doctor syslog send-test --protocol udp` et cherchez les événements marqués dans le SIEM.',
    'sendTest.sent':
      '{count, plural, one {# événement envoyé} other {# événements envoyés}} ({bytes, plural, one {# octet} other {# octets}}) à {host}:{port}/{protocol} ({address}), tramage {framing}',
    'sendTest.find': 'Retrouvez-les dans le SIEM par externalId {runId}-1 … {runId}-{count}',
    'sendTest.halfClosed':
      'Le serveur a fermé son côté de la connexion le premier (comme le fait `ncat --recv-only`) et a pris tous les événements sans réinitialisation : seul le SIEM peut confirmer leur arrivée',
    'sendTest.udp': "UDP n'a pas d'accusé de réception : seul le SIEM peut confirmer leur arrivée",
    'sendTest.failed': "L'envoi à {host}:{port}/{protocol} a échoué : {reason}",
    'listen.listening': 'Écoute sur {host}:{port}/{protocol} ; arrêt avec Ctrl-C',
    'listen.summary':
      '{events, plural, one {# événement reçu} other {# événements reçus}} ({activities, plural, one {# activité} other {# activités}}, {alerts, plural, one {# alerte} other {# alertes}}) de {senders, plural, one {# émetteur} other {# émetteurs}} par {connections, plural, one {# connexion} other {# connexions}} en {seconds} s ; {malformed, plural, one {# mal formé} other {# mal formés}}',
    'listen.byCategory': 'Par catégorie :',
    'listen.times': 'Dates des événements : premier {first}, dernier {last}',
    'listen.senders': 'Émetteurs : {list}',
    'listen.framing':
      'Tramage : {lf} par saut de ligne (celui de l’agent), {octet} à longueur préfixée, {datagram, plural, one {# datagramme} other {# datagrammes}}',
    'listen.malformed': 'Premier message mal formé, de {sender} ({reason}) : {example}',
    'listen.reason.pri': 'son <PRI> n’est pas de 1 à 3 chiffres jusqu’à 191',
    'listen.reason.noCef': 'pas de « CEF: » dans la ligne',
    'listen.reason.fields': 'son en-tête CEF a moins de 8 champs',
    'listen.reason.version': 'sa version CEF « {version} » n’est pas un nombre',
    'listen.reason.other': '{reason}',
    'listen.none': "Aucun événement valide n'est arrivé.",
    // bounds (issue #10) : send-test envoie ses événements au fil de l'eau ; listen --json attend sa sortie
    'sendTest.sentBefore':
      '{sent, plural, one {# événement sur {count} avait été pris} other {# événements sur {count} avaient été pris}} par le serveur avant cela',
    'listen.dropped':
      '{dropped, plural, one {# événement a été compté mais pas affiché : il est arrivé} other {# événements ont été comptés mais pas affichés : ils sont arrivés}} par UDP alors que la sortie ne suivait pas (UDP ne peut pas être mis en pause)',
    'syslog.hint.framing':
      "Si le SIEM n'affiche rien alors que l'envoi a réussi : rsyslog lit une ligne TCP qui commence par un chiffre comme une trame à longueur préfixée et rejette les lignes de l'agent. Activez PRI dans les paramètres CEF génériques du portail, ou mettez SupportOctetCountedFraming=\"off\" sur cette entrée rsyslog.",
    // fleet (issue #14): watch, the portal projection, machine formats
    'watch.host': 'Hôte : {host}',
    'watch.projection.connected':
      "Portail : l'agent garde le contact (portail, proxy et confiance Java n'échouent pas)",
    'watch.projection.ahead':
      '{checks} en échec depuis {since} : si cela dure, le portail affiche « {mark} » à {at} (dans {minutes} min)',
    'watch.projection.warning':
      'Attention : {checks} en échec depuis {since} : le portail affichera « {mark} » à {at} (dans {minutes} min) si rien n’est réparé',
    'watch.projection.reached':
      '{checks} en échec depuis {since} : le portail affiche « {mark} » depuis {at}',
    'watch.change': '{time} {check} : {from} → {to} : {message}',
    'watch.first': '{time} {check} : {to} : {message}',
    'watch.started':
      'Surveillance de {count, plural, one {# vérification} other {# vérifications}} toutes les {interval} ; état gardé dans {file}',
    'watch.stateDamaged': "Le fichier d'état {file} est inutilisable ({reason}) ; reprise à zéro",
    'watch.state.notJson': "ce n'est pas du JSON valide ({where})",
    'watch.state.notState': "ce n'est pas un état de watch de siem-doctor (version 1)",
    'watch.state.badEntry': "l'entrée {id} est mal formée",
    'watch.state.keptAs': '{reason} ; le fichier est conservé sous {aside}',
    'watch.roundCrashed': 'Le tour {round} a échoué : {reason} ; le tour suivant aura lieu comme prévu',
    'watch.stopping': 'Arrêt ({signal}) à la fin du tour en cours',
    // verdicts (issue #10) : seulement ce que les preuves montrent
    'syslog.sendUnconfirmed':
      'envoyé ; réception non confirmée : l’événement de test ({bytes, plural, one {# octet} other {# octets}}, externalId {externalId}) est parti vers {host}:{port}/tcp sans réinitialisation ni fermeture, mais le serveur a gardé la connexion ouverte après notre fin de flux ; TCP ne distingue pas un serveur qui lit et garde ses connexions d’un serveur qui ne lit pas',
    'syslog.sendHalfClosed':
      'envoyé ; réception non confirmée : le serveur a fermé son côté de la connexion avant nous (comme le fait `ncat --recv-only`) et a pris tout l’événement de test ({bytes, plural, one {# octet} other {# octets}}, externalId {externalId}) sans réinitialisation : il continue de lire, comme l’agent en a besoin, mais aucune fermeture après notre fin de flux ne confirme qu’il a tout lu',
    'syslog.fix.findHalfClosed':
      'Cherchez dans le SIEM l’événement d’externalId {externalId} : s’il y est, le serveur l’a lu.',
    'syslog.fix.findEvent':
      'Cherchez dans le SIEM l’événement d’externalId {externalId} : s’il y est, le serveur lit et garde simplement ses connexions ouvertes, comme beaucoup le font.',
    'token.refusedUnconfirmed':
      'impossible de confirmer le jeton finissant par …{last4} : le portail a refusé l’appel avec HTTP {status} ({detail}), ce qui ne dit pas que le jeton est invalide ; l’API essayée peut demander plus de droits qu’un jeton d’agent SIEM n’en a',
    'token.fix.agentConfirms':
      'Démarrez l’agent avec ce jeton et lisez sa console : seul « Jeton non valide (Invalid token) » y prouve que le jeton est mauvais.',
    'proxy.tunnelClosed':
      'le proxy {proxy} a répondu HTTP 200 à CONNECT {target} puis a fermé le tunnel avant que rien n’y passe : l’agent ne peut pas passer par lui',
    'proxy.fix.tunnel':
      'Consultez le journal du proxy pour ce CONNECT : une règle, une panne en amont ou une limite de tunnels le ferme juste après l’avoir accepté.',
    'logs.noneRead':
      'impossible de confirmer : {skipped, plural, =1 {le seul fichier de {dir} n’a pas pu être parcouru} other {aucun des # fichiers de {dir} n’a pu être parcouru}} (voir les preuves pour chacun et la raison)',
    'logs.cleanButSkipped':
      'aucune erreur documentée dans {files, plural, one {# fichier journal} other {# fichiers journaux}}, {lines, plural, one {# ligne} other {# lignes}}, sous {dir} ; {skipped, plural, one {# fichier n’a pas pu être lu comme du texte et n’a pas été parcouru} other {# fichiers n’ont pas pu être lus comme du texte et n’ont pas été parcourus}} (voir les preuves)',
    'logs.fix.skipped':
      'Rendez les fichiers ignorés lisibles par ce compte, ou parcourez-les à la main (`grep -a`) si ce sont des journaux.',
    'logs.skippedFile': 'ignoré {file} : {reason}',
    'logs.skip.binary': 'contenu binaire, pas du texte',
    'logs.skip.unreadable': 'illisible ({code})',
    // logs (#13): every file read, findings by what the line is about, the portal's marks
    'logs.skip.not-a-file': 'pas un fichier ordinaire ({code}), non lu',
    'logs.skip.folder': 'un dossier, non parcouru',
    'logs.skip.before-since': 'ne contient rien après le début de la fenêtre --since, non lu',
    'logs.read':
      '{files, plural, one {# fichier journal lu} other {# fichiers journaux lus}}, {lines, plural, one {# ligne} other {# lignes}}, {megabytes} Mo, sous {dir}',
    'logs.window': 'Seules les lignes à partir du {since} comptent (--since)',
    'logs.damaged': '{file} : le fichier compressé est endommagé ({code}) ; lu jusqu’à la ligne {lines}',
    'logs.finding':
      '« {error} » : {label} ({side}), {count, plural, other {# fois}}, première {first}, dernière {last}, dans {file} ligne {line}',
    'logs.finding.undecided':
      'erreur documentée indéterminée : {label} ({side}), {count, plural, other {# fois}}, première {first}, dernière {last}, dans {file} ligne {line}',
    'logs.timeUnknown': 'heure inconnue',
    'logs.side.siem': 'SIEM {host}',
    'logs.side.portal': 'portail {host}',
    'logs.side.proxy': 'proxy {host}',
    'logs.side.unknown': 'la ligne ne nomme ni le SIEM ni le portail',
    'logs.why.proxy-auth':
      'Le proxy {host} a répondu 407 : il demande des identifiants, et l’agent ne peut en donner aucun (son --proxy ne prend que ADRESSE[:PORT]). L’adresse n’est pas mal formée : laissez passer le serveur de l’agent sans authentification.',
    'logs.why.proxy-tunnel':
      'Le proxy {host} n’a pas ouvert de tunnel (CONNECT) vers le portail : autorisez CONNECT vers le portail du locataire sur le port 443 pour le serveur de l’agent.',
    'logs.why.trust-anchors-empty':
      'Java n’a trouvé aucun certificat de confiance : le magasin de confiance de la JVM de l’agent manque, est vide ou endommagé (un -Djavax.net.ssl.trustStore erroné, ou un cacerts illisible). Lancez `siem-doctor check --only java-certs`.',
    'logs.why.pkix-building':
      'Java n’a pas pu construire de chemin du certificat du portail vers une AC de son magasin : une AC manque. Lancez `siem-doctor certs import`.',
    'logs.why.cert-validity':
      'Un certificat de la chaîne du portail, ou l’AC où elle aboutit, est expiré ou pas encore valide pour Java : vérifiez l’horloge du serveur, et qu’aucun proxy d’inspection TLS ne présente ses propres certificats.',
    'logs.why.algorithm-constraints':
      'Java a refusé la chaîne pour ses algorithmes ou tailles de clé : un java.security durci (jdk.certpath.disabledAlgorithms, p. ex. RSA keySize < 4096) rejette les chaînes RSA-2048 d’Azure.',
    'logs.why.revocation':
      'Java vérifie la révocation et n’a pas pu joindre les serveurs CRL ou OCSP : autorisez HTTP (port 80) vers crl3.digicert.com, crl4.digicert.com, ocsp.digicert.com et oneocsp.microsoft.com, directement ou par le proxy.',
    'logs.why.pkix-validation':
      'Java a construit un chemin vers une AC de confiance mais l’a rejeté en le validant ; les lignes suivantes du journal en donnent la cause (expiration, algorithmes, révocation).',
    'logs.why.hostname-mismatch':
      'Le certificat reçu par l’agent n’est pas au nom du portail : un proxy d’inspection TLS, ou une URL de portail ou une entrée DNS qui mène ailleurs.',
    'logs.why.not-tls':
      'L’agent a parlé TLS et a reçu autre chose (du HTTP en clair) : un proxy ou un filtre a répondu à la place du portail.',
    'logs.why.tls-version':
      'Aucune version de TLS acceptée des deux côtés : le Java de l’agent doit autoriser TLS 1.2 (`siem-doctor check --only java-tls`), et l’autre bout (le portail, ou un proxy qui inspecte TLS) doit la parler.',
    'logs.why.handshake-failure':
      'La négociation TLS a été refusée : le plus souvent aucune version ou suite de chiffrement commune (TLS 1.2 désactivé dans Java, ou un proxy qui inspecte TLS). Lancez `siem-doctor check --only java-tls`.',
    'logs.why.unknown-host.siem':
      'Le nom du serveur SIEM {host} ne se résout pas sur le serveur de l’agent : vérifiez l’hôte défini pour l’agent dans le portail, et le DNS.',
    'logs.why.unknown-host.portal':
      'Le nom du portail {host} ne se résout pas sur le serveur de l’agent ; sans proxy, l’agent le résout lui-même : vérifiez le DNS, ou définissez le proxy.',
    'logs.why.unknown-host.proxy':
      'Le nom du proxy {host} ne se résout pas : l’agent ne peut pas utiliser ce --proxy.',
    'logs.why.unknown-host.unknown':
      'Le nom {host} ne se résout pas ; ce n’est ni le SIEM, ni le portail, ni le proxy des réglages de cette exécution : donnez --syslog-host, --portal-url et --proxy pour savoir de quel côté il est.',
    'logs.why.connection-refused.siem':
      'Le serveur SIEM {host} a refusé la connexion TCP : rien n’écoute sur ce port, ou un pare-feu la rejette. Un refus est la réponse de TCP, avant tout TLS : le conseil de la procédure de récupération sur TLS 1.2 ne concerne pas le côté syslog.',
    'logs.why.connection-refused.portal':
      'La connexion vers {host}, côté portail, a été refusée. La procédure de récupération relie « connexion refusée » à TLS 1.2 ; seul ce côté, la connexion HTTPS au portail, utilise TLS : lancez `siem-doctor check --only java-tls,proxy,portal`. Le refus lui-même est la réponse de TCP : rien n’écoute sur cette adresse et ce port (mauvais port de proxy, pare-feu).',
    'logs.why.connection-refused.unknown':
      'Une connexion a été refusée, et la ligne ne nomme ni le SIEM, ni le portail ou le proxy des réglages de cette exécution : donnez --syslog-host, --portal-url et --proxy pour trancher (vers le SIEM : Data server connection error ; vers le portail ou le proxy : SIEM agent error).',
    'logs.why.connection-reset.siem':
      'Le serveur SIEM {host} a réinitialisé la connexion pendant l’envoi : une entrée qui ferme le TCP en clair (TLS seulement), une limite de connexions ou une liste d’expéditeurs autorisés.',
    'logs.why.connection-reset.portal':
      'La connexion vers {host}, côté portail, a été réinitialisée : un proxy ou un pare-feu l’a coupée (inspection TLS, limite d’inactivité).',
    'logs.why.connection-reset.unknown':
      'Une connexion a été réinitialisée, et la ligne ne dit pas de quel côté : donnez --syslog-host, --portal-url et --proxy pour trancher.',
    'logs.why.connect-timeout.siem':
      'Le serveur SIEM {host} n’a pas répondu à la connexion : un pare-feu l’écarte, ou le serveur est arrêté.',
    'logs.why.connect-timeout.portal':
      'Aucune réponse à la connexion vers {host}, côté portail : le port 443 sortant (ou celui du proxy) est bloqué.',
    'logs.why.connect-timeout.unknown':
      'Une connexion a expiré, et la ligne ne dit pas de quel côté : donnez --syslog-host, --portal-url et --proxy pour trancher.',
    'logs.why.read-timeout.siem': 'La connexion au serveur SIEM {host} s’est bloquée pendant l’envoi.',
    'logs.why.read-timeout.portal':
      'Le côté portail ({host}) a pris la connexion mais n’a pas répondu à temps : un proxy lent, ou un filtre qui retient la réponse.',
    'logs.why.read-timeout.unknown':
      'Une lecture a expiré : l’agent ne lit que les réponses du portail (le côté syslog est écrit, jamais lu), c’est donc le côté portail, par le proxy s’il y en a un.',
    'logs.portal.lastContact': 'Dernier contact avec le portail dans les journaux : {time}',
    'logs.portal.noContact':
      'Aucune ligne ne montre de contact avec le portail ; échecs côté portail depuis {time}',
    'logs.portal.failingSince': 'Échecs côté portail depuis {time}',
    'logs.portal.shows': 'Le portail affiche « {status} » depuis {at}',
    'logs.portal.showsAtLatest': 'Le portail affiche « {status} » depuis {at} au plus tard',
    'logs.portal.willShow':
      'Le portail affichera « {status} » à {at} (dans {minutes} min) si l’agent ne le joint pas d’ici là',
    'logs.portal.willShowAtLatest':
      'Le portail affichera « {status} » à {at} au plus tard (dans {minutes} min)',
    'logs.foundMapped':
      'les journaux de l’agent montrent « {error} » : {label}{endpoint}, {count, plural, other {# fois}} du {first} au {last}, la dernière dans {file}, ligne {line}',
    'logs.undecided':
      'erreur documentée non confirmée : les journaux montrent {label}{endpoint}, {count, plural, other {# fois}}, la dernière dans {file}, ligne {line}',
    'logs.fix.sides':
      'Donnez --syslog-host, --portal-url et --proxy tels que l’agent les a, pour placer chaque ligne de son côté.',
    'logs.fix.damaged':
      'Un journal compressé est endommagé : il a été lu jusqu’à l’endroit où il casse (voir les éléments).',
    'ui.notRun':
      '{count, plural, one {# vérification n’a pas pu être faite} other {# vérifications n’ont pas pu être faites}} faute de données ({checks}) : donnez {flags} pour {count, plural, one {la faire} other {les faire}}',
    'ui.nothingChecked':
      'rien n’a été vérifié : {count, plural, one {# vérification n’a pas pu être faite} other {# vérifications n’ont pas pu être faites}} faute de données ({checks}) ; donnez {flags} pour {count, plural, one {la faire} other {les faire}}',
    // every word (#12) : choix des vérifications, et ce qui restait en anglais dans les vérifications
    'select.empty': '{flag} attend au moins un identifiant de vérification, par exemple {flag} java-runtime',
    'select.unknown': '{flag} : identifiant de vérification inconnu « {id} » ; identifiants connus : {ids}',
    'select.none': '--only et --skip ne laissent aucune vérification à faire',
    'proxy.authNoScheme':
      'le proxy {proxy} exige des identifiants (HTTP 407, schéma inconnu), que l’agent ne sait pas fournir',
    // portal & CA table (#11)
    'portal.okDirect': '{host} a répondu HTTP {status} en {protocol} ({cipher}), en direct, en {ms} ms',
    'portal.okVia':
      '{host} a répondu HTTP {status} en {protocol} ({cipher}), par le proxy {proxy}, en {ms} ms',
    'portal.okBothDirect':
      '{host} a répondu HTTP {status} en {protocol} ({cipher}), en direct, en {ms} ms ; limité à TLS 1.2, comme le demande un agent Java 8, il a négocié {protocol12} ({cipher12})',
    'portal.okBothVia':
      '{host} a répondu HTTP {status} en {protocol} ({cipher}), par le proxy {proxy}, en {ms} ms ; limité à TLS 1.2, comme le demande un agent Java 8, il a négocié {protocol12} ({cipher12})',
    'portal.tls12Refused':
      '{host} parle {protocol} avec cette machine mais refuse TLS 1.2 ({code}) : le Java 8 de l’agent, qui propose au plus TLS 1.2 par défaut, ne peut pas se connecter',
    'portal.fix.java8Tls13':
      'Avec Java 8u261 ou plus récent, démarrez l’agent avec -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3 (TLS 1.3 est désactivé par défaut pour les clients Java 8), ou faites-le tourner sous Java 11 ou plus récent ; sinon, faites accepter TLS 1.2 au proxy ou à l’équilibreur de charge sur le chemin.',
    'portal.g2CrossSignMissing':
      '{host} envoie une chaîne authentique sans la contre-signature DigiCert de « {root} » : elle se termine par « {top} », que seul « {root} » autosigné ancre ; la confiance de cette machine n’a pas cette racine, le portail n’a donc pas pu être vérifié (rien n’indique une interception)',
    'portal.fix.g2Root':
      'Java a besoin de « {root} » autosigné (valable jusqu’en 2040) comme ancre du magasin de confiance de l’agent : voyez java-certs, et ajoutez-le avec `siem-doctor certs import --from FICHIER` (le certificat du dépôt PKI de Microsoft) ; donnez le même fichier avec --ca-file pour que cette vérification puisse aussi valider le portail.',
    'certs.g2CrossSignMissing':
      'le portail envoie sa chaîne sans la contre-signature DigiCert de « {root} » : elle se termine par « {top} », et {file} n’a pas « {root} » autosigné, seul à pouvoir l’ancrer',
    'certs.jvmG2CrossSignMissing':
      '{java} ne peut pas construire de chemin : le portail envoie sa chaîne sans la contre-signature DigiCert de « {root} », et le magasin de confiance {store} n’a pas « {root} » autosigné ({error})',
    'certs.fix.oldJre8':
      'Java {version} est antérieur à 8u381, le premier Java 8 d’Oracle livré avec « Microsoft RSA Root Certificate Authority 2017 » et « Microsoft ECC Root Certificate Authority 2017 » : mettez Java à jour, ou importez la racine manquante.',
    'certs.noEccRoot':
      '{file} contient « {root} » pour les chaînes RSA d’Azure mais aucune racine de ses chaînes ECC ({missing}) ; Java peut recevoir l’une ou l’autre (donnez --portal-url pour juger la chaîne que le portail sert réellement)',
    'tls.jvmNoProtocols': 'TLS 1.2 est désactivé pour {java} : il n’a aucun protocole client par défaut',
    'tls.portalRefusesTls12':
      '{host} refuse TLS 1.2 ({code}), et ce Java {version} propose au plus TLS 1.2 par défaut : l’agent ne peut pas se connecter',
    // listen recovery (#13)
    'listen.keeping': 'Chaque message est conservé, octet pour octet, dans {file}',
    'listen.forwarding': 'Chaque message est relayé vers {target} dès son arrivée',
    'listen.rt': 'Heures des événements (rt) : premier {first}, dernier {last}',
    'listen.quiet':
      'Messages reçus de {first} à {last} ; le flux était silencieux depuis {seconds} s à l’arrêt de l’écoute',
    'listen.output.kept':
      '{messages, plural, one {# message conservé} other {# messages conservés}} ({bytes, plural, one {# octet} other {# octets}}) dans {files}',
    'listen.output.rotated':
      'Rotation par taille : {rotations, plural, one {# fois} other {# fois}} ; au plus {keep, plural, one {# fichier de rotation gardé} other {# fichiers de rotation gardés}}',
    'listen.output.rotatedAway':
      '{count, plural, one {# message de cette écoute était} other {# messages de cette écoute étaient}} dans des fichiers de rotation supprimés au-delà des {keep} gardés : donnez un --output-max-size ou un --output-files plus grand',
    'listen.output.notKept':
      '{count, plural, one {# message n’a pas pu être conservé} other {# messages n’ont pas pu être conservés}} : {error}',
    'listen.output.failed':
      'L’écriture de {file} a échoué : {error} ; ce qui arrive désormais n’y est plus conservé',
    'listen.output.queueFull': 'le disque n’a pas suivi : plus de {limit} attendaient d’être écrits',
    'listen.forward.counts':
      'Relais vers {target} : {received} reçus, {forwarded} relayés, {notForwarded} non relayés',
    'listen.forward.unconfirmed':
      '{count} des messages relayés sont partis sur une connexion que le SIEM a ensuite rompue : TCP ne dit pas combien il en a lu',
    'listen.forward.problems':
      'Le SIEM a cessé de prendre les messages {count, plural, one {# fois} other {# fois}} ; la première à {at} : {reason}',
    'listen.forward.loadLater':
      '{count, plural, one {Le message non relayé est} other {Les # messages non relayés sont}} dans {file} avec tous les autres : chargez ce fichier dans le SIEM',
    'listen.forward.partlyKept':
      '{count, plural, one {Le message non relayé n’est pas} other {Les # messages non relayés ne sont pas tous}} dans {file} (voir ci-dessus) : ce qui y manque est perdu',
    'listen.forward.lost':
      '{count, plural, one {Le message non relayé n’est conservé} other {Les # messages non relayés ne sont conservés}} nulle part : lancez avec --output FICHIER pour garder chaque message',
    'listen.forward.problem':
      'Relais vers {target} à {at} : {reason} ; en attendant, les messages sont {kept} ; nouvel essai',
    'listen.forward.recovered': 'Le relais vers {target} fonctionne de nouveau',
    'listen.forward.keptIn': 'conservés dans {file}',
    'listen.forward.keptNowhere': 'perdus (pas de --output)',
    'listen.forward.refused': 'le SIEM a refusé la connexion : rien n’écoute sur ce port',
    'listen.forward.reset':
      'le SIEM a réinitialisé la connexion ({code}) ; les messages envoyés juste avant ne lui sont peut-être pas parvenus',
    'listen.forward.closed': 'le SIEM a fermé la connexion',
    'listen.forward.stalled': 'le SIEM n’a rien pris pendant {seconds} s',
    'listen.forward.unreachable': 'le SIEM est injoignable ({code})',
    'listen.forward.error': 'la connexion au SIEM a échoué ({code})',
    'listen.forward.loop': '{target} est l’adresse où cette écoute a lieu : chaque message y reviendrait',
    'listen.bind.inUse':
      'le port {port} sur {host} est déjà utilisé : arrêtez ce qui y écoute, ou choisissez un autre --port',
    'listen.bind.rights':
      'écouter sur le port {port} demande plus de droits (les ports sous 1024 demandent root) : choisissez un port au-dessus de 1023',
    'listen.bind.notHere': '--host {host} n’est pas une adresse de cette machine',
    'listen.bind.other': 'impossible d’écouter sur {host}:{port} : {reason}',
    // syslog errors (listen --forward / --output-max-size, recovery.ts)
    'forward.error.form':
      '"{value}" {problem} : donnez HÔTE:PORT[/tcp|udp], par ex. siem.contoso.local:514/tcp ou [2001:db8::5]:514',
    'forward.error.noPort': 'n’a pas de port',
    'forward.error.bareIpv6': 'est une adresse IPv6 sans crochets',
    'forward.error.noHost': 'ne contient ni hôte ni adresse ("{host}")',
    'forward.error.badPort': 'n’a pas de port de 1 à 65535',
    'forward.error.dnsFailed': 'le nom du SIEM {host} ne se résout pas ({code})',
    'forward.error.cannotSend': 'impossible d’envoyer vers {target} : {reason}',
    'output.error.badSize': '"{value}" n’est pas une taille d’au moins 1 Ko, par ex. 100M ou 1G',
    'listen.badPort': '--port "{value}" doit être un nombre entier de 1 à 65535',
    'listen.badHost':
      '--host "{value}" n’est ni une adresse ni un nom d’hôte : donnez une adresse de cette machine, par ex. 127.0.0.1 (0.0.0.0 pour toutes les adresses IPv4, :: pour IPv6)',
    'listen.badDuration':
      '--{flag} "{value}" doit être un nombre de secondes de 0.001 à {max} (environ 24 jours), par ex. --{flag} 60',
    'sendTest.badSystemName':
      '--system-name "{value}" contient des caractères de contrôle (un saut de ligne termine un événement) : donnez une seule ligne de texte',
    'sendTest.needHost': '--syslog-host est obligatoire, par ex. --syslog-host siem.contoso.local',
    'sendTest.needPort': '--syslog-port est obligatoire, par ex. --syslog-port 514',
  },
} as const satisfies MessageFile;
