import { addDays, deadlineOn, swedishDate } from '../calendar/swedish-calendar';
import { DecisionContext } from '../platform/decider';
import { MeetingCommand, MeetingCommandOf } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { MeetingRules, refuse } from './meeting.rules';
import { Adjustment, AgendaItem, Convened, hasSigned, latestRuling, Notice, requireItem, signatoriesOf } from './meeting.state';

/**
 * The protocol after the decisions: adjustment (justering) by the chair and the adjusters, the
 * notice on the official notice board (anslag), appeals (laglighetsprövning) and, computed from
 * all of these and today's date, legal force (laga kraft).
 */
export const PROTOCOL_COMMANDS = ['SignProtocol', 'SignParagraph', 'PostNotice', 'LodgeAppeal', 'RecordAppealRuling'] as const;
export type ProtocolCommand = MeetingCommandOf<(typeof PROTOCOL_COMMANDS)[number]>;

export function isProtocolCommand(command: MeetingCommand): command is ProtocolCommand {
  return (PROTOCOL_COMMANDS as readonly string[]).includes(command.type);
}

/** KL-8-12: the notice is due no later than the second day after the adjustment. */
export const NOTICE_DAYS = 2;

/**
 * KL-8-12's two days are a deadline in law, so LAG-1930-173 moves it off a Saturday, Sunday or
 * holiday too: adjusted on Thursday 24 March 2022, the notice is due on Monday 28 March.
 */
export function noticeDueBy(adjustedOn: string): string {
  return deadlineOn(addDays(adjustedOn, NOTICE_DAYS));
}
/** KL-13-5: three weeks from the day of the notice. */
export const APPEAL_DAYS = 21;

export interface AppealWindow {
  /** KL-13-5: three weeks from the day of the notice */
  threeWeeksOn: string;
  /** the last day an appeal can arrive */
  endsOn: string;
  /** the rules that set `endsOn`: KL-13-5, and LAG-1930-173 when it moved the end off a Saturday, Sunday or holiday */
  rules: string[];
}

/** KL-13-5, moved by LAG-1930-173 when the three weeks end on a Saturday, Sunday or holiday. */
export function appealWindow(postedOn: string): AppealWindow {
  const threeWeeksOn = addDays(postedOn, APPEAL_DAYS);
  const endsOn = deadlineOn(threeWeeksOn);
  return { threeWeeksOn, endsOn, rules: endsOn === threeWeeksOn ? [MeetingRules.KL_13_5] : [MeetingRules.KL_13_5, MeetingRules.LAG_1930_173] };
}

export function appealEndsOn(postedOn: string): string {
  return appealWindow(postedOn).endsOn;
}

/** The adjustment that covers a paragraph: its own (omedelbar justering) or the protocol's. */
export function adjustmentOf(state: Convened, item: AgendaItem): Adjustment | null {
  if (item.immediate.adjustedOn !== null) return item.immediate;
  return state.protocol.adjustedOn !== null ? state.protocol : null;
}

/**
 * KL-13-5: the first notice covering the paragraph — its own (omedelbar justering) or the
 * protocol's — starts the appeal window; a later one does not start it again.
 */
export function noticeOf(state: Convened, item: AgendaItem): Notice | null {
  const notices = [item.immediate.notice, state.protocol.notice].filter((n): n is Notice => n !== null);
  return notices.sort((a, b) => a.postedOn.localeCompare(b.postedOn))[0] ?? null;
}

export function decideProtocol(command: ProtocolCommand, state: Convened, { actor, now }: DecisionContext): MeetingEvent[] {
  const today = swedishDate(now);
  const at = now.toISOString();
  // the signatures are personal: the actor signs as themselves, whatever their role
  if (command.type === 'SignProtocol') return signProtocol(state, actor.userId, today, at);
  if (command.type === 'SignParagraph') return signParagraph(state, command.itemId, actor.userId, today, at);
  // MEETING-SECRETARY-ROLE
  if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
  switch (command.type) {
    case 'PostNotice':
      return postNotice(state, command, today, at);
    case 'LodgeAppeal':
      return lodgeAppeal(state, command, today, at);
    case 'RecordAppealRuling':
      return recordRuling(state, command, today, at);
  }
}

