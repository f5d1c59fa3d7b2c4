import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { categoryOf, chunks, idOf, Projection } from '../projections/projection';

/** One row per stored event: who, when, why, and the case it belongs to. */
export interface AuditLogRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  /** business time (`metadata.occurredAt`, ISO, UTC): what the time filters compare */
  occurred_at: string;
  /** when the store recorded it */
  recorded_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  /** every command acts within its actor's organisation: this is also the organisation the event belongs to */
  actor_organisation_id: string | null;
  command_id: string | null;
  command_type: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  case_id: string | null;
}

/**
 * What later events of other streams need to find their case: `agreement:<id>`, `item:<id>` (an
 * agenda item) and `delegation:<id>`, each written by the event that first names the pair.
 */
export interface AuditCaseLinkRow {
  key: string;
  case_id: string;
}

export interface AuditLogTables {
  rm_audit_log: AuditLogRow;
  rm_audit_log_case_links: AuditCaseLinkRow;
}

type Data = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * How an event finds its case without reading another stream: directly (its stream, or a `caseId`
 * in its data), through a link an earlier event wrote (`needs`), or not at all (a meeting's
 * protocol, an organisation, an idempotency record). `defines` are the links this event writes.
 */
interface CaseRef {
  caseId: string | null;
  needs: string | null;
  defines: Array<[key: string, via: 'self' | string]>;
}

const NONE: CaseRef = { caseId: null, needs: null, defines: [] };

function caseRefOf(event: RecordedEvent): CaseRef {
  const data = event.data as Data;
  switch (categoryOf(event.streamId)) {
    case 'case':
      return { ...NONE, caseId: idOf(event.streamId) };
    case 'diary':
      return { ...NONE, caseId: text(data.caseId) };
    case 'agreement': {
      const key = `agreement:${idOf(event.streamId)}`;
      // one agreement per case: its opening names the case, every later event of the stream follows it
      if (event.type === 'AgreementOpened') return { caseId: text(data.caseId), needs: null, defines: [[key, 'self']] };
      return { ...NONE, needs: key };
    }
    case 'meeting': {
      const caseId = text(data.caseId);
      const itemId = text(data.itemId);
      if (caseId !== null) return { caseId, needs: null, defines: event.type === 'AgendaItemAdded' && itemId ? [[`item:${itemId}`, 'self']] : [] };
      // conflicts, reservations, immediate adjustments, paragraph notices, appeals: the item's case
      return itemId !== null ? { ...NONE, needs: `item:${itemId}` } : NONE;
    }
    case 'delegations':
      return delegationCaseRef(event.type, data);
    default:
      return NONE;
  }
}

/** A delegation (and what is decided under it) concerns the case its agreement is handled in; an urgent decision may name a case. */
function delegationCaseRef(type: string, data: Data): CaseRef {
  const delegationId = text(data.delegationId);
  switch (type) {
    case 'DelegationGranted':
    case 'DelegationAmended': {
      const agreementId = text((data.scope as Data | undefined)?.agreementId);
      if (agreementId === null) return NONE;
      const needs = `agreement:${agreementId}`;
      return { caseId: null, needs, defines: delegationId ? [[`delegation:${delegationId}`, needs]] : [] };
    }
    case 'DelegationRevoked':
      return delegationId ? { ...NONE, needs: `delegation:${delegationId}` } : NONE;
    case 'DelegatedDecisionRecorded': {
      const agreementId = text(data.agreementId);
      return agreementId ? { ...NONE, needs: `agreement:${agreementId}` } : NONE;
    }
    case 'UrgentDecisionRecorded':
      return { ...NONE, caseId: text(data.caseId) };
    default:
      return NONE;
  }
}

