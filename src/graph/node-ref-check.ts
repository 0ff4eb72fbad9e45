import { BadInputError } from '../common/errors';
import { formatDisplay, KeyPart, NODE_TYPES, NodeType, typeWords } from './node-types';

/** What every reference input (NodeRef, DatasetVersionRef, FeatureRef, ...) may carry. */
export type RefInput = { id?: string | null } & Partial<Record<KeyPart, string | null>>;

/**
 * A reference that names one node completely, as cypher/graph/resolve-refs.cypher takes it (absent
 * parts null), with how errors name it (`key`) and the argument it came from (`path`).
 */
export type CheckedRef = {
  type: NodeType;
  id: string | null;
  namespace: string | null;
  name: string | null;
  version: string | null;
  field: string | null;
  model: string | null;
  key: string;
  path: string;
};

export interface RefCheckOptions {
  /** Allow leaving out the type's optional key part (NodeTypeDef.optional), as lineage references may. */
  optionalPart?: boolean;
}

const PARTS: readonly KeyPart[] = ['namespace', 'name', 'version', 'field', 'model'];

/**
 * Exactly one of: an id, or every part of the type's natural key (BAD_USER_INPUT naming `path`
 * otherwise). Parts outside the type's key are ignored; empty strings count as absent.
 */
export function checkRef(type: NodeType, ref: RefInput, path: string, options: RefCheckOptions = {}): CheckedRef {
  const def = NODE_TYPES[type];
  const optional = options.optionalPart ? def.optional : undefined;
  const given = def.key.filter((part) => ref[part]);
  const keyText = def.key.length ? `, or by ${def.key.join(' + ')}` : ' only';
  const rule = `${path} names a ${typeWords(type)} by id${keyText}`;
  if (ref.id) {
    if (given.length) throw new BadInputError(`${rule}, not both.`, path);
    return { ...none(), type, id: ref.id, key: ref.id, path };
  }
  const missing = def.key.filter((part) => !ref[part] && part !== optional?.part);
  if (missing.length || !def.key.length) {
    throw new BadInputError(`${rule}${def.key.length ? ` (missing: ${missing.join(', ')})` : ''}.`, path);
  }
  const checked: CheckedRef = { ...none(), type, key: '', path };
  for (const part of given) checked[part] = ref[part] as string;
  const format = optional && !ref[optional.part] ? optional.display : def.display;
  checked.key = formatDisplay(format, checked) ?? '';
  return checked;
}

function none(): Omit<CheckedRef, 'type' | 'key' | 'path'> {
  return Object.fromEntries([['id', null], ...PARTS.map((p) => [p, null])]) as Omit<CheckedRef, 'type' | 'key' | 'path'>;
}
