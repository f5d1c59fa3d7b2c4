import { Kysely, Transaction } from 'kysely';
import { swedishDate } from '../calendar/swedish-calendar';
import { RecordedEvent } from '../event-store/event-store.port';
import { chunks, idOf, Projection } from '../projections/projection';
import { caseDecider } from './case.decider';
import { CaseState } from './case.state';
import { CaseEvent } from './cases.events';

/** One row per case, as the board lists it. */
export interface CaseBoardRow {
  case_id: string;
  organisation_id: string;
  /** the body whose agenda the case is on, else the body that last decided it; null before either */
  body_id: string | null;
  diary_number: string;
  title: string;
  /** the title as search compares it (`normaliseForSearch`) */
  title_search: string;
  status: string;
  registered_at: string;
  /** the Swedish calendar date of the registration: what the date filters compare */
  registered_on: string;
  last_changed_at: string;
  decision_meeting_id: string | null;
  decision_paragraph: number | null;
  decision_outcome: string | null;
  /** what the projection folded so far (`BoardFold` as JSON): kept in the row, so a batch reads and writes one table */
  fold: string;
}

export interface CaseBoardTables {
  rm_case_board: CaseBoardRow;
}

/**
 * What the projection keeps per case between batches: the case as the domain's own `evolve` makes
 * it (so the status means exactly what the case's status means), trimmed of what the board never
 * shows, plus what the case stream alone does not say at the moment it is needed. It lives in the
 * board's own row (not a separate FoldedStates table): a batch then reads and writes one table.
 */
interface BoardFold {
  file: CaseState;
  /** the agenda's body when the body decided: an outcome event does not name it */
  decidedBodyId: string | null;
  lastChangedAt: string;
}

/** Titles are searched case-insensitively the Swedish way (Å, Ä, Ö), whichever Unicode form they came in. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv');
}

/** The documents, the report's text and earlier decisions would only make the stored state grow. */
function trimmed(file: CaseState): CaseState {
  if (file.status === 'none') return file;
  return { ...file, description: null, documents: [], report: null, preparations: [], decisions: file.decisions.slice(-1) };
}

function domainEvent(event: RecordedEvent): CaseEvent {
  const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
  const data = caseDecider.upcast ? caseDecider.upcast(event.type, version, event.data) : event.data;
  return { type: event.type, data } as CaseEvent;
}

/** The ids of the streams whose first event in the batch is not their first event ever. */
export function begunEarlier(events: RecordedEvent[]): string[] {
  const seen = new Set<string>();
  const earlier: string[] = [];
  for (const event of events) {
    if (seen.has(event.streamId)) continue;
    seen.add(event.streamId);
    if (event.revision > 0) earlier.push(idOf(event.streamId));
  }
  return earlier;
}

function rowOf(fold: BoardFold): CaseBoardRow | null {
  const file = trimmed(fold.file);
  if (file.status === 'none') return null;
  const decision = file.decisions[file.decisions.length - 1] ?? null;
  return {
    case_id: file.caseId,
    organisation_id: file.organisationId,
    body_id: file.agenda?.bodyId ?? fold.decidedBodyId,
    diary_number: file.diaryNumber,
    title: file.title,
    title_search: normaliseForSearch(file.title),
    status: file.status,
    registered_at: file.registeredAt,
    registered_on: swedishDate(new Date(file.registeredAt)),
    last_changed_at: fold.lastChangedAt,
    decision_meeting_id: decision?.meetingId ?? null,
    decision_paragraph: decision?.paragraph ?? null,
    decision_outcome: decision?.outcome ?? null,
    fold: JSON.stringify({ ...fold, file }),
  };
}

/** The folds of the cases begun before this batch, in one read (per chunk of ids). */
async function loadFolds(tx: Kysely<CaseBoardTables>, caseIds: string[]): Promise<Map<string, BoardFold>> {
  const folds = new Map<string, BoardFold>();
  for (const part of chunks(caseIds, 1)) {
    const rows = await tx.selectFrom('rm_case_board').select(['case_id', 'fold']).where('case_id', 'in', part).execute();
    for (const row of rows) folds.set(row.case_id, JSON.parse(row.fold) as BoardFold);
  }
  return folds;
}

const ROW_COLUMNS: ReadonlyArray<keyof CaseBoardRow> = [
  'case_id',
  'organisation_id',
  'body_id',
  'diary_number',
  'title',
  'title_search',
  'status',
  'registered_at',
  'registered_on',
  'last_changed_at',
  'decision_meeting_id',
  'decision_paragraph',
  'decision_outcome',
  'fold',
];

export const caseBoardProjection: Projection<CaseBoardTables> = {
  name: 'case-board',
  // 1 was the empty stub: databases that checkpointed it must build the tables
  version: 2,
  tables: ['rm_case_board'],

  async createSchema(db: Kysely<CaseBoardTables>): Promise<void> {
    await db.schema
      .createTable('rm_case_board')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text')
      .addColumn('diary_number', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_search', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('registered_on', 'text', (c) => c.notNull())
      .addColumn('last_changed_at', 'text', (c) => c.notNull())
      .addColumn('decision_meeting_id', 'text')
      .addColumn('decision_paragraph', 'integer')
      .addColumn('decision_outcome', 'text')
      .addColumn('fold', 'text', (c) => c.notNull())
      .execute();
    // the board's order within an organisation (newest registration first, the case id breaking ties)
    await db.schema.createIndex('rm_case_board_org_registered').on('rm_case_board').columns(['organisation_id', 'registered_at', 'case_id']).execute();
    await db.schema.createIndex('rm_case_board_org_status').on('rm_case_board').columns(['organisation_id', 'status', 'registered_at']).execute();
    await db.schema.createIndex('rm_case_board_org_body').on('rm_case_board').columns(['organisation_id', 'body_id', 'registered_at']).execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<CaseBoardTables>): Promise<void> {
    const ours = events.filter((e) => e.streamId.startsWith('case-'));
    if (ours.length === 0) return;
    // a case registered in this batch has nothing stored yet: only cases begun earlier are read
    const folds = await loadFolds(tx, begunEarlier(ours));
    for (const event of ours) {
      const caseId = idOf(event.streamId);
      const fold = folds.get(caseId) ?? { file: caseDecider.initialState, decidedBodyId: null, lastChangedAt: '' };
      const domain = domainEvent(event);
      const decidedBodyId = domain.type === 'ItemOutcomeRecorded' && fold.file.status !== 'none' ? (fold.file.agenda?.bodyId ?? fold.decidedBodyId) : fold.decidedBodyId;
      const occurredAt = typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : event.recordedAt.toISOString();
      folds.set(caseId, { file: caseDecider.evolve(fold.file, domain), decidedBodyId, lastChangedAt: occurredAt });
    }
    const rows = [...folds.values()].map(rowOf).filter((r): r is CaseBoardRow => r !== null);
    for (const part of chunks(rows, ROW_COLUMNS.length)) {
      await tx
        .insertInto('rm_case_board')
        .values(part)
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(ROW_COLUMNS.filter((c) => c !== 'case_id').map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .execute();
    }
  },
};
