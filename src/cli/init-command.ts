// `portico init DIR`: writes a small working project (src/project/init-templates.ts) into DIR, a
// new or empty directory, and prints how to serve and call it.

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DEMO_API_KEY, renderInitProject } from '../project/init-templates.js';
import { isHelp, parseCommandFlags } from './command-flags.js';
import { renderInitUsage } from './usage.js';
import { UsageError } from './usage-error.js';

export async function runInitCommand(args: readonly string[]): Promise<number> {
  if (args.some(isHelp)) {
    process.stdout.write(renderInitUsage());
    return 0;
  }
  const { positionals } = parseCommandFlags('init', args, {});
  const [target, ...extra] = positionals;
  if (target === undefined) throw new UsageError('portico init needs a directory, e.g. portico init demo (see portico init --help)');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]!} (see portico init --help)`);
  const dir = resolve(target);
  const name = basename(dir);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new UsageError(`the directory name ${name} cannot name a project (letters, digits, . _ -; at most 64)`);
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new UsageError(`cannot use ${target}: ${error.code === 'ENOTDIR' ? 'it is not a directory' : error.message}`);
  });
  if (existing.length > 0) throw new UsageError(`${target} is not empty: portico init writes a new project into a new or empty directory`);
  for (const file of renderInitProject(name)) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  process.stdout.write(
    [
      `Wrote a Portico project in ${target}: portico.yaml, openapi.yaml, functions/greet/index.mjs.`,
      '',
      'Serve it (it prints the API id and the curl lines):',
      `  portico serve ${target}`,
      '',
      'Then call it (API_ID is the id portico serve prints):',
      '  curl http://127.0.0.1:4566/_aws/execute-api/$API_ID/dev/hello',
      `  curl -X POST -H 'x-api-key: ${DEMO_API_KEY}' -H 'content-type: application/json' -d '{"name":"Ada"}' http://127.0.0.1:4566/_aws/execute-api/$API_ID/dev/greet`,
      '  curl http://127.0.0.1:4566/_aws/execute-api/$API_ID/dev/backend/hello',
      '',
      'Edit portico.yaml, openapi.yaml or the handler while it runs: changes apply at once.',
      '',
    ].join('\n'),
  );
  return 0;
}
