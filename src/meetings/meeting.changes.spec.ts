import { chair, committeeSecretary, given } from '../../test/support/given';
import { MeetingCommand } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { legalForceOf } from './meeting.protocol';
import { MeetingRules as R } from './meeting.rules';
import { Convened } from './meeting.state';
import {
  adjusted,
  adjuster,
  attendance,
  caseOnAgenda,
  closed,
  convened,
  decide,
  declare,
  decided,
  duringMeeting,
  itemAdded,
  ORG,
  signed,
  threePresent,
} from './meeting.spec-fixtures';

const asSecretary = { actor: committeeSecretary, now: duringMeeting };
const thursday = new Date('2022-03-24T10:00:00Z');
const at = duringMeeting.toISOString();
const reason = 'Nämnden är inte beslutför; ärendet tas upp vid nästa sammanträde.';
const strike = (itemId = 'item-1', why = reason): MeetingCommand => ({ type: 'StrikeItem', itemId, reason: why });
const struck = (itemId = 'item-1', why = reason): MeetingEvent => ({ type: 'ItemStruck', data: { itemId, caseId: itemId.replace('item', 'case'), reason: why, struckAt: at } });
const cancel = (why = 'Sammanträdet kallades till fel dag.'): MeetingCommand => ({ type: 'CancelMeeting', reason: why });
const cancelled = (why = 'Sammanträdet kallades till fel dag.'): MeetingEvent => ({ type: 'MeetingCancelled', data: { reason: why, cancelledAt: at } });
const adjusters = (...adjusterUserIds: string[]): MeetingCommand => ({ type: 'ChangeAdjusters', adjusterUserIds });
const changed = (...adjusterUserIds: string[]): MeetingEvent => ({ type: 'AdjustersChanged', data: { adjusterUserIds, changedAt: thursday.toISOString() } });

describe('meeting: striking an item (ärendet utgår)', () => {
  // only the chair came: no quorum, so nothing can be decided
  const inquorate = [convened, itemAdded(), attendance('eva.ordforande')];

  it('MEETING-ITEM-STRIKE: an undecided item is struck without a quorum; the same strike again changes nothing', () => {
    given(meetingDecider, ...inquorate).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
    given(meetingDecider, ...inquorate).when(strike(), asSecretary).then([struck()]);
    given(meetingDecider, ...inquorate, struck()).when(strike(), asSecretary).then([]);
    // before the meeting has started, too: a meeting convened for the wrong day
    given(meetingDecider, convened, itemAdded()).when(strike(), { actor: committeeSecretary, now: new Date('2022-03-10T09:00:00Z') }).then([{ ...struck(), data: { ...struck().data, struckAt: '2022-03-10T09:00:00.000Z' } } as MeetingEvent]);
  });

  it('MEETING-ITEM-STRIKE: a decided item is not struck, nor one struck for another reason; nothing is decided or declared about a struck item', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, decided(14)).when(strike(), asSecretary).thenRefuses(R.MEETING_ITEM_STRIKE);
    given(meetingDecider, ...inquorate, struck()).when(strike('item-1', 'Ett annat skäl'), asSecretary).thenRefuses(R.MEETING_ITEM_STRIKE);
    // a crash before the case was released leaves it on this agenda as the item: the meeting still refuses
    given(meetingDecider, convened, itemAdded(), threePresent, struck()).when(decide({ case: caseOnAgenda() }), asSecretary).thenRefuses(R.MEETING_ITEM_STRIKE);
    given(meetingDecider, convened, itemAdded(), threePresent, struck()).when(declare('lars.ledamot'), asSecretary).thenRefuses(R.MEETING_ITEM_STRIKE);
    given(meetingDecider, ...inquorate).when(strike(), { actor: chair, now: duringMeeting }).thenRefuses(R.MEETING_SECRETARY_ROLE);
  });

  it('MEETING-ITEM-UNDECIDED: a meeting closes once every item is decided or struck; a struck item has no legal force to reach', () => {
    const history = [convened, itemAdded(), itemAdded('item-2', 'case-2'), threePresent, decided(14)];
    given(meetingDecider, ...history).when({ type: 'CloseMeeting' }, asSecretary).thenRefuses(R.MEETING_ITEM_UNDECIDED);
    given(meetingDecider, ...history, struck('item-2')).when({ type: 'CloseMeeting' }, asSecretary).then([{ type: 'MeetingClosed', data: { closedAt: at } }]);
    const state = given(meetingDecider, ...history, struck('item-2')).state as Convened;
    expect(legalForceOf(state, state.items[1], '2022-05-01')).toMatchObject({ status: 'not_applicable', legalForceOn: null });
  });

  it('MEETING-CASE-NOT-READY: the case of a struck item, ready again, can come back on the agenda', () => {
    const ready = { ...caseOnAgenda(), status: 'ready_for_agenda', agenda: null };
    given(meetingDecider, ...inquorate, struck())
      .when({ type: 'AddAgendaItem', itemId: 'item-3', case: ready }, asSecretary)
      .then([{ type: 'AgendaItemAdded', data: { itemId: 'item-3', caseId: 'case-1', diaryNumber: ready.diaryNumber, title: ready.title, addedAt: at } }]);
    given(meetingDecider, convened, itemAdded()).when({ type: 'AddAgendaItem', itemId: 'item-3', case: ready }, asSecretary).thenRefuses(R.MEETING_CASE_NOT_READY);
  });
});

