import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { transition } from './run-state-machine';
import { RunState } from './run.types';

/** Input rules of recordRun, kept apart from the service so they read as a list. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The state recordRun stores, as the run state machine decides. A client states what it knows
 * now, with no event time to order two endings by, so a second, different terminal state is
 * refused as a contradiction rather than resolved.
 */
export function nextState(current: RunState | undefined, requested: RunState): RunState {
  const step = transition(current ? { state: current, at: null } : null, { state: requested, at: null });
  if (step.conflictingTerminal) throw new ConflictError(`The run already ended in state ${current}.`, { field: 'input.state' });
  return step.state;
}

export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw new BadInputError(`${field} must be a UUID.`, field);
  return value.toLowerCase();
}

export function withField<E extends NotFoundError>(error: E, field: string): E {
  Object.assign(error.extensions, { field });
  return error;
}
