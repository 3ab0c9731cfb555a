// Finds the Node.js worker's entry script at start-up. Built Portico runs the compiled
// dist/functions/runtime/node-worker/main.js in place; from sources (tests run by vitest) the
// worker's TypeScript files are transpiled once into the data dir, keyed by their content hash.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER_DIR = fileURLToPath(new URL('./node-worker/', import.meta.url));

/** The absolute path of the worker's `main.js`. */
export async function resolveNodeWorkerScript(dataDir: string): Promise<string> {
  const built = join(WORKER_DIR, 'main.js');
  if (existsSync(built)) return built;
  return transpileWorker(join(dataDir, 'functions-runtime'));
}

async function transpileWorker(cacheDir: string): Promise<string> {
  const names = (await readdir(WORKER_DIR)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  const sources = await Promise.all(names.map((name) => readFile(join(WORKER_DIR, name), 'utf8')));
  const hash = createHash('sha256');
  for (const [index, name] of names.entries()) hash.update(name).update('\0').update(sources[index] ?? '');
  const target = join(cacheDir, `node-worker-${hash.digest('hex').slice(0, 16)}`);
  const main = join(target, 'main.js');
  if (existsSync(main)) return main;

  // typescript is a development dependency: only a run from sources gets here.
  const ts = (await import('typescript')).default;
  const staging = `${target}.${process.pid}.${Date.now()}`;
  await mkdir(staging, { recursive: true });
  await writeFile(join(staging, 'package.json'), '{"type":"module"}\n');
  for (const [index, name] of names.entries()) {
    const output = ts.transpileModule(sources[index] ?? '', {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: name,
    });
    await writeFile(join(staging, name.replace(/\.ts$/, '.js')), output.outputText);
  }
  try {
    await rename(staging, target);
  } catch (error) {
    // Another process published the same version first.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(main)) throw error;
  }
  return main;
}
