import { BadInputError, ConflictError, NotFoundError } from '../common/errors';
import { RunState } from './run.types';

/** Input rules of recordRun, kept apart from the service so they read as a list. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINAL_STATES: ReadonlySet<RunState> = new Set([RunState.COMPLETE, RunState.ABORT, RunState.FAIL]);

/** A final state never goes back (events may arrive late); a different final state is a contradiction. */
export function nextState(current: RunState | undefined, requested: RunState): RunState {
  if (!current || !FINAL_STATES.has(current)) return requested;
  if (!FINAL_STATES.has(requested)) return current;
  if (requested !== current) throw new ConflictError(`The run already ended in state ${current}.`, { field: 'input.state' });
  return current;
}

export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw new BadInputError(`${field} must be a UUID.`, field);
  return value.toLowerCase();
}

export function withField<E extends NotFoundError>(error: E, field: string): E {
  Object.assign(error.extensions, { field });
  return error;
}
