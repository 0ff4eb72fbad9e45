import { BadInputError } from '../../common/errors';
import { OutcomeInput } from './outcomes.types';
import { RawOutcome } from './parse-outcomes';

/**
 * GraphQL's outcomes in the shape POST /api/v1/outcomes takes (predictions keyed by member), so
 * that one parser (parse-outcomes.ts) checks both. Each prediction names its member by `member`
 * (id or "model@version") or by `modelVersion` (id, or model + version), and gives `probabilities`
 * or `value`.
 */
export function fromGraphQL(outcomes: readonly OutcomeInput[]): RawOutcome[] {
  return outcomes.map((o, i) => {
    const predictions: Record<string, unknown> = {};
    o.predictions.forEach((p, j) => {
      const field = `outcomes[${i}].predictions[${j}]`;
      const key = memberKey(p.member, p.modelVersion, field);
      if ((p.probabilities == null) === (p.value == null)) throw new BadInputError(`${field} must give exactly one of probabilities or value.`, field);
      if (key in predictions) throw new BadInputError(`${field} names a member given already.`, field);
      predictions[key] = p.probabilities ?? p.value;
    });
    return { timestamp: o.timestamp, predictions, label: o.label };
  });
}

function memberKey(member: string | null | undefined, ref: { id?: string; model?: string; version?: string } | null | undefined, field: string): string {
  const byRef = ref?.id ?? (ref?.model != null && ref.version != null ? `${ref.model}@${ref.version}` : undefined);
  if ((member == null) === (byRef === undefined)) {
    throw new BadInputError(`${field} must name its member by exactly one of member or modelVersion (an id, or model and version).`, field);
  }
  return member ?? byRef!;
}
