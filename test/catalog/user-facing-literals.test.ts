// Every word a user reads comes from the catalog (en, fr, nl): this walks every string and template
// literal under src/checks and src/render with the TypeScript compiler and fails on any that is
// shaped like English prose. "Shaped like prose" is two words of letters in a row, or a word
// beside a ${…} hole ("via …"), once <markup> is taken out: ids (`java-runtime`), catalog keys
// (`token.fix.copy`), format names, paths, regular expressions (a different node) and ANSI/CSS-like
// codes never are, and a command the user copies (`nslookup …`, `curl -sS …`) starts with the name
// of a program. What must stay English anyway is listed below, with why. A single word alone
// ('direct') is not caught: it is caught where it joins a sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_ERRORS } from '../../src/catalog/documented-errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
// folders, and single files elsewhere whose words reach a check's output (the proxy's problems)
const FOLDERS = ['src/checks', 'src/render', 'src/config/proxy-address.ts'];

/** Literals that must stay English wherever they appear, each with the reason. */
const ALLOWED_EVERYWHERE = new Set<string>([
  // The documented errors' English identifiers (SPEC.md): JSON, JUnit, Prometheus and scripts match
  // on them; text output puts the localized name in front (documented-errors.ts).
  ...DOCUMENTED_ERRORS,
]);

/** Literals that must stay English in one file, each with the reason. */
const ALLOWED_IN_FILE: Record<string, readonly string[]> = {
  'src/checks/java-certs.ts': [
    // the roots an ECC or RSA chain ends at, by their names (certificate subjects are data)
    'DigiCert Global Root G2',
    'Microsoft RSA Root Certificate Authority 2017',
    'DigiCert Global Root G3',
    'Microsoft ECC Root Certificate Authority 2017',
    // a JVM named the same way in every language: product, version, folder
    'Java … (…)',
  ],
  'src/checks/java-tls.ts': [
    // a JVM named the same way in every language: product, version, folder
    'Java … (…)',
  ],
  'src/checks/run.ts': [
    // a programming error of the registry (registry.test.ts proves it never happens), not a user text
    'the checks require each other in a circle: …',
  ],
  'src/render/listen-summary.ts': [
    // the parser's reasons (cef.ts), data in JSON: matched here to be said in the user's language
    'no CEF: in the line',
    'CEF header has fewer than 8 fields',
    'bad PRI',
  ],
  'src/render/logs.ts': [
    // the portal statuses' English identifiers (SPEC.md), compared as data; localizedName words them
    'Connection error',
  ],
  'src/checks/proxy.ts': [
    // an evidence value: evidence is data, the same in JSON and text, like its keys
    'agent process',
  ],
  'src/render/prometheus.ts': [
    // the exposition format's own syntax
    '# TYPE … gauge',
    // HELP lines describe series to whoever queries them, fleet-wide: a HELP that changed with the
    // LANG of each host would give one metric conflicting metadata in Prometheus.
    'siem-doctor version and the host it ran on.',
    'When the run started, in seconds since the Unix epoch.',
    'How long the run took, in seconds.',
    "Each check's status: 1 for the status it has, 0 for the others.",
    'How long each check took, in seconds.',
    'The documented agent error a check found, by its name as the agent and portal show it.',
    "The agent's status in the portal as projected from how long portal, proxy or Java trust have failed (1 for the projected state).",
    'Seconds until the portal shows the mark if the outage goes on: 0 once reached, +Inf while there is no outage.',
    'The outage has lasted more than the warning share of the mark and has not reached it yet.',
  ],
};

const HOLE = '…';
const WORD = /^[("“«]?[A-Za-z][A-Za-z’'-]*[a-z][)"”»,.;:!?]*$/;
/** Programs whose command lines the checks hand the user to reproduce a finding by hand. */
const COMMAND = /^"?(?:nslookup|ncat|curl|ls|keytool|java|openssl|ss|grep|dig)\b/;

/** Whether a literal's text reads as prose: two words of letters in a row, or a word beside a hole. */
function looksLikeProse(text: string): boolean {
  if (COMMAND.test(text.trim())) return false;
  const tokens = text
    .replace(/<[^<>]*>/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  const hole = (t: string | undefined) => t === HOLE || t === `${HOLE}:`;
  return tokens.some(
    (token, i) =>
      WORD.test(token) && (WORD.test(tokens[i - 1] ?? '') || hole(tokens[i - 1]) || hole(tokens[i + 1])),
  );
}

interface Literal {
  file: string;
  line: number;
  text: string;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) ||
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword)
  );
}

/** The string and template literals of one file that read as prose; ${…} holes shown as …. */
function proseLiterals(file: string): Literal[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // type positions ('pass' | 'warn') and module names are not text
      if (!ts.isLiteralTypeNode(node.parent) && !isModuleSpecifier(node)) text = node.text;
    } else if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
    }
    if (text !== undefined && looksLikeProse(text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ file, line, text });
    }
    // a template's pieces are judged whole, above
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((l) => !ALLOWED_EVERYWHERE.has(l.text) && !ALLOWED_IN_FILE[file]?.includes(l.text));
}

const files = FOLDERS.flatMap((folder) =>
  (folder.endsWith('.ts') ? [''] : readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }))
    .filter((name) => join(folder, name).endsWith('.ts'))
    .map((name) =>
      relative(ROOT, join(ROOT, folder, name))
        .split('\\')
        .join('/'),
    ),
).sort();

describe('user-facing words under src/checks and src/render (and src/config/proxy-address.ts)', () => {
  it('finds files to look at, and the scanner knows prose from ids, keys and commands', () => {
    expect(files).toContain('src/render/text.ts');
    expect(files).toContain('src/checks/token.ts');
    expect(files).toContain('src/config/proxy-address.ts');
    for (const prose of [
      'Documented error: …',
      'unknown scheme',
      'the check itself failed',
      'via …',
      'fix …: …',
    ])
      expect(looksLikeProse(prose), prose).toBe(true);
    for (const code of [
      'java-runtime',
      'token.fix.copy',
      'ncat -v … …',
      'ls -l "…/bin/java"',
      'nslookup …',
      'text',
      '\u001b[31m',
      '<?xml version="1.0" encoding="UTF-8"?>',
      '…: …',
    ])
      expect(looksLikeProse(code), code).toBe(false);
  });

  it.each(files)('%s has no English literal left', (file) => {
    expect(proseLiterals(file).map((l) => `${l.file}:${l.line}: ${l.text}`)).toEqual([]);
  });

  it('allows only literals that are still there', () => {
    const all = files.flatMap((file) => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      return (ALLOWED_IN_FILE[file] ?? []).filter((text) => !source.includes(text.split(HOLE)[0]!));
    });
    expect(all).toEqual([]);
  });
});
