// What a token looks like, offline. Microsoft's own PowerShell module accepts ^[0-9a-zA-Z=]{64,192}$;
// the usual breakage is a copy-paste: spaces, line breaks, quotes, a cut-off end.
export const TOKEN_PATTERN = /^[0-9a-zA-Z=]{64,192}$/;

export type TokenProblem =
  | { problem: 'empty' }
  | { problem: 'whitespace' }
  | { problem: 'quotes' }
  | { problem: 'chars'; chars: string }
  | { problem: 'length'; length: number };

export function tokenProblem(token: string): TokenProblem | undefined {
  if (token.trim() === '') return { problem: 'empty' };
  if (/\s/.test(token)) return { problem: 'whitespace' };
  if (/^["'`]|["'`]$/.test(token)) return { problem: 'quotes' };
  const bad = [...new Set(token.replace(/[0-9a-zA-Z=]/g, ''))];
  // Show the kinds of characters, never the token: a handful of punctuation marks reveal nothing.
  if (bad.length > 0)
    return {
      problem: 'chars',
      chars: bad
        .slice(0, 8)
        .map((c) => JSON.stringify(c))
        .join(' '),
    };
  if (!TOKEN_PATTERN.test(token)) return { problem: 'length', length: token.length };
  return undefined;
}

/** At most the last four characters, as SPEC.md allows for showing which token it was. */
export function tokenTail(token: string): string {
  const trimmed = token.trim().replace(/^["'`]+|["'`]+$/g, '');
  return trimmed.length >= 16 ? trimmed.slice(-4) : '****';
}
