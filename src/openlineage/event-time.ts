/**
 * OpenLineage event times as producers send them. The spec asks for RFC 3339 date-times, but
 * Marquez (the reference server) also accepts a missing zone (read as UTC) and any number of
 * fraction digits (Python emits microseconds, Java nanoseconds); we accept the same.
 */
const EVENT_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d(?::?\d\d)?)?$/i;

export function isEventTime(value: string): boolean {
  return parseEventTime(value) !== null;
}

/** The instant, at millisecond precision (what Neo4j DateTime round-trips through JS Dates). */
export function parseEventTime(value: string): Date | null {
  const m = EVENT_TIME.exec(value);
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(3, '0').slice(0, 3);
  let zone = (m[3] ?? 'Z').toUpperCase();
  if (/^[+-]\d\d$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const seconds = m[1].length === 16 ? ':00' : '';
  const date = new Date(`${m[1]}${seconds}.${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
