import { DelegationRules } from '../delegations/delegation.rules';
import { RuleViolation } from '../platform/errors';

/** Rule ids of meetings and their protocol: each appears here, in the code that enforces it, and in its test. */
export const MeetingRules = {
  /** A committee secretary records the meeting (everything but the signatures of the adjustment). */
  MEETING_SECRETARY_ROLE: 'MEETING-SECRETARY-ROLE',
  /** A meeting is convened once; a retry of the same convening changes nothing. */
  MEETING_ALREADY_CONVENED: 'MEETING-ALREADY-CONVENED',
  /** The protocol is adjusted by the chair: a body without a chair cannot be convened. */
  MEETING_CHAIR_REQUIRED: 'MEETING-CHAIR-REQUIRED',
  /** At least one adjuster, each a member of the body, none the chair. */
  MEETING_ADJUSTERS: 'MEETING-ADJUSTERS',
  /** Nothing is added to or decided at a closed meeting. */
  MEETING_CLOSED: 'MEETING-CLOSED',
  /** Attendance, decisions and reports are recorded only once the meeting has started (its startsAt). */
  MEETING_NOT_STARTED: 'MEETING-NOT-STARTED',
  /** An item not yet decided can be struck (ärendet utgår), with a reason; nothing more is recorded about a struck item. */
  MEETING_ITEM_STRIKE: 'MEETING-ITEM-STRIKE',
  /** A meeting is cancelled (with a reason) only while nothing is decided at it; a cancelled meeting takes nothing more. */
  MEETING_CANCELLATION: 'MEETING-CANCELLATION',
  /** Adjusters are replaced until the protocol is adjusted, never one who has signed what is still being adjusted. */
  MEETING_ADJUSTERS_CHANGE: 'MEETING-ADJUSTERS-CHANGE',
  /** Only the protocol of a closed meeting can be signed as a whole. */
  PROTOCOL_MEETING_OPEN: 'PROTOCOL-MEETING-OPEN',
  /** Only a case of the organisation that is ready for the agenda can be put on it, once. */
  MEETING_CASE_NOT_READY: 'MEETING-CASE-NOT-READY',
  /** An item is decided only while its case is on this meeting's agenda as that item. */
  MEETING_CASE_NOT_ON_AGENDA: 'MEETING-CASE-NOT-ON-AGENDA',
  /** Present are members; a serving deputy stands in for an absent ordinary member, one each. */
  MEETING_ATTENDANCE: 'MEETING-ATTENDANCE',
  /** An item is decided once, and nothing about its participants changes afterwards. */
  MEETING_ITEM_DECIDED: 'MEETING-ITEM-DECIDED',
  /** What needs a decision must have one first: closing, immediate adjustment, reservations, appeals. */
  MEETING_ITEM_UNDECIDED: 'MEETING-ITEM-UNDECIDED',
  /** Amendments go with approved_with_amendments, what to complete with referred_back, a later meeting with postponed. */
  MEETING_DECISION_TEXT: 'MEETING-DECISION-TEXT',
  /** Votes counted cannot exceed the item's participants, and carry the outcome (a tie is settled by the chair's casting vote). */
  MEETING_VOTES: 'MEETING-VOTES',
  /** An item is postponed to a later, open meeting of the same body. */
  MEETING_POSTPONEMENT: 'MEETING-POSTPONEMENT',
  /** Only a participant in the decision may enter a reservation, before the meeting closes and before the paragraph is adjusted. */
  MEETING_RESERVATION: 'MEETING-RESERVATION',
  /** Written reasons for a reservation are accepted until the protocol (or the paragraph) is adjusted. */
  MEETING_RESERVATION_REASONS: 'MEETING-RESERVATION-REASONS',
  /** A ruling follows an appeal awaiting one, on a day not before it (nor an earlier ruling) and not in the future. */
  MEETING_APPEAL_RULING: 'MEETING-APPEAL-RULING',
  /** The chair and the adjusters named at convening sign, each for themselves. */
  PROTOCOL_SIGNATORY: 'PROTOCOL-SIGNATORY',
  /** A signature is given once, and not to what is already adjusted. */
  PROTOCOL_SIGNED: 'PROTOCOL-SIGNED',
  /** KL 6:27 — a body may decide only when more than half of its ordinary members take part. */
  KL_6_27: 'KL-6-27',
  /** KL 6:28–32 — a member with a conflict of interest (jäv) takes no part in the item. */
  KL_6_28: 'KL-6-28',
  /** KL 8:12 — the adjustment is announced on the notice board no later than the second day after it (moved by LAG-1930-173). */
  KL_8_12: 'KL-8-12',
  /** KL 13:2 — decisions of a preparatory kind (återremiss, bordläggning) cannot be appealed. */
  KL_13_2: 'KL-13-2',
  /** KL 13:5 — an appeal must arrive within three weeks of the day of the notice. */
  KL_13_5: 'KL-13-5',
  /** lag 1930:173 — a deadline that ends on a Saturday, Sunday or holiday moves to the next working day. */
  LAG_1930_173: 'LAG-1930-173',
} as const;

