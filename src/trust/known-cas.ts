// The CA certificates Azure serves the portal from, as Microsoft's "Azure Certificate Authority
// details" page lists them (MicrosoftDocs/azure-docs, 2025-11-17), plus the retired ones an old
// keystore may still hold. siem-doctor ships no copy of them: it recognises them in a keystore,
// and checks a download against a pinned SHA-256.
//
// Every row says how it is pinned (`pin`):
//   sha256: computed from the public certificate in fixtures/azure-cas/ (`file`; a copy of
//           ../shared/data/azure-cas, with its provenance in MANIFEST.md). Only these can be
//           downloaded and verified (KNOWN_CAS, used by `certs import`).
//   sha1:   Microsoft's page gives the SHA-1 thumbprint and no certificate is at hand here: the
//           row recognises the certificate in a keystore or a served chain, never a download.
//   none:   no source here gives a fingerprint (the self-signed Microsoft TLS RSA/ECC Root G2 are
//           not on Microsoft's page): known by name only, never taken as proof of anything.
// test/trust/known-cas.test.ts checks every pin against the certificate file where one exists.
//
//   documented: the eight of Microsoft's "Issue with new versions of Java" steps, with the docs'
//               aliases. Four expired on 2024-06-27, the other four on 2026-08-25.
//   current:    issuing CAs Azure serves today (the Microsoft RSA/ECC Root 2017 twins, the G2
//               hierarchy and its DigiCert cross-signs).
//   root:       the roots those chains end at.
//   retired:    expired; listed so that an old keystore's entries are named, never imported.
import { X509Certificate } from 'node:crypto';

export type KnownCaRole = 'documented' | 'current' | 'root' | 'retired';
export type PinKind = 'sha256' | 'sha1' | 'none';

const FROM_FILE = 'certificate file (fixtures/azure-cas)';
const MICROSOFT_PAGE =
  'SHA-1 thumbprint on Microsoft\'s "Azure Certificate Authority details" page (azure-docs 03e5750a)';
const NO_PIN = "no fingerprint published on Microsoft's page, no certificate here";

export interface CaEntry {
  name: string;
  issuer: string;
  role: KnownCaRole;
  pin: PinKind;
  /** Colon-separated upper-case hex, as X509Certificate.fingerprint256 prints it. */
  sha256?: string;
  sha1?: string;
  /** Where the pin comes from. */
  source: string;
  /** The certificate in fixtures/azure-cas the SHA-256 was computed from. */
  file?: string;
  /** Known from the certificate (sha256 rows); Microsoft's page gives no dates. */
  notAfter?: string;
  /** The alias Microsoft's instructions use. */
  alias?: string;
  /** Microsoft's (or DigiCert's) download address; --pki-base-url swaps everything before the file name. */
  url?: string;
  /**
   * Oracle JRE 8 ships this root only from this update on (8u381, July 2023, JDK-8304760): the
   * classic Windows agent host on an older 8 lacks it.
   */
  notInOracleJre8Before?: number;
  /** Removed from Chrome and Mozilla on this date, still in JREs: Node and Java can disagree. */
  browsersDistrusted?: string;
}

/** A row pinned by SHA-256: what a download is checked against. */
export interface KnownCa extends CaEntry {
  pin: 'sha256';
  sha256: string;
  notAfter: string;
}

