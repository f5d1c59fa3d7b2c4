import { regionalDirector } from '../../test/support/given';
import { GONV, version } from '../delegations/delegation.fixtures';
import { evaluateMandate } from '../delegations/delegation.rules';
import { MandateRequest } from '../delegations/mandate';
import { parseInstant } from './instant';

describe('parseInstant: what an auditor means by "as of"', () => {
  it.each([
    ['2022-04-24', '2022-04-24T21:59:59.999Z'], // summer time (CEST)
    ['2022-01-15', '2022-01-15T22:59:59.999Z'], // winter time (CET)
    ['2022-03-27', '2022-03-27T21:59:59.999Z'], // the day summer time begins: it ends in CEST
    ['2022-10-30', '2022-10-30T22:59:59.999Z'], // the day it ends: it ends in CET
  ])('given the date %s, when parsed, then it is the end of that day in Sweden (%s)', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it('given a date-time with Z or an offset, when parsed, then it is that instant', () => {
    expect(parseInstant('2022-04-24T10:00+02:00')?.toISOString()).toBe('2022-04-24T08:00:00.000Z');
    expect(parseInstant('2022-04-24T10:00:30.5Z')?.toISOString()).toBe('2022-04-24T10:00:30.500Z');
  });

  it.each(['yesterday', '2022-02-30', '2022-04-24T25:00Z', '2022-04-24T10:00', '2022-4-24', ''])('given %p, when parsed, then it is no instant', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('evaluateMandate: the checks checkMandate enforces, as the auditor reads them', () => {
  const request = (over: Partial<MandateRequest> = {}): MandateRequest => ({
    actor: regionalDirector,
    agreementId: GONV,
    areaIds: ['nara-vard'],
    kind: 'decide_activities',
    amountOre: 1_200_000_00,
    at: new Date('2022-04-05T08:00:00Z'),
    ...over,
  });

  it('given a decision inside its delegation, when evaluated, then every check passed in the order enforced and nothing is refused', () => {
    const { passed, refusal } = evaluateMandate(version(), request());
    expect(refusal).toBeNull();
    expect(passed.map((c) => c.ruleId)).toEqual([
      'DELEGATION-NOT-FOUND',
      'DELEGATION-REVOKED',
      'DELEGATION-VALIDITY',
      'DELEGATION-DELEGATE',
      'DELEGATION-SCOPE',
      'DELEGATION-KIND',
      'DELEGATION-AMOUNT-LIMIT',
    ]);
    expect(passed.every((c) => c.sv.length > 0 && c.en.length > 0)).toBe(true);
  });

  it('given a decision above the limit, when evaluated, then the checks before the limit passed and the limit refuses', () => {
    const { passed, refusal } = evaluateMandate(version({ amountLimitOre: 1_000_000_00 }), request());
    expect(passed).toHaveLength(6);
    expect(refusal?.ruleId).toBe('DELEGATION-AMOUNT-LIMIT');
  });

  it('given a reallocation between areas that the delegation does not name, when evaluated, then BUDGET-BETWEEN-AREAS-MANDATE refuses; named, it passes under that id', () => {
    const between = request({ kind: 'reallocate_between_areas', areaIds: ['nara-vard', 'medarbetare'] });
    expect(evaluateMandate(version(), between).refusal?.ruleId).toBe('BUDGET-BETWEEN-AREAS-MANDATE');
    const explicit = version({ scope: { ...version().scope, kinds: ['reallocate_between_areas'] } });
    expect(evaluateMandate(explicit, between).passed.map((c) => c.ruleId)).toContain('BUDGET-BETWEEN-AREAS-MANDATE');
  });
});
