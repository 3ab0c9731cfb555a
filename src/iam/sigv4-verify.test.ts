// verifySignature against requests signed by the AWS SDK's own signer (@smithy/signature-v4), so
// the canonical request, the double-encoded path and the presigned form are AWS's, not ours.

import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { verifySignature, type SignedRequest } from './sigv4-verify.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const PRINCIPAL = { secretAccessKey: 'secret', arn: 'arn:aws:iam::111122223333:user/alice' };
const lookup = (key: string) => (key === 'AKIDALICE' ? PRINCIPAL : undefined);
const options = { now: NOW, region: 'us-east-1', service: 'execute-api', lookup };

interface Unsigned {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

const signer = (secretAccessKey = 'secret', accessKeyId = 'AKIDALICE', region = 'us-east-1') =>
  new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region, service: 'execute-api', sha256: Sha256 });

function toWire(request: { method: string; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown }): SignedRequest {
  const rawQuery = Object.entries(request.query ?? {})
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return { method: request.method, rawPath: request.path, rawQuery, rawHeaders: Object.entries(request.headers).flat(), body: Buffer.from(typeof request.body === 'string' ? request.body : '') };
}

async function sign(input: Unsigned = {}, at = NOW, with_ = signer()): Promise<SignedRequest> {
  const request = { method: input.method ?? 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: input.path ?? '/prod/pets', query: input.query ?? {}, headers: { host: '127.0.0.1:4566', ...input.headers }, body: input.body };
  return toWire(await with_.sign(request, { signingDate: new Date(at) }));
}

describe('verifySignature', () => {
  it('verifies the SDK signature of a GET, and of a POST with a body, a query and an encoded path', async () => {
    expect(verifySignature(await sign(), options)).toMatchObject({ outcome: 'verified', accessKeyId: 'AKIDALICE', principal: PRINCIPAL });
    const post = await sign({ method: 'POST', path: '/prod/a%20b/c', query: { z: '1', a: 'x y', 'b*': '(ok)' }, headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(verifySignature(post, options).outcome).toBe('verified');
  });

  it('refuses a body changed after signing, with the canonical request and string to sign (AWS message)', async () => {
    const request = await sign({ method: 'POST', body: 'one' });
    const result = verifySignature({ ...request, body: Buffer.from('two') }, options);
    expect(result.outcome).toBe('mismatch');
    const message = (result as { message: string }).message;
    expect(message).toMatch(/^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'POST\n\/prod\/pets\n\nhost:127\.0\.0\.1:4566\n/);
    expect(message).toMatch(/\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260101T120000Z\n20260101\/us-east-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/);
  });

  it('refuses a wrong secret, an unknown key and an unsigned request', async () => {
    expect(verifySignature(await sign({}, NOW, signer('wrong')), options).outcome).toBe('mismatch');
    expect(verifySignature(await sign({}, NOW, signer('secret', 'AKIDNOBODY')), options)).toEqual({ outcome: 'unknown-key', message: 'The security token included in the request is invalid.' });
    expect(verifySignature({ method: 'GET', rawPath: '/', rawQuery: '', rawHeaders: ['Host', 'x'], body: Buffer.alloc(0) }, options)).toEqual({ outcome: 'unsigned' });
  });

  it('allows 5 minutes of clock skew either way, with AWS messages past it', async () => {
    expect(verifySignature(await sign({}, NOW - 299_000), options).outcome).toBe('verified');
    expect(verifySignature(await sign({}, NOW - 301_000), options)).toEqual({ outcome: 'expired', message: 'Signature expired: 20260101T115459Z is now earlier than 20260101T115500Z (20260101T120000Z - 5 min.)' });
    expect(verifySignature(await sign({}, NOW + 301_000), options)).toEqual({
      outcome: 'expired',
      message: 'Signature not yet current: 20260101T120501Z is still later than 20260101T120500Z (20260101T120000Z + 5 min.)',
    });
  });

  it('verifies a presigned URL until X-Amz-Expires has passed', async () => {
    const request = { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: '/prod/pets', query: { q: '1' }, headers: { host: '127.0.0.1:4566' } };
    const presigned = toWire(await signer().presign(request, { signingDate: new Date(NOW), expiresIn: 60 }));
    expect(verifySignature(presigned, options).outcome).toBe('verified');
    expect(verifySignature(presigned, { ...options, now: NOW + 61_000 }).outcome).toBe('expired');
    const tampered = { ...presigned, rawQuery: presigned.rawQuery.replace('q=1', 'q=2') };
    expect(verifySignature(tampered, options).outcome).toBe('mismatch');
  });

  it('names what an incomplete Authorization header lacks, as AWS does', async () => {
    const bearer = verifySignature({ method: 'GET', rawPath: '/', rawQuery: '', rawHeaders: ['Host', 'x', 'Authorization', 'Bearer abc'], body: Buffer.alloc(0) }, options);
    expect(bearer).toEqual({ outcome: 'incomplete', message: expect.stringMatching(/^Invalid key=value pair \(missing equal-sign\) in Authorization header \(hashed with SHA-256 and encoded with Base64\): '[A-Za-z0-9+/=]{44}'\.$/) as unknown });
    const partial = verifySignature({ method: 'GET', rawPath: '/', rawQuery: '', rawHeaders: ['Host', 'x', 'Authorization', 'AWS4-HMAC-SHA256 Credential=a/b'], body: Buffer.alloc(0) }, options);
    expect(partial).toEqual({
      outcome: 'incomplete',
      message:
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=a/b",
    });
  });

  it('checks the credential scope: date, region and service', async () => {
    expect(verifySignature(await sign({}, NOW, signer('secret', 'AKIDALICE', 'eu-west-1')), options)).toEqual({ outcome: 'incomplete', message: 'Credential should be scoped to a valid region. ' });
    const request = await sign();
    const other = request.rawHeaders.map((value) => value.replace('20260101/us-east-1/execute-api', '20260101/us-east-1/s3'));
    expect(verifySignature({ ...request, rawHeaders: other }, options)).toEqual({ outcome: 'incomplete', message: "Credential should be scoped to correct service: 'execute-api'. " });
    const dated = request.rawHeaders.map((value) => value.replace('Credential=AKIDALICE/20260101', 'Credential=AKIDALICE/20251231'));
    expect(verifySignature({ ...request, rawHeaders: dated }, options)).toEqual({
      outcome: 'incomplete',
      message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101', from '20260101T120000Z'.",
    });
  });
});
