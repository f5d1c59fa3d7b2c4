import { committeeSecretary, given } from '../../test/support/given';
import { meetingDecider } from './meeting.decider';
import { MeetingRules as R } from './meeting.rules';
import {
  attendance,
  body,
  caseOnAgenda,
  closed,
  conflict,
  convened,
  decide,
  DecideItem,
  declare,
  decided,
  duringMeeting,
  itemAdded,
  MEETING_ID,
  ORG,
  STARTS_AT,
  threePresent,
} from './meeting.spec-fixtures';

const asSecretary = { actor: committeeSecretary, now: duringMeeting };

describe('meeting decider: quorum, conflicts of interest and decisions', () => {
  it('decides with three of five seats filled, with § numbers from firstParagraph, in decision order', () => {
    const history = [convened, itemAdded(), itemAdded('item-2', 'case-2', 'RS 2022-00124'), threePresent];
    given(meetingDecider, ...history).when(decide({ itemId: 'item-2' }), asSecretary).then([decided(14, 'approved', 'item-2')]);
    given(meetingDecider, ...history, decided(14, 'approved', 'item-2')).when(decide(), asSecretary).then([decided(15)]);
  });

  it('KL-6-27: no decision without more than half of the ordinary seats filled', () => {
    given(meetingDecider, convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-27: a serving deputy counts, a deputy who is not serving does not', () => {
    const serving = attendance('eva.ordforande', 'lars.ledamot', ['nils.ersattare', 'karin.ledamot']);
    given(meetingDecider, convened, itemAdded(), serving)
      .when(decide(), asSecretary)
      .then([decided(14, 'approved', 'item-1', ['eva.ordforande', 'lars.ledamot', 'nils.ersattare'])]);
    given(meetingDecider, convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot', 'nils.ersattare')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-27: a member with a conflict of interest is not counted for that item (KL-6-28)', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, conflict('lars.ledamot')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-27: a deputy replacing the member with a conflict of interest restores the quorum for that item', () => {
    const withDeputy = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'greta.ersattare');
    given(meetingDecider, convened, itemAdded(), withDeputy, conflict('lars.ledamot')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
    given(meetingDecider, convened, itemAdded(), withDeputy, conflict('lars.ledamot', 'item-1', 'greta.ersattare'))
      .when(decide(), asSecretary)
      .then([decided(14, 'approved', 'item-1', ['eva.ordforande', 'maria.justerare', 'greta.ersattare'])]);
  });

  it('KL-6-28: a present deputy who is not serving replaces the member with a conflict of interest, for that item only', () => {
    const withDeputy = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'greta.ersattare');
    const history = [convened, itemAdded(), itemAdded('item-2', 'case-2', 'RS 2022-00124'), withDeputy];
    given(meetingDecider, ...history).when(declare('lars.ledamot', 'greta.ersattare'), asSecretary).then([conflict('lars.ledamot', 'item-1', 'greta.ersattare')]);
    const replaced = [...history, conflict('lars.ledamot', 'item-1', 'greta.ersattare')];
    // the same declaration retried changes nothing; another replacement for it is refused
    given(meetingDecider, ...replaced).when(declare('lars.ledamot', 'greta.ersattare'), asSecretary).then([]);
    given(meetingDecider, ...replaced).when(declare('lars.ledamot', null), asSecretary).thenRefuses(R.KL_6_28);
    // on the next item Lars takes part again and Greta does not
    given(meetingDecider, ...replaced)
      .when(decide({ itemId: 'item-2' }), asSecretary)
      .then([decided(14, 'approved', 'item-2', ['eva.ordforande', 'lars.ledamot', 'maria.justerare'])]);
  });

  it('KL-6-28: the replacement is a present deputy not already serving, for a member who is serving', () => {
    const serving = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', ['nils.ersattare', 'karin.ledamot'], 'greta.ersattare');
    const history = [convened, itemAdded(), serving];
    // Nils already serves for Karin; Olof is no deputy; with Greta absent nobody can replace; Karin is absent, so not serving
    given(meetingDecider, ...history).when(declare('lars.ledamot', 'nils.ersattare'), asSecretary).thenRefuses(R.KL_6_28);
    given(meetingDecider, ...history).when(declare('lars.ledamot', 'olof.ledamot'), asSecretary).thenRefuses(R.KL_6_28);
    given(meetingDecider, convened, itemAdded(), threePresent).when(declare('lars.ledamot', 'greta.ersattare'), asSecretary).thenRefuses(R.KL_6_28);
    given(meetingDecider, ...history).when(declare('karin.ledamot', 'greta.ersattare'), asSecretary).thenRefuses(R.KL_6_28);
    // one deputy replaces one member
    given(meetingDecider, ...history, conflict('lars.ledamot', 'item-1', 'greta.ersattare')).when(declare('maria.justerare', 'greta.ersattare'), asSecretary).thenRefuses(R.KL_6_28);
  });

  it('KL-6-28: the member with a conflict of interest takes no part in the item', () => {
    const four = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'olof.ledamot');
    given(meetingDecider, convened, itemAdded(), four, conflict('olof.ledamot')).when(decide(), asSecretary).then([decided(14)]);
  });

  it('KL-6-28: a conflicted member cannot enter a reservation; jäv is declared only for members', () => {
    const history = [convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'olof.ledamot'), conflict('olof.ledamot'), decided(14)];
    given(meetingDecider, ...history).when({ type: 'EnterReservation', itemId: 'item-1', userId: 'olof.ledamot', reason: null }, asSecretary).thenRefuses(R.KL_6_28);
    given(meetingDecider, convened, itemAdded()).when(declare('okand.person'), asSecretary).thenRefuses(R.KL_6_28);
  });

  it('records a declared conflict once; none can be declared after the decision (MEETING-ITEM-DECIDED)', () => {
    given(meetingDecider, convened, itemAdded()).when(declare('lars.ledamot'), asSecretary).then([conflict('lars.ledamot')]);
    given(meetingDecider, convened, itemAdded(), conflict('lars.ledamot')).when(declare('lars.ledamot'), asSecretary).then([]);
    given(meetingDecider, convened, itemAdded(), threePresent, decided(14)).when(declare('olof.ledamot'), asSecretary).thenRefuses(R.MEETING_ITEM_DECIDED);
  });

  it('MEETING-ITEM-DECIDED: an item is decided once; the same decision retried changes nothing', () => {
    const history = [convened, itemAdded(), threePresent, decided(14)];
    given(meetingDecider, ...history).when(decide(), asSecretary).then([]);
    given(meetingDecider, ...history).when(decide({ outcome: 'rejected' }), asSecretary).thenRefuses(R.MEETING_ITEM_DECIDED);
  });

  it('MEETING-DECISION-TEXT: amendments, what to complete, and a later meeting go with their outcome', () => {
    const history = [convened, itemAdded(), threePresent];
    given(meetingDecider, ...history).when(decide({ outcome: 'approved_with_amendments' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ outcome: 'referred_back' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ amendments: 'Område 4 utökas' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ postponedToMeetingId: 'meeting-2' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    const referred = given(meetingDecider, ...history).when(decide({ outcome: 'referred_back', completionRequired: 'Komplettera med konsekvensanalys för barn' }), asSecretary);
    referred.then([decided(14, 'referred_back')]);
  });

  it('MEETING-VOTES: no more votes than participants', () => {
    const history = [convened, itemAdded(), threePresent];
    given(meetingDecider, ...history).when(decide({ votes: { yes: 2, no: 1, abstained: 1 } }), asSecretary).thenRefuses(R.MEETING_VOTES);
  });

  it("MEETING-VOTES: the votes carry the outcome; a tie is settled by the chair's casting vote", () => {
    const five = [convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'olof.ledamot', 'karin.ledamot')];
    const votes = (yes: number, no: number, abstained = 0) => ({ yes, no, abstained });
    given(meetingDecider, ...five).when(decide({ votes: votes(1, 3) }), asSecretary).thenRefuses(R.MEETING_VOTES);
    given(meetingDecider, ...five).when(decide({ outcome: 'approved_with_amendments', amendments: 'Område 4 utökas', votes: votes(2, 3) }), asSecretary).thenRefuses(R.MEETING_VOTES);
    given(meetingDecider, ...five).when(decide({ outcome: 'rejected', votes: votes(3, 2) }), asSecretary).thenRefuses(R.MEETING_VOTES);
    const tie = meetingDecider.decide(decide({ votes: votes(2, 2, 1) }), given(meetingDecider, ...five).state, asSecretary);
    expect(tie).toMatchObject([{ type: 'ItemDecided', data: { outcome: 'approved', votes: votes(2, 2, 1) } }]);
    const rejected = meetingDecider.decide(decide({ outcome: 'rejected', votes: votes(2, 2, 1) }), given(meetingDecider, ...five).state, asSecretary);
    expect(rejected).toMatchObject([{ type: 'ItemDecided', data: { outcome: 'rejected' } }]);
  });

  it('MEETING-CASE-NOT-ON-AGENDA: an item whose case is not on this agenda as that item is not decided', () => {
    const history = [convened, itemAdded(), threePresent];
    const elsewhere = { ...caseOnAgenda(), agenda: { meetingId: 'meeting-2', itemId: 'item-9' } };
    given(meetingDecider, ...history).when(decide({ case: elsewhere }), asSecretary).thenRefuses(R.MEETING_CASE_NOT_ON_AGENDA);
    given(meetingDecider, ...history).when(decide({ case: { ...caseOnAgenda(), status: 'ready_for_agenda', agenda: null } }), asSecretary).thenRefuses(R.MEETING_CASE_NOT_ON_AGENDA);
    given(meetingDecider, ...history).when(decide({ case: null }), asSecretary).thenRefuses(R.MEETING_CASE_NOT_ON_AGENDA);
    // the decision retried after the case learnt the outcome (agenda cleared) still finds its decision
    given(meetingDecider, ...history, decided(14)).when(decide({ case: { ...caseOnAgenda(), status: 'decided', agenda: null } }), asSecretary).then([]);
  });

  it('MEETING-POSTPONEMENT: an item is postponed to a later, open meeting of the same body', () => {
    const history = [convened, itemAdded(), threePresent];
    const later = { meetingId: 'meeting-2', organisationId: ORG, bodyId: body.bodyId, startsAt: '2022-04-26T13:00:00.000Z', status: 'open' as const };
    const postpone = (postponedTo: DecideItem['postponedTo'], postponedToMeetingId = 'meeting-2') =>
      decide({ outcome: 'postponed', postponedToMeetingId, postponedTo });
    given(meetingDecider, ...history).when(postpone(null), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    given(meetingDecider, ...history).when(postpone({ ...later, organisationId: 'goteborgs-stad' }), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    given(meetingDecider, ...history).when(postpone({ ...later, bodyId: 'halso-och-sjukvardsnamnden' }), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    given(meetingDecider, ...history).when(postpone({ ...later, startsAt: '2022-03-01T13:00:00.000Z' }), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    given(meetingDecider, ...history).when(postpone({ ...later, meetingId: MEETING_ID, startsAt: STARTS_AT }, MEETING_ID), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    given(meetingDecider, ...history).when(postpone({ ...later, status: 'closed' }), asSecretary).thenRefuses(R.MEETING_POSTPONEMENT);
    const [event] = meetingDecider.decide(postpone(later), given(meetingDecider, ...history).state, asSecretary);
    expect(event).toMatchObject({ type: 'ItemDecided', data: { outcome: 'postponed', postponedToMeetingId: 'meeting-2' } });
    // a postponement that names no meeting needs none
    given(meetingDecider, ...history).when(decide({ outcome: 'postponed' }), asSecretary).then([{ ...decided(14, 'postponed') }]);
  });

  it('MEETING-CLOSED: nothing is decided after the meeting closes', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, closed).when(decide(), asSecretary).thenRefuses(R.MEETING_CLOSED);
  });
});
