import { auditor, caseOfficer, committeeSecretary, given, regionalDirector } from '../../test/support/given';
import { DecisionAuthorityRules } from '../meetings/decision-authority';
import { Actor } from '../platform/actor';
import { AgreementRules as R } from './agreements.rules';
import { agreementDecider, OpenAgreement, SetAreaBudgets } from './agreement.decider';
import { AGREEMENT_ID, allocated, APRIL, AREAS, boardAuthority, BUDGETS, budgetLines, budgetsSet, fact, MKR, opened, ORG } from './agreement.fixtures';
import { AgreementEvent } from './agreements.events';

const at = (now: Date, actor: Actor = committeeSecretary) => ({ now, actor });
const march15 = at(new Date('2022-03-15T09:00:00Z'), caseOfficer);
const march25 = at(new Date('2022-03-25T09:00:00Z'));
const agreement = (...history: AgreementEvent[]) => given(agreementDecider, opened, ...history);

const open: OpenAgreement = {
  type: 'OpenAgreement',
  agreementId: AGREEMENT_ID,
  caseId: 'c-gonv',
  caseSnapshot: { caseId: 'c-gonv', organisationId: ORG },
  name: 'God och nära vård 2022',
  stateReference: 'S2022/00042',
  year: 2022,
  totalOre: 60 * MKR,
  areas: AREAS,
  useDeadline: '2022-12-31',
  reportingDate: '2023-03-31',
  repaymentDate: '2023-06-30',
};
const setBudgets = (budgets: Record<string, number> = BUDGETS, paragraph = 1, factOverrides = {}): SetAreaBudgets => ({
  type: 'SetAreaBudgets',
  decision: { meetingId: 'm-2022-03-22', paragraph },
  fact: fact(paragraph, factOverrides),
  budgets: budgetLines(budgets),
});

describe('agreement decider: opening', () => {
  it('opens the agreement with its total, areas and dates, who opened it and when', () => {
    given(agreementDecider).when(open, march15).then([opened]);
  });

  it('a retried opening changes nothing', () => {
    agreement().when(open, march15).then([]);
  });

  it(`AGREEMENT-CASE-HAS-AGREEMENT: the agreement's id comes from its case, so another opening in the case with other content is refused`, () => {
    agreement().when({ ...open, totalOre: 70 * MKR }, march15).thenRefuses(R.AGREEMENT_CASE_HAS_AGREEMENT);
    agreement().when({ ...open, name: 'En andra överenskommelse' }, march15).thenRefuses(R.AGREEMENT_CASE_HAS_AGREEMENT);
  });

  it(`AGREEMENT-DUPLICATE: an agreement id met again for another case is refused`, () => {
    agreement()
      .when({ ...open, caseId: 'c-annat', caseSnapshot: { caseId: 'c-annat', organisationId: ORG } }, march15)
      .thenRefuses(R.AGREEMENT_DUPLICATE);
  });

  it(`AGREEMENT-ROLE: an auditor or the regional director cannot open an agreement`, () => {
    given(agreementDecider).when(open, at(APRIL, auditor)).thenRefuses(R.AGREEMENT_ROLE);
    given(agreementDecider).when(open, at(APRIL, regionalDirector)).thenRefuses(R.AGREEMENT_ROLE);
  });

  it(`BUDGET-AMOUNT-POSITIVE: the total is a positive whole number of öre`, () => {
    given(agreementDecider).when({ ...open, totalOre: 0 }, march15).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
    given(agreementDecider).when({ ...open, totalOre: 10.5 }, march15).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
  });

  it(`AGREEMENT-CASE: the agreement is handled in an existing case of the organisation`, () => {
    given(agreementDecider).when({ ...open, caseSnapshot: null }, march15).thenRefuses(R.AGREEMENT_CASE);
    given(agreementDecider)
      .when({ ...open, caseSnapshot: { caseId: 'c-gonv', organisationId: 'goteborgs-stad' } }, march15)
      .thenRefuses(R.AGREEMENT_CASE);
  });

  it(`AGREEMENT-DATES: the money is used before it is reported back and repaid, and not before the agreement's year`, () => {
    given(agreementDecider).when({ ...open, useDeadline: '2023-04-01' }, march15).thenRefuses(R.AGREEMENT_DATES);
    given(agreementDecider).when({ ...open, repaymentDate: '2022-12-30' }, march15).thenRefuses(R.AGREEMENT_DATES);
    given(agreementDecider).when({ ...open, useDeadline: '2021-12-31' }, march15).thenRefuses(R.AGREEMENT_DATES);
    // the same day for all three is allowed
    const sameDay = { ...open, useDeadline: '2022-12-31', reportingDate: '2022-12-31', repaymentDate: '2022-12-31' };
    expect(agreementDecider.decide(sameDay, agreementDecider.initialState, march15)).toHaveLength(1);
  });

  it(`AGREEMENT-AREAS-UNIQUE: each development area is named once`, () => {
    given(agreementDecider)
      .when({ ...open, areas: [...AREAS, { areaId: 'ambulans', name: 'Ambulans igen' }] }, march15)
      .thenRefuses(R.AGREEMENT_AREAS_UNIQUE);
  });

  it('NOT-FOUND: commands to an agreement that does not exist, or is another organisation’s', () => {
    given(agreementDecider).when(setBudgets(), at(APRIL)).thenRefuses('NOT-FOUND');
    agreement()
      .when(setBudgets(), at(APRIL, { ...committeeSecretary, organisationId: 'goteborgs-stad' }))
      .thenRefuses('NOT-FOUND');
  });
});

