import { auditor, chair, committeeSecretary, given, regionalDirector } from '../../test/support/given';
import { DelegatedDecisionsReported, UrgentDecisionRecorded } from './delegation.events';
import { delegationDecider, latestVersion, versionInForce } from './delegation.decider';
import {
  amend,
  amended,
  AREAS,
  BOARD,
  decisionFact,
  DELEGATION_ID,
  delegatedDecision,
  GONV,
  grant,
  granted,
  grantedAt,
  later,
  ORG,
  paragraph12,
  paragraph47,
  revocation,
  revoke,
  revoked,
} from './delegation.fixtures';

const asSecretary = { actor: committeeSecretary, now: grantedAt };
describe('delegation register: granting (KL 6:37–38)', () => {
  it('grants version 1 to the regional director on the board’s adjusted § 47 (seed 003)', () => {
    given(delegationDecider).when(grant(), asSecretary).then([granted()]);
  });

  it('grants to a named person as well as to a single-holder role', () => {
    const [event] = delegationDecider.decide(grant({ delegates: [{ userId: 'anders.bystrom' }] }), delegationDecider.initialState, asSecretary);
    expect(event.data).toMatchObject({ delegate: { kind: 'person', userId: 'anders.bystrom' } });
  });

  it('a retried grant finds its own work and changes nothing', () => {
    given(delegationDecider, granted()).when(grant(), asSecretary).then([]);
  });

  it('DELEGATION-ALREADY-GRANTED: another grant under an id already used is refused', () => {
    given(delegationDecider, granted()).when(grant({ amountLimitOre: null }), asSecretary).thenRefuses('DELEGATION-ALREADY-GRANTED');
  });

  it('DELEGATION-SECRETARY-ROLE: only the committee secretary records a delegation, its amendment or revocation', () => {
    given(delegationDecider).when(grant(), { actor: regionalDirector }).thenRefuses('DELEGATION-SECRETARY-ROLE');
    given(delegationDecider, granted()).when(amend(), { actor: chair }).thenRefuses('DELEGATION-SECRETARY-ROLE');
    given(delegationDecider, granted()).when(revoke(), { actor: chair }).thenRefuses('DELEGATION-SECRETARY-ROLE');
  });

  it('KL-6-37: exactly one delegate — several, none, or a group role are refused', () => {
    const two = grant({ delegates: [{ role: 'regional_director' }, { userId: 'anders.bystrom' }] });
    given(delegationDecider).when(two, asSecretary).thenRefuses('KL-6-37');
    given(delegationDecider).when(grant({ delegates: [] }), asSecretary).thenRefuses('KL-6-37');
    for (const role of ['case_officer', 'registrar', 'auditor', 'committee_secretary'] as const) {
      given(delegationDecider).when(grant({ delegates: [{ role }] }), asSecretary).thenRefuses('KL-6-37');
    }
  });

  it('KL-6-37: the role chair is a group — every body has a chair — so a delegation names the chair as a person', () => {
    given(delegationDecider).when(grant({ delegates: [{ role: 'chair' }] }), asSecretary).thenRefuses('KL-6-37');
    given(delegationDecider, granted()).when(amend({ delegates: [{ role: 'chair' }] }), asSecretary).thenRefuses('KL-6-37');
    const [event] = delegationDecider.decide(grant({ delegates: [{ userId: 'eva.ordforande' }] }), delegationDecider.initialState, asSecretary);
    expect(event.data).toMatchObject({ delegate: { kind: 'person', userId: 'eva.ordforande' } });
  });

  it('KL-6-37: a delegate is a person or a role, not both and not neither', () => {
    given(delegationDecider).when(grant({ delegates: [{ userId: 'anders.bystrom', role: 'chair' }] }), asSecretary).thenRefuses('KL-6-37');
    given(delegationDecider).when(grant({ delegates: [{}] }), asSecretary).thenRefuses('KL-6-37');
  });

  it('KL-6-38: goals and direction, scope or quality, proposals to the council and matters of principle are refused', () => {
    for (const matter of ['goals_and_direction', 'scope_or_quality', 'proposal_to_council', 'matter_of_principle'] as const) {
      const command = grant({ scope: { agreementId: GONV, areaIds: AREAS, kinds: ['decide_activities', matter] } });
      given(delegationDecider).when(command, asSecretary).thenRefuses('KL-6-38');
    }
  });

  it('DELEGATION-PERIOD: a validity period that ends before it starts is refused; one single day is fine', () => {
    given(delegationDecider).when(grant({ validUntil: '2022-03-14' }), asSecretary).thenRefuses('DELEGATION-PERIOD');
    const [event] = delegationDecider.decide(grant({ validUntil: '2022-03-15' }), delegationDecider.initialState, asSecretary);
    expect(event.type).toBe('DelegationGranted');
  });

  it('DECISION-AUTHORITY: only an approved, adjusted decision of the delegating body grants a mandate', () => {
    const unadjusted = grant({ decisionFact: decisionFact(paragraph47, { adjusted: false }) });
    given(delegationDecider).when(unadjusted, asSecretary).thenRefuses('DECISION-AUTHORITY');
    const referredBack = grant({ decisionFact: decisionFact(paragraph47, { outcome: 'referred_back' }) });
    given(delegationDecider).when(referredBack, asSecretary).thenRefuses('DECISION-AUTHORITY');
    const otherBody = grant({ decisionFact: decisionFact(paragraph47, { bodyId: 'halso-och-sjukvardsnamnden' }) });
    given(delegationDecider).when(otherBody, asSecretary).thenRefuses('DECISION-AUTHORITY');
    given(delegationDecider).when(grant({ decisionFact: null }), asSecretary).thenRefuses('DECISION-AUTHORITY');
  });
});

