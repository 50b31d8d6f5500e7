// PEM certificate blocks: one finder for every text that may hold several (--from, --ca-file,
// --chain, the trust a handshake used), and no second copy of its pattern anywhere in src/.
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pemBlocks, pemBody } from '../../src/trust/pem.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

describe('pemBlocks', () => {
  it('finds every certificate of a text in order, between other lines, with CRLF line ends', async () => {
    const ca03 = await readFile(path.join(FIXTURES, 'azure-cas', 'azure-rsa-tls-issuing-ca-03.pem'), 'utf8');
    const g2 = await readFile(path.join(FIXTURES, 'azure-cas', 'digicert-global-root-g2.pem'), 'utf8');
    const text = `subject=CA 03\r\n${ca03.replace(/\n/g, '\r\n')}\r\nnot a certificate\n${g2}`;
    const blocks = pemBlocks(text);
    expect(blocks.map((b) => new X509Certificate(b).fingerprint256)).toEqual([
      new X509Certificate(ca03).fingerprint256,
      new X509Certificate(g2).fingerprint256,
    ]);
    // the body is the DER in base64, whatever the line ends
    expect(blocks.map(pemBody)).toEqual(
      [ca03, g2].map((pem) => new X509Certificate(pem).raw.toString('base64')),
    );
    expect(pemBlocks('-----BEGIN CERTIFICATE-----\nno end')).toEqual([]);
  });

  it('is the only place in src/ that holds the pattern of a PEM certificate block', async () => {
    const files = (await readdir(path.join(ROOT, 'src'), { recursive: true })).filter((f) =>
      f.endsWith('.ts'),
    );
    const holding: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(ROOT, 'src', file), 'utf8');
      if (text.includes('/-----BEGIN CERTIFICATE-----')) holding.push(file.split(path.sep).join('/'));
    }
    expect(holding).toEqual(['trust/pem.ts']);
  });
});
