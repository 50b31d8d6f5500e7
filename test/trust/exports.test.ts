// What src/trust/ exports is used: by other modules, commands, tests or benches. An export no one
// names is dead code that still reads as an API to keep.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

async function sources(dir: string): Promise<string[]> {
  const names = await readdir(path.join(ROOT, dir), { recursive: true });
  return names.filter((n) => /\.(ts|js)$/.test(n)).map((n) => path.join(ROOT, dir, n));
}

/** The names a module exports (declarations marked `export`), read by the TypeScript compiler. */
function exportedNames(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const node of source.statements) {
    const exported =
      ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(node))
      for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name)
      names.push(node.name.text);
  }
  return names;
}

describe('src/trust', () => {
  it('exports nothing that no other file names', async () => {
    const trust = await sources('src/trust');
    const everywhere = [
      ...(await sources('src')),
      ...(await sources('test')),
      ...(await sources('bench')),
      ...(await sources('scripts')),
    ];
    const texts = new Map(
      await Promise.all(everywhere.map(async (f) => [f, await readFile(f, 'utf8')] as const)),
    );
    const unused: string[] = [];
    for (const file of trust) {
      for (const name of exportedNames(file, texts.get(file)!)) {
        const word = new RegExp(`\\b${name}\\b`);
        const own = texts.get(file)!.match(new RegExp(`\\b${name}\\b`, 'g'))!.length;
        const elsewhere = everywhere.some((other) => other !== file && word.test(texts.get(other)!));
        // used in its own file beyond the declaration is used too (exported for a test, say)
        if (!elsewhere && own <= 1) unused.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
