// ImportApiKeys (`POST /apikeys?mode=import&format=csv&failonwarnings=`, reference §8.1): AWS's
// CSV file with `Name` and `Key` columns and optional `Description`, `Enabled`, `UsagePlanIds`,
// headers in any case and order (AWS guide "API Gateway API key file format"). Answers `{ids, warnings}`.

import type { ApiKey } from '../../model/usage-plan.js';
import { collections } from '../../store/collections.js';
import { badRequest } from '../management-error.js';
import type { OperationDefinition } from '../wire/operation.js';
import { checkApiKeyName, checkApiKeyValue, findKeyByValue, newApiKeyId } from './api-keys.js';
import { republishTraffic } from './traffic-records.js';
import { checkKeyCanJoin } from './usage-plan-checks.js';

/** Splits CSV into rows of fields; fields may be quoted with `"` or `'` (a doubled quote escapes it). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote && text[i + 1] === quote) {
        field += c;
        i++;
      } else if (c === quote) quote = undefined;
      else field += c;
    } else if ((c === '"' || c === "'") && field === '') quote = c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}

const importApiKeys: OperationDefinition = {
  name: 'ImportApiKeys',
  method: 'POST',
  path: '/apikeys',
  requiresQuery: 'mode',
  async run(input, services) {
    const { tx, clock } = services;
    const { query, region } = input;
    // Messages UNCONFIRMED.
    if (query.get('mode') !== 'import') throw badRequest(`Invalid mode: ${query.get('mode') ?? ''}. Must be import`);
    if (query.get('format') !== 'csv') throw badRequest(`Invalid format: ${query.get('format') ?? 'null'}. Only csv is supported`);
    const failOnWarnings = query.get('failonwarnings') === 'true';
    const [header, ...rows] = parseCsv(input.rawBody.toString('utf8'));
    const columns = (header ?? []).map((name) => name.trim().toLowerCase());
    const at = (name: string): number => columns.indexOf(name);
    if (at('key') < 0 || at('name') < 0) throw badRequest('Invalid API key file: the Name and Key columns are required');
    const ids: string[] = [];
    const warnings: string[] = [];
    const now = Math.floor(clock.now() / 1000);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const cell = (name: string): string | undefined => (at(name) < 0 ? undefined : cells[at(name)]?.trim());
      const line = r + 2;
      const value = cell('key') ?? '';
      const name = cell('name') ?? '';
      try {
        checkApiKeyValue(value);
        checkApiKeyName(name);
      } catch (error) {
        warnings.push(`Line ${line}: ${(error as Error).message}`);
        continue;
      }
      const enabledText = cell('enabled');
      const description = cell('description');
      // AWS: the same value imported again overwrites the earlier key (same id).
      const existing = await findKeyByValue(tx, region, value);
      const key: ApiKey = {
        id: existing?.id ?? (await newApiKeyId(tx, region)),
        value,
        ...(name !== '' && { name }),
        ...(existing?.customerId !== undefined && { customerId: existing.customerId }),
        ...(description !== undefined && description !== '' && { description }),
        // AWS: Enabled defaults to true in an imported file.
        enabled: enabledText === undefined || enabledText === '' ? true : enabledText.toLowerCase() === 'true',
        createdDate: existing?.createdDate ?? now,
        lastUpdatedDate: now,
        stageKeys: existing?.stageKeys ?? [],
        ...(existing?.tags && { tags: existing.tags }),
      };
      await tx.put(collections.apiKey, { region, parent: '', id: key.id }, key);
      ids.push(key.id);
      for (const planId of (cell('usageplanids') ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '')) {
        const plan = await tx.get(collections.usagePlan, region, '', planId);
        if (!plan) {
          warnings.push(`Line ${line}: Invalid Usage Plan ID specified: ${planId}`);
          continue;
        }
        if (await tx.get(collections.usagePlanKey, region, plan.id, key.id)) continue;
        try {
          await checkKeyCanJoin(tx, region, key.id, plan);
        } catch (error) {
          warnings.push(`Line ${line}: ${(error as Error).message}`);
          continue;
        }
        await tx.put(collections.usagePlanKey, { region, parent: plan.id, id: key.id }, { keyId: key.id, usagePlanId: plan.id });
      }
    }
    // AWS: with failonwarnings=true any warning rolls the whole import back.
    if (failOnWarnings && warnings.length > 0) throw badRequest(warnings.join('; '));
    await republishTraffic(input, services);
    return { status: 201, body: { ids, warnings } };
  },
};

export const apiKeyImportOperations: OperationDefinition[] = [importApiKeys];
