import { Kysely, Transaction } from 'kysely';
import { begunEarlier } from '../cases/case-board.projection';
import { RecordedEvent } from '../event-store/event-store.port';
import { FoldedStateRow, FoldedStates } from '../projections/folded-state';
import { chunks, idOf, Projection } from '../projections/projection';
import { meetingDecider } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { adjustmentOf, legalForceOf, noticeOf } from './meeting.protocol';
import { AgendaItem, Convened, MeetingState } from './meeting.state';

/**
 * One row per agenda item (decided under its §, struck, or not yet dealt with) and per paragraph
 * reporting delegated decisions. Legal force depends on today, so a row keeps only the facts that
 * do not: the status once every window has run (`final_status`) and the first day of legal force
 * (`legal_force_on`); the query computes today's status with `legalForceOf` on the meeting state
 * kept beside the rows.
 */
export interface DecisionRegisterRow {
  /** `<meetingId>/<itemId>`, or `<meetingId>/report/<§>` */
  row_id: string;
  meeting_id: string;
  organisation_id: string;
  body_id: string;
  body_name: string;
  meeting_date: string;
  meeting_starts_at: string;
  /** open, closed, adjusted (the protocol) or cancelled */
  meeting_status: string;
  kind: 'item' | 'delegated_decisions_report';
  item_id: string | null;
  paragraph: number | null;
  /** § order, then the agenda's order for items without a § */
  sort_key: number;
  case_id: string | null;
  diary_number: string | null;
  title: string;
  outcome: string | null;
  struck: number;
  adjusted_on: string | null;
  /** 1: the paragraph was adjusted on its own (omedelbar justering) */
  adjusted_immediately: number;
  notice_posted_on: string | null;
  notice_overdue: number;
  appeal_ends_on: string | null;
  appeals_lodged: number;
  appeals_ruled: number;
  /** legalForceOf as it will stand once every window has run; null for a report of delegated decisions */
  final_status: string | null;
  /** with final_status legal_force: its first day */
  legal_force_on: string | null;
}

export interface DecisionRegisterTables {
  rm_decision_register: DecisionRegisterRow;
  rm_decision_register_meetings: FoldedStateRow;
}

/** The meetings folded by the meetings' own `evolve`: what `legalForceOf` is given at query time. */
export const decisionRegisterMeetings = new FoldedStates<MeetingState>('rm_decision_register_meetings');

/** A day after every window the law counts: legalForceOf's answer for it depends on the meeting alone. */
const WHEN_ALL_WINDOWS_HAVE_RUN = '9999-12-31';
/** items without a § come after the numbered paragraphs, in the agenda's order */
const UNNUMBERED = 1_000_000;

export const rowIdOfItem = (meetingId: string, itemId: string) => `${meetingId}/${itemId}`;

function domainEvent(event: RecordedEvent): MeetingEvent {
  const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
  const data = meetingDecider.upcast ? meetingDecider.upcast(event.type, version, event.data) : event.data;
  return { type: event.type, data } as MeetingEvent;
}

function meetingColumns(state: Convened) {
  return {
    meeting_id: state.meetingId,
    organisation_id: state.organisationId,
    body_id: state.bodyId,
    body_name: state.bodyName,
    meeting_date: state.date,
    meeting_starts_at: state.startsAt,
    meeting_status: state.protocol.adjustedOn !== null ? 'adjusted' : state.status,
  };
}

function itemRow(state: Convened, item: AgendaItem, index: number): DecisionRegisterRow {
  const adjustment = adjustmentOf(state, item);
  const notice = noticeOf(state, item);
  const settled = legalForceOf(state, item, WHEN_ALL_WINDOWS_HAVE_RUN);
  const paragraph = item.decision?.paragraph ?? null;
  return {
    row_id: rowIdOfItem(state.meetingId, item.itemId),
    ...meetingColumns(state),
    kind: 'item',
    item_id: item.itemId,
    paragraph,
    sort_key: paragraph ?? UNNUMBERED + index,
    case_id: item.caseId,
    diary_number: item.diaryNumber,
    title: item.title,
    outcome: item.decision?.outcome ?? null,
    struck: item.struck ? 1 : 0,
    adjusted_on: item.decision ? (adjustment?.adjustedOn ?? null) : null,
    adjusted_immediately: item.immediate.adjustedOn !== null ? 1 : 0,
    notice_posted_on: item.decision ? (notice?.postedOn ?? null) : null,
    notice_overdue: item.decision && notice?.overdue ? 1 : 0,
    appeal_ends_on: settled.appealEndsOn,
    appeals_lodged: item.appeals.length,
    appeals_ruled: item.appeals.filter((a) => a.ruledOn !== null).length,
    final_status: settled.status,
    legal_force_on: settled.legalForceOn,
  };
}

function reportRows(state: Convened): DecisionRegisterRow[] {
  return state.reports.map((report) => ({
    row_id: `${state.meetingId}/report/${report.paragraph}`,
    ...meetingColumns(state),
    kind: 'delegated_decisions_report',
    item_id: null,
    paragraph: report.paragraph,
    sort_key: report.paragraph,
    case_id: null,
    diary_number: null,
    title: report.title,
    outcome: null,
    struck: 0,
    adjusted_on: state.protocol.adjustedOn,
    adjusted_immediately: 0,
    notice_posted_on: state.protocol.notice?.postedOn ?? null,
    notice_overdue: state.protocol.notice?.overdue ? 1 : 0,
    appeal_ends_on: null,
    appeals_lodged: 0,
    appeals_ruled: 0,
    final_status: null,
    legal_force_on: null,
  }));
}

