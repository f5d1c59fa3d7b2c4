/** What can fall due; a row is keyed `<kind>:<subject id>`, stable for the timers that will watch it. */
export const DEADLINE_KINDS = [
  'protocol-adjustment',
  'notice',
  'appeal-window',
  'delegated-decision-report',
  'agreement-use',
  'agreement-reporting',
  'agreement-repayment',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const deadlineKey = (kind: DeadlineKind, subjectId: string) => `${kind}:${subjectId}`;

/** One deadline: what it concerns, when it falls, and whether (and by which event) it was met. */
export interface DeadlineRow {
  key: string;
  kind: DeadlineKind;
  /** the meeting, `<meeting>:<item>` for one paragraph, the decision or the agreement */
  subject_id: string;
  organisation_id: string;
  body_id: string | null;
  meeting_id: string | null;
  item_id: string | null;
  paragraph: number | null;
  case_id: string | null;
  agreement_id: string | null;
  decision_id: string | null;
  /** JSON: what the description is written from where it is rewritten later (a decision to report: its kind, summary, who took it) */
  facts: string | null;
  /** Swedish calendar date; null while undated (a decision to report before the body has convened a meeting) */
  due_on: string | null;
  /** a decision to report: the meeting it is due at */
  due_meeting_id: string | null;
  /** a decision to report: when it was taken (the next meeting is the first to start after it) */
  decided_at: string | null;
  /** 0 or 1 */
  done: number;
  /** the business date the event gives (adjusted, posted, reported, computed, submitted on) */
  done_on: string | null;
  /** business time of that event */
  done_at: string | null;
  /** the type of that event */
  done_by: string | null;
  description: string;
  /** business time of the event that raised the deadline */
  opened_at: string;
}

/** A deadline just raised: nothing known yet but what it is about and when it was raised. */
export function newDeadlineRow(kind: DeadlineKind, subjectId: string, openedAt: string): DeadlineRow {
  return {
    key: deadlineKey(kind, subjectId),
    kind,
    subject_id: subjectId,
    organisation_id: '',
    body_id: null,
    meeting_id: null,
    item_id: null,
    paragraph: null,
    case_id: null,
    agreement_id: null,
    decision_id: null,
    facts: null,
    due_on: null,
    due_meeting_id: null,
    decided_at: null,
    done: 0,
    done_on: null,
    done_at: null,
    done_by: null,
    description: '',
    opened_at: openedAt,
  };
}

/** What the meeting events after the convening do not repeat, and the body's meetings a report falls due at. */
export interface DeadlineMeetingRow {
  meeting_id: string;
  organisation_id: string;
  body_id: string;
  body_name: string;
  starts_at: string;
  /** Swedish date of the meeting */
  date: string;
  cancelled: number;
  /** JSON: agenda item id → case id */
  items: string;
}

export interface DeadlinesTables {
  rm_deadlines: DeadlineRow;
  rm_deadlines_meetings: DeadlineMeetingRow;
}

export const bodyKeyOf = (organisationId: string, bodyId: string) => `${organisationId}/${bodyId}`;
