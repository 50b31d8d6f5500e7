import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { createRedactor } from '../../src/render/redact.js';
import { renderFixLines } from '../../src/render/fixes.js';

describe('renderFixLines', () => {
  it('one line per fix in the user’s language, redacted, with no raw control character', () => {
    const fixes = [
      {
        id: 'java-certs',
        applied: false,
        message: 'échec, rien n’a été modifié : mot de passe S3cretPw refusé',
      },
      { id: 'java-certs', applied: true, message: 'imported CA\u001b[31m into /x' },
    ];
    const lines = renderFixLines(fixes, fr, createRedactor(['S3cretPw']));
    expect(lines[0]).toBe(
      'correctif java-certs : échec, rien n’a été modifié : mot de passe <redacted> refusé',
    );
    expect(lines[1]).toMatch(/^correctif java-certs : imported CA/);
    expect(lines[1]).not.toContain('\u001b');
    expect(renderFixLines(undefined, en, createRedactor([]))).toEqual([]);
  });
});
