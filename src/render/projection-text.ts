// The portal's projected view in words, for the text report and `watch`'s lines: the mark the
// portal already shows (if any) and the next one, with when.
import type { MessageFile } from '../catalog/en.js';
import { fill } from '../catalog/index.js';
import { localizedName } from '../catalog/documented-errors.js';
import type { Projection } from '../watch/projection.js';

export function projectionLines(projection: Projection, catalog: MessageFile): string[] {
  const ui = catalog.messages;
  if (!projection.failingSince) return [ui['watch.projection.connected']];
  const base = { checks: projection.failing.join(', '), since: projection.failingSince };
  const reached = projection.marks.filter((m) => m.secondsUntil === 0).at(-1);
  const next = projection.marks.find((m) => (m.secondsUntil ?? 0) > 0);
  const lines: string[] = [];
  if (reached)
    lines.push(
      fill(
        ui['watch.projection.reached'],
        { ...base, mark: localizedName(reached.portalName, catalog.lang), at: reached.at! },
        catalog.lang,
      ),
    );
  if (next) {
    const key = next.warning ? 'watch.projection.warning' : 'watch.projection.ahead';
    lines.push(
      fill(
        ui[key],
        {
          ...base,
          mark: localizedName(next.portalName, catalog.lang),
          at: next.at!,
          minutes: Math.ceil(next.secondsUntil! / 60),
        },
        catalog.lang,
      ),
    );
  }
  return lines;
}
