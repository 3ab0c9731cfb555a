// Finds an executable on PATH without spawning a shell (`which` may itself be missing).

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
