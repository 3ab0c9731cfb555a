// `portico token --user-pool ID [--claims JSON] [--access] [--scope S]...`: prints a token signed
// by a running Portico's local issuer for that Cognito user pool (POST /_portico/user-pools/{id}/
// tokens), so Cognito-protected methods can be called without AWS: curl -H "Authorization: $(portico token ...)".

import { DEFAULT_PORT } from '../server/configuration.js';
import { USER_POOL_ID } from '../user-pools/user-pool-record.js';
import { flagValue, isHelp, parseCommandFlags } from './command-flags.js';
import { UsageError } from './usage-error.js';

const FLAGS = { 'user-pool': 'value', claims: 'value', access: 'boolean', 'client-id': 'value', 'expires-in': 'value', endpoint: 'value' } as const;

export function renderTokenUsage(): string {
  return `Usage: portico token --user-pool ID [options]

Prints a JWT signed by Portico's local issuer for the Cognito user pool ID (the pool id of an
authorizer's providerARNs, e.g. us-east-1_AbC123xyz), shaped like Cognito's tokens. Portico must be
running. The issuer is {endpoint}/{ID}; its keys are at {endpoint}/{ID}/.well-known/jwks.json.

Options:
  --user-pool ID       The user pool (required)
  --claims JSON        Claims merged over the defaults, e.g. '{"sub":"u1","custom:role":"admin"}'
  --access             An access token (client_id, scope) instead of an ID token (aud)
  --scope S            A scope of the access token; repeat for more (default aws.cognito.signin.user.admin)
  --client-id X        The app client id (aud or client_id)
  --expires-in S       Seconds until exp (default 3600; 0 or less mints an expired token)
  --endpoint URL       Portico's URL (default http://127.0.0.1:${DEFAULT_PORT})
  -h, --help           Show this help

Example:
  curl -H "Authorization: $(portico token --user-pool us-east-1_AbC123xyz)" http://127.0.0.1:${DEFAULT_PORT}/_aws/execute-api/{apiId}/dev/pets
`;
}

export async function runTokenCommand(args: readonly string[]): Promise<number> {
  if (args.some(isHelp)) {
    process.stdout.write(renderTokenUsage());
    return 0;
  }
  const { rest, scopes } = takeScopes(args);
  const parsed = parseCommandFlags('token', rest, FLAGS);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument: ${parsed.positionals[0]!} (see portico token --help)`);
  const userPool = parsed.flags.get('user-pool');
  if (typeof userPool !== 'string') throw new UsageError('portico token needs --user-pool ID (see portico token --help)');
  if (!USER_POOL_ID.test(userPool)) throw new UsageError(`invalid --user-pool: ${userPool} (a user pool id such as us-east-1_AbC123xyz)`);
  const access = parsed.flags.get('access') === true;
  if (scopes.length > 0 && !access) throw new UsageError('--scope needs --access: only access tokens carry scopes (see portico token --help)');
  const body: Record<string, unknown> = { tokenUse: access ? 'access' : 'id', claims: parseClaims(parsed.flags.get('claims')), scopes };
  const clientId = parsed.flags.get('client-id');
  if (typeof clientId === 'string') body.clientId = clientId;
  const expiresIn = parsed.flags.get('expires-in');
  if (typeof expiresIn === 'string') {
    if (!/^-?\d+$/.test(expiresIn)) throw new UsageError(`invalid --expires-in: ${expiresIn} (whole seconds)`);
    body.expiresIn = Number(expiresIn);
  }
  const endpoint = flagValue(parsed, 'endpoint', `http://127.0.0.1:${DEFAULT_PORT}`).replace(/\/+$/, '');
  process.stdout.write(`${await requestToken(endpoint, userPool, body)}\n`);
  return 0;
}

/** `--scope` may repeat, which the shared flag parser does not keep: take them out first. */
function takeScopes(args: readonly string[]): { rest: string[]; scopes: string[] } {
  const rest: string[] = [];
  const scopes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--scope') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--scope needs a value (see portico token --help)');
      scopes.push(value);
    } else if (arg.startsWith('--scope=')) {
      scopes.push(arg.slice('--scope='.length));
    } else {
      rest.push(arg);
    }
  }
  return { rest, scopes };
}

function parseClaims(text: string | true | undefined): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  let claims: unknown;
  try {
    claims = JSON.parse(text);
  } catch {
    throw new UsageError('--claims is not JSON (e.g. \'{"sub":"u1"}\')');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new UsageError('--claims must be a JSON object');
  return claims as Record<string, unknown>;
}

async function requestToken(endpoint: string, userPool: string, body: Record<string, unknown>): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/_portico/user-pools/${encodeURIComponent(userPool)}/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new UsageError(`cannot reach Portico at ${endpoint} (${error instanceof Error ? error.message : String(error)}); is \`portico serve\` running?`);
  }
  const answer = (await response.json().catch(() => ({}))) as { token?: unknown; message?: unknown };
  if (response.ok && typeof answer.token === 'string') return answer.token;
  const reason = typeof answer.message === 'string' ? answer.message : `HTTP ${response.status}`;
  throw new UsageError(`no token for user pool ${userPool}: ${reason}`);
}
