import { caseOfficer, committeeSecretary, given } from '../../test/support/given';
import { Actor } from '../platform/actor';
import { AgreementRules as R } from './agreements.rules';
import { AgreementCommand, agreementDecider } from './agreement.decider';
import { allocated, APRIL, BUDGETS, budgetLines, budgetsSet, delegatedAuthority, fact, JANUARY_AFTER, MKR, opened, outcomeReported } from './agreement.fixtures';
import { toLedger } from './agreement.ledger';
import { AgreementEvent, RepaymentComputed } from './agreements.events';

const at = (now: Date, actor: Actor = committeeSecretary) => ({ now, actor });
const agreement = (...history: AgreementEvent[]) => given(agreementDecider, opened, ...history);
const outcome = (activityId: string, spentOre: number, reportedOn = '2022-11-30'): AgreementCommand => ({ type: 'ReportOutcome', activityId, spentOre, reportedOn });
const compute: AgreementCommand = { type: 'ComputeRepayment', repaymentId: 'r1' };
const report: AgreementCommand = { type: 'RecordReportingBack', submittedOn: '2023-03-28', reference: 'Återrapport S2022/00042' };

const spending = [budgetsSet(), allocated('x', 'vision-ehalsa', 4 * MKR), allocated('y', 'ambulans', 2 * MKR)];
const spentX = outcomeReported('x', 'vision-ehalsa', 3 * MKR, '2022-12-20');
const nothingOnY = outcomeReported('y', 'ambulans', 0, '2022-12-20');
const reported = [...spending, spentX, nothingOnY];

const areaLines = (spent: { vision: number; ambulans: number }) => [
  { areaId: 'nara-vard', budgetOre: 30 * MKR, spentOre: 0, unspentOre: 30 * MKR },
  { areaId: 'medarbetare', budgetOre: 12 * MKR, spentOre: 0, unspentOre: 12 * MKR },
  { areaId: 'vision-ehalsa', budgetOre: 10 * MKR, spentOre: spent.vision, unspentOre: 10 * MKR - spent.vision },
  { areaId: 'ambulans', budgetOre: 8 * MKR, spentOre: spent.ambulans, unspentOre: 8 * MKR - spent.ambulans },
];
const repaid: RepaymentComputed = {
  type: 'RepaymentComputed',
  data: {
    repaymentId: 'r1',
    computedOn: '2023-01-10',
    totalOre: 60 * MKR,
    spentOre: 3 * MKR,
    repaymentOre: 57 * MKR,
    unbudgetedOre: 0,
    areas: areaLines({ vision: 3 * MKR, ambulans: 0 }),
    recordedAt: JANUARY_AFTER.toISOString(),
    recordedBy: committeeSecretary.userId,
  },
};
const FEBRUARY = new Date('2023-02-14T09:00:00Z');

