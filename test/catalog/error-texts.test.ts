// An error that stops a run is said in the user's language (src/errors.ts): every DoctorError is
// raised with a text of the catalog, never with an English string. This asks the TypeScript
// compiler, for every `new …Error(…)` of those classes under src/, what type its message has: a
// string (a literal, a template, a variable holding one) fails, with the file and line.
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The classes, and which argument is the message. */
const MESSAGE_ARGUMENT: Record<string, number> = {
  DoctorError: 1,
  ConfigError: 0,
  FileError: 0,
  KeystoreFileError: 0,
  NetworkError: 0,
  UsageError: 0,
};

interface Raised {
  where: string;
  type: string;
}

function raisedWithStrings(): { all: number; strings: Raised[] } {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  let all = 0;
  const strings: Raised[] = [];
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !source.fileName.includes('/src/')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const index = MESSAGE_ARGUMENT[node.expression.text];
        const argument = index === undefined ? undefined : node.arguments?.[index];
        if (argument) {
          all++;
          const type = checker.getTypeAtLocation(argument);
          // a string, or a union that may be one
          const parts = type.isUnion() ? type.types : [type];
          if (parts.some((t) => (t.flags & ts.TypeFlags.StringLike) !== 0)) {
            const { line } = source.getLineAndCharacterOfPosition(argument.getStart(source));
            strings.push({
              where: `${relative(ROOT, source.fileName)}:${line + 1}`,
              type: checker.typeToString(type),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { all, strings };
}

describe('errors that stop a run', () => {
  it('are all raised with a text of the catalog, not an English string', () => {
    const { all, strings } = raisedWithStrings();
    expect(all).toBeGreaterThan(50); // the scan found the errors it is about
    expect(strings).toEqual([]);
  }, 60_000);
});