describe('delegation register: amending and revoking', () => {
  it('an amendment is version 2, pointing at its own decision', () => {
    given(delegationDecider, granted())
      .when(amend(), { actor: committeeSecretary, now: later })
      .then([amended(later)]);
  });

  it('an amendment retried with the same decision and terms changes nothing', () => {
    given(delegationDecider, granted(), amended(later)).when(amend(), asSecretary).then([]);
  });

  it('NOT-FOUND: amending or revoking a delegation that does not exist', () => {
    given(delegationDecider).when(amend(), asSecretary).thenRefuses('NOT-FOUND');
    given(delegationDecider).when(revoke(), asSecretary).thenRefuses('NOT-FOUND');
  });

  it('DELEGATION-BODY: only the body that delegated can amend', () => {
    given(delegationDecider, granted()).when(amend({ bodyId: 'halso-och-sjukvardsnamnden' }), asSecretary).thenRefuses('DELEGATION-BODY');
  });

  it('KL-6-37, KL-6-38 and DECISION-AUTHORITY hold for an amendment as for a grant', () => {
    given(delegationDecider, granted()).when(amend({ delegates: [{ role: 'case_officer' }] }), asSecretary).thenRefuses('KL-6-37');
    const principle = amend({ scope: { agreementId: GONV, areaIds: AREAS, kinds: ['matter_of_principle'] } });
    given(delegationDecider, granted()).when(principle, asSecretary).thenRefuses('KL-6-38');
    const rejected = amend({ decisionFact: decisionFact(paragraph12, { outcome: 'rejected' }) });
    given(delegationDecider, granted()).when(rejected, asSecretary).thenRefuses('DECISION-AUTHORITY');
  });

  it('revocation records the instant from which nothing more can be decided', () => {
    given(delegationDecider, granted())
      .when(revoke(), { actor: committeeSecretary, now: later })
      .then([revoked]);
  });

  it('DECISION-AUTHORITY: a revocation needs the delegating body’s adjusted decision', () => {
    const unadjusted = { ...revoke(), decisionFact: decisionFact(revocation, { adjusted: false }) };
    given(delegationDecider, granted()).when(unadjusted, asSecretary).thenRefuses('DECISION-AUTHORITY');
  });

  it('DELEGATION-ALREADY-REVOKED: a revoked delegation is not revoked again nor amended; the same revocation retried is a no-op', () => {
    given(delegationDecider, granted(), revoked).when(revoke(), asSecretary).then([]);
    given(delegationDecider, granted(), revoked).when(revoke(paragraph12), asSecretary).thenRefuses('DELEGATION-ALREADY-REVOKED');
    given(delegationDecider, granted(), revoked).when(amend(), asSecretary).thenRefuses('DELEGATION-ALREADY-REVOKED');
  });

  it('the latest version carries the revocation, and so does the version in force', () => {
    const { state } = given(delegationDecider, granted(), amended(later), revoked);
    expect(latestVersion(state, DELEGATION_ID)).toMatchObject({ version: 2, amountLimitOre: 1_000_000_00, revokedAt: later.toISOString() });
    expect(versionInForce(state, DELEGATION_ID, later)).toMatchObject({ version: 2, revokedAt: later.toISOString() });
    expect(versionInForce(state, 'unknown', later)).toBeNull();
    expect(latestVersion(state, 'unknown')).toBeNull();
  });

  it('a revocation may take effect from a later day its decision names, from 00:00 Stockholm time', () => {
    const recordedAt = new Date('2022-09-20T09:00:00Z');
    given(delegationDecider, granted())
      .when(revoke(revocation, '2022-10-01'), { actor: committeeSecretary, now: recordedAt })
      .then([
        {
          type: 'DelegationRevoked',
          data: {
            delegationId: DELEGATION_ID,
            decision: revocation,
            effectiveOn: '2022-10-01',
            revokedAt: '2022-09-30T22:00:00.000Z',
            recordedAt: recordedAt.toISOString(),
            revokedBy: 'sara.sekreterare',
          },
        },
      ]);
    const onTheDay = { ...revoked, data: { ...revoked.data, effectiveOn: '2022-09-13', revokedAt: '2022-09-12T22:00:00.000Z' } };
    given(delegationDecider, granted()).when(revoke(revocation, '2022-09-13'), { actor: committeeSecretary, now: later }).then([onTheDay]);
    given(delegationDecider, granted(), onTheDay).when(revoke(revocation, '2022-09-13'), asSecretary).then([]);
    given(delegationDecider, granted(), onTheDay).when(revoke(revocation, '2022-10-01'), asSecretary).thenRefuses('DELEGATION-ALREADY-REVOKED');
  });
});

