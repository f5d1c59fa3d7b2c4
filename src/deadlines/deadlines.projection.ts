import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { categoryOf, chunks, idOf, Projection } from '../projections/projection';
import { DeadlineBatch } from './deadline-batch';
import { bodyKeyOf, DeadlineMeetingRow, DeadlineRow, DeadlinesTables } from './deadlines.tables';

export type { DeadlinesTables } from './deadlines.tables';

/** The events that raise, move or meet a deadline, by stream category; everything else is skipped at once. */
const RELEVANT: Record<string, ReadonlySet<string>> = {
  meeting: new Set([
    'MeetingConvened',
    'AgendaItemAdded',
    'AttendanceRecorded',
    'MeetingClosed',
    'MeetingCancelled',
    'ProtocolAdjusted',
    'ParagraphAdjusted',
    'AdjustmentNoticePosted',
    'DelegatedDecisionsReported',
  ]),
  agreement: new Set(['AgreementOpened', 'AreaBudgetsSet', 'RepaymentComputed', 'ReportingBackRecorded']),
  delegations: new Set(['DelegatedDecisionRecorded', 'UrgentDecisionRecorded']),
};

const relevant = (event: RecordedEvent) => RELEVANT[categoryOf(event.streamId)]?.has(event.type) === true;

type Data = Record<string, unknown>;

/** What the batch touches: the rows and meetings to load before applying it. */
interface Touched {
  meetingIds: Set<string>;
  agreementIds: Set<string>;
  decisionKeys: Set<string>;
  bodies: Set<string>;
}

function touchedBy(events: RecordedEvent[]): Touched {
  const t: Touched = { meetingIds: new Set(), agreementIds: new Set(), decisionKeys: new Set(), bodies: new Set() };
  for (const event of events) {
    const data = event.data as Data;
    const category = categoryOf(event.streamId);
    if (category === 'meeting') {
      t.meetingIds.add(idOf(event.streamId));
      if (event.type === 'MeetingConvened') t.bodies.add(bodyKeyOf(String(data.organisationId), String(data.bodyId)));
      if (event.type === 'DelegatedDecisionsReported') for (const id of (data.decisionIds as string[] | undefined) ?? []) t.decisionKeys.add(`delegated-decision-report:${id}`);
    } else if (category === 'agreement') {
      t.agreementIds.add(idOf(event.streamId));
    } else {
      t.bodies.add(bodyKeyOf(String(data.organisationId), String(data.bodyId)));
      if (typeof data.agreementId === 'string') t.agreementIds.add(data.agreementId);
    }
  }
  return t;
}

const splitBody = (key: string) => {
  const slash = key.indexOf('/');
  return { organisationId: key.slice(0, slash), bodyId: key.slice(slash + 1) };
};

/**
 * Loads what the batch touches, in a handful of selects: its meetings, the meetings of every body
 * a decision may fall due at, and the deadlines of its meetings, agreements and reported
 * decisions plus each touched body's unreported decisions.
 */
async function load(tx: Kysely<DeadlinesTables>, events: RecordedEvent[]): Promise<DeadlineBatch> {
  const t = touchedBy(events);
  const meetings = new Map<string, DeadlineMeetingRow>();
  for (const part of chunks([...t.meetingIds], 1)) {
    for (const m of await tx.selectFrom('rm_deadlines_meetings').selectAll().where('meeting_id', 'in', part).execute()) meetings.set(m.meeting_id, m);
  }
  // a cancelled meeting moves what was due at it: its body's meetings and decisions are needed too
  for (const event of events) {
    const m = event.type === 'MeetingCancelled' ? meetings.get(idOf(event.streamId)) : undefined;
    if (m) t.bodies.add(bodyKeyOf(m.organisation_id, m.body_id));
  }
  const bodies = [...t.bodies].map(splitBody);
  const orgs = [...new Set(bodies.map((b) => b.organisationId))];
  const bodyIds = [...new Set(bodies.map((b) => b.bodyId))];
  const rows = new Map<string, DeadlineRow>();
  const keep = (found: DeadlineRow[]) => found.forEach((r) => rows.set(r.key, r));
  if (bodies.length > 0) {
    // organisations × bodies may over-fetch a little; the batch keeps the pairs it asked for
    for (const orgPart of chunks(orgs, 2)) {
      const found = await tx
        .selectFrom('rm_deadlines_meetings')
        .selectAll()
        .where('organisation_id', 'in', orgPart)
        .where('body_id', 'in', bodyIds)
        .execute();
      for (const m of found) if (t.bodies.has(bodyKeyOf(m.organisation_id, m.body_id))) meetings.set(m.meeting_id, m);
      keep(
        await tx
          .selectFrom('rm_deadlines')
          .selectAll()
          .where('kind', '=', 'delegated-decision-report')
          .where('done', '=', 0)
          .where('organisation_id', 'in', orgPart)
          .where('body_id', 'in', bodyIds)
          .execute(),
      );
    }
  }
  for (const part of chunks([...t.meetingIds], 1)) keep(await tx.selectFrom('rm_deadlines').selectAll().where('meeting_id', 'in', part).execute());
  for (const part of chunks([...t.agreementIds], 1)) keep(await tx.selectFrom('rm_deadlines').selectAll().where('agreement_id', 'in', part).execute());
  for (const part of chunks([...t.decisionKeys], 1)) keep(await tx.selectFrom('rm_deadlines').selectAll().where('key', 'in', part).execute());
  return new DeadlineBatch(rows, meetings, t.bodies);
}

