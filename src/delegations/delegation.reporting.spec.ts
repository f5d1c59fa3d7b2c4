import { committeeSecretary, given } from '../../test/support/given';
import { delegationDecider } from './delegation.decider';
import { DelegatedDecisionReportWithdrawn, DelegatedDecisionsReported } from './delegation.events';
import { BOARD, delegatedDecision, granted, ORG } from './delegation.fixtures';

const now = new Date('2022-06-14T14:00:00Z');
const ctx = { actor: committeeSecretary, now };
const R1 = 'report-1';
const R2 = 'report-2';
const mark = (meetingId: string, paragraph: number, decisionIds: string[], renumber = false, holderId = R1) => ({
  type: 'MarkReported' as const,
  organisationId: ORG,
  bodyId: BOARD,
  meetingId,
  paragraph,
  reportedOn: '2022-06-14',
  decisionIds,
  holderId,
  ...(renumber ? { renumber } : {}),
});
const reported = (meetingId: string, paragraph: number, decisionIds: string[], confirmed = false, holderId = R1): DelegatedDecisionsReported => ({
  type: 'DelegatedDecisionsReported',
  data: { bodyId: BOARD, meetingId, paragraph, reportedOn: '2022-06-14', decisionIds, holderId, ...(confirmed ? { confirmed } : {}) },
});
const withdraw = (meetingId: string, decisionIds: string[], holderId = R1) => ({ type: 'WithdrawReport' as const, organisationId: ORG, bodyId: BOARD, meetingId, decisionIds, holderId });
const withdrawn = (meetingId: string, decisionIds: string[]): DelegatedDecisionReportWithdrawn => ({
  type: 'DelegatedDecisionReportWithdrawn',
  data: { bodyId: BOARD, meetingId, decisionIds, withdrawnAt: now.toISOString() },
});
const onRegister = [granted(), delegatedDecision('dd-1'), delegatedDecision('dd-2')];

describe('the register: where each decision was reported (KL 6:40)', () => {
  it('KL-6-40: a decision reported at one meeting is refused to another; the same meeting and paragraph again changes nothing', () => {
    given(delegationDecider, ...onRegister).when(mark('rs-2022-06-14', 15, ['dd-1']), ctx).then([reported('rs-2022-06-14', 15, ['dd-1'])]);
    const held = [...onRegister, reported('rs-2022-06-14', 15, ['dd-1'])];
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 15, ['dd-1']), ctx).then([]);
    given(delegationDecider, ...held).when(mark('ks-2022-06-15', 4, ['dd-1']), ctx).thenRefuses('KL-6-40');
    // one of several held elsewhere refuses the whole report: nothing is half-reported
    given(delegationDecider, ...held).when(mark('ks-2022-06-15', 4, ['dd-2', 'dd-1']), ctx).thenRefuses('KL-6-40');
  });

  it('KL-6-40: a decision held for this meeting is left as it is by another report of it, and renumbered to the paragraph actually written', () => {
    const held = [...onRegister, reported('rs-2022-06-14', 15, ['dd-1'])];
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 16, ['dd-1', 'dd-2']), ctx).then([reported('rs-2022-06-14', 16, ['dd-2'])]);
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 16, ['dd-1'], true), ctx).then([reported('rs-2022-06-14', 16, ['dd-1'], true)]);
    // confirming under the paragraph it was held with writes the confirmation once
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 15, ['dd-1'], true), ctx).then([reported('rs-2022-06-14', 15, ['dd-1'], true)]);
    given(delegationDecider, ...held, reported('rs-2022-06-14', 15, ['dd-1'], true)).when(mark('rs-2022-06-14', 15, ['dd-1'], true), ctx).then([]);
    const { state } = given(delegationDecider, ...held, reported('rs-2022-06-14', 16, ['dd-1'], true));
    expect(state.decisions.get('dd-1')?.reported).toEqual({ meetingId: 'rs-2022-06-14', paragraph: 16, reportedOn: '2022-06-14' });
  });

  it('KL-6-40: when the meeting refuses the paragraph, what the register held for it is unreported again; a retry changes nothing', () => {
    const held = [...onRegister, reported('rs-2022-06-14', 15, ['dd-1', 'dd-2'])];
    given(delegationDecider, ...held).when(withdraw('rs-2022-06-14', ['dd-1', 'dd-2', 'okant']), ctx).then([withdrawn('rs-2022-06-14', ['dd-1', 'dd-2'])]);
    // only what is held for that meeting is let go
    given(delegationDecider, ...held).when(withdraw('ks-2022-06-15', ['dd-1']), ctx).then([]);
    const released = [...held, withdrawn('rs-2022-06-14', ['dd-1', 'dd-2'])];
    given(delegationDecider, ...released).when(withdraw('rs-2022-06-14', ['dd-1', 'dd-2']), ctx).then([]);
    expect(given(delegationDecider, ...released).state.decisions.get('dd-1')?.reported).toBeNull();
    // and another meeting can take note of it
    given(delegationDecider, ...released).when(mark('ks-2022-06-15', 4, ['dd-1']), ctx).then([reported('ks-2022-06-15', 4, ['dd-1'])]);
  });

  it('KL-6-40: a hold names its holder — another report at the same meeting is refused while it is under way, and cannot let it go', () => {
    const held = [...onRegister, reported('rs-2022-06-14', 15, ['dd-1'])];
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 15, ['dd-1'], false, R2), ctx).thenRefuses('KL-6-40');
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 15, ['dd-1'], true, R2), ctx).thenRefuses('KL-6-40');
    given(delegationDecider, ...held).when(withdraw('rs-2022-06-14', ['dd-1'], R2), ctx).then([]);
    // the same holder holding the same decisions for the same meeting again changes nothing
    given(delegationDecider, ...held).when(mark('rs-2022-06-14', 15, ['dd-1']), ctx).then([]);
    // once confirmed with its paragraph, another report of it at that meeting is a retry: the meeting answers with the paragraph
    const confirmed = [...held, reported('rs-2022-06-14', 15, ['dd-1'], true)];
    given(delegationDecider, ...confirmed).when(mark('rs-2022-06-14', 15, ['dd-1'], false, R2), ctx).then([]);
    given(delegationDecider, ...confirmed).when(mark('rs-2022-06-14', 15, ['dd-1'], true, R2), ctx).then([]);
    // and a confirmed report is never withdrawn, not even by its own holder
    given(delegationDecider, ...confirmed).when(withdraw('rs-2022-06-14', ['dd-1']), ctx).then([]);
  });
});
