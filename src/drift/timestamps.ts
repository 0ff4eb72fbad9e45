/**
 * ISO-8601 timestamps in profiled columns. A column of them is profiled as numbers (epoch seconds,
 * UTC, milliseconds as the fraction), so its histogram and quantiles say where in time its values
 * lie and two versions of it can be compared as distributions: as text, every value is distinct
 * and a top-values list says almost nothing.
 */
export const TIMESTAMP_UNIT = 'epoch-seconds';

// A date, optionally with a time ('T' or a space between them) and an offset ('Z', ±hh, ±hhmm, ±hh:mm).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The timestamp as epoch seconds, or null when the text is not an ISO-8601 date or date-time (an
 * impossible date such as 2026-02-30 is not one). Without an offset the time is taken as UTC.
 */
export function epochSeconds(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (m[8] && m[8].toUpperCase() !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
  }
  return utc / 1000;
}
