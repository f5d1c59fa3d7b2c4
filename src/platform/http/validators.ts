import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../../calendar/swedish-calendar';

/** Readable ids chosen by the user: `region-exempel`, `regionstyrelsen`, `vision-ehalsa` (as in the x-organisation-id header). */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A calendar date YYYY-MM-DD that exists (no 2022-02-30). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date YYYY-MM-DD`,
      },
    },
    options,
  );
}
