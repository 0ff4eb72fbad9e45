import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EnsembleStrategy { STATIC = 'STATIC', HEDGE = 'HEDGE', WINDOWED = 'WINDOWED' }
registerEnumType(EnsembleStrategy, {
  name: 'EnsembleStrategy',
  description: 'How an ensemble\'s weights follow the outcomes posted to it.',
  valuesConfig: {
    STATIC: { description: 'Weights change only by hand (setEnsembleMembers); outcomes still give rolling loss and accuracy.' },
    HEDGE: { description: 'After each outcome w_i ← w_i·exp(−eta·loss_i), normalized, every weight kept ≥ weightFloor so a member can recover.' },
    WINDOWED: { description: 'Every refitEvery outcomes, the weights minimizing the ensemble\'s loss over the last `window` outcomes (≥ weightFloor).' },
  },
});

export enum OutcomeLoss { ZERO_ONE = 'ZERO_ONE', LOG_LOSS = 'LOG_LOSS', SQUARED = 'SQUARED', ABSOLUTE = 'ABSOLUTE' }
registerEnumType(OutcomeLoss, {
  name: 'OutcomeLoss',
  description: 'How a prediction is scored against its label.',
  valuesConfig: {
    ZERO_ONE: { description: 'Classification: 1 when the top class is not the label, else 0 (accuracy is 1 − it).' },
    LOG_LOSS: { description: 'Classification: −ln(probability of the label), capped at −ln(1e-15).' },
    SQUARED: { description: 'Regression: (prediction − label)².' },
    ABSOLUTE: { description: 'Regression: |prediction − label|.' },
  },
});

export const STRATEGY_DEFAULTS = { eta: 0.5, weightFloor: 0.01, window: 500, refitEvery: 50 } as const;

@ObjectType({ description: 'The parameters of an ensemble\'s strategy (defaults filled in).' })
export class EnsembleStrategyParameters {
  @Field(() => Float, { description: 'HEDGE: the learning rate η.' }) eta!: number;
  @Field(() => Float, { description: 'HEDGE and WINDOWED: the least weight a member keeps (capped at 1/members).' }) weightFloor!: number;
  @Field(() => Int, { description: 'WINDOWED: how many recent outcomes a refit minimizes the loss over.' }) window!: number;
  @Field(() => Int, { description: 'WINDOWED: refit after this many outcomes.' }) refitEvery!: number;
}

@InputType({ description: 'How an ensemble learns its weights from outcomes. A change starts its learning afresh from the current weights.' })
export class EnsembleStrategyInput {
  @Field(() => EnsembleStrategy) strategy!: EnsembleStrategy;
  @Field(() => OutcomeLoss, { nullable: true, description: 'Required for HEDGE and WINDOWED; for STATIC, needed before outcomes can be recorded.' })
  loss?: OutcomeLoss | null;
  @Field(() => Float, { nullable: true, description: `In (0, 100]; default ${STRATEGY_DEFAULTS.eta}.` }) eta?: number | null;
  @Field(() => Float, { nullable: true, description: `In (0, 0.5]; default ${STRATEGY_DEFAULTS.weightFloor}.` }) weightFloor?: number | null;
  @Field(() => Int, { nullable: true, description: `1 to 100,000; default ${STRATEGY_DEFAULTS.window}.` }) window?: number | null;
  @Field(() => Int, { nullable: true, description: `1 to 100,000; default ${STRATEGY_DEFAULTS.refitEvery}.` }) refitEvery?: number | null;
}
