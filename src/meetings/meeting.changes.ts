import { swedishDate } from '../calendar/swedish-calendar';
import { MeetingCommandOf } from './meeting.commands';
import { MeetingEvent, MeetingMember } from './meeting.events';
import { requireNotCancelled, requireOpen } from './meeting.items';
import { noticeDueBy } from './meeting.protocol';
import { refuse } from './meeting.rules';
import { Adjustment, Convened, hasSigned, requireItem } from './meeting.state';

/**
 * What keeps a meeting and its cases from getting stuck: an item struck from the agenda (ärendet
 * utgår) when it cannot or will not be dealt with, the whole meeting cancelled while nothing is
 * decided, and adjusters replaced when one cannot sign. The handler returns the cases of struck
 * items to ready_for_agenda.
 */

/** MEETING-ADJUSTERS: at least one, different people, not the chair, each a member of the body. */
export function checkAdjusters(adjusters: string[], chairUserId: string, members: MeetingMember[]): void {
  if (adjusters.length === 0) throw refuse.adjusters('Utse minst en justerare.', 'Appoint at least one adjuster.', adjusters);
  if (new Set(adjusters).size !== adjusters.length || adjusters.includes(chairUserId)) {
    throw refuse.adjusters('Justerarna ska vara olika personer och inte ordföranden.', 'Adjusters must be different people, not the chair.', adjusters);
  }
  const memberIds = new Set(members.map((m) => m.userId));
  if (adjusters.some((u) => !memberIds.has(u))) {
    throw refuse.adjusters('Justerarna ska vara ledamöter eller ersättare i nämnden.', 'Adjusters must be members of the body.', adjusters);
  }
}

/** MEETING-ITEM-STRIKE: an undecided item is struck, at an open meeting, without a quorum (the body decides nothing). */
export function strikeItem(c: MeetingCommandOf<'StrikeItem'>, state: Convened, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const details = { itemId: item.itemId };
  if (item.struck) {
    // a retry finds the item struck (and the handler then completes the case's side)
    if (item.struck.reason === c.reason) return [];
    throw refuse.strike('Ärendet har redan utgått.', 'The item has already been struck.', { ...details, reason: item.struck.reason });
  }
  if (item.decision) {
    const { paragraph } = item.decision;
    throw refuse.strike(`Ärendet är redan avgjort (§ ${paragraph}) och kan inte utgå.`, `The item is already decided (§ ${paragraph}) and cannot be struck.`, { ...details, paragraph });
  }
  requireOpen(state);
  return [{ type: 'ItemStruck', data: { itemId: item.itemId, caseId: item.caseId, reason: c.reason, struckAt: at } }];
}

/** MEETING-CANCELLATION: every item is struck and the meeting will not be held; only while nothing is decided. */
export function cancelMeeting(c: MeetingCommandOf<'CancelMeeting'>, state: Convened, at: string): MeetingEvent[] {
  if (state.cancellation) {
    if (state.cancellation.reason === c.reason) return [];
    throw refuse.cancellation('Sammanträdet är redan inställt.', 'The meeting is already cancelled.', { reason: state.cancellation.reason });
  }
  const paragraphs = [...state.items.flatMap((i) => (i.decision ? [i.decision.paragraph] : [])), ...state.reports.map((r) => r.paragraph)];
  if (paragraphs.length > 0) {
    throw refuse.cancellation(
      `Sammanträdet har redan fattat beslut (§ ${paragraphs.join(', ')}) och kan inte ställas in.`,
      `The meeting has already decided (§ ${paragraphs.join(', ')}) and cannot be cancelled.`,
      { paragraphs },
    );
  }
  // closed without a decision: every item was struck, so there is nothing left to cancel
  if (state.status === 'closed') throw refuse.cancellation('Sammanträdet är redan avslutat.', 'The meeting is already closed.', { closedAt: state.closedAt });
  const struck: MeetingEvent[] = state.items
    .filter((i) => !i.struck)
    .map((i) => ({ type: 'ItemStruck', data: { itemId: i.itemId, caseId: i.caseId, reason: c.reason, struckAt: at } }));
  return [...struck, { type: 'MeetingCancelled', data: { reason: c.reason, cancelledAt: at } }];
}

/**
 * MEETING-ADJUSTERS-CHANGE: until the protocol is adjusted, and never removing someone who has
 * signed the protocol or a paragraph still being adjusted (their signature would count for nothing).
 * When everyone left has already signed, the adjustment is complete now.
 */
export function changeAdjusters(c: MeetingCommandOf<'ChangeAdjusters'>, state: Convened, now: Date): MeetingEvent[] {
  const next = c.adjusterUserIds;
  if (next.length === state.adjusterUserIds.length && next.every((u, i) => state.adjusterUserIds[i] === u)) return [];
  requireNotCancelled(state);
  if (state.protocol.adjustedOn !== null) {
    const adjustedOn = state.protocol.adjustedOn;
    throw refuse.adjustersChange(`Protokollet justerades ${adjustedOn}; justerarna kan inte bytas.`, `The protocol was adjusted on ${adjustedOn}; the adjusters cannot be changed.`, {
      adjustedOn,
    });
  }
  const pending = [state.protocol, ...state.items.filter((i) => i.immediate.adjustedOn === null).map((i) => i.immediate)];
  const signedBy = state.adjusterUserIds.filter((u) => !next.includes(u) && pending.some((a) => hasSigned(a, u)));
  if (signedBy.length > 0) {
    throw refuse.adjustersChange(
      'En justerare som redan har skrivit under kan inte bytas ut.',
      'An adjuster who has already signed cannot be replaced.',
      { signedBy },
    );
  }
  // MEETING-ADJUSTERS
  checkAdjusters(next, state.chairUserId, state.members);
  const at = now.toISOString();
  return [{ type: 'AdjustersChanged', data: { adjusterUserIds: next, changedAt: at } }, ...completedBy(state, [state.chairUserId, ...next], swedishDate(now))];
}

/** Adjustments under way that the remaining signatories have all signed: adjusted today, as the last signature would have. */
function completedBy(state: Convened, signatories: string[], today: string): MeetingEvent[] {
  const complete = (a: Adjustment) => a.adjustedOn === null && signatories.every((u) => hasSigned(a, u));
  const adjusted = { adjustedOn: today, noticeDueBy: noticeDueBy(today) };
  const events: MeetingEvent[] = state.items.flatMap((i): MeetingEvent[] =>
    i.decision && complete(i.immediate) ? [{ type: 'ParagraphAdjusted', data: { itemId: i.itemId, paragraph: i.decision.paragraph, ...adjusted } }] : [],
  );
  if (state.status === 'closed' && complete(state.protocol)) events.push({ type: 'ProtocolAdjusted', data: adjusted });
  return events;
}