describe('agreement decider: outcomes', () => {
  it('records the cumulative outcome of an activity; the same figure again changes nothing', () => {
    const first = outcomeReported('x', 'vision-ehalsa', 3 * MKR);
    agreement(...spending).when(outcome('x', 3 * MKR), at(APRIL, caseOfficer)).then([first]);
    agreement(...spending, first).when(outcome('x', 3 * MKR), at(APRIL, caseOfficer)).then([]);
    const more = outcomeReported('x', 'vision-ehalsa', 4 * MKR);
    agreement(...spending, first).when(outcome('x', 4 * MKR), at(APRIL, caseOfficer)).then([{ ...more, data: { ...more.data, previousSpentOre: 3 * MKR } }]);
  });

  it('nothing spent is an outcome too: it is recorded, not taken for granted', () => {
    agreement(...spending).when(outcome('y', 0, '2022-12-20'), at(APRIL, caseOfficer)).then([nothingOnY]);
  });

  it(`BUDGET-OUTCOME-WITHIN-ALLOCATION: an outcome lies between zero and the allocation`, () => {
    agreement(...spending).when(outcome('x', 4 * MKR + 1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_OUTCOME_WITHIN_ALLOCATION);
    agreement(...spending).when(outcome('x', -1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_OUTCOME_WITHIN_ALLOCATION);
  });

  it(`BUDGET-UNKNOWN-ACTIVITY: an outcome for an activity that does not exist`, () => {
    agreement(...spending).when(outcome('z', 1), at(APRIL, caseOfficer)).thenRefuses(R.BUDGET_UNKNOWN_ACTIVITY);
  });
});

describe('agreement decider: repayment', () => {
  it(`BUDGET-REPAYMENT-BEFORE-DEADLINE: not on or before the use deadline`, () => {
    agreement(...reported).when(compute, at(new Date('2022-12-31T12:00:00Z'))).thenRefuses(R.BUDGET_REPAYMENT_BEFORE_DEADLINE);
  });

  it(`BUDGET-OUTCOMES-MISSING: an activity without a reported outcome is not counted as zero; the repayment waits`, () => {
    agreement(...spending, spentX).when(compute, at(JANUARY_AFTER)).thenRefuses(R.BUDGET_OUTCOMES_MISSING);
    agreement(...spending).when(compute, at(JANUARY_AFTER)).thenRefuses(R.BUDGET_OUTCOMES_MISSING);
  });

  it('after the deadline, with every outcome reported, the repayment is the total less everything spent, area by area', () => {
    agreement(...reported).when(compute, at(JANUARY_AFTER)).then([repaid]);
  });

  it('an activity left with nothing allocated needs no outcome', () => {
    const emptied: AgreementEvent = {
      type: 'FundsReallocatedWithinArea',
      data: {
        reallocationId: 'r-z',
        areaId: 'vision-ehalsa',
        fromActivityId: 'z',
        toActivityId: 'x',
        amountOre: 2 * MKR,
        authority: delegatedAuthority('dd-r-z'),
        recordedAt: APRIL.toISOString(),
        recordedBy: 'anders.bystrom',
      },
    };
    const history = [budgetsSet(), allocated('x', 'vision-ehalsa', 2 * MKR), allocated('z', 'vision-ehalsa', 2 * MKR), emptied, outcomeReported('x', 'vision-ehalsa', MKR)];
    const [computed] = agreementDecider.decide(compute, agreement(...history).state, at(JANUARY_AFTER));
    expect(computed.data).toMatchObject({ repaymentOre: 59 * MKR });
  });

  it('what was never budgeted is repaid too', () => {
    const { state } = agreement(budgetsSet({ ...BUDGETS, 'nara-vard': 25 * MKR }));
    const [computed] = agreementDecider.decide(compute, state, at(JANUARY_AFTER));
    expect(computed.data).toMatchObject({ repaymentOre: 60 * MKR, unbudgetedOre: 5 * MKR });
  });

  it(`BUDGET-REPAYMENT-ONCE: computed once; the same command retried changes nothing`, () => {
    agreement(...reported, repaid).when(compute, at(JANUARY_AFTER)).then([]);
    agreement(...reported, repaid).when({ type: 'ComputeRepayment', repaymentId: 'r2' }, at(JANUARY_AFTER)).thenRefuses(R.BUDGET_REPAYMENT_ONCE);
  });

  it(`AGREEMENT-SETTLED: after the repayment no budget is set and no money is allocated`, () => {
    const budgets: AgreementCommand = { type: 'SetAreaBudgets', decision: { meetingId: 'm-2022-03-22', paragraph: 9 }, fact: fact(9), budgets: budgetLines() };
    agreement(...reported, repaid).when(budgets, at(JANUARY_AFTER)).thenRefuses(R.AGREEMENT_SETTLED);
  });

  it('an outcome reported after the repayment is a correction: accepted, and the repayment is recomputed as a new fact naming the figure it replaces', () => {
    const corrected = outcomeReported('y', 'ambulans', 1_500_000_00, '2023-02-10');
    const correction = { ...corrected, data: { ...corrected.data, correction: true, recordedAt: FEBRUARY.toISOString() } };
    const recomputed: AgreementEvent = {
      type: 'RepaymentRecomputed',
      data: {
        repaymentId: 'r1',
        computedOn: '2023-02-14',
        totalOre: 60 * MKR,
        spentOre: 4_500_000_00,
        repaymentOre: 55_500_000_00,
        unbudgetedOre: 0,
        areas: areaLines({ vision: 3 * MKR, ambulans: 1_500_000_00 }),
        activityId: 'y',
        previousRepaymentOre: 57 * MKR,
        previousComputedOn: '2023-01-10',
        recordedAt: FEBRUARY.toISOString(),
        recordedBy: caseOfficer.userId,
      },
    };
    agreement(...reported, repaid).when(outcome('y', 1_500_000_00, '2023-02-10'), at(FEBRUARY, caseOfficer)).then([correction, recomputed]);
    // the same correction retried changes nothing
    agreement(...reported, repaid, correction, recomputed).when(outcome('y', 1_500_000_00, '2023-02-10'), at(FEBRUARY, caseOfficer)).then([]);

    // the ledger shows the latest figure and the one it replaced; the first stays in the history
    const { state } = agreement(...reported, repaid, correction, recomputed);
    if (state.status !== 'open') throw new Error('not open');
    const ledger = toLedger(state, 7);
    expect(ledger.repayment).toMatchObject({ computedOn: '2023-02-14', repaymentOre: 55_500_000_00, earlier: [{ computedOn: '2023-01-10', repaymentOre: 57 * MKR }] });
    expect(ledger.history.map((h) => [h.type, h.amountOre])).toEqual(
      expect.arrayContaining([
        ['RepaymentComputed', 57 * MKR],
        ['RepaymentRecomputed', 55_500_000_00],
      ]),
    );
  });
});

describe('agreement decider: reporting back', () => {
  const recorded: AgreementEvent = {
    type: 'ReportingBackRecorded',
    data: { submittedOn: '2023-03-28', reference: 'Återrapport S2022/00042', recordedAt: JANUARY_AFTER.toISOString(), recordedBy: committeeSecretary.userId },
  };

  it(`AGREEMENT-REPORTING-BACK-BEFORE-REPAYMENT: the reporting back waits for the repayment it reports`, () => {
    agreement(...reported).when(report, at(JANUARY_AFTER)).thenRefuses(R.AGREEMENT_REPORTING_BACK_BEFORE_REPAYMENT);
    agreement(...reported, repaid).when(report, at(JANUARY_AFTER)).then([recorded]);
  });

  it(`AGREEMENT-REPORTING-BACK-ONCE: the reporting back is recorded once; a retry changes nothing`, () => {
    agreement(...reported, repaid, recorded).when(report, at(JANUARY_AFTER)).then([]);
    agreement(...reported, repaid, recorded)
      .when({ type: 'RecordReportingBack', submittedOn: '2023-03-28', reference: 'Annan' }, at(JANUARY_AFTER))
      .thenRefuses(R.AGREEMENT_REPORTING_BACK_ONCE);
  });
});
