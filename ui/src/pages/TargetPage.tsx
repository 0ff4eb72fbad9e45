import { DeploymentView } from './DeploymentView';
import { EnsembleView } from './EnsembleView';
import { ModelView } from './ModelView';

/** The page of one thing metrics are recorded for: a model (one of its versions), a deployment, an ensemble. */
export function TargetPage({ kind, name }: { kind: 'model' | 'deployment' | 'ensemble'; name: string }) {
  switch (kind) {
    case 'model': return <ModelView name={name} />;
    case 'deployment': return <DeploymentView name={name} />;
    case 'ensemble': return <EnsembleView name={name} />;
  }
}