describe('meeting: cancellation', () => {
  const twoItems = [convened, itemAdded(), itemAdded('item-2', 'case-2')];

  it('MEETING-CANCELLATION: while nothing is decided every item is struck and the meeting cancelled; the same cancellation again changes nothing', () => {
    const why = 'Sammanträdet kallades till fel dag.';
    given(meetingDecider, ...twoItems).when(cancel(), asSecretary).then([struck('item-1', why), struck('item-2', why), cancelled()]);
    given(meetingDecider, ...twoItems, struck('item-2')).when(cancel(), asSecretary).then([struck('item-1', why), cancelled()]);
    const gone = [...twoItems, struck('item-1', why), struck('item-2', why), cancelled()];
    given(meetingDecider, ...gone).when(cancel(), asSecretary).then([]);
    given(meetingDecider, ...gone).when(cancel('Ett annat skäl'), asSecretary).thenRefuses(R.MEETING_CANCELLATION);
  });

  it('MEETING-CANCELLATION: a meeting that has decided (or taken note of reported decisions) is not cancelled', () => {
    given(meetingDecider, ...twoItems, threePresent, decided(14)).when(cancel(), asSecretary).thenRefuses(R.MEETING_CANCELLATION);
    const report: MeetingEvent = {
      type: 'DelegatedDecisionsReported',
      data: { paragraph: 14, title: 'Anmälan av delegationsbeslut', decisionIds: ['dd-1'], decisions: [], reportedOn: '2022-03-22', reportedAt: at },
    };
    given(meetingDecider, convened, threePresent, report).when(cancel(), asSecretary).thenRefuses(R.MEETING_CANCELLATION);
  });

  it('MEETING-CANCELLATION: a cancelled meeting takes nothing more, and nothing is postponed to it', () => {
    const gone = [convened, itemAdded(), struck(), cancelled()];
    const ready = { ...caseOnAgenda('item-2'), status: 'ready_for_agenda', agenda: null };
    given(meetingDecider, ...gone).when({ type: 'AddAgendaItem', itemId: 'item-2', case: ready }, asSecretary).thenRefuses(R.MEETING_CANCELLATION);
    given(meetingDecider, ...gone).when({ type: 'RecordAttendance', present: [{ userId: 'eva.ordforande', servingFor: null }] }, asSecretary).thenRefuses(R.MEETING_CANCELLATION);
    given(meetingDecider, ...gone).when({ type: 'CloseMeeting' }, asSecretary).thenRefuses(R.MEETING_CANCELLATION);
    given(meetingDecider, ...gone).when(adjusters('lars.ledamot'), asSecretary).thenRefuses(R.MEETING_CANCELLATION);
    const later = { meetingId: 'meeting-2', organisationId: ORG, bodyId: 'regionstyrelsen', startsAt: '2022-04-26T13:00:00.000Z', status: 'cancelled' as const };
    given(meetingDecider, convened, itemAdded(), threePresent)
      .when(decide({ outcome: 'postponed', postponedToMeetingId: 'meeting-2', postponedTo: later }), asSecretary)
      .thenRefuses(R.MEETING_POSTPONEMENT);
  });
});

