// Reads a `Code` (CreateFunction) or the code members of UpdateFunctionCode and stores the package:
// a base64 `ZipFile` is unpacked under the data dir; LocalStack's convention `S3Bucket: "hot-reload"`
// with `S3Key: "/absolute/dir"` mounts a local directory as the code (edits apply without upload).
// AWS Lambda API reference "FunctionCode"; tests: lambda-api.test.ts, lambda-mounted-code.test.ts.

import type { StoredCode } from '../../functions/code/code-store.js';
import { ZipFormatError, ZipTooLargeError } from '../../functions/code/read-zip.js';
import { readString } from '../wire/members.js';
import { invalidParameter } from './lambda-errors.js';
import type { LambdaServices } from './function-lookups.js';

/** The bucket name that means "mount S3Key, an absolute local path" (LocalStack's BUCKET_MARKER_LOCAL default). */
export const HOT_RELOAD_BUCKET = 'hot-reload';

/** AWS: a zip that cannot be read (test: lambda-api.test.ts). */
export const UNZIP_FAILED = 'Could not unzip uploaded file. Please check your file, then try to upload again.';

/** Stores the code `members` describe; throws Lambda's errors for unusable code. */
export async function storeCode(members: Record<string, unknown>, region: string, functionName: string, lambda: LambdaServices): Promise<StoredCode> {
  const zipFile = readString(members, 'ZipFile');
  const bucket = readString(members, 'S3Bucket');
  const key = readString(members, 'S3Key');
  if (zipFile !== undefined) {
    const zip = Buffer.from(zipFile, 'base64');
    try {
      return await lambda.codeStore.unpackZip(region, functionName, zip);
    } catch (error) {
      if (error instanceof ZipFormatError) throw invalidParameter(UNZIP_FAILED);
      if (error instanceof ZipTooLargeError) throw invalidParameter(`Unzipped size must be smaller than ${error.limit} bytes`);
      throw error;
    }
  }
  if (bucket === HOT_RELOAD_BUCKET) {
    if (key === undefined || !(await lambda.codeStore.isMountable(key))) {
      // Portico's own message: the convention has no AWS counterpart.
      throw invalidParameter(`S3Key must be the absolute path of an existing directory to mount with S3Bucket '${HOT_RELOAD_BUCKET}' (got ${key ?? 'none'})`);
    }
    return { kind: 'mounted', path: key };
  }
  if (bucket !== undefined) {
    // AWS: Portico has no S3, so every other bucket is one that does not exist.
    throw invalidParameter('Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist');
  }
  throw invalidParameter('Please provide a source for function code.');
}
