import { NotFound } from '../platform/errors';
import { MeetingCommandOf } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { refuse } from './meeting.rules';
import { Convened, findItem, requireItem, servingMembers, spareDeputies } from './meeting.state';

const CASE = { sv: 'Ärendet', en: 'The case' };

export function requireOpen(state: Convened): void {
  // MEETING-CLOSED
  if (state.status === 'closed') throw refuse.closed();
  requireNotCancelled(state);
}

/** MEETING-CANCELLATION: a cancelled meeting takes nothing more, whatever else is asked of it. */
export function requireNotCancelled(state: Convened): void {
  if (state.status === 'cancelled') throw refuse.cancelled(state.cancellation?.reason ?? '');
}

/** MEETING-NOT-STARTED: who is present and what is decided is recorded as it happens, not ahead of it. */
export function requireStarted(state: Convened, now: Date): void {
  if (now.getTime() < new Date(state.startsAt).getTime()) throw refuse.notStarted(state.startsAt);
}

/**
 * The meeting's side of putting a case on the agenda. The handler has already reserved the case
 * (its `CasePlacedOnAgenda` for this item), so a snapshot read before the reservation says
 * `ready_for_agenda` and one read after it says `on_agenda` here, as this item: both are accepted.
 */
export function addItem(c: MeetingCommandOf<'AddAgendaItem'>, state: Convened, at: string): MeetingEvent[] {
  const existing = findItem(state, c.itemId);
  // a retry finds its item
  if (existing && existing.caseId === c.case?.caseId) return [];
  requireOpen(state);
  const found = c.case;
  if (!found || found.organisationId !== state.organisationId) throw new NotFound(CASE, { caseId: found?.caseId });
  // MEETING-CASE-NOT-READY
  const details = { caseId: found.caseId, status: found.status };
  // a struck item leaves its case free to come back, here or elsewhere
  if (existing || state.items.some((i) => i.caseId === found.caseId && !i.struck)) {
    throw refuse.caseNotReady('Ärendet står redan på föredragningslistan.', 'The case is already on the agenda.', details);
  }
  const reservedHere = found.agenda !== null && found.agenda.meetingId === state.meetingId && found.agenda.itemId === c.itemId;
  if (found.status !== 'ready_for_agenda' && !reservedHere) {
    throw refuse.caseNotReady(
      `Ärendet är inte klart för föredragningslistan (status ${found.status}).`,
      `The case is not ready for the agenda (status ${found.status}).`,
      details,
    );
  }
  return [{ type: 'AgendaItemAdded', data: { itemId: c.itemId, caseId: found.caseId, diaryNumber: found.diaryNumber, title: found.title, addedAt: at } }];
}

export function recordAttendance(c: MeetingCommandOf<'RecordAttendance'>, state: Convened, now: Date): MeetingEvent[] {
  requireOpen(state);
  requireStarted(state, now);
  // MEETING-ATTENDANCE
  const seatOf = new Map(state.members.map((m) => [m.userId, m.seat]));
  const ids = c.present.map((p) => p.userId);
  const bad = (sv: string, en: string, userId: string) => refuse.attendance(sv, en, { userId });
  if (new Set(ids).size !== ids.length) throw bad('Varje närvarande anges en gång.', 'Each person present is listed once.', '');
  const servedFor = new Set<string>();
  for (const p of c.present) {
    const seat = seatOf.get(p.userId);
    if (!seat) throw bad(`${p.userId} är inte ledamot eller ersättare i nämnden.`, `${p.userId} is not a member of the body.`, p.userId);
    if (p.servingFor === null) continue;
    if (seat === 'ordinary') throw bad('En ordinarie ledamot tjänstgör på sin egen plats.', 'An ordinary member serves in their own seat.', p.userId);
    const absent = seatOf.get(p.servingFor) === 'ordinary' && !c.present.some((q) => q.userId === p.servingFor);
    if (!absent || servedFor.has(p.servingFor)) {
      throw bad(
        'En ersättare tjänstgör för en frånvarande ordinarie ledamot, en ersättare per plats.',
        'A deputy serves for an absent ordinary member, one deputy per seat.',
        p.userId,
      );
    }
    servedFor.add(p.servingFor);
  }
  if (JSON.stringify(c.present) === JSON.stringify(state.attendance)) return [];
  return [{ type: 'AttendanceRecorded', data: { present: c.present, recordedAt: now.toISOString() } }];
}

export function declareConflict(c: MeetingCommandOf<'DeclareConflictOfInterest'>, state: Convened, at: string): MeetingEvent[] {
  requireOpen(state);
  const item = requireItem(state, c.itemId);
  const declared = item.conflicts.find((x) => x.userId === c.userId);
  // KL-6-28: the same declaration retried changes nothing; another replacement for it is refused
  if (declared) {
    if (declared.replacedBy === c.replacedBy) return [];
    throw refuse.conflict('Jävet är redan anmält för ärendet.', 'The conflict of interest is already declared for the item.', c.userId, { replacedBy: declared.replacedBy });
  }
  // MEETING-ITEM-DECIDED: who took part is fixed once the item is decided
  if (item.decision) throw refuse.itemDecided(item.decision.paragraph);
  // MEETING-ITEM-STRIKE
  if (item.struck) throw refuse.itemStruck(item.itemId, item.struck.reason);
  // KL-6-28
  if (!state.members.some((m) => m.userId === c.userId)) {
    throw refuse.conflict('Jäv anmäls för en ledamot eller ersättare i nämnden.', 'A conflict of interest is declared for a member of the body.', c.userId);
  }
  if (c.replacedBy !== null) checkReplacement(state, c.itemId, c.userId, c.replacedBy);
  return [{ type: 'ConflictOfInterestDeclared', data: { itemId: c.itemId, userId: c.userId, reason: c.reason, replacedBy: c.replacedBy, declaredAt: at } }];
}

/** KL-6-28: a serving member with a conflict is replaced, for that item, by a present deputy who serves for nobody. */
function checkReplacement(state: Convened, itemId: string, userId: string, deputy: string): void {
  const item = requireItem(state, itemId);
  const details = { replacedBy: deputy };
  if (!servingMembers(state).includes(userId)) {
    throw refuse.conflict('Endast en tjänstgörande ledamot ersätts i ärendet.', 'Only a serving member is replaced for the item.', userId, details);
  }
  if (!spareDeputies(state).includes(deputy)) {
    throw refuse.conflict(
      'Den som ersätter ska vara en närvarande ersättare som inte redan tjänstgör.',
      'The replacement must be a present deputy who is not already serving.',
      userId,
      details,
    );
  }
  if (item.conflicts.some((x) => x.userId === deputy || x.replacedBy === deputy)) {
    throw refuse.conflict(
      'Ersättaren är själv jävig eller ersätter redan någon i ärendet.',
      'The deputy has a conflict of interest or already replaces someone in the item.',
      userId,
      details,
    );
  }
}
