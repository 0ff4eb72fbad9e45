import Ajv, { ErrorObject } from 'ajv';
import { BadInputError } from '../common/errors';

/**
 * The JSON Schema of a column profile (profile.ts describes the fields). Each property's
 * `description` is the message a wrong value gets, after its path: "input.fields[0].profile.count
 * must be a non-negative integer.". Properties beyond these are allowed (producers add their own).
 * Rules between properties (nulls ≤ count, min ≤ max, ...) are checked in profile.ts.
 */
const COUNT = { type: 'integer', minimum: 0, description: 'must be a non-negative integer.' };
const FINITE = { type: 'number', description: 'must be a finite number.' };

const PROFILE_SCHEMA = {
  type: 'object',
  description: 'must be an object.',
  required: ['count', 'nulls'],
  properties: {
    count: COUNT,
    nulls: COUNT,
    distinct: COUNT,
    min: FINITE,
    max: FINITE,
    mean: FINITE,
    std: FINITE,
    quantiles: { type: 'object', description: 'must be an object of probability → value.', additionalProperties: FINITE },
    histogram: {
      type: 'object',
      description: 'must be {edges: [number], counts: [number]}.',
      required: ['edges', 'counts'],
      properties: {
        edges: { type: 'array', description: 'must be a list of numbers.', items: FINITE },
        counts: { type: 'array', description: 'must be a list of numbers.', items: { type: 'number', minimum: 0, description: 'must be a non-negative number.' } },
      },
    },
    topValues: {
      type: 'array',
      description: 'must be a list of {value, count}.',
      items: {
        type: 'object',
        description: 'must be {value, count}.',
        required: ['value', 'count'],
        properties: { value: { type: 'string', description: 'must be a string.' }, count: COUNT },
      },
    },
  },
};

const validate = new Ajv({ verbose: true }).compile(PROFILE_SCHEMA);

/** Throws a BadInputError naming the first offending part of `value` (under `path`) and why. */
export function checkProfileShape(value: unknown, path: string): void {
  if (validate(value)) return;
  const error = validate.errors![0];
  const [where, schema] = offending(error);
  const at = where.length ? `${path}.${pathText(value, where)}` : path;
  throw new BadInputError(`${at} ${(schema as { description: string }).description}`, path);
}

/** The instance path of the wrong (or missing) value and the schema it had to satisfy. */
function offending(error: ErrorObject): [string[], unknown] {
  const where = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword !== 'required') return [where, error.parentSchema];
  const missing = (error.params as { missingProperty: string }).missingProperty;
  return [[...where, missing], (error.parentSchema as { properties: Record<string, unknown> }).properties[missing]];
}

/** ['topValues', '0', 'value'] → 'topValues[0].value' (list indexes in brackets, keys after dots). */
function pathText(root: unknown, segments: string[]): string {
  let text = '';
  let node = root;
  for (const s of segments) {
    text += Array.isArray(node) ? `[${s}]` : `${text ? '.' : ''}${s}`;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
  }
  return text;
}