function rowOf(event: RecordedEvent, caseId: string | null): AuditLogRow {
  const m = event.metadata as Data;
  const actor = (m.actor ?? {}) as Data;
  return {
    position: event.position,
    stream_id: event.streamId,
    revision: event.revision,
    event_id: event.id,
    type: event.type,
    occurred_at: text(m.occurredAt) ?? event.recordedAt.toISOString(),
    recorded_at: event.recordedAt.toISOString(),
    actor_user_id: text(actor.userId),
    actor_role: text(actor.role),
    actor_organisation_id: text(actor.organisationId),
    command_id: text(m.commandId),
    command_type: text(m.commandType),
    correlation_id: text(m.correlationId),
    causation_id: text(m.causationId),
    case_id: caseId,
  };
}

const COLUMNS = 15;

/**
 * Every event, in store order. It writes a row for every single event, so it sets the pace of a
 * rebuild: per batch one select of the case links the batch needs from earlier batches, then one
 * multi-row insert per chunk of rows (and one of new links) — nothing per event.
 */
export const auditLogProjection: Projection<AuditLogTables> = {
  name: 'audit-log',
  version: 2,
  tables: ['rm_audit_log', 'rm_audit_log_case_links'],

  async createSchema(db: Kysely<AuditLogTables>): Promise<void> {
    await db.schema
      .createTable('rm_audit_log')
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('actor_organisation_id', 'text')
      .addColumn('command_id', 'text')
      .addColumn('command_type', 'text')
      .addColumn('correlation_id', 'text')
      .addColumn('causation_id', 'text')
      .addColumn('case_id', 'text')
      .execute();
    // Every query is scoped to one organisation and ordered by position, so (organisation, position)
    // is the table's way in and no primary key is declared: on SQLite a bigint key is one more tree
    // to write for every event (only INTEGER PRIMARY KEY is the row id), and the runner's checkpoint
    // already keeps an event from being applied twice. Each index costs every event a write, so only
    // the narrow filters have one (a case, a stream, a correlation: a handful of rows among millions);
    // actor, role, type and time range walk the organisation's index in position order.
    const index = (name: string, columns: Array<keyof AuditLogRow>) => db.schema.createIndex(name).on('rm_audit_log').columns(columns).execute();
    await index('rm_audit_log_org', ['actor_organisation_id', 'position']);
    await index('rm_audit_log_case', ['case_id', 'position']);
    await index('rm_audit_log_stream', ['stream_id', 'position']);
    await index('rm_audit_log_correlation', ['correlation_id', 'position']);
    await db.schema
      .createTable('rm_audit_log_case_links')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<AuditLogTables>): Promise<void> {
    if (events.length === 0) return;
    const refs = events.map(caseRefOf);
    const links = await loadLinks(tx, refs);
    const created: AuditCaseLinkRow[] = [];
    const rows = events.map((event, i) => {
      const ref = refs[i];
      const caseId = ref.caseId ?? (ref.needs !== null ? (links.get(ref.needs) ?? null) : null);
      for (const [key, via] of ref.defines) {
        const linked = via === 'self' ? caseId : (links.get(via) ?? null);
        if (linked === null || links.has(key)) continue;
        links.set(key, linked);
        created.push({ key, case_id: linked });
      }
      return rowOf(event, caseId);
    });
    for (const part of chunks(rows, COLUMNS)) await tx.insertInto('rm_audit_log').values(part).execute();
    for (const part of chunks(created, 2)) {
      await tx
        .insertInto('rm_audit_log_case_links')
        .values(part)
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
  },
};

/** The links the batch's events use or would write, as earlier batches left them: one select per chunk of keys. */
async function loadLinks(tx: Transaction<AuditLogTables>, refs: CaseRef[]): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const ref of refs) {
    if (ref.needs !== null) wanted.add(ref.needs);
    for (const [key] of ref.defines) wanted.add(key);
  }
  const links = new Map<string, string>();
  for (const part of chunks([...wanted], 1)) {
    const found = await tx.selectFrom('rm_audit_log_case_links').select(['key', 'case_id']).where('key', 'in', part).execute();
    for (const row of found) links.set(row.key, row.case_id);
  }
  return links;
}
