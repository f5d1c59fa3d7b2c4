import { caseOfficer, chair, committeeSecretary, given, registrar } from '../../test/support/given';
import { ItemOutcome } from '../meetings/decision-authority';
import { Problem } from '../platform/errors';
import { caseDecider, CaseCommand } from './case.decider';
import { CaseEvent, OfficialReport } from './cases.events';
import { CaseRules } from './cases.rules';

const now = new Date('2022-03-22T09:00:00Z');
const at = now.toISOString();
const caseId = 'c1';
const registered: CaseEvent = {
  type: 'CaseRegistered',
  data: {
    caseId,
    organisationId: 'region-exempel',
    diaryNumber: 'RS 2022-00123',
    registry: 'RS',
    year: 2022,
    sequence: 123,
    title: 'Fördelning överenskommelse God och nära vård 2022',
    description: null,
    registeredAt: at,
    registeredBy: registrar.userId,
  },
};
const report: OfficialReport = {
  summary: 'Fördelning på fyra utvecklingsområden.',
  caseDescription: 'Överenskommelsen God och nära vård 2022.',
  assessment: null,
  consequences: { environment: null, children: null, genderEquality: null, economy: null },
  followUp: null,
  decisionPoints: [{ number: 1, text: 'Förslaget godkänns.' }],
  extractRecipients: ['Hälso- och sjukvårdsdirektör'],
  informBodies: ['Hälso- och sjukvårdsnämnden'],
};
const written: CaseEvent = { type: 'OfficialReportWritten', data: { caseId, revision: 1, ...report, writtenAt: at, writtenBy: caseOfficer.userId } };
const ready: CaseEvent = { type: 'CaseMarkedReadyForAgenda', data: { caseId, markedAt: at, markedBy: caseOfficer.userId } };
const placed = (meetingId = 'm1', itemId = 'i1'): CaseEvent => ({
  type: 'CasePlacedOnAgenda',
  data: { caseId, meetingId, itemId, bodyId: 'regionstyrelsen', placedAt: at },
});
const outcome = (o: ItemOutcome, extra: { completionRequired?: string; postponedToMeetingId?: string } = {}, meetingId = 'm1', itemId = 'i1'): CaseCommand => ({
  type: 'RecordItemOutcome',
  meetingId,
  itemId,
  paragraph: 12,
  outcome: o,
  completionRequired: extra.completionRequired ?? null,
  postponedToMeetingId: extra.postponedToMeetingId ?? null,
});
const recorded = (o: ItemOutcome, extra: { completionRequired?: string; postponedToMeetingId?: string } = {}, meetingId = 'm1', itemId = 'i1'): CaseEvent => ({
  type: 'ItemOutcomeRecorded',
  data: {
    caseId,
    meetingId,
    itemId,
    paragraph: 12,
    outcome: o,
    completionRequired: extra.completionRequired ?? null,
    postponedToMeetingId: extra.postponedToMeetingId ?? null,
    recordedAt: at,
  },
});
const place = (meetingId = 'm1', itemId = 'i1'): CaseCommand => ({ type: 'PlaceOnAgenda', meetingId, itemId, bodyId: 'regionstyrelsen' });
const markReady: CaseCommand = { type: 'MarkReadyForAgenda' };
const officer = { actor: caseOfficer, now };
const secretary = { actor: committeeSecretary, now };
const onAgenda = [registered, written, ready, placed()];
const decided = [...onAgenda, recorded('approved')];

