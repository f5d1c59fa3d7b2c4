import { DecisionContent, MeetingCommandOf } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { requireOpen, requireStarted } from './meeting.items';
import { refuse } from './meeting.rules';
import { AgendaItem, Convened, hasQuorum, ordinarySeats, participantsOf, requireItem } from './meeting.state';

type DecideItem = MeetingCommandOf<'DecideItem'>;

const contentOf = (c: DecideItem): DecisionContent => ({
  outcome: c.outcome,
  amendments: c.amendments,
  completionRequired: c.completionRequired,
  postponedToMeetingId: c.postponedToMeetingId,
  votes: c.votes,
});

/** The body decides an item under the next § number, with its participants and the quorum they make. */
export function decideItem(c: DecideItem, state: Convened, now: Date): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const content = contentOf(c);
  if (item.decision) {
    // a retry finds its decision (and the handler then completes the case's side)
    if (sameDecision(item.decision, content)) return [];
    throw refuse.itemDecided(item.decision.paragraph);
  }
  // MEETING-ITEM-STRIKE: the case may already be back on its way (another agenda)
  if (item.struck) throw refuse.itemStruck(item.itemId, item.struck.reason);
  requireOpen(state);
  requireStarted(state, now);
  requireCaseOnThisAgenda(c, state, item);
  checkDecisionText(c);
  checkPostponement(c, state);
  const participants = participantsOf(state, item);
  const seats = ordinarySeats(state);
  // KL-6-27, counted after those with a conflict of interest (KL-6-28) are set aside and their replacements added
  if (!hasQuorum(participants.length, seats)) throw refuse.noQuorum(participants.length, seats);
  checkVotes(c, participants.length);
  return [
    {
      type: 'ItemDecided',
      data: {
        itemId: item.itemId,
        caseId: item.caseId,
        paragraph: state.nextParagraph,
        ...content,
        participants,
        ordinarySeats: seats,
        decidedAt: now.toISOString(),
      },
    },
  ];
}

function sameDecision(a: DecisionContent, b: DecisionContent): boolean {
  const votes = (v: DecisionContent['votes']) => (v ? `${v.yes}/${v.no}/${v.abstained}` : null);
  return (
    a.outcome === b.outcome &&
    a.amendments === b.amendments &&
    a.completionRequired === b.completionRequired &&
    a.postponedToMeetingId === b.postponedToMeetingId &&
    votes(a.votes) === votes(b.votes)
  );
}

/** MEETING-CASE-NOT-ON-AGENDA: the case's own stream must hold this meeting's item, or it is another meeting's business. */
function requireCaseOnThisAgenda(c: DecideItem, state: Convened, item: AgendaItem): void {
  const found = c.case;
  const onAgenda = found?.agenda ?? null;
  const here =
    found !== null &&
    found.caseId === item.caseId &&
    found.organisationId === state.organisationId &&
    onAgenda !== null &&
    onAgenda.meetingId === state.meetingId &&
    onAgenda.itemId === item.itemId;
  if (!here) throw refuse.caseNotOnAgenda({ caseId: item.caseId, itemId: item.itemId, caseAgenda: onAgenda });
}

/** MEETING-DECISION-TEXT: each outcome carries the text it needs and no other. */
function checkDecisionText(c: DecideItem): void {
  const { outcome } = c;
  const has = (text: string | null) => text !== null && text.trim() !== '';
  if ((outcome === 'approved_with_amendments') !== has(c.amendments)) {
    throw refuse.decisionText('Ändringar anges för, och endast för, bifall med ändringar.', 'Amendments are given with, and only with, approved_with_amendments.', outcome);
  }
  if ((outcome === 'referred_back') !== has(c.completionRequired)) {
    throw refuse.decisionText('Vid återremiss anges vad som ska kompletteras (och bara då).', 'A referral back says what is to be completed (and only it does).', outcome);
  }
  if (outcome !== 'postponed' && c.postponedToMeetingId !== null) {
    throw refuse.decisionText('Endast en bordläggning hänvisar till ett senare sammanträde.', 'Only a postponement points to a later meeting.', outcome);
  }
}

/** MEETING-POSTPONEMENT: the meeting named is a later one of the same body that can still take the item. */
function checkPostponement(c: DecideItem, state: Convened): void {
  if (c.postponedToMeetingId === null) return;
  const target = c.postponedTo;
  const details = { postponedToMeetingId: c.postponedToMeetingId };
  if (!target || target.meetingId !== c.postponedToMeetingId || target.organisationId !== state.organisationId) {
    throw refuse.postponement('Det finns inget sådant sammanträde att bordlägga till.', 'There is no such meeting to postpone to.', details);
  }
  if (target.bodyId !== state.bodyId) {
    throw refuse.postponement('Ärendet bordläggs till ett sammanträde med samma nämnd.', 'An item is postponed to a meeting of the same body.', { ...details, bodyId: target.bodyId });
  }
  if (target.meetingId === state.meetingId || new Date(target.startsAt).getTime() <= new Date(state.startsAt).getTime()) {
    throw refuse.postponement('Ärendet bordläggs till ett senare sammanträde.', 'An item is postponed to a later meeting.', { ...details, startsAt: target.startsAt });
  }
  if (target.status !== 'open') {
    throw refuse.postponement('Sammanträdet som ärendet bordläggs till är avslutat eller inställt.', 'The meeting the item is postponed to is closed or cancelled.', {
      ...details,
      status: target.status,
    });
  }
}

/** MEETING-VOTES: no more votes than participants, and the votes carry the outcome (a tie goes the chair's way). */
function checkVotes(c: DecideItem, participants: number): void {
  if (!c.votes) return;
  const { yes, no, abstained } = c.votes;
  const counted = yes + no + abstained;
  if (counted > participants) throw refuse.votes(counted, participants);
  const approving = c.outcome === 'approved' || c.outcome === 'approved_with_amendments';
  if ((approving && yes < no) || (c.outcome === 'rejected' && no < yes)) throw refuse.votesAgainstOutcome(c.outcome, yes, no);
}
