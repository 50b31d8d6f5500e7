// PEM certificate blocks, found the same way wherever a text may hold several: --from files
// (import.ts), --ca-file and --chain (config/resolve.ts), the trust a handshake used (probes/tls.ts).

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every `-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----` block of a text, in order. */
export function pemBlocks(text: string): string[] {
  return text.match(BLOCK) ?? [];
}

/** A block's base64 body, without its lines and spaces: the DER in base64. */
export function pemBody(block: string): string {
  return block.slice(BEGIN.length, block.length - END.length).replace(/\s+/g, '');
}