const ROW_COLUMNS: Array<keyof DeadlineRow> = [
  'kind',
  'subject_id',
  'organisation_id',
  'body_id',
  'meeting_id',
  'item_id',
  'paragraph',
  'case_id',
  'agreement_id',
  'decision_id',
  'facts',
  'due_on',
  'due_meeting_id',
  'decided_at',
  'done',
  'done_on',
  'done_at',
  'done_by',
  'description',
  'opened_at',
];
const MEETING_COLUMNS: Array<keyof DeadlineMeetingRow> = ['organisation_id', 'body_id', 'body_name', 'starts_at', 'date', 'cancelled', 'items'];

async function save(tx: Kysely<DeadlinesTables>, batch: DeadlineBatch): Promise<void> {
  const rows = [...batch.dirtyRows].sort().map((key) => batch.rows.get(key)!);
  for (const part of chunks(rows, ROW_COLUMNS.length + 1)) {
    await tx
      .insertInto('rm_deadlines')
      .values(part)
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => Object.fromEntries(ROW_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
  const meetings = [...batch.dirtyMeetings].sort().map((id) => batch.meetings.get(id)!);
  for (const part of chunks(meetings, MEETING_COLUMNS.length + 1)) {
    await tx
      .insertInto('rm_deadlines_meetings')
      .values(part)
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet((eb) => Object.fromEntries(MEETING_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

/**
 * Deadlines of meetings (adjustment, notice, appeal window), of delegated and urgent decisions
 * (reporting to the body) and of agreements (use, reporting back, repayment), each met by the
 * event that satisfies it. Whether one is overdue depends on today: the query decides that.
 */
export const deadlinesProjection: Projection<DeadlinesTables> = {
  name: 'deadlines',
  version: 2,
  tables: ['rm_deadlines', 'rm_deadlines_meetings'],

  async createSchema(db: Kysely<DeadlinesTables>): Promise<void> {
    await db.schema
      .createTable('rm_deadlines')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text')
      .addColumn('meeting_id', 'text')
      .addColumn('item_id', 'text')
      .addColumn('paragraph', 'integer')
      .addColumn('case_id', 'text')
      .addColumn('agreement_id', 'text')
      .addColumn('decision_id', 'text')
      .addColumn('facts', 'text')
      .addColumn('due_on', 'text')
      .addColumn('due_meeting_id', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('done_on', 'text')
      .addColumn('done_at', 'text')
      .addColumn('done_by', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rm_deadlines_org_due').on('rm_deadlines').columns(['organisation_id', 'due_on']).execute();
    await db.schema.createIndex('rm_deadlines_body').on('rm_deadlines').columns(['organisation_id', 'body_id', 'kind', 'done']).execute();
    await db.schema.createIndex('rm_deadlines_meeting').on('rm_deadlines').column('meeting_id').execute();
    await db.schema.createIndex('rm_deadlines_agreement').on('rm_deadlines').column('agreement_id').execute();
    await db.schema
      .createTable('rm_deadlines_meetings')
      .addColumn('meeting_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text', (c) => c.notNull())
      .addColumn('body_name', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('cancelled', 'integer', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rm_deadlines_meetings_body').on('rm_deadlines_meetings').columns(['organisation_id', 'body_id']).execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<DeadlinesTables>): Promise<void> {
    const mine = events.filter(relevant);
    if (mine.length === 0) return;
    const batch = await load(tx, mine);
    for (const event of mine) batch.apply(event);
    await save(tx, batch);
  },
};
