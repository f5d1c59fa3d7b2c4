import { MKR } from '../../src/demo/seed-003.data';
import { asAuditor, asCaseOfficer, asRegionalDirector, RunningApp, startApp } from '../support/app';
import { agreementSuite, JOURNAL, Json, kr } from '../support/workflow';

/**
 * Seed 003's agreement settled over HTTP: the outcome of each activity, the repayment of what was
 * not used by the deadline (recomputed when an outcome is corrected), and the reporting back to the
 * state. The agreement is budgeted and delegated as in the agreements suite.
 */
describe('agreement settlement over HTTP (seed 003)', () => {
  let running: RunningApp;
  const { send, ok, refused, post, at, budgetedAndDelegated, activity, area } = agreementSuite(() => running);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-15T09:00:00Z') });
  });
  afterEach(() => running.close());

  it('outcomes, then after the use deadline the repayment, a correction that recomputes it, and the reporting back', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    const journal = await ok(post(agreementId, 'activities', activity(JOURNAL, 4 * MKR, { delegationId }), asRegionalDirector));
    const standards = await ok(post(agreementId, 'activities', activity('Gemensam tillämpning av standarder', 2 * MKR, { delegationId }), asRegionalDirector));
    const outcome = (activityId: string, spentOre: number, reportedOn: string) => post(agreementId, 'outcomes', { activityId, spentOre, reportedOn }, asCaseOfficer);
    await refused(() => outcome(journal.activityId, 4 * MKR + 1, '2022-12-30'), 422, 'BUDGET-OUTCOME-WITHIN-ALLOCATION');
    const reported = await ok(outcome(journal.activityId, 3_500_000_00, '2022-12-30'));
    expect(area(reported, 'vision-ehalsa')).toMatchObject({ spentOre: 3_500_000_00, unspentOre: 6_500_000_00, unspentFormatted: kr('6 500 000 kr') });

    await refused(() => post(agreementId, 'repayment'), 422, 'BUDGET-REPAYMENT-BEFORE-DEADLINE');
    at('2023-01-10T09:00:00Z');
    await refused(() => post(agreementId, 'activities', activity('För sent', MKR, { delegationId }), asRegionalDirector), 422, 'BUDGET-DEADLINE-PASSED');
    // the standards activity has reported nothing: not counted as zero, the repayment waits; nor is the reporting back recorded before it
    await refused(() => post(agreementId, 'repayment'), 422, 'BUDGET-OUTCOMES-MISSING');
    await refused(() => post(agreementId, 'reporting-back', { submittedOn: '2023-01-10', reference: 'RS 2023-00017' }), 422, 'AGREEMENT-REPORTING-BACK-BEFORE-REPAYMENT');
    await ok(outcome(standards.activityId, 0, '2023-01-09'));
    const repaid = await ok(post(agreementId, 'repayment'));
    expect(repaid.repayment).toMatchObject({
      computedOn: '2023-01-10',
      repaymentOre: 56_500_000_00,
      repaymentFormatted: kr('56 500 000 kr'),
      dueBy: '2023-06-30',
      earlier: [],
    });
    expect((repaid.repayment.areas as Json[]).find((a) => a.areaId === 'vision-ehalsa')).toMatchObject({ unspentOre: 6_500_000_00 });
    await refused(() => post(agreementId, 'repayment'), 422, 'BUDGET-REPAYMENT-ONCE');

    // a late invoice: the standards outcome is corrected (rättelse) and the repayment recomputed, the first figure kept
    at('2023-02-14T09:00:00Z');
    const corrected = await ok(outcome(standards.activityId, 1_500_000_00, '2023-02-10'));
    expect(corrected.repayment).toMatchObject({
      computedOn: '2023-02-14',
      repaymentOre: 55_000_000_00,
      earlier: [{ computedOn: '2023-01-10', repaymentOre: 56_500_000_00, repaymentFormatted: kr('56 500 000 kr') }],
    });
    const history = (await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor))).history as Json[];
    expect(history.slice(-3).map((h) => [h.type, h.amountOre])).toEqual([
      ['RepaymentComputed', 56_500_000_00],
      ['OutcomeReported', 1_500_000_00],
      ['RepaymentRecomputed', 55_000_000_00],
    ]);
    expect(history.at(-1)!.summary).toContain('tidigare');

    const back = await ok(post(agreementId, 'reporting-back', { submittedOn: '2023-03-28', reference: 'RS 2023-00017' }));
    expect(back.reportingBack).toEqual({ submittedOn: '2023-03-28', reference: 'RS 2023-00017', dueBy: '2023-03-31' });
  });
});
