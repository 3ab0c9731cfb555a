// AWS quotas that shape the REST data plane (reference §1.6, §12): enforced by parse-request and by
// integrations reading endpoint responses.

/** Request and response payload limit: 10 MB. */
export const PAYLOAD_LIMIT = 10 * 1024 * 1024;

/** Default `timeoutInMillis` of an integration (29 s). */
export const DEFAULT_INTEGRATION_TIMEOUT = 29_000;
