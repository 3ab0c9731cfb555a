// Response checks run once before load, so a server answering errors fast is never mistaken for a
// fast server: each returns what is wrong with a response, or undefined when it is right.

export type ResponseCheck = (status: number, body: string) => string | undefined;

/** A 2xx whose body contains every one of `fragments`. */
export function expectBody(...fragments: string[]): ResponseCheck {
  return (status, body) => {
    if (status < 200 || status > 299) return `answered ${status}: ${body.slice(0, 120)}`;
    const missing = fragments.find((fragment) => !body.includes(fragment));
    if (missing !== undefined) return `answered ${status} without ${JSON.stringify(missing)}: ${body.slice(0, 120)}`;
    return undefined;
  };
}

/** The backend's fixed JSON, passed through unchanged. */
export const FIXED_JSON_CHECK = expectBody('hello from the bench backend');