describe('case decider: ready for the agenda', () => {
  it('a case in preparation with its report becomes ready; again changes nothing', () => {
    given(caseDecider, registered, written).when(markReady, officer).then([ready]);
    given(caseDecider, registered, written, ready).when(markReady, officer).then([]);
  });

  it(`CASE-REPORT-REQUIRED: no agenda without an official report`, () => {
    given(caseDecider, registered).when(markReady, officer).thenRefuses(CaseRules.CASE_REPORT_REQUIRED);
  });

  it(`CASE-PREPARATION-ROLE: the chair cannot mark a case ready`, () => {
    given(caseDecider, registered, written).when(markReady, { actor: chair }).thenRefuses(CaseRules.CASE_PREPARATION_ROLE);
  });

  it(`CASE-STATUS: a decided case is not made ready again, and the refusal names the status`, () => {
    given(caseDecider, ...decided).when(markReady, officer).thenRefuses(CaseRules.CASE_STATUS);
    let refusal: Problem | undefined;
    try {
      caseDecider.decide(markReady, given(caseDecider, ...decided).state, officer);
    } catch (e) {
      refusal = e as Problem;
    }
    expect(refusal?.sv).toContain('när ärendet är beslutat (decided)');
    expect(refusal?.en).toContain('while the case is decided');
  });
});

describe('case decider: on the agenda (from the meeting)', () => {
  it('a ready case goes on the meeting’s agenda; the same placement again changes nothing', () => {
    given(caseDecider, registered, written, ready).when(place(), secretary).then([placed()]);
    given(caseDecider, ...onAgenda).when(place(), secretary).then([]);
  });

  it('a placement retried after the body already decided the item changes nothing', () => {
    given(caseDecider, ...decided).when(place(), secretary).then([]);
  });

  it(`CASE-STATUS: only a ready case goes on an agenda; not on two agendas at once`, () => {
    given(caseDecider, registered, written).when(place(), secretary).thenRefuses(CaseRules.CASE_STATUS);
    given(caseDecider, ...onAgenda).when(place('m2', 'i9'), secretary).thenRefuses(CaseRules.CASE_STATUS);
  });
});

describe('case decider: a placement the meeting refused (compensation)', () => {
  const remove = (meetingId = 'm1', itemId = 'i1'): CaseCommand => ({ type: 'RemoveFromAgenda', meetingId, itemId });
  const removed: CaseEvent = { type: 'CaseRemovedFromAgenda', data: { caseId, meetingId: 'm1', itemId: 'i1', removedAt: at } };

  it('CASE-AGENDA: the placement is taken back and the case is ready for another agenda', () => {
    given(caseDecider, ...onAgenda).when(remove(), secretary).then([removed]);
    expect(given(caseDecider, ...onAgenda, removed).state).toMatchObject({ status: 'ready_for_agenda', agenda: null });
    given(caseDecider, ...onAgenda, removed).when(place('m2', 'i2'), secretary).then([placed('m2', 'i2')]);
  });

  it('CASE-AGENDA: only the named placement is taken back; anything else (a retry, another item, a decided item) changes nothing', () => {
    given(caseDecider, ...onAgenda, removed).when(remove(), secretary).then([]);
    given(caseDecider, ...onAgenda).when(remove('m2', 'i2'), secretary).then([]);
    given(caseDecider, ...decided).when(remove(), secretary).then([]);
    given(caseDecider, registered, written, ready).when(remove(), secretary).then([]);
  });
});