describe('meeting: replacing adjusters', () => {
  const closedMeeting = [convened, itemAdded(), threePresent, decided(14), closed];
  const asSecretaryOnThursday = { actor: committeeSecretary, now: thursday };

  it('MEETING-ADJUSTERS-CHANGE: an adjuster who has not signed is replaced until the protocol is adjusted; the new one signs', () => {
    given(meetingDecider, ...closedMeeting, signed('eva.ordforande')).when(adjusters('lars.ledamot'), asSecretaryOnThursday).then([changed('lars.ledamot')]);
    given(meetingDecider, ...closedMeeting, changed('lars.ledamot')).when(adjusters('lars.ledamot'), asSecretaryOnThursday).then([]);
    const lars = { ...adjuster, userId: 'lars.ledamot' };
    given(meetingDecider, ...closedMeeting, signed('eva.ordforande'), changed('lars.ledamot'))
      .when({ type: 'SignProtocol' }, { actor: lars, now: thursday })
      .then([
        { type: 'ProtocolSigned', data: { userId: 'lars.ledamot', signedAt: thursday.toISOString() } },
        { type: 'ProtocolAdjusted', data: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28' } },
      ]);
    given(meetingDecider, ...closedMeeting, changed('lars.ledamot')).when({ type: 'SignProtocol' }, { actor: adjuster, now: thursday }).thenRefuses(R.PROTOCOL_SIGNATORY);
  });

  it('MEETING-ADJUSTERS-CHANGE: not once the protocol is adjusted, nor removing an adjuster who signed what is still being adjusted', () => {
    const full = [...closedMeeting, signed('eva.ordforande'), signed('maria.justerare'), adjusted()];
    given(meetingDecider, ...full).when(adjusters('lars.ledamot'), asSecretaryOnThursday).thenRefuses(R.MEETING_ADJUSTERS_CHANGE);
    const twoAdjusters = [convened, itemAdded(), threePresent, decided(14), changed('maria.justerare', 'lars.ledamot'), closed, signed('maria.justerare')];
    given(meetingDecider, ...twoAdjusters).when(adjusters('lars.ledamot'), asSecretaryOnThursday).thenRefuses(R.MEETING_ADJUSTERS_CHANGE);
    const paragraphSigned: MeetingEvent = { type: 'ParagraphSigned', data: { itemId: 'item-1', paragraph: 14, userId: 'maria.justerare', signedAt: at } };
    given(meetingDecider, convened, itemAdded(), threePresent, decided(14), paragraphSigned).when(adjusters('lars.ledamot'), asSecretaryOnThursday).thenRefuses(R.MEETING_ADJUSTERS_CHANGE);
  });

  it('MEETING-ADJUSTERS-CHANGE: when everyone left has signed, the protocol is adjusted with the change', () => {
    const twoAdjusters = [convened, itemAdded(), threePresent, decided(14), changed('maria.justerare', 'lars.ledamot'), closed, signed('eva.ordforande'), signed('maria.justerare')];
    given(meetingDecider, ...twoAdjusters)
      .when(adjusters('maria.justerare'), asSecretaryOnThursday)
      .then([changed('maria.justerare'), { type: 'ProtocolAdjusted', data: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28' } }]);
  });

  it('MEETING-ADJUSTERS: the new adjusters are members, different people, not the chair; the secretary names them', () => {
    for (const bad of [[], ['eva.ordforande'], ['okand.person'], ['lars.ledamot', 'lars.ledamot']]) {
      given(meetingDecider, ...closedMeeting).when(adjusters(...bad), asSecretaryOnThursday).thenRefuses(R.MEETING_ADJUSTERS);
    }
    given(meetingDecider, ...closedMeeting).when(adjusters('lars.ledamot'), { actor: chair, now: thursday }).thenRefuses(R.MEETING_SECRETARY_ROLE);
  });
});
