import { hrefs } from '../router';
import { LineageNode } from '../types';

const REF_KEYS = ['type', 'id', 'namespace', 'name', 'version', 'field', 'model'] as const;

/** The NodeRef named by the page's address (?type=MODEL&name=fraud, ?type=RUN&id=…), if any. */
export function nodeRefFrom(params: URLSearchParams): Record<string, string> | null {
  const ref: Record<string, string> = {};
  for (const k of REF_KEYS) { const v = params.get(k); if (v) ref[k] = v; }
  return ref.type ? ref : null;
}

/**
 * The page of a lineage node, where it has one: models, their versions, deployments, ensembles
 * (by the label, which is their natural key), datasets, their versions and fields on the Impact page.
 */
export function pageOf(node: LineageNode): string | null {
  const at = node.label.lastIndexOf('@');
  switch (node.type) {
    case 'MODEL': return hrefs.model(node.label);
    case 'MODEL_VERSION': return at > 0 ? hrefs.model(node.label.slice(0, at), node.label.slice(at + 1)) : null;
    case 'DEPLOYMENT': return hrefs.deployment(node.label);
    case 'ENSEMBLE': return hrefs.ensemble(node.label);
    case 'DATASET': case 'DATASET_VERSION': case 'FIELD': return hrefs.impact({ type: node.type, id: node.id });
    default: return null;
  }
}
