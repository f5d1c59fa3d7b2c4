import { chair, committeeSecretary, given } from '../../test/support/given';
import { delegationDecider, RecordUrgentDecision } from './delegation.decider';
import { amend, AREAS, decisionFact, GONV, gonvAgreement, grant, granted, grantedAt, later, ORG, paragraph47 } from './delegation.fixtures';

const asSecretary = { actor: committeeSecretary, now: grantedAt };

/** The terms of a delegation against the facts they rest on: the agreement it covers and the decision that gave it. */
describe('delegation register: terms grounded in the agreement and the decision', () => {
  it('DELEGATION-AGREEMENT: a grant naming an agreement that does not exist, or is another organisation’s, is refused', () => {
    given(delegationDecider).when(grant({ agreement: { exists: false, organisationId: null, areaIds: [] } }), asSecretary).thenRefuses('DELEGATION-AGREEMENT');
    const foreign = { ...gonvAgreement, organisationId: 'goteborgs-stad' };
    given(delegationDecider).when(grant({ agreement: foreign }), asSecretary).thenRefuses('DELEGATION-AGREEMENT');
  });

  it('DELEGATION-AGREEMENT: a scope with a development area the agreement does not have is refused, by grant or amendment', () => {
    const withUnknown = { agreementId: GONV, areaIds: [...AREAS, 'no-such-area'], kinds: ['decide_activities' as const] };
    given(delegationDecider).when(grant({ scope: withUnknown }), asSecretary).thenRefuses('DELEGATION-AGREEMENT');
    given(delegationDecider, granted()).when(amend({ scope: withUnknown }), { actor: committeeSecretary, now: later }).thenRefuses('DELEGATION-AGREEMENT');
    // a part of the agreement's areas is fine
    const part = grant({ scope: { agreementId: GONV, areaIds: ['vision-ehalsa'], kinds: ['decide_activities'] } });
    expect(delegationDecider.decide(part, delegationDecider.initialState, asSecretary)).toHaveLength(1);
  });

  it('DELEGATION-PERIOD: a delegation is not valid from a day before the decision that granted it', () => {
    given(delegationDecider).when(grant({ validFrom: '2022-03-14' }), asSecretary).thenRefuses('DELEGATION-PERIOD');
    const laterDecision = grant({ decisionFact: decisionFact(paragraph47, { decidedOn: '2022-03-22' }), validFrom: '2022-03-21' });
    given(delegationDecider).when(laterDecision, asSecretary).thenRefuses('DELEGATION-PERIOD');
    // from the day of the decision is fine
    expect(delegationDecider.decide(grant({ validFrom: '2022-03-15' }), delegationDecider.initialState, asSecretary)).toHaveLength(1);
  });

  it('DELEGATION-PERIOD: an amendment may keep the period the grant gave, but not start before the grant', () => {
    const asLater = { actor: committeeSecretary, now: later };
    // amend() keeps validFrom 2022-03-15, the grant's day, though decided on 2022-06-14
    expect(delegationDecider.decide(amend(), given(delegationDecider, granted()).state, asLater)).toHaveLength(1);
    given(delegationDecider, granted()).when(amend({ validFrom: '2022-03-01' }), asLater).thenRefuses('DELEGATION-PERIOD');
  });
});

describe('delegation register: an urgent decision names a case of the organisation', () => {
  const urgent = (caseId: string | null, caseFound: RecordUrgentDecision['caseFound']): RecordUrgentDecision => ({
    type: 'RecordUrgentDecision',
    delegatedDecisionId: 'u-1',
    organisationId: ORG,
    bodyId: 'regionstyrelsen',
    chairUserId: 'eva.ordforande',
    subject: 'Yttrande över remiss om ambulansdirigering',
    decisionText: 'Regionstyrelsen tillstyrker förslaget.',
    caseId,
    caseFound,
  });
  const asChair = { actor: chair, now: new Date('2022-05-02T14:00:00Z') };

  it('NOT-FOUND: an urgent decision naming a case that does not exist, or another organisation’s, is refused', () => {
    given(delegationDecider).when(urgent('c-finns-inte', null), asChair).thenRefuses('NOT-FOUND');
    given(delegationDecider).when(urgent('c-annan', { caseId: 'c-annan', organisationId: 'goteborgs-stad' }), asChair).thenRefuses('NOT-FOUND');
    const [event] = delegationDecider.decide(urgent('c-ambulans', { caseId: 'c-ambulans', organisationId: ORG }), delegationDecider.initialState, asChair);
    expect(event.data).toMatchObject({ caseId: 'c-ambulans' });
    expect(event.data).not.toHaveProperty('caseFound');
  });
});
