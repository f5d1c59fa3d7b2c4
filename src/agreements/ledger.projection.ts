import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { FoldedStateRow, FoldedStates } from '../projections/folded-state';
import { chunks, idOf, Projection } from '../projections/projection';
import { agreementDecider } from './agreement.decider';
import { AgreementState, allocatedIn, budgetedTotal, initialAgreementState, OpenedAgreement, spentTotal } from './agreement.state';
import { AgreementEvent } from './agreements.events';

/** One agreement in the list: what its filters and ordering need, and its headline figures. */
export interface LedgerAgreementRow {
  agreement_id: string;
  organisation_id: string;
  case_id: string;
  name: string;
  /** name and state reference in lower case (sv), for the search */
  name_search: string;
  state_reference: string;
  year: number;
  deciding_body_id: string | null;
  total_ore: number;
  budgeted_ore: number;
  allocated_ore: number;
  spent_ore: number;
  revision: number;
  /** store position of the opening: the list's order within a year (names would sort differently on the two databases) */
  opened_position: number;
}

/**
 * Every change of an agreement: the event's data (upcast), and the areas and activities it
 * concerns as `|id|id|` for the changes' filters (slugs and uuids hold no LIKE wildcards). The
 * history entry is made from it when asked, by the aggregate's own historyEntry, as GET
 * /api/agreements/:agreementId makes it: summarised against the agreement as it stands.
 */
export interface LedgerChangeRow {
  agreement_id: string;
  revision: number;
  type: string;
  data: string;
  area_ids: string;
  activity_ids: string;
}

export interface LedgerTables {
  rm_allocation_ledger_state: FoldedStateRow;
  rm_allocation_ledger_agreements: LedgerAgreementRow;
  rm_allocation_ledger_changes: LedgerChangeRow;
}

/**
 * The agreement folded by the domain's own `evolve`, and the stream revision it has reached. The
 * history the aggregate keeps is dropped after every event: the changes table holds it, and
 * keeping it here would make every batch rewrite the whole history of each agreement it touches.
 */
export interface LedgerFold {
  revision: number;
  /** store position of AgreementOpened (null before it) */
  openedPosition: number | null;
  agreement: AgreementState;
}

export const LEDGER_STATES = new FoldedStates<LedgerFold>('rm_allocation_ledger_state');
const STREAM_PREFIX = 'agreement-';

export interface ChangeRefs {
  areaIds: string[];
  activityIds: string[];
}

/** The areas and activities an event is about; the agreement as a whole (opening, reporting back) names none. */
export function refsOf(event: AgreementEvent): ChangeRefs {
  const refs = (areaIds: string[], activityIds: string[] = []) => ({ areaIds: [...new Set(areaIds)], activityIds: [...new Set(activityIds)] });
  switch (event.type) {
    case 'AreaBudgetsSet':
      return refs(event.data.budgets.map((b) => b.areaId));
    case 'ActivityAllocated':
    case 'OutcomeReported':
      return refs([event.data.areaId], [event.data.activityId]);
    case 'FundsReallocatedWithinArea':
      return refs([event.data.areaId], [event.data.fromActivityId, event.data.toActivityId]);
    case 'FundsReallocatedBetweenAreas':
      return refs([event.data.fromAreaId, event.data.toAreaId]);
    case 'RepaymentComputed':
      return refs(event.data.areas.map((a) => a.areaId));
    case 'RepaymentRecomputed':
      return refs(
        event.data.areas.map((a) => a.areaId),
        [event.data.activityId],
      );
    case 'AgreementOpened':
    case 'ReportingBackRecorded':
      return refs([]);
  }
}

/** `|a|b|`: a LIKE on `%|a|%` finds the changes that concern `a`. */
export const refList = (ids: string[]) => `|${ids.join('|')}|`;

function listRow(state: OpenedAgreement, revision: number, openedPosition: number): LedgerAgreementRow {
  // the aggregate's own arithmetic (agreement.state.ts), as toLedgerSummary does it, without formatting every figure
  return {
    agreement_id: state.agreementId,
    organisation_id: state.organisationId,
    case_id: state.caseId,
    name: state.name,
    name_search: `${state.name} ${state.stateReference}`.toLocaleLowerCase('sv'),
    state_reference: state.stateReference,
    year: state.year,
    deciding_body_id: state.decidingBodyId,
    total_ore: state.totalOre,
    budgeted_ore: budgetedTotal(state),
    allocated_ore: state.areas.reduce((sum, a) => sum + allocatedIn(state, a.areaId), 0),
    spent_ore: spentTotal(state),
    revision,
    opened_position: openedPosition,
  };
}

