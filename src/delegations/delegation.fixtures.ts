import { BodyDecisionFact, BodyDecisionRef } from '../meetings/decision-authority';
import { AmendDelegation, GrantDelegation, RevokeDelegation } from './delegation.decider';
import { DelegatedDecisionRecorded, DelegationAmended, DelegationGranted, DelegationRevoked } from './delegation.events';
import { DelegationVersion } from './mandate';

/**
 * Seed 003 as decider specs speak it: the regional board's § 47 delegates to the regional director
 * "att besluta om aktiviteter för respektive utvecklingsområde samt vid behov besluta om
 * omfördelning inom utvecklingsområdet" for the agreement God och nära vård 2022.
 */
export const ORG = 'region-exempel';
export const BOARD = 'regionstyrelsen';
export const GONV = 'god-och-nara-vard-2022';
export const AREAS = ['nara-vard', 'medarbetare', 'vision-ehalsa', 'ambulanssjukvard'];
export const DELEGATION_ID = 'd-gonv-regiondirektor';
export const grantedAt = new Date('2022-03-25T10:00:00Z');

export const paragraph47: BodyDecisionRef = { meetingId: 'rs-2022-03-15', paragraph: 47 };
export const paragraph12: BodyDecisionRef = { meetingId: 'rs-2022-06-14', paragraph: 12 };

export const decisionFact = (ref: BodyDecisionRef = paragraph47, over: Partial<BodyDecisionFact> = {}): BodyDecisionFact => ({
  ...ref,
  organisationId: ORG,
  bodyId: BOARD,
  caseId: 'case-gonv-2022',
  outcome: 'approved',
  decidedOn: '2022-03-15',
  adjusted: true,
  ...over,
});

/** The agreement of the scope as the handler finds it on its stream. */
export const gonvAgreement = { exists: true, organisationId: ORG, areaIds: AREAS };

export const grant = (over: Partial<GrantDelegation> = {}): GrantDelegation => ({
  type: 'GrantDelegation',
  delegationId: DELEGATION_ID,
  organisationId: ORG,
  bodyId: BOARD,
  decision: paragraph47,
  decisionFact: decisionFact(),
  agreement: gonvAgreement,
  delegates: [{ role: 'regional_director' }],
  scope: { agreementId: GONV, areaIds: AREAS, kinds: ['decide_activities', 'reallocate_within_area'] },
  amountLimitOre: 5_000_000_00,
  validFrom: '2022-03-15',
  validUntil: '2022-12-31',
  ...over,
});

export const amend = (over: Partial<AmendDelegation> = {}): AmendDelegation => ({
  ...grant(),
  type: 'AmendDelegation',
  decision: paragraph12,
  decisionFact: decisionFact(paragraph12, { decidedOn: '2022-06-14' }),
  amountLimitOre: 1_000_000_00,
  ...over,
});

export const granted = (recordedAt = grantedAt): DelegationGranted => ({
  type: 'DelegationGranted',
  data: {
    delegationId: DELEGATION_ID,
    organisationId: ORG,
    bodyId: BOARD,
    version: 1,
    delegate: { kind: 'role', role: 'regional_director' },
    scope: { agreementId: GONV, areaIds: AREAS, kinds: ['decide_activities', 'reallocate_within_area'] },
    amountLimitOre: 5_000_000_00,
    validFrom: '2022-03-15',
    validUntil: '2022-12-31',
    decision: paragraph47,
    decidedOn: '2022-03-15',
    recordedAt: recordedAt.toISOString(),
    recordedBy: 'sara.sekreterare',
  },
});

export const amended = (recordedAt: Date, amountLimitOre = 1_000_000_00): DelegationAmended => {
  const { organisationId: _o, bodyId: _b, ...data } = granted().data;
  return {
    type: 'DelegationAmended',
    data: { ...data, version: 2, amountLimitOre, decision: paragraph12, decidedOn: '2022-06-14', recordedAt: recordedAt.toISOString(), recordedBy: 'sara.sekreterare' },
  };
};

export const delegatedDecision = (id: string, over: Partial<DelegatedDecisionRecorded['data']> = {}): DelegatedDecisionRecorded => ({
  type: 'DelegatedDecisionRecorded',
  data: {
    delegatedDecisionId: id,
    organisationId: ORG,
    bodyId: BOARD,
    delegationId: DELEGATION_ID,
    delegationVersion: 1,
    decisionKind: 'decide_activities',
    summary: 'Aktivitet: Mobil närvård i glesbygd',
    amountOre: 1_200_000_00,
    agreementId: GONV,
    decidedAt: '2022-04-05T08:00:00.000Z',
    decidedBy: 'anders.bystrom',
    ...over,
  },
});

/** The version checkMandate sees for specs of the rule alone. */
export const version = (over: Partial<DelegationVersion> = {}): DelegationVersion => {
  const { recordedAt: _at, recordedBy: _by, decidedOn: _on, ...data } = granted().data;
  return { ...data, revokedAt: null, ...over };
};

/** When the specs record the amendment; § 88 of 13 September revokes. */
export const later = new Date('2022-06-20T09:00:00Z');
export const revocation: BodyDecisionRef = { meetingId: 'rs-2022-09-13', paragraph: 88 };

export const revoke = (decision = revocation, effectiveOn: string | null = null, decidedOn = '2022-09-13'): RevokeDelegation => ({
  type: 'RevokeDelegation',
  delegationId: DELEGATION_ID,
  organisationId: ORG,
  decision,
  decisionFact: decisionFact(decision, { decidedOn }),
  effectiveOn,
});

export const revoked: DelegationRevoked = {
  type: 'DelegationRevoked',
  data: {
    delegationId: DELEGATION_ID,
    decision: revocation,
    effectiveOn: null,
    revokedAt: later.toISOString(),
    recordedAt: later.toISOString(),
    revokedBy: 'sara.sekreterare',
  },
};
