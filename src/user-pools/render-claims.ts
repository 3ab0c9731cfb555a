// A verified token's claims as API Gateway's REST Cognito authorizer hands them on in
// `$context.authorizer.claims` and `requestContext.authorizer.claims`: every value a string; `exp`,
// `iat` (and `nbf`) as Java's Date.toString in UTC; booleans and numbers as text; arrays joined.
// Reference §5.2; AWS developer guide "Integrate a REST API with an Amazon Cognito user pool".

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The JWT date claims API Gateway's (Java) parser turns into dates. */
const DATE_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf']);

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Java's `Date.toString()` in UTC: `Fri Jul 29 18:52:53 UTC 2016`. */
export function formatJavaDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * AWS: `"exp": "Fri Jul 29 18:52:53 UTC 2016"`, `"auth_time": "1469814773"`, `"email_verified":
 * "true"` (observed in a Cognito user's AWS event, amazon-cognito-identity-js#92); a list such as
 * `cognito:groups` arrives comma-joined (`"group-a,group-b"`; UNCONFIRMED, one user's report);
 * objects as JSON and null claims are left out (UNCONFIRMED). Test: render-claims.test.ts.
 */
export function renderRestClaims(payload: Readonly<Record<string, unknown>>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    claims[name] = typeof value === 'number' && DATE_CLAIMS.has(name) ? formatJavaDate(value) : renderValue(value);
  }
  return claims;
}

function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(renderValue).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
