// An API's resource policy as the control plane stores it: validated as an IAM resource policy,
// `execute-api:/…` resources expanded to full ARNs, and kept in the escaped form GetRestApi returns
// (minified, `"` as `\"`, `/` as `\/`). The deployment compiler reads it back with
// parseStoredResourcePolicy. API Gateway developer guide "Create and attach an API Gateway resource policy".

import { compilePolicy, PolicyDocumentError, type CompiledPolicy } from './policy-document.js';

/** AWS quota "Resource policy length" (reference §12). */
export const MAX_RESOURCE_POLICY_LENGTH = 8192;

export interface PolicyTarget {
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
}

/** Validates `text` and returns the stored (wire) form; throws PolicyDocumentError. */
export function normalizeResourcePolicy(text: string, target: PolicyTarget): string {
  if (text.length > MAX_RESOURCE_POLICY_LENGTH) throw new PolicyDocumentError(`the policy is longer than ${MAX_RESOURCE_POLICY_LENGTH} characters`);
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch {
    throw new PolicyDocumentError('the policy is not JSON');
  }
  compilePolicy(document, 'resource');
  const expanded = expandResources(document as Record<string, unknown>, target);
  // AWS: GetRestApi returns the policy with escaped quotes and slashes (test: resource-policies.test.ts "round trip").
  return JSON.stringify(expanded).replace(/\//g, '\\/').replace(/"/g, '\\"');
}

/** The compiled policy of a stored `policy` (the escaped form, or plain JSON stored otherwise). */
export function parseStoredResourcePolicy(stored: string): CompiledPolicy {
  const document = readStoredPolicyDocument(stored);
  if (document === undefined) throw new PolicyDocumentError('the policy is not JSON');
  return compilePolicy(document, 'resource');
}

/** The policy document of a stored `policy` (what an OpenAPI export writes); `undefined` when not JSON. */
export function readStoredPolicyDocument(stored: string): unknown {
  for (const text of [stored, stored.replace(/\\"/g, '"')]) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // the escaped form is tried next
    }
  }
  return undefined;
}

/** AWS: `execute-api:/stage/VERB/path` stands for this API's `arn:aws:execute-api:{region}:{account}:{apiId}/stage/VERB/path`. */
function expandResources(document: Record<string, unknown>, target: PolicyTarget): Record<string, unknown> {
  const expand = (value: unknown): unknown => {
    if (typeof value === 'string') return value.startsWith('execute-api:/') ? `arn:aws:execute-api:${target.region}:${target.accountId}:${target.apiId}${value.slice('execute-api:'.length)}` : value;
    return Array.isArray(value) ? value.map(expand) : value;
  };
  const statement = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (copy.Resource !== undefined) copy.Resource = expand(copy.Resource);
    if (copy.NotResource !== undefined) copy.NotResource = expand(copy.NotResource);
    return copy;
  };
  const statements = document.Statement;
  return { ...document, Statement: Array.isArray(statements) ? statements.map(statement) : statement(statements) };
}
