import { addDays, deadlineOn, swedishDate } from '../calendar/swedish-calendar';
import { AppealWindow, appealWindow as appealWindowOf, NOTICE_DAYS, noticeDueBy as noticeDueByOf } from '../meetings/meeting.protocol';

/**
 * When each deadline falls and how it reads in Swedish. The legal arithmetic of the notice
 * (KL-8-12) and the appeal window (KL-13-5) is the meetings capability's own; only the protocol's
 * adjustment had no deadline in the code, so it is defined here — as a date to watch, not a rule
 * that refuses anything.
 */

/** KL 5:69 (for committees through KL 6:35): the protocol is adjusted within fourteen days of the meeting. */
export const PROTOCOL_ADJUSTMENT_DAYS = 14;

/**
 * The calendar asks date-holidays about every day it counts, which takes about a millisecond: a
 * rebuild meets the same few hundred dates over and over, so each answer is kept (they never change).
 */
function remembered<T>(compute: (date: string) => T): (date: string) => T {
  const known = new Map<string, T>();
  return (date) => {
    let found = known.get(date);
    if (found === undefined) {
      found = compute(date);
      if (known.size > 10_000) known.clear();
      known.set(date, found);
    }
    return found;
  };
}

export const noticeDueBy = remembered(noticeDueByOf);
const appealWindow = remembered<AppealWindow>(appealWindowOf);

const MOVED = '; flyttad till nästa vardag enligt lag (1930:173) om beräkning av lagstadgad tid';

export interface MeetingFacts {
  date: string;
  bodyName: string;
}

const meetingName = (m: MeetingFacts) => `sammanträdet ${m.date} (${m.bodyName})`;
const paragraphOf = (paragraph: number | null) => (paragraph === null ? 'protokollet' : `§ ${paragraph} i protokollet`);

/** A statutory count of days, moved off Saturdays, Sundays and holidays like the notice and the appeal window (LAG-1930-173). */
export const protocolAdjustmentDueBy = remembered((meetingDate) => deadlineOn(addDays(meetingDate, PROTOCOL_ADJUSTMENT_DAYS)));

export function protocolAdjustmentText(m: MeetingFacts): string {
  const due = protocolAdjustmentDueBy(m.date);
  const moved = due !== addDays(m.date, PROTOCOL_ADJUSTMENT_DAYS) ? MOVED : '';
  return `Protokollet från ${meetingName(m)} ska justeras senast ${due}: fjorton dagar efter sammanträdet (KL 5 kap. 69 §, för nämnder genom 6 kap. 35 §${moved}).`;
}

export const CANCELLED_TEXT = ' Sammanträdet ställdes in; det finns inget protokoll att justera.';

export function noticeText(m: MeetingFacts, adjustedOn: string, paragraph: number | null): string {
  const due = noticeDueBy(adjustedOn);
  const moved = due !== addDays(adjustedOn, NOTICE_DAYS) ? MOVED : '';
  const what = paragraph === null ? `Justeringen av protokollet från ${meetingName(m)}` : `Den omedelbara justeringen av § ${paragraph} i protokollet från ${meetingName(m)}`;
  return `${what} ska tillkännages på anslagstavlan senast ${due}, andra dagen efter justeringen ${adjustedOn} (KL 8 kap. 12 §${moved}).`;
}

export const NOTICE_WITH_PROTOCOL_TEXT = ' Paragrafen tillkännagavs med protokollets anslag.';

export function appealWindowText(m: MeetingFacts, postedOn: string, paragraph: number | null): { endsOn: string; text: string } {
  const window = appealWindow(postedOn);
  const moved = window.endsOn !== window.threeWeeksOn ? MOVED : '';
  return {
    endsOn: window.endsOn,
    text:
      `Tiden för laglighetsprövning av ${paragraphOf(paragraph)} från ${meetingName(m)} löper ut ${window.endsOn}: ` +
      `tre veckor från anslaget ${postedOn} (KL 13 kap. 5 §${moved}). Därefter vinner besluten laga kraft om de inte har överklagats.`,
  };
}

export interface ReportableDecision {
  kind: 'delegated' | 'urgent';
  summary: string;
  decidedAt: string;
  decidedBy: string;
}

/** KL 6:40 (delegated) and 6:39 (urgent): reported to the body, at its next meeting when one is convened. */
export function reportText(d: ReportableDecision, bodyName: string, dueOn: string | null): string {
  const what = d.kind === 'urgent' ? 'Ordförandebeslutet i brådskande ärende' : 'Delegationsbeslutet';
  const law = d.kind === 'urgent' ? 'KL 6 kap. 39 §' : 'KL 6 kap. 40 §';
  const when = dueOn !== null ? `vid nästa sammanträde ${dueOn}` : 'vid nästa sammanträde; inget sammanträde är kallat ännu';
  return `${what} ”${d.summary}” (fattat ${swedishDate(new Date(d.decidedAt))} av ${d.decidedBy}) ska anmälas till ${bodyName} ${when} (${law}).`;
}

export interface AgreementFacts {
  name: string;
  stateReference: string;
  useDeadline: string;
  reportingDate: string;
  repaymentDate: string;
}

export function agreementTexts(a: AgreementFacts): { use: string; reporting: string; repayment: string } {
  const named = `överenskommelsen ”${a.name}” (${a.stateReference})`;
  return {
    use: `Medlen i ${named} ska användas senast ${a.useDeadline}; avräknat när utfallet är redovisat och återbetalningen beräknad.`,
    reporting: `Återrapportering till staten av ${named} senast ${a.reportingDate}.`,
    repayment: `Medel i ${named} som inte har använts ska återbetalas senast ${a.repaymentDate}; klart när återbetalningen är beräknad.`,
  };
}
