// Where functions' code lives: each uploaded package is unpacked once into its own directory under
// the data dir (`functions/{region}/{name}/{id}/`, the zip kept beside it for GetFunction), so a
// code update never touches a directory an in-flight invocation or a published version still uses.
// Mounted directories (LocalStack's `hot-reload` bucket convention) are used in place.

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readZip } from './read-zip.js';

/** AWS Lambda quota: "Deployment package (.zip file archive) size: 250 MB (unzipped)". */
export const MAX_UNZIPPED_SIZE = 262_144_000;

/** A function version's code as stored in its record. */
export type StoredCode =
  | {
      kind: 'zip';
      /** The unpacked directory, relative to the data dir. */
      path: string;
      /** base64 SHA-256 of the zip, as Lambda reports `CodeSha256`. */
      sha256: string;
      /** Bytes of the zip (`CodeSize`). */
      size: number;
    }
  | {
      kind: 'mounted';
      /** The user's directory, absolute. */
      path: string;
    };

export class CodeStore {
  private readonly root: string;

  constructor(private readonly dataDir: string) {
    this.root = join(dataDir, 'functions');
  }

  /**
   * Unpacks `zip` into a new directory for the function. Throws ZipFormatError / ZipTooLargeError
   * (from readZip) before anything is written when the archive is unusable.
   */
  async unpackZip(region: string, functionName: string, zip: Buffer): Promise<StoredCode> {
    const entries = readZip(zip, MAX_UNZIPPED_SIZE);
    const id = randomUUID();
    const base = join(this.root, safeSegment(region), safeSegment(functionName));
    const partial = join(base, `${id}.partial`);
    const target = join(base, id);
    await mkdir(partial, { recursive: true });
    try {
      for (const entry of entries) {
        const path = join(partial, ...entry.name.split('/'));
        if (entry.kind === 'directory') {
          await mkdir(path, { recursive: true });
          continue;
        }
        await mkdir(dirname(path), { recursive: true });
        if (entry.kind === 'symlink') {
          const link = entry.read().toString('utf8');
          // A link may only point inside the package.
          if (!isAbsolute(link) && isInside(partial, resolve(dirname(path), link))) await symlink(link, path);
          continue;
        }
        await writeFile(path, entry.read(), { mode: entry.mode ?? 0o644 });
      }
      await writeFile(`${target}.zip`, zip);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
    return { kind: 'zip', path: relative(this.dataDir, target), sha256: createHash('sha256').update(zip).digest('base64'), size: zip.length };
  }

  /** Whether `path` is an existing directory that can be mounted as code. */
  async isMountable(path: string): Promise<boolean> {
    if (!isAbsolute(path)) return false;
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  }

  /** The absolute directory the runtime loads the handler from. */
  directoryOf(code: StoredCode): string {
    return code.kind === 'mounted' ? code.path : join(this.dataDir, code.path);
  }

  /** The uploaded zip of a packaged version (GetFunction's code location), or `undefined`. */
  archiveOf(code: StoredCode): string | undefined {
    return code.kind === 'zip' ? `${join(this.dataDir, code.path)}.zip` : undefined;
  }

  /** Deletes a stored package (DeleteFunction, after commit); a mounted directory is the user's and stays. */
  async removeCode(code: StoredCode): Promise<void> {
    if (code.kind !== 'zip') return;
    const directory = join(this.dataDir, code.path);
    await rm(directory, { recursive: true, force: true });
    await rm(`${directory}.zip`, { force: true });
  }

  /**
   * Start-up: deletes unpacked packages no stored version refers to (left by code updates, or by a
   * transaction that failed after unpacking). `inUse` holds StoredCode paths relative to the data dir.
   */
  async prune(inUse: ReadonlySet<string>): Promise<void> {
    for (const region of await list(this.root)) {
      for (const fn of await list(join(this.root, region))) {
        const base = join(this.root, region, fn);
        for (const item of await list(base)) {
          const id = item.endsWith('.zip') ? item.slice(0, -4) : item;
          if (!inUse.has(relative(this.dataDir, join(base, id)))) await rm(join(base, item), { recursive: true, force: true });
        }
        if ((await list(base)).length === 0) await rm(base, { recursive: true, force: true });
      }
    }
  }
}

async function list(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** Function names are `[a-zA-Z0-9-_.]+` and regions `[a-z0-9-]+`; anything else is encoded. */
function safeSegment(value: string): string {
  return /^[a-zA-Z0-9_.-]+$/.test(value) && value !== '.' && value !== '..' ? value : encodeURIComponent(value).replace(/\./g, '%2E');
}
