// Payload conversions between binary and text for non-proxy integrations, driven by the API's
// `binaryMediaTypes` and the integration (response)'s `contentHandling`. Reference §2.5; AWS
// developer guide "Content type conversions in API Gateway" (the request and response tables).

import type { ContentHandling } from '../snapshot/compile-method-mapping.js';
import { ApiConfigurationError } from './gateway-errors.js';

/**
 * Request side, when no template applies: a binary payload with CONVERT_TO_TEXT becomes its base64
 * text; a text payload with CONVERT_TO_BINARY is base64-decoded; otherwise it passes unchanged.
 */
export function convertRequestPayload(body: Buffer, payloadBinary: boolean, contentHandling: ContentHandling | undefined): Buffer {
  if (contentHandling === undefined) return body;
  if (payloadBinary) return contentHandling === 'CONVERT_TO_TEXT' ? Buffer.from(body.toString('base64')) : body;
  return contentHandling === 'CONVERT_TO_BINARY' ? decodeBase64OrFail(body.toString('utf8')) : body;
}

/**
 * Response side (after any response template, whose output is text): binary + CONVERT_TO_TEXT, or
 * binary + unset + a text Accept, gives base64 text; text + CONVERT_TO_BINARY, or text + unset +
 * a binary Accept, is base64-decoded; everything else passes unchanged.
 */
export function convertResponsePayload(body: Buffer, payloadBinary: boolean, acceptBinary: boolean, contentHandling: ContentHandling | undefined): Buffer {
  if (payloadBinary) {
    const toText = contentHandling === 'CONVERT_TO_TEXT' || (contentHandling === undefined && !acceptBinary);
    return toText ? Buffer.from(body.toString('base64')) : body;
  }
  const toBinary = contentHandling === 'CONVERT_TO_BINARY' || (contentHandling === undefined && acceptBinary);
  return toBinary ? decodeBase64OrFail(body.toString('utf8')) : body;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * AWS: text that is not base64 cannot be converted to binary: 500 (reference §2.5; test:
 * content-handling.test.ts). Line breaks are tolerated (MIME-style base64), nothing else.
 */
export function decodeBase64OrFail(text: string): Buffer {
  const compact = text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, '') : text;
  if (!BASE64.test(compact) || compact.length % 4 === 1) throw new ApiConfigurationError();
  return Buffer.from(compact, 'base64');
}
