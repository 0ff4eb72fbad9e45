import { BadInputError } from './errors';
import { requireFinite } from './validate';

/** How far from 1 the parts of a whole may sum (floating-point inputs such as 1/3 + 1/3 + 1/3). */
export const SUM_TOLERANCE = 1e-9;

/**
 * The rule for parts of one whole: a deployment's traffic shares and an ensemble's member
 * weights. Each part is finite and in (0, 1], and together they sum to 1 within SUM_TOLERANCE.
 * They are validated, never normalized: a split that does not add up is a mistake to report,
 * not to guess at. `part` names each item's field ('share', 'weight'); `rule` is appended to the
 * messages about the whole list.
 */
export function requireParts<T>(items: T[], valueOf: (item: T) => number, field: string, part: string, rule?: string): void {
  const suffix = rule ? ` ${rule}` : '';
  if (items.length === 0) throw new BadInputError(`${field} must not be empty.${suffix}`, field);
  items.forEach((item, i) => {
    const name = `${field}[${i}].${part}`;
    const value = requireFinite(valueOf(item), name, 0, 1);
    if (value <= 0) throw new BadInputError(`${name} must be > 0.`, name);
  });
  const sum = items.reduce((total, item) => total + valueOf(item), 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new BadInputError(`${field}: the ${part}s sum to ${sum}, not 1.${suffix}`, field);
}