const r = MeetingRules;
const v = (ruleId: string, sv: string, en: string, details: Record<string, unknown> = {}) => new RuleViolation(ruleId, sv, en, details);

export const refuse = {
  notSecretary: (role: string) =>
    v(r.MEETING_SECRETARY_ROLE, 'Endast en nämndsekreterare kan föra sammanträdets protokoll.', 'Only a committee secretary can record the meeting.', { role }),
  alreadyConvened: (meetingId: string) => v(r.MEETING_ALREADY_CONVENED, 'Sammanträdet är redan kallat.', 'The meeting has already been convened.', { meetingId }),
  noChair: (bodyId: string) =>
    v(r.MEETING_CHAIR_REQUIRED, 'Nämnden har ingen ordförande som kan justera protokollet.', 'The body has no chair to adjust the protocol.', { bodyId }),
  adjusters: (sv: string, en: string, adjusterUserIds: string[]) => v(r.MEETING_ADJUSTERS, sv, en, { adjusterUserIds }),
  closed: () => v(r.MEETING_CLOSED, 'Sammanträdet är avslutat.', 'The meeting is closed.'),
  cancelled: (reason: string) => v(r.MEETING_CANCELLATION, `Sammanträdet är inställt (${reason}).`, `The meeting is cancelled (${reason}).`, { reason }),
  cancellation: (sv: string, en: string, details: Record<string, unknown> = {}) => v(r.MEETING_CANCELLATION, sv, en, details),
  itemStruck: (itemId: string, reason: string) =>
    v(r.MEETING_ITEM_STRIKE, `Ärendet har utgått från föredragningslistan (${reason}).`, `The item has been struck from the agenda (${reason}).`, { itemId, reason }),
  strike: (sv: string, en: string, details: Record<string, unknown>) => v(r.MEETING_ITEM_STRIKE, sv, en, details),
  adjustersChange: (sv: string, en: string, details: Record<string, unknown>) => v(r.MEETING_ADJUSTERS_CHANGE, sv, en, details),
  notStarted: (startsAt: string) =>
    v(
      r.MEETING_NOT_STARTED,
      `Sammanträdet har inte börjat (det börjar ${startsAt}); närvaro och beslut förs in först då.`,
      `The meeting has not started yet (it starts at ${startsAt}); attendance and decisions are recorded from then on.`,
      { startsAt },
    ),
  meetingOpen: () =>
    v(r.PROTOCOL_MEETING_OPEN, 'Protokollet kan justeras först när sammanträdet är avslutat.', 'The protocol can be adjusted only once the meeting is closed.'),
  caseNotReady: (sv: string, en: string, details: Record<string, unknown>) => v(r.MEETING_CASE_NOT_READY, sv, en, details),
  caseNotOnAgenda: (details: Record<string, unknown>) =>
    v(
      r.MEETING_CASE_NOT_ON_AGENDA,
      'Ärendet står inte på det här sammanträdets föredragningslista under den punkten och kan inte avgöras här.',
      'The case is not on this meeting’s agenda under that item and cannot be decided here.',
      details,
    ),
  attendance: (sv: string, en: string, details: Record<string, unknown>) => v(r.MEETING_ATTENDANCE, sv, en, details),
  itemDecided: (paragraph: number) => v(r.MEETING_ITEM_DECIDED, `Ärendet är redan avgjort (§ ${paragraph}).`, `The item is already decided (§ ${paragraph}).`, { paragraph }),
  itemUndecided: (itemId: string | null) =>
    v(r.MEETING_ITEM_UNDECIDED, 'Ärendet på föredragningslistan är ännu inte avgjort.', 'The agenda item has not been decided yet.', { itemId }),
  decisionText: (sv: string, en: string, outcome: string) => v(r.MEETING_DECISION_TEXT, sv, en, { outcome }),
  votes: (counted: number, participants: number) =>
    v(r.MEETING_VOTES, `${counted} röster räknade, men bara ${participants} deltog i beslutet.`, `${counted} votes counted, but only ${participants} took part.`, {
      counted,
      participants,
    }),
  votesAgainstOutcome: (outcome: string, yes: number, no: number) =>
    v(
      r.MEETING_VOTES,
      `Rösterna (${yes} ja, ${no} nej) bär inte beslutet ${outcome}; vid lika röstetal avgör ordförandens utslagsröst.`,
      `The votes (${yes} yes, ${no} no) do not carry the outcome ${outcome}; a tie is settled by the chair's casting vote.`,
      { outcome, yes, no },
    ),
  postponement: (sv: string, en: string, details: Record<string, unknown>) => v(r.MEETING_POSTPONEMENT, sv, en, details),
  reservation: (sv: string, en: string, userId: string) => v(r.MEETING_RESERVATION, sv, en, { userId }),
  reservationReasonsLate: (userId: string, adjustedOn: string) =>
    v(
      r.MEETING_RESERVATION_REASONS,
      `Skriftliga motiveringar tas emot fram till justeringen (${adjustedOn}).`,
      `Written reasons are accepted until the adjustment (${adjustedOn}).`,
      { userId, adjustedOn },
    ),
  appealRuling: (sv: string, en: string, details: Record<string, unknown> = {}) => v(r.MEETING_APPEAL_RULING, sv, en, details),
  notSignatory: (userId: string) =>
    v(r.PROTOCOL_SIGNATORY, 'Endast ordföranden och de utsedda justerarna justerar, var och en för sig själv.', 'Only the chair and the appointed adjusters sign, each for themselves.', {
      userId,
    }),
  alreadySigned: (sv: string, en: string, userId: string) => v(r.PROTOCOL_SIGNED, sv, en, { userId }),
  noQuorum: (serving: number, ordinarySeats: number) =>
    v(
      r.KL_6_27,
      `Nämnden är inte beslutför: ${serving} av ${ordinarySeats} ordinarie platser besatta, mer än hälften krävs.`,
      `The body has no quorum: ${serving} of ${ordinarySeats} ordinary seats filled, more than half are needed.`,
      { serving, ordinarySeats },
    ),
  conflict: (sv: string, en: string, userId: string, details: Record<string, unknown> = {}) => v(r.KL_6_28, sv, en, { userId, ...details }),
  /** KL-6-40 (the delegation rules' id): a meeting can take note only of what was decided by its day */
  reportedAfterMeeting: (decisionIds: string[], meetingDate: string) =>
    v(
      DelegationRules.KL_6_40,
      `Beslut fattade efter sammanträdesdagen (${meetingDate}) kan inte anmälas vid sammanträdet.`,
      `Decisions taken after the day of the meeting (${meetingDate}) cannot be reported at it.`,
      { decisionIds, meetingDate },
    ),
  notice: (sv: string, en: string, details: Record<string, unknown> = {}) => v(r.KL_8_12, sv, en, details),
  notAppealable: (outcome: string) =>
    v(r.KL_13_2, 'Beslut av beredande art (återremiss, bordläggning) kan inte överklagas.', 'Decisions of a preparatory kind (referral back, postponement) cannot be appealed.', {
      outcome,
    }),
  appeal: (sv: string, en: string, details: Record<string, unknown>) => v(r.KL_13_5, sv, en, details),
};
