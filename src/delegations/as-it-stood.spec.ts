import { committeeSecretary, regionalDirector } from '../../test/support/given';
import { Problem } from '../platform/errors';
import { DelegationCommand, delegationDecider, RegisterState, versionInForce } from './delegation.decider';
import { DelegationEvent } from './delegation.events';
import { checkMandate } from './delegation.rules';
import { delegationReadModel } from './delegation.views';
import { amend, decisionFact, DELEGATION_ID, GONV, grant, ORG } from './delegation.fixtures';

/**
 * A delegated decision is judged by its delegation as it stood at that moment, and stays tied to
 * the version that authorised it: the register is one stream, so the handler's fresh read of the
 * version and the decision it records are in step.
 */
describe('a delegation as it stood at the moment of each decision', () => {
  let state: RegisterState;
  const run = (command: DelegationCommand, actor = committeeSecretary, now = new Date()) => {
    const events: DelegationEvent[] = delegationDecider.decide(command, state, { actor, now });
    state = events.reduce(delegationDecider.evolve, state);
    return events;
  };
  const decide = (id: string, amountOre: number, at: Date) => {
    const authorised = checkMandate(versionInForce(state, DELEGATION_ID, at), {
      actor: regionalDirector,
      agreementId: GONV,
      areaIds: ['nara-vard'],
      kind: 'decide_activities',
      amountOre,
      at,
    });
    const record = {
      organisationId: ORG,
      delegatedDecisionId: id,
      delegationId: authorised.delegationId,
      delegationVersion: authorised.version,
      decisionKind: 'decide_activities' as const,
      summary: `Aktivitet ${id}`,
      amountOre,
      agreementId: GONV,
      decidedAt: at.toISOString(),
      decidedBy: regionalDirector.userId,
    };
    run({ type: 'RecordDelegatedDecision', record }, regionalDirector, at);
    return authorised.version;
  };
  const refusedWith = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as Problem).ruleId;
    }
    return 'accepted';
  };

  beforeEach(() => {
    state = delegationDecider.initialState;
    run(grant(), committeeSecretary, new Date('2022-03-25T10:00:00Z'));
  });

  it('DELEGATION-AMOUNT-LIMIT: a decision before the limit was lowered keeps version 1; after it, version 2 judges', () => {
    expect(decide('dd-april', 3_000_000_00, new Date('2022-04-05T08:00:00Z'))).toBe(1);

    run(amend({ amountLimitOre: 1_000_000_00 }), committeeSecretary, new Date('2022-06-20T09:00:00Z'));

    expect(refusedWith(() => decide('dd-july', 3_000_000_00, new Date('2022-07-01T08:00:00Z')))).toBe('DELEGATION-AMOUNT-LIMIT');
    expect(decide('dd-july', 1_000_000_00, new Date('2022-07-01T08:00:00Z'))).toBe(2);

    const model = delegationReadModel(state, DELEGATION_ID)!;
    expect(model.current).toMatchObject({ version: 2, amountLimitOre: 1_000_000_00 });
    expect(model.versions.map((v) => [v.version, v.amountLimitOre, v.decision.paragraph])).toEqual([
      [1, 5_000_000_00, 47],
      [2, 1_000_000_00, 12],
    ]);
    expect(model.decisions.map((d) => [d.delegatedDecisionId, d.delegationVersion, d.amountOre])).toEqual([
      ['dd-april', 1, 3_000_000_00],
      ['dd-july', 2, 1_000_000_00],
    ]);
  });

  it('DELEGATION-REVOKED: after the revocation nothing more is decided; what was decided before stays on the register', () => {
    decide('dd-april', 1_000_000_00, new Date('2022-04-05T08:00:00Z'));
    const revocation = { meetingId: 'rs-2022-09-13', paragraph: 88 };
    run(
      { type: 'RevokeDelegation', delegationId: DELEGATION_ID, organisationId: ORG, decision: revocation, decisionFact: decisionFact(revocation), effectiveOn: null },
      committeeSecretary,
      new Date('2022-09-20T09:00:00Z'),
    );
    expect(refusedWith(() => decide('dd-october', 1_000_000_00, new Date('2022-10-03T08:00:00Z')))).toBe('DELEGATION-REVOKED');
    const model = delegationReadModel(state, DELEGATION_ID)!;
    expect(model.revokedAt).toBe('2022-09-20T09:00:00.000Z');
    expect(model.decisions.map((d) => d.delegatedDecisionId)).toEqual(['dd-april']);
  });

  it('DELEGATION-VALIDITY: an amendment recorded but valid from a later day leaves version 1 in force until then', () => {
    run(amend({ amountLimitOre: 1_000_000_00, validFrom: '2022-07-01' }), committeeSecretary, new Date('2022-06-20T09:00:00Z'));

    expect(versionInForce(state, DELEGATION_ID, new Date('2022-06-25T08:00:00Z'))).toMatchObject({ version: 1, amountLimitOre: 5_000_000_00 });
    expect(decide('dd-june', 3_000_000_00, new Date('2022-06-25T08:00:00Z'))).toBe(1);
    // 00:00 on 1 July in Stockholm: version 2 and its lower limit judge
    expect(refusedWith(() => decide('dd-july', 3_000_000_00, new Date('2022-06-30T22:00:00Z')))).toBe('DELEGATION-AMOUNT-LIMIT');
    expect(decide('dd-july', 1_000_000_00, new Date('2022-06-30T22:00:00Z'))).toBe(2);
  });

  it('DELEGATION-VALIDITY: a version is not in force before it was recorded, and none in effect yet means the latest recorded refuses', () => {
    run(amend({ validFrom: '2022-07-01' }), committeeSecretary, new Date('2022-06-20T09:00:00Z'));
    // judged on 10 June, before the amendment was recorded: version 1 as it stood then
    expect(versionInForce(state, DELEGATION_ID, new Date('2022-06-10T08:00:00Z'))).toMatchObject({ version: 1 });

    state = delegationDecider.initialState;
    run(grant({ validFrom: '2022-04-01' }), committeeSecretary, new Date('2022-03-25T10:00:00Z'));
    expect(refusedWith(() => decide('dd-march', 1_000_000_00, new Date('2022-03-28T08:00:00Z')))).toBe('DELEGATION-VALIDITY');
  });

  it('DELEGATION-REVOKED: a revocation from a later day leaves the delegation usable until 00:00 that day (Stockholm time)', () => {
    const revocation = { meetingId: 'rs-2022-09-13', paragraph: 88 };
    const fact = decisionFact(revocation, { decidedOn: '2022-09-13' });
    run(
      { type: 'RevokeDelegation', delegationId: DELEGATION_ID, organisationId: ORG, decision: revocation, decisionFact: fact, effectiveOn: '2022-10-01' },
      committeeSecretary,
      new Date('2022-09-20T09:00:00Z'),
    );
    expect(versionInForce(state, DELEGATION_ID, new Date('2022-09-25T08:00:00Z'))?.revokedAt).toBe('2022-09-30T22:00:00.000Z');
    expect(decide('dd-september', 1_000_000_00, new Date('2022-09-30T21:59:59Z'))).toBe(1);
    expect(refusedWith(() => decide('dd-october', 1_000_000_00, new Date('2022-09-30T22:00:00Z')))).toBe('DELEGATION-REVOKED');
    expect(delegationReadModel(state, DELEGATION_ID)?.revocation).toMatchObject({ effectiveOn: '2022-10-01', recordedAt: '2022-09-20T09:00:00.000Z' });
  });
});
