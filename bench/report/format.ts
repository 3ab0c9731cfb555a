// Number formatting shared by the tables: thousands separators, ratios as "1.23x", fixed decimals.

export const DASH = '—';

export function formatInteger(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? DASH : Math.round(value).toLocaleString('en-US');
}

export function formatFixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? DASH : value.toFixed(digits);
}

export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return DASH;
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x`;
}

export function formatMegabytes(bytes: number | undefined): string {
  return bytes === undefined ? DASH : (bytes / (1024 * 1024)).toFixed(0);
}

export function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return DASH;
  if (unit === 'ops/s') return `${formatInteger(value)} ops/s`;
  if (unit === 'ms') return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ${unit}`;
}