/** The event as the decider reads it: older schema versions upcast, as CommandPipeline.load does. */
function domainEvent(event: RecordedEvent): AgreementEvent {
  const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
  const data = agreementDecider.upcast ? agreementDecider.upcast(event.type, version, event.data) : event.data;
  return { type: event.type, data } as AgreementEvent;
}

/**
 * The allocation ledger (huvudbok) of every agreement: the agreement folded with the aggregate's
 * own `evolve` and figured with its own ledger functions, so the read model cannot disagree with
 * GET /api/agreements/:agreementId; each change kept with the decision that authorised it.
 */
export const ledgerProjection: Projection<LedgerTables> = {
  name: 'allocation-ledger',
  version: 2,
  tables: ['rm_allocation_ledger_state', 'rm_allocation_ledger_agreements', 'rm_allocation_ledger_changes'],

  async createSchema(db: Kysely<LedgerTables>): Promise<void> {
    await LEDGER_STATES.createSchema(db);
    await db.schema
      .createTable('rm_allocation_ledger_agreements')
      .addColumn('agreement_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_search', 'text', (c) => c.notNull())
      .addColumn('state_reference', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('deciding_body_id', 'text')
      .addColumn('total_ore', 'bigint', (c) => c.notNull())
      .addColumn('budgeted_ore', 'bigint', (c) => c.notNull())
      .addColumn('allocated_ore', 'bigint', (c) => c.notNull())
      .addColumn('spent_ore', 'bigint', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('opened_position', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rm_allocation_ledger_agreements_list').on('rm_allocation_ledger_agreements').columns(['year', 'opened_position']).execute();
    await db.schema.createIndex('rm_allocation_ledger_agreements_org').on('rm_allocation_ledger_agreements').columns(['organisation_id', 'year']).execute();
    await db.schema
      .createTable('rm_allocation_ledger_changes')
      .addColumn('agreement_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('area_ids', 'text', (c) => c.notNull())
      .addColumn('activity_ids', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rm_allocation_ledger_changes_pk', ['agreement_id', 'revision'])
      .execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<LedgerTables>): Promise<void> {
    const mine = events.filter((e) => e.streamId.startsWith(STREAM_PREFIX));
    if (mine.length === 0) return;
    const folds = await LEDGER_STATES.load<LedgerTables>(tx, mine.map((e) => idOf(e.streamId)));
    const touched = new Set<string>();
    const changes: LedgerChangeRow[] = [];
    for (const recorded of mine) {
      const agreementId = idOf(recorded.streamId);
      const fold = folds.get(agreementId) ?? { revision: -1, openedPosition: null, agreement: initialAgreementState };
      const event = domainEvent(recorded);
      const evolved = agreementDecider.evolve(fold.agreement, event);
      const agreement: AgreementState = evolved.status === 'open' ? { ...evolved, history: [] } : evolved;
      const openedPosition = fold.openedPosition ?? (event.type === 'AgreementOpened' ? recorded.position : null);
      folds.set(agreementId, { revision: recorded.revision, openedPosition, agreement });
      touched.add(agreementId);
      if (agreement.status !== 'open') continue;
      const { areaIds, activityIds } = refsOf(event);
      const data = JSON.stringify(event.data);
      changes.push({ agreement_id: agreementId, revision: recorded.revision, type: event.type, data, area_ids: refList(areaIds), activity_ids: refList(activityIds) });
    }
    const saved = new Map([...touched].map((id) => [id, folds.get(id)!]));
    await LEDGER_STATES.save<LedgerTables>(tx, saved);
    const rows = [...saved.values()].flatMap(({ agreement, revision, openedPosition }) =>
      agreement.status === 'open' ? [listRow(agreement, revision, openedPosition ?? 0)] : [],
    );
    for (const part of chunks(rows, 14)) {
      await tx
        .insertInto('rm_allocation_ledger_agreements')
        .values(part)
        .onConflict((oc) =>
          oc.column('agreement_id').doUpdateSet((eb) => ({
            deciding_body_id: eb.ref('excluded.deciding_body_id'),
            budgeted_ore: eb.ref('excluded.budgeted_ore'),
            allocated_ore: eb.ref('excluded.allocated_ore'),
            spent_ore: eb.ref('excluded.spent_ore'),
            revision: eb.ref('excluded.revision'),
          })),
        )
        .execute();
    }
    for (const part of chunks(changes, 6)) await tx.insertInto('rm_allocation_ledger_changes').values(part).execute();
  },
};