function requireSignatory(state: Convened, userId: string): void {
  // PROTOCOL-SIGNATORY
  if (!signatoriesOf(state).includes(userId)) throw refuse.notSignatory(userId);
}

/** The adjustment once the last signatory has signed. */
function sign(state: Convened, adjustment: Adjustment, userId: string, today: string) {
  const signed = new Set([...adjustment.signatures.map((s) => s.userId), userId]);
  const complete = signatoriesOf(state).every((u) => signed.has(u));
  return complete ? { adjustedOn: today, noticeDueBy: noticeDueBy(today) } : null;
}

function signProtocol(state: Convened, userId: string, today: string, at: string): MeetingEvent[] {
  requireSignatory(state, userId);
  // a signature is given once: the same signer again (a retry) changes nothing
  if (hasSigned(state.protocol, userId)) return [];
  // PROTOCOL-MEETING-OPEN
  if (state.status !== 'closed') throw refuse.meetingOpen();
  if (state.protocol.adjustedOn !== null) {
    throw refuse.alreadySigned(`Protokollet justerades ${state.protocol.adjustedOn}.`, `The protocol was adjusted on ${state.protocol.adjustedOn}.`, userId);
  }
  const adjusted = sign(state, state.protocol, userId, today);
  const events: MeetingEvent[] = [{ type: 'ProtocolSigned', data: { userId, signedAt: at } }];
  if (adjusted) events.push({ type: 'ProtocolAdjusted', data: adjusted });
  return events;
}

function signParagraph(state: Convened, itemId: string, userId: string, today: string, at: string): MeetingEvent[] {
  const item = requireItem(state, itemId);
  requireSignatory(state, userId);
  // MEETING-ITEM-UNDECIDED
  if (!item.decision) throw refuse.itemUndecided(itemId);
  if (hasSigned(item.immediate, userId)) return [];
  // PROTOCOL-SIGNED: a paragraph adjusted with the whole protocol takes no signature of its own
  const adjustedOn = item.immediate.adjustedOn ?? state.protocol.adjustedOn;
  if (adjustedOn !== null) throw refuse.alreadySigned(`Paragrafen justerades ${adjustedOn}.`, `The paragraph was adjusted on ${adjustedOn}.`, userId);
  const { paragraph } = item.decision;
  const adjusted = sign(state, item.immediate, userId, today);
  const events: MeetingEvent[] = [{ type: 'ParagraphSigned', data: { itemId, paragraph, userId, signedAt: at } }];
  if (adjusted) events.push({ type: 'ParagraphAdjusted', data: { itemId, paragraph, ...adjusted } });
  return events;
}

