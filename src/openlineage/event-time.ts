/**
 * OpenLineage event times as producers send them. The spec asks for RFC 3339 date-times, but
 * Marquez (the reference server) also accepts a missing zone (read as UTC) and any number of
 * fraction digits (Python emits microseconds, Java nanoseconds); we accept the same.
 */
const EVENT_TIME = /^((\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?)(?:\.(\d+))?(Z|[+-]\d\d(?::?\d\d)?)?$/i;

export function isEventTime(value: string): boolean {
  return parseEventTime(value) !== null;
}

/** The instant, at millisecond precision (what Neo4j DateTime round-trips through JS Dates). */
export function parseEventTime(value: string): Date | null {
  const m = EVENT_TIME.exec(value);
  if (!m || !isCalendarTime(m.slice(2, 8).map((x) => Number(x ?? 0)))) return null;
  const fraction = (m[8] ?? '').padEnd(3, '0').slice(0, 3);
  let zone = (m[9] ?? 'Z').toUpperCase();
  if (/^[+-]\d\d$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const seconds = m[1].length === 16 ? ':00' : '';
  const date = new Date(`${m[1]}${seconds}.${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A date and time that exist: `Date` would read February 30th as March 2nd, and 24:00 as the next
 * day, so each part is checked against its calendar range (leap years included) first.
 */
function isCalendarTime([year, month, day, hour, minute, second]: number[]): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