describe('agreement decider: area budgets by the body’s decision', () => {
  it('sets the budgets per area with the responsible official, naming the decision (§) and fixing the deciding body', () => {
    agreement().when(setBudgets(), march25).then([budgetsSet()]);
    const { state } = agreement(budgetsSet());
    expect(state.status === 'open' && state.decidingBodyId).toBe('regionstyrelsen');
  });

  it('a later decision records what each budget was before it', () => {
    const changed = { 'nara-vard': 28 * MKR, ambulans: 10 * MKR };
    agreement(budgetsSet())
      .when(setBudgets(changed, 7), march25)
      .then([budgetsSet(changed, 7, { 'nara-vard': 30 * MKR, ambulans: 8 * MKR })]);
  });

  it('the same decision retried changes nothing; with other budgets it is refused as AGREEMENT-DUPLICATE', () => {
    agreement(budgetsSet()).when(setBudgets(), at(APRIL)).then([]);
    agreement(budgetsSet())
      .when(setBudgets({ ...BUDGETS, ambulans: 1 * MKR }), at(APRIL))
      .thenRefuses(R.AGREEMENT_DUPLICATE);
  });

  it(`DECISION-AUTHORITY: no such paragraph, not approved, not adjusted`, () => {
    agreement().when({ ...setBudgets(), fact: null }, at(APRIL)).thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
    agreement().when(setBudgets(BUDGETS, 1, { outcome: 'referred_back' }), at(APRIL)).thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
    agreement().when(setBudgets(BUDGETS, 1, { adjusted: false }), at(APRIL)).thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
  });

  it(`DECISION-AUTHORITY: after the first decision, budgets are decided only by the same body`, () => {
    agreement(budgetsSet())
      .when(setBudgets(BUDGETS, 4, { bodyId: 'halso-och-sjukvardsnamnden' }), at(APRIL))
      .thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
  });

  it(`AGREEMENT-DECISION-CASE: an approval of another case, or a § without a case, does not first set the agreement's budgets`, () => {
    agreement().when(setBudgets(BUDGETS, 1, { caseId: 'c-annat-arende' }), march25).thenRefuses(R.AGREEMENT_DECISION_CASE);
    agreement().when(setBudgets(BUDGETS, 1, { caseId: null }), march25).thenRefuses(R.AGREEMENT_DECISION_CASE);
  });

  it(`AGREEMENT-DECISION-CASE: once the budgets are set, a later budget decision of the deciding body may be on any case`, () => {
    const changed = { ambulans: 10 * MKR, 'nara-vard': 28 * MKR };
    agreement(budgetsSet())
      .when(setBudgets(changed, 7, { caseId: 'c-omfordelning' }), march25)
      .then([budgetsSet(changed, 7, { ambulans: 8 * MKR, 'nara-vard': 30 * MKR })]);
  });

  it(`AGREEMENT-DECISION-REUSED: a § that already set the budgets or moved money does not set them again with other content`, () => {
    // the § that first set the budgets, now with other budgets: the same act with other content
    agreement(budgetsSet())
      .when(setBudgets({ ambulans: 7 * MKR }), march25)
      .thenRefuses(R.AGREEMENT_DUPLICATE);
    // a § that allocated an activity does not also set budgets
    const byParagraph2 = { ...allocated('x', 'vision-ehalsa', MKR), data: { ...allocated('x', 'vision-ehalsa', MKR).data, authority: boardAuthority(2) } };
    agreement(budgetsSet(), byParagraph2)
      .when(setBudgets({ ambulans: 7 * MKR }, 2), march25)
      .thenRefuses(R.AGREEMENT_DECISION_REUSED);
  });

  it(`AGREEMENT-ROLE: the regional director cannot record the body’s budget decision`, () => {
    agreement().when(setBudgets(), at(APRIL, regionalDirector)).thenRefuses(R.AGREEMENT_ROLE);
  });

  it(`BUDGET-AREAS-WITHIN-TOTAL: the area budgets together never exceed the total`, () => {
    agreement().when(setBudgets({ ...BUDGETS, ambulans: 8 * MKR + 1 }), at(APRIL)).thenRefuses(R.BUDGET_AREAS_WITHIN_TOTAL);
    agreement(budgetsSet()).when(setBudgets({ medarbetare: 12 * MKR + 1 }, 5), at(APRIL)).thenRefuses(R.BUDGET_AREAS_WITHIN_TOTAL);
  });

  it(`BUDGET-AREA-BELOW-ALLOCATED: an area's budget never drops below what its activities hold`, () => {
    agreement(budgetsSet(), allocated('x', 'vision-ehalsa', 4 * MKR))
      .when(setBudgets({ 'vision-ehalsa': 4 * MKR - 1 }, 5), at(APRIL))
      .thenRefuses(R.BUDGET_AREA_BELOW_ALLOCATED);
  });

  it(`BUDGET-UNKNOWN-AREA: a budget for an area the agreement does not have`, () => {
    agreement().when(setBudgets({ tandvard: 1 * MKR }), at(APRIL)).thenRefuses(R.BUDGET_UNKNOWN_AREA);
  });

  it(`BUDGET-AMOUNT-POSITIVE: a budget may be zero but never negative or a fraction of an öre`, () => {
    agreement().when(setBudgets({ ambulans: 0 }), march25).then([budgetsSet({ ambulans: 0 })]);
    agreement().when(setBudgets({ ambulans: -1 }), at(APRIL)).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
    agreement().when(setBudgets({ ambulans: 0.5 }), at(APRIL)).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
  });

  it(`BUDGET-DEADLINE-PASSED: no budgets are set after the use deadline`, () => {
    agreement().when(setBudgets(), at(new Date('2023-01-01T09:00:00Z'))).thenRefuses(R.BUDGET_DEADLINE_PASSED);
  });
});
