// `portico export API_ID --stage NAME`: writes a deployed stage's OpenAPI definition to stdout
// through the management API's GetExport (`GET /restapis/{id}/stages/{stage}/exports/{type}`,
// with API Gateway's extensions), for people who do not use the AWS CLI.

import { createManagementClient } from '../project/management-client.js';
import { DEFAULT_PORT } from '../server/configuration.js';
import { checkChoice, flagValue, isHelp, parseCommandFlags } from './command-flags.js';
import { renderExportUsage } from './usage.js';
import { UsageError } from './usage-error.js';

const FLAGS = { stage: 'value', type: 'value', output: 'value', endpoint: 'value', region: 'value' } as const;

export async function runExportCommand(args: readonly string[]): Promise<number> {
  if (args.some(isHelp)) {
    process.stdout.write(renderExportUsage());
    return 0;
  }
  const parsed = parseCommandFlags('export', args, FLAGS);
  const [apiId, ...extra] = parsed.positionals;
  if (apiId === undefined) throw new UsageError('portico export needs an API id (see portico export --help)');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]!} (see portico export --help)`);
  const stage = parsed.flags.get('stage');
  if (typeof stage !== 'string') throw new UsageError('portico export needs --stage NAME (see portico export --help)');
  const type = checkChoice('export', 'type', flagValue(parsed, 'type', 'oas30'), ['oas30', 'swagger']);
  const output = checkChoice('export', 'output', flagValue(parsed, 'output', 'yaml'), ['yaml', 'json']);
  const client = createManagementClient(flagValue(parsed, 'endpoint', `http://127.0.0.1:${DEFAULT_PORT}`), flagValue(parsed, 'region', 'us-east-1'));
  const text = await client.text('GetExport', 'GET', `/restapis/${encodeURIComponent(apiId)}/stages/${encodeURIComponent(stage)}/exports/${type}`, {
    accept: output === 'yaml' ? 'application/yaml' : 'application/json',
    query: { extensions: 'apigateway' },
  });
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
