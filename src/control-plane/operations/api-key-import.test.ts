// The CSV reader of ImportApiKeys: AWS's example files (double- and single-quoted plan lists).

import { describe, expect, it } from 'vitest';
import { parseCsv } from './api-key-import.js';

describe('parseCsv', () => {
  it('reads AWS example files', () => {
    expect(parseCsv('Enabled,Name,key,UsageplanIds\r\ntrue,MyFirstApiKey,apikey1234abcdefghij0123456789,"c7y23b,glvrsr"\r\n')).toEqual([
      ['Enabled', 'Name', 'key', 'UsageplanIds'],
      ['true', 'MyFirstApiKey', 'apikey1234abcdefghij0123456789', 'c7y23b,glvrsr'],
    ]);
    expect(parseCsv("Key,name\nk,'a,b'\n\n")).toEqual([['Key', 'name'], ['k', 'a,b']]);
    expect(parseCsv('a,"say ""hi"""')).toEqual([['a', 'say "hi"']]);
  });
});
