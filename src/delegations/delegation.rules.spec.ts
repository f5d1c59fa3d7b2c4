import { auditor, caseOfficer, chair, regionalDirector } from '../../test/support/given';
import { Problem } from '../platform/errors';
import { checkMandate, checkReportable } from './delegation.rules';
import { AREAS, BOARD, GONV, ORG, version } from './delegation.fixtures';
import { DelegatedDecisionView, DelegationVersion, MandateRequest } from './mandate';

/** 2022-04-05 10:00 in Stockholm (CEST) */
const at = new Date('2022-04-05T08:00:00Z');
const request = (over: Partial<MandateRequest> = {}): MandateRequest => ({
  actor: regionalDirector,
  agreementId: GONV,
  areaIds: ['nara-vard'],
  kind: 'decide_activities',
  amountOre: 1_200_000_00,
  at,
  ...over,
});

function refusal(delegation: DelegationVersion | null, req: MandateRequest): Problem {
  try {
    checkMandate(delegation, req);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('checkMandate accepted');
}
const accepts = (delegation: DelegationVersion, req: MandateRequest) => expect(checkMandate(delegation, req)).toBe(delegation);

describe('checkMandate: a delegated decision inside its delegation as it stands at that moment', () => {
  it('accepts the regional director deciding an activity in an area of seed 003’s delegation', () => {
    accepts(version(), request());
    accepts(version(), request({ kind: 'reallocate_within_area', areaIds: ['ambulanssjukvard'] }));
  });

  it('DELEGATION-NOT-FOUND: no delegation, no mandate', () => {
    expect(refusal(null, request()).ruleId).toBe('DELEGATION-NOT-FOUND');
  });

  it('DELEGATION-REVOKED: from the instant of revocation on; a decision taken just before still stands', () => {
    const revokedAt = '2022-04-05T08:00:00.000Z';
    expect(refusal(version({ revokedAt }), request()).ruleId).toBe('DELEGATION-REVOKED');
    expect(refusal(version({ revokedAt }), request({ at: new Date('2022-04-06T08:00:00Z') })).details).toMatchObject({ revokedAt });
    accepts(version({ revokedAt }), request({ at: new Date('2022-04-05T07:59:59.999Z') }));
  });

  it('DELEGATION-VALIDITY: the first valid day starts at midnight Swedish time (CET), not UTC', () => {
    const delegation = version({ validFrom: '2022-03-15' });
    // 23:59:59 on 14 March in Stockholm, though 15 March had not begun in UTC either
    const eve = refusal(delegation, request({ at: new Date('2022-03-14T22:59:59Z') }));
    expect(eve.ruleId).toBe('DELEGATION-VALIDITY');
    expect(eve.details).toMatchObject({ today: '2022-03-14', validFrom: '2022-03-15' });
    // 00:00 on 15 March in Stockholm, still 14 March in UTC
    accepts(delegation, request({ at: new Date('2022-03-14T23:00:00Z') }));
  });

  it('DELEGATION-VALIDITY: the last valid day is whole in Swedish time, summer time included', () => {
    const delegation = version({ validUntil: '2022-06-30' });
    accepts(delegation, request({ at: new Date('2022-06-30T21:59:59Z') })); // 23:59:59 CEST
    const after = refusal(delegation, request({ at: new Date('2022-06-30T22:00:00Z') })); // 00:00 on 1 July
    expect(after.ruleId).toBe('DELEGATION-VALIDITY');
    expect(after.details).toMatchObject({ today: '2022-07-01', validUntil: '2022-06-30' });
    const newYear = version({ validUntil: '2022-12-31' });
    accepts(newYear, request({ at: new Date('2022-12-31T22:59:59Z') }));
    expect(refusal(newYear, request({ at: new Date('2022-12-31T23:00:00Z') })).ruleId).toBe('DELEGATION-VALIDITY');
  });

  it('DELEGATION-VALIDITY: a delegation without an end date stays valid', () => {
    accepts(version({ validUntil: null }), request({ at: new Date('2031-01-01T12:00:00Z') }));
  });

  it('DELEGATION-DELEGATE: a role delegate is whoever holds that role in the organisation — no one else', () => {
    accepts(version(), request({ actor: { ...regionalDirector, userId: 'tf.regiondirektor' } }));
    expect(refusal(version(), request({ actor: caseOfficer })).ruleId).toBe('DELEGATION-DELEGATE');
    expect(refusal(version(), request({ actor: chair })).ruleId).toBe('DELEGATION-DELEGATE');
  });

  it('DELEGATION-DELEGATE: a person delegate is that user, whatever role they act in', () => {
    const person = version({ delegate: { kind: 'person', userId: 'anders.bystrom' } });
    accepts(person, request());
    accepts(person, request({ actor: { ...regionalDirector, role: 'case_officer' } }));
    const other = refusal(person, request({ actor: { ...regionalDirector, userId: 'johan.palm' } }));
    expect(other.ruleId).toBe('DELEGATION-DELEGATE');
    expect(other.details).toMatchObject({ userId: 'johan.palm' });
  });

  it('DELEGATION-DELEGATE: the same user id or role in another organisation is not the delegate', () => {
    const elsewhere = { ...regionalDirector, organisationId: 'region-annan' };
    expect(refusal(version(), request({ actor: elsewhere })).ruleId).toBe('DELEGATION-DELEGATE');
    const person = version({ delegate: { kind: 'person', userId: 'anders.bystrom' } });
    expect(refusal(person, request({ actor: elsewhere })).ruleId).toBe('DELEGATION-DELEGATE');
  });

  it('DELEGATION-SCOPE: another agreement is outside the delegation', () => {
    const other = refusal(version(), request({ agreementId: 'god-och-nara-vard-2023' }));
    expect(other.ruleId).toBe('DELEGATION-SCOPE');
    expect(other.details).toMatchObject({ agreementId: 'god-och-nara-vard-2023' });
  });

  it('DELEGATION-SCOPE: an area the delegation does not name is outside it', () => {
    const narrow = version({ scope: { agreementId: GONV, areaIds: ['nara-vard'], kinds: ['decide_activities'] } });
    const outside = refusal(narrow, request({ areaIds: ['vision-ehalsa'] }));
    expect(outside.ruleId).toBe('DELEGATION-SCOPE');
    expect(outside.details).toMatchObject({ areasOutside: ['vision-ehalsa'] });
  });

  it('DELEGATION-KIND: a kind of decision the delegation does not cover', () => {
    const onlyActivities = version({ scope: { agreementId: GONV, areaIds: AREAS, kinds: ['decide_activities'] } });
    const refused = refusal(onlyActivities, request({ kind: 'reallocate_within_area' }));
    expect(refused.ruleId).toBe('DELEGATION-KIND');
    expect(refused.details).toMatchObject({ kind: 'reallocate_within_area', allowed: ['decide_activities'] });
  });

  it('BUDGET-BETWEEN-AREAS-MANDATE: moving money between areas needs an explicit grant; with it the move is accepted', () => {
    const between = request({ kind: 'reallocate_between_areas', areaIds: ['nara-vard', 'vision-ehalsa'], amountOre: 500_000_00 });
    expect(refusal(version(), between).ruleId).toBe('BUDGET-BETWEEN-AREAS-MANDATE');
    const explicit = version({ scope: { agreementId: GONV, areaIds: AREAS, kinds: ['decide_activities', 'reallocate_between_areas'] } });
    accepts(explicit, between);
    // the explicit grant still holds only between the areas it names
    const toOther = request({ kind: 'reallocate_between_areas', areaIds: ['nara-vard', 'tandvard'] });
    expect(refusal(explicit, toOther).ruleId).toBe('DELEGATION-SCOPE');
  });

  it('DELEGATION-AMOUNT-LIMIT: exactly the limit is inside it, one öre more is not', () => {
    const limited = version({ amountLimitOre: 5_000_000_00 });
    accepts(limited, request({ amountOre: 5_000_000_00 }));
    const over = refusal(limited, request({ amountOre: 5_000_000_01 }));
    expect(over.ruleId).toBe('DELEGATION-AMOUNT-LIMIT');
    expect(over.details).toMatchObject({ amountOre: 5_000_000_01, amountLimitOre: 5_000_000_00 });
    accepts(version({ amountLimitOre: null }), request({ amountOre: 90_000_000_00 }));
  });

  it('every refusal names the delegation version and speaks Swedish and English', () => {
    const refused = refusal(version({ version: 3 }), request({ actor: auditor }));
    expect(refused.details).toMatchObject({ delegationId: version().delegationId, version: 3 });
    expect(refused.sv).toMatch(/delegat/);
    expect(refused.en).toMatch(/delegate/);
  });
});

describe('checkReportable (KL 6:40)', () => {
  const view = (id: string, over: Partial<DelegatedDecisionView> = {}): DelegatedDecisionView => ({
    delegatedDecisionId: id,
    kind: 'delegated',
    organisationId: ORG,
    bodyId: BOARD,
    delegationId: 'd-1',
    delegationVersion: 1,
    decisionKind: 'decide_activities',
    summary: 'Aktivitet: Mobil närvård i glesbygd',
    amountOre: 1_200_000_00,
    agreementId: GONV,
    decidedAt: '2022-04-05T08:00:00.000Z',
    decidedBy: 'anders.bystrom',
    reported: null,
    ...over,
  });
  const urgent = view('u-1', { kind: 'urgent', delegationId: null, delegationVersion: null, decisionKind: 'urgent', amountOre: null, agreementId: null });
  const register = [view('dd-1'), view('dd-2'), urgent];
  const ruleOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as Problem).ruleId;
    }
    return 'accepted';
  };

  it('KL-6-40: unreported delegated and urgent decisions of the body are reportable, in the order named', () => {
    expect(checkReportable(BOARD, register, ['u-1', 'dd-1']).map((d) => d.delegatedDecisionId)).toEqual(['u-1', 'dd-1']);
  });

  it('KL-6-40: an empty report or one naming a decision twice is refused', () => {
    expect(ruleOf(() => checkReportable(BOARD, register, []))).toBe('KL-6-40');
    expect(ruleOf(() => checkReportable(BOARD, register, ['dd-1', 'dd-1']))).toBe('KL-6-40');
  });

  it('KL-6-40: an unknown decision, an already reported one, or another body’s is not reportable here', () => {
    expect(ruleOf(() => checkReportable(BOARD, register, ['dd-1', 'nope']))).toBe('KL-6-40');
    const reported = view('dd-3', { reported: { meetingId: 'rs-2022-06-14', paragraph: 15, reportedOn: '2022-06-14' } });
    expect(ruleOf(() => checkReportable(BOARD, [...register, reported], ['dd-3']))).toBe('KL-6-40');
    const othersBody = view('dd-4', { bodyId: 'halso-och-sjukvardsnamnden' });
    expect(ruleOf(() => checkReportable(BOARD, [...register, othersBody], ['dd-4']))).toBe('KL-6-40');
  });
});