describe('delegation register: decisions on the register (KL 6:39–40)', () => {
  const record = {
    type: 'RecordDelegatedDecision' as const,
    record: (({ bodyId: _b, ...r }) => r)(delegatedDecision('dd-1').data),
  };
  const urgent = (chairUserId: string | null = 'eva.ordforande') => ({
    type: 'RecordUrgentDecision' as const,
    delegatedDecisionId: 'u-1',
    organisationId: ORG,
    bodyId: BOARD,
    chairUserId,
    subject: 'Yttrande över remiss om ambulansdirigering',
    decisionText: 'Regionstyrelsen tillstyrker förslaget.',
    caseId: null,
    caseFound: null,
  });
  const report = (decisionIds: string[]) => ({
    type: 'MarkReported' as const,
    organisationId: ORG,
    bodyId: BOARD,
    meetingId: 'rs-2022-06-14',
    paragraph: 15,
    reportedOn: '2022-06-14',
    decisionIds,
  });

  it('records a delegated decision with the version that authorised it and the delegation’s body', () => {
    given(delegationDecider, granted()).when(record, { actor: regionalDirector }).then([delegatedDecision('dd-1')]);
  });

  it('recording the same delegated decision again is a no-op (the agreements’ follow-up may re-run)', () => {
    given(delegationDecider, granted(), delegatedDecision('dd-1')).when(record, { actor: regionalDirector }).then([]);
  });

  it('KL-6-39: the chair of the body records an urgent decision, unreported until the next meeting', () => {
    const now = new Date('2022-05-02T14:00:00Z');
    const recordedUrgent: UrgentDecisionRecorded = {
      type: 'UrgentDecisionRecorded',
      data: {
        delegatedDecisionId: 'u-1',
        organisationId: ORG,
        bodyId: BOARD,
        subject: 'Yttrande över remiss om ambulansdirigering',
        decisionText: 'Regionstyrelsen tillstyrker förslaget.',
        caseId: null,
        decidedAt: now.toISOString(),
        decidedBy: 'eva.ordforande',
      },
    };
    given(delegationDecider).when(urgent(), { actor: chair, now }).then([recordedUrgent]);
    given(delegationDecider, recordedUrgent).when(urgent(), { actor: chair, now }).then([]);
    const { state } = given(delegationDecider, recordedUrgent);
    expect(state.decisions.get('u-1')).toMatchObject({ kind: 'urgent', decisionKind: 'urgent', summary: recordedUrgent.data.subject, reported: null });
  });

  it('KL-6-39: nobody but the body’s chair decides urgent matters on its behalf', () => {
    given(delegationDecider).when(urgent(), { actor: regionalDirector }).thenRefuses('KL-6-39');
    given(delegationDecider).when(urgent(null), { actor: chair }).thenRefuses('KL-6-39');
  });

  it('KL-6-39: an urgent decision is the chair’s own act — not taken in a read-only role under the chair’s user id', () => {
    for (const role of ['auditor', 'recipient'] as const) {
      given(delegationDecider).when(urgent(), { actor: { ...chair, role } }).thenRefuses('KL-6-39');
    }
    given(delegationDecider).when(urgent(auditor.userId), { actor: auditor }).thenRefuses('KL-6-39');
  });

  it('KL-6-40: a reported decision leaves the unreported list; reporting it again changes nothing', () => {
    const reported: DelegatedDecisionsReported = {
      type: 'DelegatedDecisionsReported',
      data: { bodyId: BOARD, meetingId: 'rs-2022-06-14', paragraph: 15, reportedOn: '2022-06-14', decisionIds: ['dd-1'] },
    };
    given(delegationDecider, granted(), delegatedDecision('dd-1'), delegatedDecision('dd-2'))
      .when(report(['dd-1', 'dd-1', 'unknown']), { actor: committeeSecretary })
      .then([reported]);
    const { state } = given(delegationDecider, granted(), delegatedDecision('dd-1'), delegatedDecision('dd-2'), reported);
    expect(state.decisions.get('dd-1')?.reported).toEqual({ meetingId: 'rs-2022-06-14', paragraph: 15, reportedOn: '2022-06-14' });
    expect(state.decisions.get('dd-2')?.reported).toBeNull();
    given(delegationDecider, granted(), delegatedDecision('dd-1'), reported).when(report(['dd-1']), { actor: committeeSecretary }).then([]);
  });

  it('KL-6-40: a decision of another body’s register is not marked as reported here', () => {
    const otherBodys = delegatedDecision('dd-9', { bodyId: 'halso-och-sjukvardsnamnden' });
    given(delegationDecider, granted(), otherBodys).when(report(['dd-9']), { actor: committeeSecretary }).then([]);
  });
});
