import { Arg, Mutation, Resolver } from 'type-graphql';
import { fromGraphQL } from './graphql-outcomes';
import { OutcomesService } from './outcomes.service';
import { OutcomeInput, RecordOutcomesResult } from './outcomes.types';

@Resolver()
export class OutcomesResolver {
  constructor(private readonly service: OutcomesService) {}

  @Mutation(() => RecordOutcomesResult, {
    description: 'Scores a batch of outcomes against the ensemble\'s loss and learns its weights from them (per its strategy), in one '
      + 'transaction: a bad outcome records nothing. Rolling loss and accuracy go into the metric series outcome.loss and '
      + 'outcome.accuracy of each member and of the ensemble. A batch with an idempotency key seen before counts nothing again. '
      + 'POST /api/v1/outcomes takes the same batches as JSON or NDJSON.',
  })
  recordOutcomes(@Arg('ensemble') ensemble: string,
                 @Arg('outcomes', () => [OutcomeInput]) outcomes: OutcomeInput[],
                 @Arg('idempotencyKey', () => String, { nullable: true, description: 'Names the batch: a retry with the same key is not counted twice.' })
                 idempotencyKey?: string | null) {
    return this.service.record(ensemble, fromGraphQL(outcomes), idempotencyKey);
  }
}
