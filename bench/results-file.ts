import fs from 'node:fs';
import path from 'node:path';

/**
 * The name (without extension) a run's results are written under in `dir`: `base` (scale, date,
 * parts), or `base-2`, `base-3`, ... when a run of the same day already wrote there. Results are
 * history that README and issue notes quote, so a second run never overwrites the first.
 */
export function freeResultStem(dir: string, base: string): string {
  const taken = (stem: string) => ['json', 'md'].some((ext) => fs.existsSync(path.join(dir, `${stem}.${ext}`)));
  let stem = base;
  for (let n = 2; taken(stem); n++) stem = `${base}-${n}`;
  return stem;
}
