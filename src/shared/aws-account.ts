// The local AWS account Portico reports in ARNs, error messages and `$context.accountId`.
// AWS: error messages such as `Invalid API identifier specified 000000000000:abc` name it.

export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
