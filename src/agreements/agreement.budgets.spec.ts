import { auditor, caseOfficer, committeeSecretary, given, regionalDirector } from '../../test/support/given';
import { DecisionAuthorityRules } from '../meetings/decision-authority';
import { Actor } from '../platform/actor';
import { AgreementRules as R } from './agreements.rules';
import { AgreementCommand, agreementDecider, OpenAgreement, SetAreaBudgets } from './agreement.decider';
import { AGREEMENT_ID, allocated, APRIL, AREAS, BUDGETS, budgetLines, budgetsSet, fact, JANUARY_AFTER, MKR, opened, outcomeReported } from './agreement.fixtures';
import { AgreementEvent } from './agreements.events';

const at = (now: Date, actor: Actor = committeeSecretary) => ({ now, actor });
const march15 = at(new Date('2022-03-15T09:00:00Z'), caseOfficer);
const march25 = at(new Date('2022-03-25T09:00:00Z'));
const agreement = (...history: AgreementEvent[]) => given(agreementDecider, opened, ...history);

const open: OpenAgreement = {
  type: 'OpenAgreement',
  agreementId: AGREEMENT_ID,
  caseId: 'c-gonv',
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
const outcome = (activityId: string, spentOre: number): AgreementCommand => ({ type: 'ReportOutcome', activityId, spentOre, reportedOn: '2022-11-30' });

describe('agreement decider: opening', () => {
  it('opens the agreement with its total, areas and dates, who opened it and when', () => {
    given(agreementDecider).when(open, march15).then([opened]);
  });

  it('a retried opening changes nothing', () => {
    agreement().when(open, march15).then([]);
  });

  it(`AGREEMENT-DUPLICATE: the same agreement id cannot be opened with other content`, () => {
    agreement().when({ ...open, totalOre: 70 * MKR }, march15).thenRefuses(R.AGREEMENT_DUPLICATE);
  });

  it(`AGREEMENT-ROLE: an auditor or the regional director cannot open an agreement`, () => {
    given(agreementDecider).when(open, at(APRIL, auditor)).thenRefuses(R.AGREEMENT_ROLE);
    given(agreementDecider).when(open, at(APRIL, regionalDirector)).thenRefuses(R.AGREEMENT_ROLE);
  });

  it(`BUDGET-AMOUNT-POSITIVE: the total is a positive whole number of öre`, () => {
    given(agreementDecider).when({ ...open, totalOre: 0 }, march15).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
    given(agreementDecider).when({ ...open, totalOre: 10.5 }, march15).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
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

describe('agreement decider: outcomes, repayment and reporting back', () => {
  const spending = [budgetsSet(), allocated('x', 'vision-ehalsa', 4 * MKR), allocated('y', 'ambulans', 2 * MKR)];

  it('records the cumulative outcome of an activity; the same figure again changes nothing', () => {
    const spentX = outcomeReported('x', 'vision-ehalsa', 3 * MKR);
    agreement(...spending).when(outcome('x', 3 * MKR), at(APRIL, caseOfficer)).then([spentX]);
    agreement(...spending, spentX).when(outcome('x', 3 * MKR), at(APRIL, caseOfficer)).then([]);
    const more = outcomeReported('x', 'vision-ehalsa', 4 * MKR);
    agreement(...spending, spentX).when(outcome('x', 4 * MKR), at(APRIL, caseOfficer)).then([{ ...more, data: { ...more.data, previousSpentOre: 3 * MKR } }]);
  });

  it(`BUDGET-OUTCOME-WITHIN-ALLOCATION: an outcome lies between zero and the allocation`, () => {
    agreement(...spending).when(outcome('x', 4 * MKR + 1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_OUTCOME_WITHIN_ALLOCATION);
    agreement(...spending).when(outcome('x', -1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_OUTCOME_WITHIN_ALLOCATION);
  });

  it(`BUDGET-UNKNOWN-ACTIVITY: an outcome for an activity that does not exist`, () => {
    agreement(...spending).when(outcome('z', 1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_UNKNOWN_ACTIVITY);
  });

  it(`BUDGET-REPAYMENT-BEFORE-DEADLINE: not on or before the use deadline`, () => {
    agreement(...spending)
      .when({ type: 'ComputeRepayment', repaymentId: 'r1' }, at(new Date('2022-12-31T12:00:00Z')))
      .thenRefuses(R.BUDGET_REPAYMENT_BEFORE_DEADLINE);
  });

  const spent = outcomeReported('x', 'vision-ehalsa', 3 * MKR, '2022-12-20');
  const repaid: AgreementEvent = {
    type: 'RepaymentComputed',
    data: {
      repaymentId: 'r1',
      computedOn: '2023-01-10',
      totalOre: 60 * MKR,
      spentOre: 3 * MKR,
      repaymentOre: 57 * MKR,
      unbudgetedOre: 0,
      areas: [
        { areaId: 'nara-vard', budgetOre: 30 * MKR, spentOre: 0, unspentOre: 30 * MKR },
        { areaId: 'medarbetare', budgetOre: 12 * MKR, spentOre: 0, unspentOre: 12 * MKR },
        { areaId: 'vision-ehalsa', budgetOre: 10 * MKR, spentOre: 3 * MKR, unspentOre: 7 * MKR },
        { areaId: 'ambulans', budgetOre: 8 * MKR, spentOre: 0, unspentOre: 8 * MKR },
      ],
      recordedAt: JANUARY_AFTER.toISOString(),
      recordedBy: committeeSecretary.userId,
    },
  };

  it('after the deadline the repayment is the total less everything spent, area by area', () => {
    agreement(...spending, spent).when({ type: 'ComputeRepayment', repaymentId: 'r1' }, at(JANUARY_AFTER)).then([repaid]);
  });

  it('what was never budgeted is repaid too', () => {
    const { state } = agreement(budgetsSet({ ...BUDGETS, 'nara-vard': 25 * MKR }));
    const [computed] = agreementDecider.decide({ type: 'ComputeRepayment', repaymentId: 'r1' }, state, at(JANUARY_AFTER));
    expect(computed.data).toMatchObject({ repaymentOre: 60 * MKR, unbudgetedOre: 5 * MKR });
  });

  it(`BUDGET-REPAYMENT-ONCE: computed once; the same command retried changes nothing`, () => {
    agreement(...spending, spent, repaid).when({ type: 'ComputeRepayment', repaymentId: 'r1' }, at(JANUARY_AFTER)).then([]);
    agreement(...spending, spent, repaid).when({ type: 'ComputeRepayment', repaymentId: 'r2' }, at(JANUARY_AFTER)).thenRefuses(R.BUDGET_REPAYMENT_ONCE);
  });

  it(`AGREEMENT-SETTLED: after the repayment no outcome or budget changes`, () => {
    agreement(...spending, spent, repaid).when(outcome('x', 4 * MKR), at(JANUARY_AFTER, caseOfficer)).thenRefuses(R.AGREEMENT_SETTLED);
    agreement(...spending, spent, repaid).when(setBudgets(BUDGETS, 9), at(JANUARY_AFTER)).thenRefuses(R.AGREEMENT_SETTLED);
  });

  it(`AGREEMENT-REPORTING-BACK-ONCE: the reporting back is recorded once; a retry changes nothing`, () => {
    const report: AgreementCommand = { type: 'RecordReportingBack', submittedOn: '2023-03-28', reference: 'Återrapport S2022/00042' };
    const recorded: AgreementEvent = {
      type: 'ReportingBackRecorded',
      data: { submittedOn: '2023-03-28', reference: 'Återrapport S2022/00042', recordedAt: JANUARY_AFTER.toISOString(), recordedBy: committeeSecretary.userId },
    };
    agreement(...spending).when(report, at(JANUARY_AFTER)).then([recorded]);
    agreement(...spending, recorded).when(report, at(JANUARY_AFTER)).then([]);
    agreement(...spending, recorded).when({ ...report, reference: 'Annan' }, at(JANUARY_AFTER)).thenRefuses(R.AGREEMENT_REPORTING_BACK_ONCE);
  });
});
