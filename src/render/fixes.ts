// check --fix: one line per fix offered, for stderr, in the user's language. The line names
// certificates, files and what an error said: redacted, then neutralised for the terminal.
import type { MessageFile } from '../catalog/en.js';
import { fill } from '../catalog/index.js';
import type { Report } from '../report.js';
import type { Redactor } from './redact.js';
import { neutralise } from './terminal.js';

export function renderFixLines(fixes: Report['fixes'], catalog: MessageFile, redactor: Redactor): string[] {
  return (fixes ?? []).map((f) =>
    neutralise(redactor.text(fill(catalog.messages['fix.line'], { id: f.id, message: f.message }))),
  );
}
