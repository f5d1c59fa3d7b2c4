/**
 * Every refusal a user can read: a stable rule id (the problem's `type`), the HTTP status, and
 * the message in Swedish and English. `grep -r RULE-ID` finds the rule, its test and its message.
 */
export class Problem extends Error {
  constructor(
    readonly ruleId: string,
    readonly status: number,
    readonly sv: string,
    readonly en: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${ruleId}: ${en}`);
    this.name = 'Problem';
  }
}

/** A business or legal rule refused the command; nothing was written. */
export class RuleViolation extends Problem {
  constructor(ruleId: string, sv: string, en: string, details: Record<string, unknown> = {}) {
    super(ruleId, 422, sv, en, details);
    this.name = 'RuleViolation';
  }
}

export class NotFound extends Problem {
  constructor(what: { sv: string; en: string }, details: Record<string, unknown> = {}) {
    super('NOT-FOUND', 404, `${what.sv} finns inte.`, `${what.en} does not exist.`, details);
  }
}

export class ConcurrencyConflict extends Problem {
  constructor(streamId: string, attempts: number) {
    super(
      'CONCURRENCY-CONFLICT',
      409,
      'Någon annan ändrade samma sak samtidigt. Försök igen.',
      'Someone else changed the same thing at the same time. Try again.',
      { streamId, attempts },
    );
  }
}

export interface FieldError {
  field: string;
  rules: Record<string, string>;
}

export class ValidationFailed extends Problem {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION', 400, 'Begäran innehåller ogiltiga uppgifter.', 'The request has invalid fields.', { errors });
  }
}
