import { Actor } from '../platform/actor';
import type { Close, PlaceOnAgenda, RecordItemOutcome, RemoveFromAgenda, Withdraw } from './case.decider';
import { requireCase, requirePreparer, requireStatus, CaseState } from './case.state';
import { CaseEvent } from './cases.events';
import { refuse } from './cases.rules';

/** CASE-PREPARATION-ROLE, CASE-REPORT-REQUIRED: the case officer (or the secretary) says the case can go to the body. */
export function markReadyForAgenda(state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  requirePreparer(actor);
  if (file.status === 'ready_for_agenda') return [];
  if (!file.report && file.status === 'registered') throw refuse.reportRequired();
  requireStatus(file, ['in_preparation'], { sv: 'anmäla ärendet klart för föredragning', en: 'mark the case ready for the agenda' });
  return [{ type: 'CaseMarkedReadyForAgenda', data: { caseId: file.caseId, markedAt: now.toISOString(), markedBy: actor.userId } }];
}

const sameItem = (a: { meetingId: string; itemId: string }, b: { meetingId: string; itemId: string }) =>
  a.meetingId === b.meetingId && a.itemId === b.itemId;

/**
 * The reservation of the case for a meeting's item, written before the meeting's own item: the
 * case's stream is the one two meetings could contend for, so it decides (CASE-STATUS) that a case
 * is on one agenda at a time. The meeting decider has checked the secretary and its own side in a
 * dry run first. A retry finds the case already there (or already dealt with).
 */
export function placeOnAgenda(command: PlaceOnAgenda, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if ((file.agenda && sameItem(file.agenda, command)) || file.decisions.some((d) => sameItem(d, command))) return [];
  requireStatus(file, ['ready_for_agenda'], { sv: 'föra upp ärendet på föredragningslistan', en: 'put the case on the agenda' });
  const { meetingId, itemId, bodyId } = command;
  return [{ type: 'CasePlacedOnAgenda', data: { caseId: file.caseId, meetingId, itemId, bodyId, placedAt: now.toISOString() } }];
}

/**
 * CASE-AGENDA: the meeting refused the item after the case was reserved for it, so the case goes
 * back to ready. Only that reservation is taken back; anything else (already taken back, another
 * meeting's item, a decided item) changes nothing, so a retried compensation is harmless.
 */
export function removeFromAgenda(command: RemoveFromAgenda, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (file.status !== 'on_agenda' || !file.agenda || !sameItem(file.agenda, command)) return [];
  const { meetingId, itemId } = command;
  return [{ type: 'CaseRemovedFromAgenda', data: { caseId: file.caseId, meetingId, itemId, removedAt: now.toISOString() } }];
}

/** CASE-AGENDA: the body's outcome, recorded on the case after the meeting's stream has it; once per item. */
export function recordItemOutcome(command: RecordItemOutcome, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (file.decisions.some((d) => sameItem(d, command))) return [];
  requireStatus(file, ['on_agenda'], { sv: 'föra in beslut', en: 'record a decision' });
  if (!file.agenda || !sameItem(file.agenda, command)) throw refuse.agenda(command.meetingId, command.itemId, file.agenda);
  const { meetingId, itemId, paragraph, outcome, completionRequired, postponedToMeetingId } = command;
  return [
    {
      type: 'ItemOutcomeRecorded',
      data: {
        caseId: file.caseId,
        meetingId,
        itemId,
        paragraph,
        outcome,
        completionRequired: outcome === 'referred_back' ? completionRequired : null,
        postponedToMeetingId: outcome === 'postponed' ? postponedToMeetingId : null,
        recordedAt: now.toISOString(),
      },
    },
  ];
}

/** CASE-WITHDRAW-ROLE. Återkallande: only before the body has the case on an agenda or has decided it. */
export function withdraw(command: Withdraw, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (actor.role !== 'registrar' && actor.role !== 'case_officer') throw refuse.withdrawRole(actor.role);
  if (file.status === 'withdrawn' && file.withdrawal?.reason === command.reason) return [];
  requireStatus(file, ['registered', 'in_preparation', 'ready_for_agenda'], { sv: 'återkalla ärendet', en: 'withdraw the case' });
  return [{ type: 'CaseWithdrawn', data: { caseId: file.caseId, reason: command.reason, withdrawnAt: now.toISOString(), withdrawnBy: actor.userId } }];
}

/** CASE-CLOSE-ROLE. Avslut: the registrar closes a case the body decided, or one that was withdrawn. */
export function close(command: Close, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (actor.role !== 'registrar') throw refuse.closeRole(actor.role);
  if (file.status === 'closed' && file.closing?.reason === command.reason) return [];
  requireStatus(file, ['decided', 'withdrawn'], { sv: 'avsluta ärendet', en: 'close the case' });
  return [{ type: 'CaseClosed', data: { caseId: file.caseId, reason: command.reason, closedAt: now.toISOString(), closedBy: actor.userId } }];
}
