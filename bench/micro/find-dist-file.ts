// Looks for a compiled Portico file whose name contains a word (e.g. 'vtl', 'validat'), so a
// micro-benchmark can tell "not built yet" from "built, but this bench's adapter is out of date".

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { porticoDist } from '../harness/paths.js';

export function findDistFile(word: string): string | undefined {
  const pending = [porticoDist];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.includes(word)) return relative(porticoDist, path);
        pending.push(path);
      } else if (entry.name.endsWith('.js') && entry.name.includes(word)) {
        return relative(porticoDist, path);
      }
    }
  }
  return undefined;
}
