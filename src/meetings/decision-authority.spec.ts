import { Problem } from '../platform/errors';
import { BodyDecisionFact, DecisionAuthorityRules, requireBodyDecision } from './decision-authority';

const ref = { meetingId: 'meeting-1', paragraph: 14 };
const fact: BodyDecisionFact = {
  ...ref,
  organisationId: 'region-exempel',
  bodyId: 'regionstyrelsen',
  caseId: 'case-1',
  outcome: 'approved',
  decidedOn: '2022-03-22',
  adjusted: true,
};
const expected = { organisationId: 'region-exempel', bodyId: 'regionstyrelsen' };

const refusal = (f: BodyDecisionFact): Problem | undefined => {
  try {
    requireBodyDecision(ref, f, expected);
  } catch (e) {
    return e as Problem;
  }
  return undefined;
};

describe('requireBodyDecision', () => {
  it('DECISION-AUTHORITY: an approved, adjusted decision of the body authorises (a fact without `annulled` is not annulled)', () => {
    expect(requireBodyDecision(ref, fact, expected)).toBe(fact);
    expect(requireBodyDecision(ref, { ...fact, annulled: false }, expected)).toEqual({ ...fact, annulled: false });
  });

  it('DECISION-AUTHORITY: a decision a court annulled on appeal authorises nothing', () => {
    const problem = refusal({ ...fact, annulled: true });
    expect(problem?.ruleId).toBe(DecisionAuthorityRules.DECISION_AUTHORITY);
    expect(problem?.status).toBe(422);
    expect(problem?.sv).toContain('upphävts');
    expect(problem?.en).toContain('annulled');
  });
});
