/** The visible time range of a metric chart, and the bucket that suits its width. */
export interface TimeRange { from: number; to: number }

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const PRESETS: [string, number][] = [['6 h', 6 * HOUR], ['2 d', 2 * DAY], ['14 d', 14 * DAY], ['90 d', 90 * DAY], ['1 y', 365 * DAY]];

/** The bucket for a range: a few hundred points at most on the screen, whatever the zoom. */
export function bucketFor(range: TimeRange): 'MINUTE' | 'HOUR' | 'DAY' | 'WEEK' {
  const width = range.to - range.from;
  if (width <= 6 * HOUR) return 'MINUTE';
  if (width <= 14 * DAY) return 'HOUR';
  if (width <= 365 * DAY) return 'DAY';
  return 'WEEK';
}

export function lastRange(width: number): TimeRange {
  const to = Date.now();
  return { from: to - width, to };
}

/**
 * What is fetched for a visible range: the range and one width on either side, so panning shows
 * data at once; the chart opens on the middle third and a new range is asked for when it settles.
 */
export function fetchWindow(range: TimeRange): TimeRange {
  const width = range.to - range.from;
  return { from: range.from - width, to: range.to + width };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
