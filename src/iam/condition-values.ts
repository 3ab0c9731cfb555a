// The values of Numeric, Date and Binary condition operators, parsed as IAM reads them: each parser
// returns undefined for text that is not such a value (a policy IAM would refuse, or a request value
// that matches nothing). IAM User Guide "IAM JSON policy elements: Condition operators".

/** AWS: Numeric operators compare "an integer or decimal value". */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
export const parseNumber = (text: string): number | undefined => (DECIMAL.test(text) ? Number(text) : undefined);

const EPOCH_SECONDS = /^\d+(?:\.\d+)?$/;
/** W3C's ISO 8601 profile: `YYYY-MM`, `YYYY-MM-DD`, then `Thh:mm`, `:ss`, `.s…` and a zone (absent: UTC). */
const W3C_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

/**
 * AWS: Date values are "one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX)
 * time"; an all-digit value is epoch seconds (so a bare `YYYY` is not a year). Returns epoch milliseconds.
 */
export function parseInstant(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const match = W3C_DATE.exec(text);
  if (match === null) return undefined;
  const fields = [match[1], match[2], match[3] ?? '01', match[4] ?? '00', match[5] ?? '00', match[6] ?? '00'].map(Number);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls over (Feb 30 → Mar 2, 24:00 → the next day): a value that moved is no date.
  const back = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds()];
  if (back.some((value, index) => value !== fields[index])) return undefined;
  const zone = match[8] ?? 'Z';
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return utc.getTime() + Number(`0${match[7] ?? ''}`) * 1000 - offsetMinutes * 60_000;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const parseBase64 = (text: string): Buffer | undefined => (BASE64.test(text) ? Buffer.from(text, 'base64') : undefined);