function postNotice(state: Convened, c: MeetingCommandOf<'PostNotice'>, today: string, at: string): MeetingEvent[] {
  const item = c.itemId === null ? null : requireItem(state, c.itemId);
  const adjustment = item ? item.immediate : state.protocol;
  const details = { itemId: c.itemId, postedOn: c.postedOn, adjustedOn: adjustment.adjustedOn };
  // KL-8-12
  if (adjustment.adjustedOn === null || adjustment.noticeDueBy === null) {
    throw item
      ? refuse.notice(
          'Paragrafen är inte omedelbart justerad; den tillkännages med protokollet.',
          'The paragraph has not been adjusted on its own; it is announced with the protocol.',
          details,
        )
      : refuse.notice('Protokollet är inte justerat; anslaget sätts upp efter justeringen.', 'The protocol is not adjusted; the notice follows the adjustment.', details);
  }
  if (adjustment.notice) {
    // the same notice recorded again (a retry) changes nothing
    if (adjustment.notice.postedOn === c.postedOn) return [];
    throw refuse.notice(`Anslaget sattes redan upp ${adjustment.notice.postedOn}.`, `The notice was already posted on ${adjustment.notice.postedOn}.`, details);
  }
  // KL-8-12: a paragraph already announced with the protocol has had its notice; another would reopen its appeal window
  if (item && state.protocol.notice) {
    const { postedOn } = state.protocol.notice;
    throw refuse.notice(
      `Paragrafen tillkännagavs redan med protokollets anslag ${postedOn}; överklagandetiden löper från det.`,
      `The paragraph was already announced with the protocol's notice of ${postedOn}; the appeal window runs from it.`,
      { ...details, noticePostedOn: postedOn },
    );
  }
  if (c.postedOn < adjustment.adjustedOn) {
    throw refuse.notice('Anslaget kan inte sättas upp före justeringen.', 'The notice cannot be posted before the adjustment.', details);
  }
  if (c.postedOn > today) throw refuse.notice('Anslaget kan inte dateras framåt i tiden.', 'The notice cannot be dated in the future.', { ...details, today });
  // a late notice is still the notice: it is recorded, flagged, and starts the appeal window
  const overdue = c.postedOn > adjustment.noticeDueBy;
  return [{ type: 'AdjustmentNoticePosted', data: { itemId: c.itemId, postedOn: c.postedOn, noticeDueBy: adjustment.noticeDueBy, overdue, recordedAt: at } }];
}

function lodgeAppeal(state: Convened, c: MeetingCommandOf<'LodgeAppeal'>, today: string, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  // MEETING-ITEM-UNDECIDED
  if (!item.decision) throw refuse.itemUndecided(c.itemId);
  // KL-13-2
  const { outcome } = item.decision;
  if (outcome === 'referred_back' || outcome === 'postponed') throw refuse.notAppealable(outcome);
  // the same appeal registered twice is one appeal
  if (item.appeals.some((a) => a.lodgedOn === c.lodgedOn && a.appellant === c.appellant)) return [];
  // KL-13-5: an appeal in time is registered even after a ruling on earlier ones; it awaits a ruling of its own
  const details = { itemId: c.itemId, lodgedOn: c.lodgedOn };
  if (c.lodgedOn > today) throw refuse.appeal('Ett överklagande kan inte dateras framåt i tiden.', 'An appeal cannot be dated in the future.', { ...details, today });
  if (c.lodgedOn < state.date) throw refuse.appeal('Överklagandet är daterat före beslutet.', 'The appeal is dated before the decision.', { ...details, decidedOn: state.date });
  const notice = noticeOf(state, item);
  if (notice) {
    const ends = appealEndsOn(notice.postedOn);
    if (c.lodgedOn > ends) {
      throw refuse.appeal(
        `Överklagandetiden gick ut ${ends} (tre veckor från anslaget ${notice.postedOn}).`,
        `The appeal window ended on ${ends} (three weeks from the notice of ${notice.postedOn}).`,
        { ...details, noticePostedOn: notice.postedOn, appealEndsOn: ends },
      );
    }
  }
  return [{ type: 'AppealLodged', data: { itemId: c.itemId, lodgedOn: c.lodgedOn, appellant: c.appellant, registeredAt: at } }];
}

function recordRuling(state: Convened, c: MeetingCommandOf<'RecordAppealRuling'>, today: string, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const details = { itemId: c.itemId, ruledOn: c.ruledOn };
  const pending = item.appeals.filter((a) => a.ruledOn === null);
  // MEETING-APPEAL-RULING
  if (pending.length === 0) {
    // the latest ruling recorded again (a retry) changes nothing
    const ruling = latestRuling(item);
    if (ruling && ruling.ruledOn === c.ruledOn && ruling.outcome === c.outcome) return [];
    const sv = item.appeals.length === 0 ? 'Det finns inget överklagande att avgöra.' : 'Överklagandet är redan avgjort.';
    const en = item.appeals.length === 0 ? 'There is no appeal to rule on.' : 'The appeal has already been ruled on.';
    throw refuse.appealRuling(sv, en, details);
  }
  const notBefore = [...pending.map((a) => a.lodgedOn), ...item.rulings.map((r) => r.ruledOn)].sort().pop()!;
  if (c.ruledOn < notBefore || c.ruledOn > today) {
    throw refuse.appealRuling(
      'Domen ska dateras efter överklagandet (och tidigare domar) och inte framåt i tiden.',
      'The ruling is dated after the appeal (and earlier rulings) and not in the future.',
      { ...details, notBefore, today },
    );
  }
  return [{ type: 'AppealRuled', data: { itemId: c.itemId, ruledOn: c.ruledOn, outcome: c.outcome, recordedAt: at } }];
}

