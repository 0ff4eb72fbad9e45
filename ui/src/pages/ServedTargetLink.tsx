import { Link } from '../components/Link';
import { hrefs } from '../router';
import { ServedTarget } from '../types';

export const targetLabel = (t: ServedTarget): string => (t.__typename === 'Ensemble' ? t.name : `${t.model.name}@${t.version}`);

/** What a deployment serves, linked to its page: a model version or an ensemble. */
export function ServedTargetLink({ target }: { target: ServedTarget }) {
  return target.__typename === 'Ensemble'
    ? <Link href={hrefs.ensemble(target.name)}>{target.name}</Link>
    : <Link href={hrefs.model(target.model.name, target.version)}>{targetLabel(target)}</Link>;
}