describe('case decider: the body’s outcome', () => {
  it.each([
    ['approved', 'decided'],
    ['approved_with_amendments', 'decided'],
    ['rejected', 'decided'],
    ['referred_back', 'in_preparation'],
    ['postponed', 'ready_for_agenda'],
  ] as const)('%s leaves the case %s, with the decision and its paragraph on the case', (o, status) => {
    given(caseDecider, ...onAgenda).when(outcome(o), secretary).then([recorded(o)]);
    const { state } = given(caseDecider, ...onAgenda, recorded(o));
    expect(state).toMatchObject({ status, agenda: null, decisions: [{ meetingId: 'm1', itemId: 'i1', paragraph: 12, outcome: o }] });
  });

  it('the same outcome retried changes nothing', () => {
    given(caseDecider, ...decided).when(outcome('approved'), secretary).then([]);
  });

  it('a referral back keeps what must be completed visible until the body deals with the case again', () => {
    const referred = recorded('referred_back', { completionRequired: 'Komplettera med konsekvenser för barn.' });
    given(caseDecider, ...onAgenda)
      .when(outcome('referred_back', { completionRequired: 'Komplettera med konsekvenser för barn.' }), secretary)
      .then([referred]);
    const afterReferral = [...onAgenda, referred];
    expect(given(caseDecider, ...afterReferral).state).toMatchObject({ status: 'in_preparation', completionRequired: 'Komplettera med konsekvenser för barn.' });
    // revised, ready again, on the next meeting, approved
    const revised: CaseEvent = { type: 'OfficialReportWritten', data: { caseId, revision: 2, ...report, writtenAt: at, writtenBy: caseOfficer.userId } };
    const again = [...afterReferral, revised, ready, placed('m2', 'i2')];
    expect(given(caseDecider, ...again).state).toMatchObject({ status: 'on_agenda', completionRequired: 'Komplettera med konsekvenser för barn.' });
    expect(given(caseDecider, ...again, recorded('approved', {}, 'm2', 'i2')).state).toMatchObject({ status: 'decided', completionRequired: null });
  });

  it('a postponed case can go on the agenda of the meeting it was postponed to', () => {
    const postponed = [...onAgenda, recorded('postponed', { postponedToMeetingId: 'm2' })];
    given(caseDecider, ...postponed).when(place('m2', 'i7'), secretary).then([placed('m2', 'i7')]);
  });

  it(`CASE-AGENDA: an outcome from another meeting than the one whose agenda the case is on`, () => {
    given(caseDecider, ...onAgenda).when(outcome('approved', {}, 'm2', 'i2'), secretary).thenRefuses(CaseRules.CASE_AGENDA);
  });

  it(`CASE-STATUS: no outcome for a case that is not on an agenda`, () => {
    given(caseDecider, registered, written, ready).when(outcome('approved'), secretary).thenRefuses(CaseRules.CASE_STATUS);
  });
});

describe('case decider: withdrawal and closing', () => {
  const withdraw: CaseCommand = { type: 'Withdraw', reason: 'Ärendet har ersatts av ett nytt ärende.' };
  const withdrawn: CaseEvent = { type: 'CaseWithdrawn', data: { caseId, reason: 'Ärendet har ersatts av ett nytt ärende.', withdrawnAt: at, withdrawnBy: caseOfficer.userId } };
  const close: CaseCommand = { type: 'Close', reason: 'Beslutet är verkställt.' };
  const closed: CaseEvent = { type: 'CaseClosed', data: { caseId, reason: 'Beslutet är verkställt.', closedAt: at, closedBy: registrar.userId } };

  it('a case in preparation is withdrawn; the same withdrawal again changes nothing', () => {
    given(caseDecider, registered, written).when(withdraw, officer).then([withdrawn]);
    given(caseDecider, registered, written, withdrawn).when(withdraw, officer).then([]);
  });

  it(`CASE-STATUS: a case on the agenda or decided cannot be withdrawn`, () => {
    given(caseDecider, ...onAgenda).when(withdraw, officer).thenRefuses(CaseRules.CASE_STATUS);
    given(caseDecider, ...decided).when(withdraw, officer).thenRefuses(CaseRules.CASE_STATUS);
  });

  it(`CASE-WITHDRAW-ROLE: the chair cannot withdraw a case`, () => {
    given(caseDecider, registered).when(withdraw, { actor: chair }).thenRefuses(CaseRules.CASE_WITHDRAW_ROLE);
  });

  it('the registrar closes a decided or withdrawn case; again changes nothing', () => {
    given(caseDecider, ...decided).when(close, { now }).then([closed]);
    given(caseDecider, registered, withdrawn).when(close, { now }).then([closed]);
    given(caseDecider, ...decided, closed).when(close, { now }).then([]);
  });

  it(`CASE-STATUS: a case still in preparation cannot be closed`, () => {
    given(caseDecider, registered, written).when(close, { now }).thenRefuses(CaseRules.CASE_STATUS);
  });

  it(`CASE-CLOSE-ROLE: a case officer cannot close a case`, () => {
    given(caseDecider, ...decided).when(close, officer).thenRefuses(CaseRules.CASE_CLOSE_ROLE);
  });
});