/**
 * The meeting as stored between batches: what `legalForceOf` and the rows read, without the
 * members, attendance, signatures, participants, conflicts, reservations and reported decision
 * lists, which only make every batch's JSON larger (the evolve steps that add to them still work).
 */
function kept(state: MeetingState): MeetingState {
  if (state.status === 'none') return state;
  return {
    ...state,
    members: [],
    attendance: [],
    protocol: { ...state.protocol, signatures: [] },
    reports: state.reports.map((report) => ({ ...report, decisionIds: [], decisions: [] })),
    items: state.items.map((item) => ({
      ...item,
      conflicts: [],
      reservations: [],
      immediate: { ...item.immediate, signatures: [] },
      decision: item.decision && { ...item.decision, participants: [] },
    })),
  };
}

export function rowsOf(state: MeetingState): DecisionRegisterRow[] {
  if (state.status === 'none') return [];
  return [...state.items.map((item, index) => itemRow(state, item, index)), ...reportRows(state)];
}

const COLUMNS: ReadonlyArray<keyof DecisionRegisterRow> = [
  'row_id',
  'meeting_id',
  'organisation_id',
  'body_id',
  'body_name',
  'meeting_date',
  'meeting_starts_at',
  'meeting_status',
  'kind',
  'item_id',
  'paragraph',
  'sort_key',
  'case_id',
  'diary_number',
  'title',
  'outcome',
  'struck',
  'adjusted_on',
  'adjusted_immediately',
  'notice_posted_on',
  'notice_overdue',
  'appeal_ends_on',
  'appeals_lodged',
  'appeals_ruled',
  'final_status',
  'legal_force_on',
];

export const decisionRegisterProjection: Projection<DecisionRegisterTables> = {
  name: 'decision-register',
  // 1 was the empty stub: databases that checkpointed it must build the tables
  version: 2,
  tables: ['rm_decision_register', 'rm_decision_register_meetings'],

  async createSchema(db: Kysely<DecisionRegisterTables>): Promise<void> {
    await decisionRegisterMeetings.createSchema(db);
    await db.schema
      .createTable('rm_decision_register')
      .addColumn('row_id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text', (c) => c.notNull())
      .addColumn('body_name', 'text', (c) => c.notNull())
      .addColumn('meeting_date', 'text', (c) => c.notNull())
      .addColumn('meeting_starts_at', 'text', (c) => c.notNull())
      .addColumn('meeting_status', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text')
      .addColumn('paragraph', 'integer')
      .addColumn('sort_key', 'integer', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('diary_number', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('struck', 'integer', (c) => c.notNull())
      .addColumn('adjusted_on', 'text')
      .addColumn('adjusted_immediately', 'integer', (c) => c.notNull())
      .addColumn('notice_posted_on', 'text')
      .addColumn('notice_overdue', 'integer', (c) => c.notNull())
      .addColumn('appeal_ends_on', 'text')
      .addColumn('appeals_lodged', 'integer', (c) => c.notNull())
      .addColumn('appeals_ruled', 'integer', (c) => c.notNull())
      .addColumn('final_status', 'text')
      .addColumn('legal_force_on', 'text')
      .execute();
    // the register's order within an organisation: newest meeting first, then § by §
    await db.schema
      .createIndex('rm_decision_register_org_date')
      .on('rm_decision_register')
      .columns(['organisation_id', 'meeting_date', 'meeting_starts_at', 'meeting_id', 'sort_key', 'row_id'])
      .execute();
    await db.schema.createIndex('rm_decision_register_org_body').on('rm_decision_register').columns(['organisation_id', 'body_id', 'meeting_date']).execute();
    await db.schema.createIndex('rm_decision_register_meeting').on('rm_decision_register').column('meeting_id').execute();
    await db.schema.createIndex('rm_decision_register_case').on('rm_decision_register').column('case_id').execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<DecisionRegisterTables>): Promise<void> {
    const ours = events.filter((e) => e.streamId.startsWith('meeting-'));
    if (ours.length === 0) return;
    // a meeting convened in this batch has nothing stored yet: only meetings begun earlier are read
    const states = await decisionRegisterMeetings.load<DecisionRegisterTables>(tx, begunEarlier(ours));
    for (const event of ours) {
      const meetingId = idOf(event.streamId);
      states.set(meetingId, meetingDecider.evolve(states.get(meetingId) ?? meetingDecider.initialState, domainEvent(event)));
    }
    for (const [meetingId, state] of states) states.set(meetingId, kept(state));
    await decisionRegisterMeetings.save<DecisionRegisterTables>(tx, states);
    // every row of a touched meeting is written again: a meeting-wide event (adjustment, notice, cancellation) changes them all
    const rows = [...states.values()].flatMap(rowsOf);
    for (const part of chunks(rows, COLUMNS.length)) {
      await tx
        .insertInto('rm_decision_register')
        .values(part)
        .onConflict((oc) => oc.column('row_id').doUpdateSet((eb) => Object.fromEntries(COLUMNS.slice(1).map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
    }
  },
};
