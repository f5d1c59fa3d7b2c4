import { addDays, isIsoDate } from '../calendar/swedish-calendar';
import { startOfSwedishDay } from '../delegations/delegation.state';
import { ValidationFailed } from '../platform/errors';

/** An ISO 8601 date-time with `Z` or an offset (seconds and fractions optional), or a calendar date. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const INSTANT_HELP = 'ISO 8601 instant with Z or an offset (2022-04-24T12:00:00Z), or a date (2022-04-24 = the end of that day, Swedish time)';

/**
 * The instant an auditor means: a date-time as given, or a calendar date as the end of that day in
 * Sweden (23:59:59.999 Stockholm time), since "as of 24 April" means after everything on that day.
 * Returns null for anything else.
 */
export function parseInstant(text: string): Date | null {
  if (!INSTANT_PATTERN.test(text)) return null;
  if (text.length === 10) return isIsoDate(text) ? new Date(startOfSwedishDay(addDays(text, 1)).getTime() - 1) : null;
  if (!isIsoDate(text.slice(0, 10))) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** parseInstant, or a 400 problem naming the field. */
export function requireInstant(text: string, field = 'at'): Date {
  const instant = parseInstant(text);
  if (!instant) throw new ValidationFailed([{ field, rules: { isInstant: `${field} must be an ${INSTANT_HELP}` } }]);
  return instant;
}
