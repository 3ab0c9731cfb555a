// Loads the handler a handler string names (`index.handler`, `src/app.handler`, `file.nested.fn`)
// from the task root, as the Node.js Lambda runtime does (UserFunction.js): CommonJS through require,
// ES modules (.mjs, or .js under "type": "module") through import(), Lambda's errors otherwise.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerNotFound, ImportModuleError, MalformedHandlerName, UserCodeSyntaxError } from './lambda-errors.js';

export type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

// AWS: the require stack in ImportModuleError messages names the runtime's own entry point.
const lambdaRequire = createRequire('/var/runtime/index.mjs');

export async function loadHandler(taskRoot: string, fullHandler: string): Promise<Handler> {
  if (fullHandler.includes('..')) {
    throw new MalformedHandlerName(`'${fullHandler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const moduleAndHandler = basename(fullHandler);
  const moduleRoot = fullHandler.substring(0, fullHandler.indexOf(moduleAndHandler));
  const match = /^([^.]*)\.(.*)$/.exec(moduleAndHandler);
  if (match === null) throw new MalformedHandlerName('Bad handler');
  const [, moduleName = '', handlerPath = ''] = match;

  const app = await loadModule(taskRoot, moduleRoot, moduleName);
  let handler: unknown = app;
  for (const key of handlerPath.split('.')) {
    handler = handler === null || handler === undefined ? undefined : (handler as Record<string, unknown>)[key];
  }
  if (!handler) throw new HandlerNotFound(`${fullHandler} is undefined or not exported`);
  if (typeof handler !== 'function') throw new HandlerNotFound(`${fullHandler} is not a function`);
  return handler as Handler;
}

async function loadModule(taskRoot: string, moduleRoot: string, moduleName: string): Promise<unknown> {
  try {
    return await tryLoad(taskRoot, moduleRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(String(error));
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND') throw new ImportModuleError(String(error));
    throw error;
  }
}

async function tryLoad(taskRoot: string, moduleRoot: string, moduleName: string): Promise<unknown> {
  const base = resolve(taskRoot, moduleRoot, moduleName);
  if (existsSync(base)) return lambdaRequire(base);
  const typeModule = hasTypeModule(dirname(base));
  if (!typeModule && existsSync(`${base}.js`)) return lambdaRequire(`${base}.js`);
  if (typeModule && existsSync(`${base}.js`)) return import(pathToFileURL(`${base}.js`).href);
  if (existsSync(`${base}.mjs`)) return import(pathToFileURL(`${base}.mjs`).href);
  if (existsSync(`${base}.cjs`)) return lambdaRequire(`${base}.cjs`);
  // Node's own resolution from the task root (a package under node_modules, a directory index).
  return lambdaRequire(lambdaRequire.resolve(moduleName, { paths: [taskRoot, join(taskRoot, moduleRoot)] }));
}

/** The nearest package.json says `"type": "module"` (stopping at node_modules or the root). */
function hasTypeModule(folder: string): boolean {
  if (folder.endsWith('/node_modules')) return false;
  const manifest = join(folder, 'package.json');
  if (existsSync(manifest)) {
    try {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
    } catch {
      return false;
    }
  }
  const parent = dirname(folder);
  return parent === folder ? false : hasTypeModule(parent);
}
