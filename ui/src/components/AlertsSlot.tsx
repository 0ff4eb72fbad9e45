import { MetricTarget } from '../types';

/**
 * THE PLACE FOR ALERTS (open and past) on a model, deployment or ensemble page. The API has no
 * `alerts` query yet (schema.graphql); when it gets one, this component queries it for `target`
 * and lists the open alerts first, then the past ones. Until then it renders nothing.
 */
export function AlertsSlot({ target: _target }: { target: MetricTarget }) {
  return null;
}
