// Loads a compiled module by path at run time (so the bench compiles whether or not that part of
// Portico, or a peer, exists yet); `undefined` when the file is missing.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export async function loadModule(path: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(path)) return undefined;
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
