import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { chunks, idOf, Projection } from '../projections/projection';
import { Batch, decisionKey, domainEvent, DelegationRegisterTables } from './delegation-register.batch';

export type { DelegationRegisterTables } from './delegation-register.batch';

const STREAM_PREFIX = 'delegations-';

/** The columns an upsert replaces: every one but the keys (a row written by a batch is the whole truth about it). */
const DELEGATION_COLUMNS = ['body_id', 'latest_version', 'valid_from', 'valid_until', 'delegate_user_id', 'delegate_role', 'agreement_id', 'revoked_at', 'revocation', 'granted_position'] as const;
const DECISION_COLUMNS = [
  'kind',
  'body_id',
  'delegation_id',
  'delegation_version',
  'decision_kind',
  'summary',
  'amount_ore',
  'agreement_id',
  'decided_at',
  'decided_on',
  'decided_by',
  'decision_text',
  'case_id',
  'reported_meeting_id',
  'reported_paragraph',
  'reported_on',
  'hold_holder_id',
  'hold_confirmed',
  'recorded_position',
] as const;

/**
 * The delegation register (delegationsordning) of every organisation: delegations with every
 * version, the decisions taken under them and the chair's urgent decisions, and where each was
 * reported — following the holds, confirmations and withdrawals of the two-stream reporting
 * exactly as the register's own evolve does. "In force" depends on today: it is decided when asked.
 */
export const delegationRegisterProjection: Projection<DelegationRegisterTables> = {
  name: 'delegation-register',
  version: 2,
  tables: ['rm_delegation_register_delegations', 'rm_delegation_register_versions', 'rm_delegation_register_decisions'],

  async createSchema(db: Kysely<DelegationRegisterTables>): Promise<void> {
    await db.schema
      .createTable('rm_delegation_register_delegations')
      .addColumn('delegation_id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text', (c) => c.notNull())
      .addColumn('latest_version', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text')
      .addColumn('delegate_user_id', 'text')
      .addColumn('delegate_role', 'text')
      .addColumn('agreement_id', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revocation', 'text')
      .addColumn('granted_position', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rm_delegation_register_delegations_order').on('rm_delegation_register_delegations').column('granted_position').execute();
    await db.schema
      .createIndex('rm_delegation_register_delegations_org')
      .on('rm_delegation_register_delegations')
      .columns(['organisation_id', 'granted_position'])
      .execute();
    await db.schema
      .createTable('rm_delegation_register_versions')
      .addColumn('delegation_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rm_delegation_register_versions_pk', ['delegation_id', 'version'])
      .execute();
    await db.schema
      .createTable('rm_delegation_register_decisions')
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('delegated_decision_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body_id', 'text', (c) => c.notNull())
      .addColumn('delegation_id', 'text')
      .addColumn('delegation_version', 'integer')
      .addColumn('decision_kind', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('amount_ore', 'bigint')
      .addColumn('agreement_id', 'text')
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decision_text', 'text')
      .addColumn('case_id', 'text')
      .addColumn('reported_meeting_id', 'text')
      .addColumn('reported_paragraph', 'integer')
      .addColumn('reported_on', 'text')
      .addColumn('hold_holder_id', 'text')
      .addColumn('hold_confirmed', 'integer')
      .addColumn('recorded_position', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rm_delegation_register_decisions_pk', ['organisation_id', 'delegated_decision_id'])
      .execute();
    await db.schema.createIndex('rm_delegation_register_decisions_order').on('rm_delegation_register_decisions').column('recorded_position').execute();
    await db.schema.createIndex('rm_delegation_register_decisions_id').on('rm_delegation_register_decisions').column('delegated_decision_id').execute();
    await db.schema
      .createIndex('rm_delegation_register_decisions_body')
      .on('rm_delegation_register_decisions')
      .columns(['organisation_id', 'body_id', 'recorded_position'])
      .execute();
    await db.schema
      .createIndex('rm_delegation_register_decisions_delegation')
      .on('rm_delegation_register_decisions')
      .columns(['delegation_id', 'recorded_position'])
      .execute();
  },

  async apply(events: RecordedEvent[], tx: Transaction<DelegationRegisterTables>): Promise<void> {
    const mine = events.filter((e) => e.streamId.startsWith(STREAM_PREFIX)).map((e) => ({ organisationId: idOf(e.streamId), position: e.position, event: domainEvent(e) }));
    if (mine.length === 0) return;
    const batch = new Batch();
    // what earlier batches wrote and this one changes: loaded once, by id
    const delegationIds = new Set<string>();
    const decisionIds = new Set<string>();
    for (const { event } of mine) {
      if (event.type === 'DelegationAmended' || event.type === 'DelegationRevoked') delegationIds.add(event.data.delegationId);
      if (event.type === 'DelegatedDecisionsReported' || event.type === 'DelegatedDecisionReportWithdrawn') event.data.decisionIds.forEach((id) => decisionIds.add(id));
    }
    for (const part of chunks([...delegationIds], 1)) {
      const rows = await tx.selectFrom('rm_delegation_register_delegations').selectAll().where('delegation_id', 'in', part).execute();
      for (const row of rows) batch.delegations.set(row.delegation_id, row);
    }
    for (const part of chunks([...decisionIds], 1)) {
      const rows = await tx.selectFrom('rm_delegation_register_decisions').selectAll().where('delegated_decision_id', 'in', part).execute();
      for (const row of rows) batch.decisions.set(decisionKey(row.organisation_id, row.delegated_decision_id), row);
    }
    for (const { organisationId, event, position } of mine) batch.apply(organisationId, event, position);

    const delegations = [...batch.dirtyDelegations].map((id) => batch.delegations.get(id)!);
    for (const part of chunks(delegations, 12)) {
      await tx
        .insertInto('rm_delegation_register_delegations')
        .values(part)
        .onConflict((oc) => oc.column('delegation_id').doUpdateSet((eb) => Object.fromEntries(DELEGATION_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
        .execute();
    }
    for (const part of chunks(batch.versions, 4)) await tx.insertInto('rm_delegation_register_versions').values(part).execute();
    const decisions = [...batch.dirtyDecisions].map((key) => batch.decisions.get(key)!);
    for (const part of chunks(decisions, 22)) {
      await tx
        .insertInto('rm_delegation_register_decisions')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'delegated_decision_id']).doUpdateSet((eb) => Object.fromEntries(DECISION_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .execute();
    }
  },
};
