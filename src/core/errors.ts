/**
 * Errors a user can act on. Each names the thing that is wrong (a config field, a dataset row, an
 * endpoint URL — never a key) and what to do about it. The CLI prints `message` and exits non-zero
 * without a stack trace for these; anything else is a bug and keeps its stack.
 */
export class EvalforgeError extends Error {
  override readonly name: string = 'EvalforgeError';
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(fix ? `${message}\n  Fix: ${fix}` : message);
  }
}

/** A config value is missing, unknown or of the wrong type. `field` is the dotted path. */
export class ConfigError extends EvalforgeError {
  override readonly name = 'ConfigError';
  constructor(
    readonly field: string,
    problem: string,
    fix?: string,
  ) {
    super(field ? `${field}: ${problem}` : problem, fix);
  }
}

/** A dataset could not be found, fetched or parsed. `location` is a file path or URL, `row` 1-based. */
export class DatasetError extends EvalforgeError {
  override readonly name = 'DatasetError';
  constructor(
    message: string,
    readonly location?: string,
    readonly row?: number,
    fix?: string,
  ) {
    super(message, fix);
  }
}

/** The model endpoint failed or replied with something unusable. `url` never holds a secret. */
export class EndpointError extends EvalforgeError {
  override readonly name = 'EndpointError';
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    fix?: string,
  ) {
    super(message, fix);
  }
}

/** The run was stopped by the user (Ctrl-C / AbortSignal). Finished samples are on disk. */
export class AbortedError extends EvalforgeError {
  override readonly name = 'AbortedError';
  constructor(readonly completed: number) {
    super(`Evaluation interrupted after ${completed} finished samples; they are saved and a rerun resumes from them.`);
  }
}

/**
 * The `cost` interceptor's budget (`max_cost` or `max_tokens_total`) is spent: the run sent nothing
 * more, let requests in flight finish and saved them, so a rerun with a larger budget resumes.
 * `spent` describes what was spent, in the budget's unit.
 */
export class BudgetExceededError extends EvalforgeError {
  override readonly name = 'BudgetExceededError';
  constructor(
    readonly spent: string,
    readonly limitField: 'max_cost' | 'max_tokens_total',
  ) {
    super(
      `Budget reached: ${spent}. No further requests were sent; finished samples are saved.`,
      `rerun with a larger ${limitField} in the cost interceptor's config (target.api_endpoint.adapter_config); the rerun resumes from the saved samples`,
    );
  }
}