export const CA_TABLE: readonly CaEntry[] = [
  {
    name: 'Microsoft Azure TLS Issuing CA 01',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '24:C7:29:98:64:E0:A2:A6:96:4F:55:1C:0E:8D:F2:46:15:32:FA:8C:48:E4:DB:BB:60:80:71:66:91:F1:90:E5',
    source: FROM_FILE,
    file: 'azure-tls-issuing-ca-01.pem',
    notAfter: '2024-06-27T23:59:59Z',
    role: 'documented',
    alias: 'azuretls01crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20TLS%20Issuing%20CA%2001%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure TLS Issuing CA 02',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '15:A9:87:61:EB:E0:11:55:4D:A3:A4:6D:20:6B:08:12:CB:2E:B6:9A:E8:7A:AA:11:A6:DD:4C:B8:4E:D5:14:2A',
    source: FROM_FILE,
    file: 'azure-tls-issuing-ca-02.pem',
    notAfter: '2024-06-27T23:59:59Z',
    role: 'documented',
    alias: 'azuretls02crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20TLS%20Issuing%20CA%2002%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 03',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '9D:1B:C5:D2:DD:75:BF:8B:64:F3:5E:7F:91:9E:25:46:C2:25:BE:88:8C:1A:8C:BE:82:C0:E9:57:92:34:A7:ED',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-03.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'documented',
    alias: 'azuretls03crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2003%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 04',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '33:F9:73:1B:E9:10:A6:6D:C6:AC:D0:7D:9D:9C:A2:12:EE:8D:0A:9A:5C:78:C8:BF:3E:89:BB:74:DF:8F:B9:36',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-04.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'documented',
    alias: 'azuretls04crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2004%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure TLS Issuing CA 05',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: 'D6:83:1B:A4:36:07:F5:AC:19:77:8D:62:75:31:56:2A:F5:51:45:F1:91:CA:B5:EF:AF:A0:E0:00:54:42:B3:02',
    source: FROM_FILE,
    file: 'azure-tls-issuing-ca-05.pem',
    notAfter: '2024-06-27T23:59:59Z',
    role: 'documented',
    alias: 'azuretls05crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20TLS%20Issuing%20CA%2005%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure TLS Issuing CA 06',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '48:FF:8B:49:46:68:C7:52:30:4B:48:BF:E8:18:75:89:87:DE:F6:58:2E:5F:09:B9:21:F4:B6:0B:B3:D6:A8:DD',
    source: FROM_FILE,
    file: 'azure-tls-issuing-ca-06.pem',
    notAfter: '2024-06-27T23:59:59Z',
    role: 'documented',
    alias: 'azuretls06crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20TLS%20Issuing%20CA%2006%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 07',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '72:42:47:79:49:51:C9:3F:3E:41:71:16:17:E9:5C:E1:43:26:3E:31:96:C3:45:A1:DA:78:F6:63:97:49:EC:03',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-07.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'documented',
    alias: 'azuretls07crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2007%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 08',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: '51:1C:1C:41:CB:7E:B2:A1:00:78:C3:2C:82:F1:79:25:BA:78:6D:E4:6C:63:39:21:D0:38:E7:40:9E:15:A5:EA',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-08.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'documented',
    alias: 'azuretls08crt',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2008%20-%20xsign.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 03',
    issuer: 'Microsoft RSA Root Certificate Authority 2017',
    pin: 'sha256',
    sha256: '3D:3F:4B:44:0F:93:3F:FD:26:95:65:ED:A9:E2:0E:8D:F8:63:C9:CB:E3:65:1D:3B:47:6C:5B:4F:4A:F5:CE:28',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-03-msroot2017.pem',
    notAfter: '2028-05-25T23:49:25Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2003.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 04',
    issuer: 'Microsoft RSA Root Certificate Authority 2017',
    pin: 'sha256',
    sha256: 'FD:39:FF:C4:8F:14:83:54:26:21:62:A2:F5:5D:D4:6D:C2:56:4C:FC:14:99:30:9A:D5:3F:09:C1:09:81:DC:CA',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-04-msroot2017.pem',
    notAfter: '2028-05-25T23:49:33Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2004.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 07',
    issuer: 'Microsoft RSA Root Certificate Authority 2017',
    pin: 'sha256',
    sha256: 'FB:B7:92:6A:45:1B:AD:F5:16:BE:51:86:14:A7:7E:6E:32:5E:29:81:99:08:79:6D:80:7F:59:32:0F:91:8E:E2',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-07-msroot2017.pem',
    notAfter: '2028-05-25T23:49:30Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2007.crt',
  },
  {
    name: 'Microsoft Azure RSA TLS Issuing CA 08',
    issuer: 'Microsoft RSA Root Certificate Authority 2017',
    pin: 'sha256',
    sha256: 'CF:DD:06:1F:CD:4C:FF:3B:B9:E1:33:26:4C:A7:FD:E4:5C:A4:9B:70:CF:AA:97:7A:E0:DC:42:2B:43:30:A8:C1',
    source: FROM_FILE,
    file: 'azure-rsa-tls-issuing-ca-08-msroot2017.pem',
    notAfter: '2028-05-25T23:49:28Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20RSA%20TLS%20Issuing%20CA%2008.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 02',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha256',
    sha256: 'EA:7A:25:25:5D:11:1F:C3:CE:4C:B8:FA:BE:3A:DF:9C:27:BB:E6:DB:20:3F:95:50:66:BA:B4:C5:A7:1F:3D:08',
    source: FROM_FILE,
    file: 'microsoft-tls-g2-rsa-ca-ocsp-02.pem',
    notAfter: '2029-06-03T20:03:00Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2002.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 04',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha256',
    sha256: 'AC:8E:A9:F2:87:4F:D3:68:A3:E7:78:B1:A0:B1:65:EE:89:8D:B9:B9:68:7C:17:ED:CD:C7:69:08:AB:58:C8:2C',
    source: FROM_FILE,
    file: 'microsoft-tls-g2-rsa-ca-ocsp-04.pem',
    notAfter: '2029-06-03T20:02:59Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2004.crt',
  },
  {
    name: 'Microsoft TLS RSA Root G2',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: 'DD:CD:1E:8A:20:63:8D:4A:AF:F7:20:1B:B1:D5:64:52:AC:D2:C7:59:F1:68:6B:DC:38:F7:3D:D1:57:32:BD:C2',
    source: FROM_FILE,
    file: 'microsoft-tls-rsa-root-g2-xsign.pem',
    notAfter: '2029-06-19T23:59:59Z',
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20RSA%20Root%20G2%20-%20xsign.crt',
  },
  {
    name: 'DigiCert Global Root G2',
    issuer: 'DigiCert Global Root G2',
    pin: 'sha256',
    sha256: 'CB:3C:CB:B7:60:31:E5:E0:13:8F:8D:D3:9A:23:F9:DE:47:FF:C3:5E:43:C1:14:4C:EA:27:D4:6A:5A:B1:CB:5F',
    source: FROM_FILE,
    file: 'digicert-global-root-g2.pem',
    notAfter: '2038-01-15T12:00:00Z',
    role: 'root',
    url: 'https://cacerts.digicert.com/DigiCertGlobalRootG2.crt',
  },
  {
    name: 'DigiCert Global Root G3',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha256',
    sha256: '31:AD:66:48:F8:10:41:38:C7:38:F3:9E:A4:32:01:33:39:3E:3A:18:CC:02:29:6E:F9:7C:2A:C9:EF:67:31:D0',
    source: FROM_FILE,
    file: 'digicert-global-root-g3.pem',
    notAfter: '2038-01-15T12:00:00Z',
    role: 'root',
    url: 'https://cacerts.digicert.com/DigiCertGlobalRootG3.crt',
  },
  {
    name: 'Microsoft RSA Root Certificate Authority 2017',
    issuer: 'Microsoft RSA Root Certificate Authority 2017',
    pin: 'sha256',
    sha256: 'C7:41:F7:0F:4B:2A:8D:88:BF:2E:71:C1:41:22:EF:53:EF:10:EB:A0:CF:A5:E6:4C:FA:20:F4:18:85:30:73:E0',
    source: FROM_FILE,
    file: 'microsoft-rsa-root-ca-2017.pem',
    notAfter: '2042-07-18T23:00:23Z',
    role: 'root',
    notInOracleJre8Before: 381,
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20RSA%20Root%20Certificate%20Authority%202017.crt',
  },
  {
    name: 'Baltimore CyberTrust Root',
    issuer: 'Baltimore CyberTrust Root',
    pin: 'sha256',
    sha256: '16:AF:57:A9:F6:76:B0:AB:12:60:95:AA:5E:BA:DE:F2:2A:B3:11:19:D6:44:AC:95:CD:4B:93:DB:F3:F2:6A:EB',
    source: FROM_FILE,
    file: 'baltimore-cybertrust-root.pem',
    notAfter: '2025-05-12T23:59:00Z',
    role: 'retired',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 03',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha256',
    sha256: 'BB:D2:71:39:C5:30:2C:63:D9:03:F5:70:F1:73:AD:4D:C0:6C:97:4B:9E:BE:29:2C:90:FF:CC:AB:5D:6F:A5:4E',
    source: FROM_FILE,
    file: 'azure-ecc-tls-issuing-ca-03.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'retired',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 04',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha256',
    sha256: '7A:3A:E4:F1:29:20:D5:A8:12:9B:E1:18:3F:BE:C4:37:0E:F1:0B:8B:3A:D4:1E:AE:4A:58:D5:38:5A:A9:4D:33',
    source: FROM_FILE,
    file: 'azure-ecc-tls-issuing-ca-04.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'retired',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 07',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha256',
    sha256: 'BE:23:41:4A:42:E7:48:86:E7:C7:2A:86:1B:A2:DD:DA:01:75:ED:82:92:23:D8:94:C5:D2:72:65:1F:C0:C1:89',
    source: FROM_FILE,
    file: 'azure-ecc-tls-issuing-ca-07.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'retired',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 08',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha256',
    sha256: '89:AA:DE:76:7B:7B:A4:3F:8D:DE:8E:9E:74:A2:FC:BB:EA:40:D5:71:55:F7:E1:F2:25:9C:88:83:56:01:FA:ED',
    source: FROM_FILE,
    file: 'azure-ecc-tls-issuing-ca-08.pem',
    notAfter: '2026-08-25T23:59:59Z',
    role: 'retired',
  },
  {
    name: 'Microsoft RSA TLS CA 01',
    issuer: 'Baltimore CyberTrust Root',
    pin: 'sha256',
    sha256: '04:EE:EA:8E:50:B4:77:5B:3C:24:79:72:62:91:7E:E5:00:02:EC:4C:75:B5:6C:DF:3E:E1:C1:8C:FC:A5:BA:52',
    source: FROM_FILE,
    file: 'microsoft-rsa-tls-ca-01.pem',
    notAfter: '2024-10-08T07:00:00Z',
    role: 'retired',
  },
  {
    name: 'Microsoft RSA TLS CA 02',
    issuer: 'Baltimore CyberTrust Root',
    pin: 'sha256',
    sha256: '05:E4:00:5D:B0:C3:82:F3:BD:66:B4:77:29:E9:01:15:77:60:1B:F6:F7:B2:87:E9:A5:2C:ED:71:0D:25:83:46',
    source: FROM_FILE,
    file: 'microsoft-rsa-tls-ca-02.pem',
    notAfter: '2024-10-08T07:00:00Z',
    role: 'retired',
  },
  {
    name: 'Microsoft ECC Root Certificate Authority 2017',
    issuer: 'Microsoft ECC Root Certificate Authority 2017',
    pin: 'sha1',
    sha1: '99:9A:64:C3:7F:F4:7D:9F:AB:95:F1:47:69:89:14:60:EE:C4:C3:C5',
    source: MICROSOFT_PAGE,
    role: 'root',
    notInOracleJre8Before: 381,
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20ECC%20Root%20Certificate%20Authority%202017.crt',
  },
  {
    name: 'DigiCert Global Root CA',
    issuer: 'DigiCert Global Root CA',
    pin: 'sha1',
    sha1: 'A8:98:5D:3A:65:E5:E5:C4:B2:D7:D6:6D:40:C6:DD:2F:B1:9C:54:36',
    source: MICROSOFT_PAGE,
    role: 'root',
    browsersDistrusted: '2026-04-15',
    url: 'https://cacerts.digicert.com/DigiCertGlobalRootCA.crt',
  },
  {
    name: 'Microsoft TLS RSA Root G2',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'none',
    source: NO_PIN,
    role: 'root',
  },
  {
    name: 'Microsoft TLS ECC Root G2',
    issuer: 'Microsoft TLS ECC Root G2',
    pin: 'none',
    source: NO_PIN,
    role: 'root',
  },
  {
    name: 'Microsoft TLS ECC Root G2',
    issuer: 'DigiCert Global Root G3',
    pin: 'sha1',
    sha1: '7F:A0:5A:CF:9B:4A:AB:B0:DE:0C:FA:FA:29:7D:DF:92:FD:C5:F3:F5',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://caissuers.microsoft.com/pkiops/certs/Microsoft%20TLS%20ECC%20Root%20G2%20-%20xsign.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 06',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: '88:28:3C:78:D0:84:89:71:8F:78:CD:2B:79:73:33:76:51:64:E9:11',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2006.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 08',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: 'DD:BD:3D:A5:C0:93:86:CC:36:CF:EC:46:80:F1:70:84:BA:7A:56:28',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2008.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 10',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: 'B6:63:D8:41:3C:A3:5F:3F:22:64:3C:CB:C2:D3:25:07:00:91:6B:1A',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2010.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 12',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: 'D3:08:9D:F9:F4:74:90:88:70:45:B9:1D:3F:DE:F6:ED:87:F0:2F:52',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2012.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 14',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: '55:D9:B3:3B:DC:16:DD:B3:B6:63:F1:77:1F:96:D4:32:4C:11:80:73',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2014.crt',
  },
  {
    name: 'Microsoft TLS G2 RSA CA OCSP 16',
    issuer: 'Microsoft TLS RSA Root G2',
    pin: 'sha1',
    sha1: '27:E6:66:32:99:D3:40:DF:E5:45:71:CE:CC:EC:01:BE:74:49:5D:C6',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20RSA%20CA%20OCSP%2016.crt',
  },
  {
    name: 'Microsoft TLS G2 ECC CA OCSP 02',
    issuer: 'Microsoft TLS ECC Root G2',
    pin: 'sha1',
    sha1: '33:6D:3E:54:51:31:52:94:F6:E1:E7:CF:DA:84:E5:1C:8B:1E:40:54',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20ECC%20CA%20OCSP%2002.crt',
  },
  {
    name: 'Microsoft TLS G2 ECC CA OCSP 04',
    issuer: 'Microsoft TLS ECC Root G2',
    pin: 'sha1',
    sha1: '5B:FF:3C:C5:1F:B9:C1:CC:E0:D5:2F:75:44:27:34:75:45:E5:83:C5',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20ECC%20CA%20OCSP%2004.crt',
  },
  {
    name: 'Microsoft TLS G2 ECC CA OCSP 06',
    issuer: 'Microsoft TLS ECC Root G2',
    pin: 'sha1',
    sha1: '9B:C5:75:46:AC:BD:B2:9E:38:8C:D1:79:1B:43:DE:4F:65:9B:84:4B',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20ECC%20CA%20OCSP%2006.crt',
  },
  {
    name: 'Microsoft TLS G2 ECC CA OCSP 08',
    issuer: 'Microsoft TLS ECC Root G2',
    pin: 'sha1',
    sha1: 'F1:C0:A1:82:8C:10:B4:3F:9C:65:1F:DF:C4:94:83:21:74:BE:8D:07',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20TLS%20G2%20ECC%20CA%20OCSP%2008.crt',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 03',
    issuer: 'Microsoft ECC Root Certificate Authority 2017',
    pin: 'sha1',
    sha1: '91:50:3B:E7:BF:74:E2:A1:0A:A0:78:B4:8B:71:C3:47:71:75:FE:C3',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20ECC%20TLS%20Issuing%20CA%2003.crt',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 04',
    issuer: 'Microsoft ECC Root Certificate Authority 2017',
    pin: 'sha1',
    sha1: '40:6E:3B:38:EF:F3:5A:72:7F:27:6F:E9:93:59:0B:70:F8:22:4A:ED',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20ECC%20TLS%20Issuing%20CA%2004.crt',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 07',
    issuer: 'Microsoft ECC Root Certificate Authority 2017',
    pin: 'sha1',
    sha1: 'AB:34:90:B7:E3:7B:3A:8A:1E:71:50:36:52:2A:B4:26:52:C3:CF:FE',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20ECC%20TLS%20Issuing%20CA%2007.crt',
  },
  {
    name: 'Microsoft Azure ECC TLS Issuing CA 08',
    issuer: 'Microsoft ECC Root Certificate Authority 2017',
    pin: 'sha1',
    sha1: 'CF:33:D5:A1:C2:F0:35:5B:20:7F:CE:94:00:26:E6:C1:58:00:67:FD',
    source: MICROSOFT_PAGE,
    role: 'current',
    url: 'https://www.microsoft.com/pkiops/certs/Microsoft%20Azure%20ECC%20TLS%20Issuing%20CA%2008.crt',
  },
];

const isSha256Pinned = (ca: CaEntry): ca is KnownCa => ca.pin === 'sha256';

/** The rows pinned by SHA-256: recognised by it, downloadable and verifiable (`certs import`). */
export const KNOWN_CAS: readonly KnownCa[] = CA_TABLE.filter(isSha256Pinned);

export function knownCaBySha256(sha256: string): KnownCa | undefined {
  const wanted = sha256.toUpperCase();
  return KNOWN_CAS.find((ca) => ca.sha256 === wanted);
}

/** The table's row for a certificate, by its SHA-256 or, for a SHA-1-pinned row, its SHA-1. */
export function knownCaByDer(der: Buffer): CaEntry | undefined {
  const cert = new X509Certificate(der);
  const [sha256, sha1] = [cert.fingerprint256, cert.fingerprint];
  return CA_TABLE.find((ca) =>
    ca.pin === 'sha256' ? ca.sha256 === sha256 : ca.pin === 'sha1' && ca.sha1 === sha1,
  );
}

/** The file name of a download URL: the part a mirror (--pki-base-url) keeps. */
export function downloadFileName(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
}
