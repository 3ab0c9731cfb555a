// `portico import FILE`: creates a REST API from an OpenAPI file (ImportRestApi, `POST
// /restapis?mode=import`) or, with `--rest-api-id`, updates one (PutRestApi, `PUT
// /restapis/{id}?mode=overwrite|merge`); prints the RestApi as JSON, like the AWS CLI.

import { readFile } from 'node:fs/promises';
import { createManagementClient } from '../project/management-client.js';
import { DEFAULT_PORT } from '../server/configuration.js';
import { checkChoice, flagValue, isHelp, parseCommandFlags } from './command-flags.js';
import { renderImportUsage } from './usage.js';
import { UsageError } from './usage-error.js';

const FLAGS = { endpoint: 'value', region: 'value', mode: 'value', 'rest-api-id': 'value', basepath: 'value', 'fail-on-warnings': 'boolean' } as const;

export async function runImportCommand(args: readonly string[]): Promise<number> {
  if (args.some(isHelp)) {
    process.stdout.write(renderImportUsage());
    return 0;
  }
  const parsed = parseCommandFlags('import', args, FLAGS);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('portico import needs an OpenAPI file (see portico import --help)');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]!} (see portico import --help)`);
  const restApiId = parsed.flags.get('rest-api-id');
  const mode = parsed.flags.get('mode');
  if (typeof mode === 'string' && typeof restApiId !== 'string') throw new UsageError('--mode needs --rest-api-id: it updates an existing API (see portico import --help)');
  const basepath = parsed.flags.has('basepath') ? checkChoice('import', 'basepath', flagValue(parsed, 'basepath', ''), ['ignore', 'prepend', 'split']) : undefined;
  const definition = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const client = createManagementClient(flagValue(parsed, 'endpoint', `http://127.0.0.1:${DEFAULT_PORT}`), flagValue(parsed, 'region', 'us-east-1'));
  const query = { basepath, ...(parsed.flags.has('fail-on-warnings') && { failonwarnings: 'true' }) };
  const api =
    typeof restApiId === 'string'
      ? await client.call('PutRestApi', 'PUT', `/restapis/${encodeURIComponent(restApiId)}`, {
          raw: definition,
          query: { ...query, mode: checkChoice('import', 'mode', typeof mode === 'string' ? mode : 'merge', ['overwrite', 'merge']) },
        })
      : await client.call('ImportRestApi', 'POST', '/restapis', { raw: definition, query: { ...query, mode: 'import' } });
  process.stdout.write(`${JSON.stringify(api, null, 2)}\n`);
  return 0;
}
