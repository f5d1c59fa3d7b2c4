import { committeeSecretary, given } from '../../test/support/given';
import { delegationDecider } from './delegation.decider';
import { amend, amended, decisionFact, grant, granted, later, paragraph12, paragraph47, revocation, revoke, revoked } from './delegation.fixtures';

const asSecretary = { actor: committeeSecretary, now: new Date('2022-09-20T09:00:00Z') };

/**
 * A delegation is only as good as the body's decision behind each version: the § that granted it
 * does not also amend or revoke it, nor grant another; and a later change rests on a later decision.
 */
describe('delegation register: one § of the body, one delegation', () => {
  it('DELEGATION-DECISION-REUSED: the grant’s own § neither amends (a limit ×10) nor revokes it', () => {
    given(delegationDecider, granted())
      .when(amend({ decision: paragraph47, decisionFact: decisionFact(paragraph47), amountLimitOre: 50_000_000_00 }), asSecretary)
      .thenRefuses('DELEGATION-DECISION-REUSED');
    given(delegationDecider, granted()).when(revoke(paragraph47, null, '2022-03-15'), asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
  });

  it('DELEGATION-DECISION-REUSED: nor does the § behind any earlier version', () => {
    const paragraph20 = { meetingId: 'rs-2022-08-23', paragraph: 20 };
    const third = amend({ decision: paragraph20, decisionFact: decisionFact(paragraph20, { decidedOn: '2022-08-23' }), amountLimitOre: 2_000_000_00 });
    const [v3] = delegationDecider.decide(third, given(delegationDecider, granted(), amended(later)).state, asSecretary);
    expect(v3.data).toMatchObject({ version: 3, decision: paragraph20, decidedOn: '2022-08-23' });
    const history = [granted(), amended(later), v3];
    const backTo12 = amend({ decisionFact: decisionFact(paragraph12, { decidedOn: '2022-08-23' }), amountLimitOre: 4_000_000_00 });
    given(delegationDecider, ...history).when(backTo12, asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
    given(delegationDecider, ...history).when(revoke(paragraph12, null, '2022-08-23'), asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
  });

  it('DELEGATION-DECISION-REUSED: a § that granted one delegation neither grants nor amends another; the same grant retried stays a no-op', () => {
    const toSomeoneElse = grant({ delegationId: 'd-gonv-annan', delegates: [{ userId: 'johan.palm' }] });
    given(delegationDecider, granted()).when(toSomeoneElse, asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
    const onTheAmendment = grant({ delegationId: 'd-gonv-annan', decision: paragraph12, decisionFact: decisionFact(paragraph12, { decidedOn: '2022-06-14' }) });
    given(delegationDecider, granted(), amended(later)).when(onTheAmendment, asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
    given(delegationDecider, granted()).when(grant(), asSecretary).then([]);
    const other = { ...granted(), data: { ...granted().data, delegationId: 'd-gonv-annan', decision: paragraph12, decidedOn: '2022-06-14' } };
    given(delegationDecider, granted(), other).when(amend(), asSecretary).thenRefuses('DELEGATION-DECISION-REUSED');
  });

  it('DELEGATION-DECISION-REUSED: one decision may revoke a delegation and grant its replacement', () => {
    const replacement = grant({ delegationId: 'd-gonv-ny', decision: revocation, decisionFact: decisionFact(revocation, { decidedOn: '2022-09-13' }), validFrom: '2022-09-13' });
    const [event] = delegationDecider.decide(replacement, given(delegationDecider, granted(), revoked).state, asSecretary);
    expect(event).toMatchObject({ type: 'DelegationGranted', data: { delegationId: 'd-gonv-ny', decision: revocation } });
  });

  it('DELEGATION-DECISION-ORDER: an amendment or revocation rests on a decision no older than the one behind the current version', () => {
    const older = amend({ decisionFact: decisionFact(paragraph12, { decidedOn: '2022-03-14' }) });
    given(delegationDecider, granted()).when(older, asSecretary).thenRefuses('DELEGATION-DECISION-ORDER');
    given(delegationDecider, granted(), amended(later)).when(revoke(revocation, null, '2022-06-13'), asSecretary).thenRefuses('DELEGATION-DECISION-ORDER');
    const sameDay = amend({ decisionFact: decisionFact(paragraph12, { decidedOn: '2022-03-15' }) });
    expect(delegationDecider.decide(sameDay, given(delegationDecider, granted()).state, asSecretary)).toHaveLength(1);
  });

  it('DELEGATION-DECISION-ORDER: a revocation does not take effect before the day it was decided', () => {
    given(delegationDecider, granted()).when(revoke(revocation, '2022-09-12'), asSecretary).thenRefuses('DELEGATION-DECISION-ORDER');
  });

  it('events of schema 1 read back: versions without their decision’s date, a revocation effective when recorded', () => {
    const { decidedOn: _on, ...v1 } = granted().data;
    expect(delegationDecider.upcast!('DelegationGranted', 1, v1)).toMatchObject({ ...v1, decidedOn: null });
    expect(delegationDecider.upcast!('DelegationAmended', 1, v1)).toMatchObject({ decidedOn: null });
    const { effectiveOn: _e, recordedAt: _r, ...oldRevoked } = revoked.data;
    expect(delegationDecider.upcast!('DelegationRevoked', 1, oldRevoked)).toEqual(revoked.data);
    expect(delegationDecider.upcast!('DelegationRevoked', 2, revoked.data)).toBe(revoked.data);
  });
});