export type LegalForceStatus =
  | 'not_decided'
  | 'not_applicable'
  | 'not_adjusted'
  | 'awaiting_notice'
  | 'appeal_window_open'
  | 'appealed'
  | 'ruling_appealable'
  | 'legal_force'
  | 'annulled';

export interface LegalForce {
  status: LegalForceStatus;
  legalForceOn: string | null;
  appealEndsOn: string | null;
  note: { sv: string; en: string } | null;
}

const PREPARATORY = {
  sv: 'Återremiss och bordläggning är beredande beslut som inte kan överklagas (KL 13:2); laga kraft är inte tillämpligt.',
  en: 'Referral back and postponement are preparatory decisions that cannot be appealed (KL 13:2); legal force does not apply.',
};
const STRUCK = {
  sv: 'Ärendet utgick och avgjordes inte vid sammanträdet; laga kraft är inte tillämpligt.',
  en: 'The item was struck and not decided at the meeting; legal force does not apply.',
};
const REJECTION = {
  sv: 'Avslag: det finns inget att verkställa; laga kraft visar bara att överklagandetiden har löpt ut.',
  en: 'Rejection: there is nothing to execute; legal force only shows that the appeal window has passed.',
};

/** Legal force is computed from the meeting and today's Swedish date, never entered. */
export function legalForceOf(state: Convened, item: AgendaItem, today: string): LegalForce {
  const none = (status: LegalForceStatus, note: LegalForce['note'] = null): LegalForce => ({ status, legalForceOn: null, appealEndsOn: null, note });
  if (item.struck) return none('not_applicable', STRUCK);
  if (!item.decision) return none('not_decided');
  const { outcome } = item.decision;
  if (outcome === 'referred_back' || outcome === 'postponed') return none('not_applicable', PREPARATORY);
  const note = outcome === 'rejected' ? REJECTION : null;
  if (!adjustmentOf(state, item)) return none('not_adjusted', note);
  const notice = noticeOf(state, item);
  if (!notice) return none('awaiting_notice', note);
  const ends = appealEndsOn(notice.postedOn);
  const at = (status: LegalForceStatus, legalForceOn: string | null = null): LegalForce => ({ status, legalForceOn, appealEndsOn: ends, note });
  if (item.rulings.some((r) => r.outcome === 'annulled')) return at('annulled');
  if (item.appeals.some((a) => a.ruledOn === null)) return at('appealed');
  if (today <= ends) return at('appeal_window_open');
  const dayAfter = addDays(ends, 1);
  const ruling = latestRuling(item);
  if (!ruling) return at('legal_force', dayAfter);
  // every appeal is dismissed, but the court's judgment can itself be appealed within three weeks
  // (LAG-1930-173 moves the last day): legal force the day after both that and the window
  const rulingFinal = addDays(rulingAppealableUntil(ruling.ruledOn), 1);
  if (today < rulingFinal) return at('ruling_appealable');
  return at('legal_force', rulingFinal > dayAfter ? rulingFinal : dayAfter);
}

/** The last day the court's judgment can be appealed: three weeks from the ruling, moved by LAG-1930-173. */
export function rulingAppealableUntil(ruledOn: string): string {
  return deadlineOn(addDays(ruledOn, APPEAL_DAYS));
}
