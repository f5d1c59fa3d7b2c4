import { given, registrar } from '../../test/support/given';
import { caseDecider, RegisterCase } from './case.decider';
import { CaseRegistered } from './cases.events';
import { CaseRules } from './cases.rules';

const now = new Date('2022-03-15T09:00:00Z');
const register = (sequence: number): RegisterCase => ({
  type: 'RegisterCase',
  organisationId: 'region-exempel',
  description: 'Fördelning av statsbidrag',
  assignment: {
    caseId: 'c1',
    registry: 'RS',
    year: 2022,
    sequence,
    diaryNumber: `RS 2022-0000${sequence}`,
    title: 'Fördelning överenskommelse God och nära vård 2022',
  },
});
const registered = (sequence: number): CaseRegistered => ({
  type: 'CaseRegistered',
  data: {
    caseId: 'c1',
    organisationId: 'region-exempel',
    diaryNumber: `RS 2022-0000${sequence}`,
    registry: 'RS',
    year: 2022,
    sequence,
    title: 'Fördelning överenskommelse God och nära vård 2022',
    description: 'Fördelning av statsbidrag',
    registeredAt: now.toISOString(),
    registeredBy: registrar.userId,
  },
});

describe('case decider: registration', () => {
  it('registers a case with its diary number, who registered it and when', () => {
    given(caseDecider).when(register(1), { now }).then([registered(1)]);
  });

  it('a retried registration with the same diary number changes nothing', () => {
    given(caseDecider, registered(1)).when(register(1), { now }).then([]);
  });

  it(`CASE-ALREADY-REGISTERED: a case cannot be registered under a second number`, () => {
    given(caseDecider, registered(1)).when(register(2), { now }).thenRefuses(CaseRules.CASE_ALREADY_REGISTERED);
  });
});
