import { swedishDate } from '../calendar/swedish-calendar';
import { Actor } from '../platform/actor';
import { Decider } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { cancelMeeting, changeAdjusters, checkAdjusters, strikeItem } from './meeting.changes';
import { MeetingCommand, MeetingCommandOf } from './meeting.commands';
import { decideItem } from './meeting.decision';
import { MeetingEvent } from './meeting.events';
import { addItem, declareConflict, recordAttendance, requireOpen } from './meeting.items';
import { enterReservation, giveReasons, report } from './meeting.paragraphs';
import { decideProtocol, isProtocolCommand } from './meeting.protocol';
import { refuse } from './meeting.rules';
import { Convened, evolveMeeting, MeetingState } from './meeting.state';

export type { MeetingState } from './meeting.state';

export const MEETING = { sv: 'Sammanträdet', en: 'The meeting' };

export const meetingStreamId = (meetingId: string) => `meeting-${meetingId}`;

/**
 * A meeting (sammanträde) of a body: convening with a snapshot of its members, the agenda,
 * attendance, conflicts of interest, decisions with § numbers, reservations and reports of
 * delegated decisions (meeting.items.ts, meeting.decision.ts, meeting.paragraphs.ts); the
 * protocol's adjustment, notice and appeals are in meeting.protocol.ts.
 */
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  name: 'meeting',
  initialState: { status: 'none' },
  evolve: evolveMeeting,

  decide(command, state, { actor, now }) {
    const at = now.toISOString();
    if (command.type === 'ConveneMeeting') return convene(command, state, actor, at);
    // another organisation's meeting is answered as missing: its existence is not ours to tell
    if (state.status === 'none' || state.organisationId !== actor.organisationId) throw new NotFound(MEETING, {});
    if (isProtocolCommand(command)) return decideProtocol(command, state, { actor, now });
    // MEETING-SECRETARY-ROLE: signatures aside (they are personal), the secretary records everything
    if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
    switch (command.type) {
      case 'AddAgendaItem':
        return addItem(command, state, at);
      case 'RecordAttendance':
        return recordAttendance(command, state, now);
      case 'DeclareConflictOfInterest':
        return declareConflict(command, state, at);
      case 'DecideItem':
        return decideItem(command, state, now);
      case 'EnterReservation':
        return enterReservation(command, state, at);
      case 'GiveReservationReasons':
        return giveReasons(command, state, at);
      case 'ReportDelegatedDecisions':
        return report(command, state, now);
      case 'CloseMeeting':
        return close(state, at);
      case 'StrikeItem':
        return strikeItem(command, state, at);
      case 'CancelMeeting':
        return cancelMeeting(command, state, at);
      case 'ChangeAdjusters':
        return changeAdjusters(command, state, now);
    }
  },
};

function close(state: Convened, at: string): MeetingEvent[] {
  // a retried close (e.g. after a crash before the answer) finds the meeting closed
  if (state.status === 'closed') return [];
  requireOpen(state);
  // MEETING-ITEM-UNDECIDED: every item is dealt with, if only by postponing or striking it
  for (const item of state.items) if (!item.decision && !item.struck) throw refuse.itemUndecided(item.itemId);
  return [{ type: 'MeetingClosed', data: { closedAt: at } }];
}

function convene(c: MeetingCommandOf<'ConveneMeeting'>, state: MeetingState, actor: Actor, at: string): MeetingEvent[] {
  if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
  if (state.status !== 'none') {
    // MEETING-ALREADY-CONVENED, unless it is the same convening retried
    const same = state.bodyId === c.body.bodyId && state.startsAt === c.startsAt && state.place === c.place;
    if (same && state.organisationId === actor.organisationId) return [];
    throw refuse.alreadyConvened(c.meetingId);
  }
  const { body } = c;
  // MEETING-CHAIR-REQUIRED
  if (!body.chairUserId) throw refuse.noChair(body.bodyId);
  // MEETING-ADJUSTERS
  const adjusters = c.adjusterUserIds;
  checkAdjusters(adjusters, body.chairUserId, body.members);
  return [
    {
      type: 'MeetingConvened',
      data: {
        meetingId: c.meetingId,
        organisationId: actor.organisationId,
        bodyId: body.bodyId,
        bodyName: body.name,
        startsAt: c.startsAt,
        date: swedishDate(new Date(c.startsAt)),
        place: c.place,
        firstParagraph: c.firstParagraph,
        members: body.members.map(({ userId, name, seat }) => ({ userId, name, seat })),
        chairUserId: body.chairUserId,
        adjusterUserIds: adjusters,
        convenedAt: at,
      },
    },
  ];
}
