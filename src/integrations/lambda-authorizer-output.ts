// A Lambda authorizer's output (`principalId`, `policyDocument`, `context`, `usageIdentifierKey`)
// parsed into a trusted AuthorizerResult, and its error payload read. Shared by the authorize stage
// (request time) and TestInvokeAuthorizer (control plane). Reference §5.1; AWS developer guide
// "Output from an API Gateway Lambda authorizer".

export interface PolicyStatement {
  readonly allow: boolean;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** Plain data, so a result can be cached as JSON and re-evaluated against later method ARNs. */
export interface AuthorizerResult {
  readonly principalId: string;
  readonly statements: readonly PolicyStatement[];
  /** The output's `context`, every value stringified. */
  readonly context: Readonly<Record<string, string>>;
  readonly usageIdentifierKey: string | undefined;
}

/** Thrown for output AWS answers with AuthorizerConfigurationException; `reason` goes to the log. */
export class MalformedAuthorizerOutput extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseAuthorizerOutput(payload: string): AuthorizerResult {
  let output: unknown;
  try {
    output = JSON.parse(payload) as unknown;
  } catch {
    throw new MalformedAuthorizerOutput('the authorizer result is not JSON');
  }
  if (!isRecord(output)) throw new MalformedAuthorizerOutput('the authorizer result is not an object');
  const principal = output.principalId;
  if (typeof principal !== 'string' && typeof principal !== 'number') throw new MalformedAuthorizerOutput('the authorizer result has no principalId');
  const policy = typeof output.policyDocument === 'string' ? parseJson(output.policyDocument) : output.policyDocument;
  if (!isRecord(policy)) throw new MalformedAuthorizerOutput('the authorizer result has no policyDocument');
  const rawStatements = Array.isArray(policy.Statement) ? (policy.Statement as unknown[]) : isRecord(policy.Statement) ? [policy.Statement] : undefined;
  if (rawStatements === undefined) throw new MalformedAuthorizerOutput('the policy document has no Statement');
  const usageIdentifierKey = output.usageIdentifierKey;
  if (usageIdentifierKey !== undefined && usageIdentifierKey !== null && typeof usageIdentifierKey !== 'string') {
    throw new MalformedAuthorizerOutput('usageIdentifierKey is not a string');
  }
  return {
    principalId: String(principal),
    statements: rawStatements.map(parseStatement),
    context: parseContext(output.context),
    usageIdentifierKey: typeof usageIdentifierKey === 'string' ? usageIdentifierKey : undefined,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseStatement(value: unknown): PolicyStatement {
  if (!isRecord(value)) throw new MalformedAuthorizerOutput('a policy statement is not an object');
  const effect = value.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') throw new MalformedAuthorizerOutput('a policy statement has no valid Effect');
  return { allow: effect === 'Allow', actions: stringList(value.Action, 'Action'), resources: stringList(value.Resource, 'Resource') };
}

function stringList(value: unknown, member: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  throw new MalformedAuthorizerOutput(`a policy statement has no valid ${member}`);
}

/** AWS: only string, number and boolean values; an object or array is a configuration error (null: UNCONFIRMED, refused too). */
function parseContext(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new MalformedAuthorizerOutput('the authorizer context is not an object');
  const context: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
      throw new MalformedAuthorizerOutput(`the authorizer context value of ${key} is not a string, number or boolean`);
    }
    context[key] = String(item);
  }
  return context;
}

/** The `errorMessage` of a function error payload (`Unauthorized` is AWS's 401), else `undefined`. */
export function errorMessageOf(payload: string): unknown {
  try {
    const error = JSON.parse(payload) as unknown;
    return isRecord(error) ? error.errorMessage : undefined;
  } catch {
    return undefined;
  }
}
