import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Kysely } from 'kysely';
import { swedishDate } from '../calendar/swedish-calendar';
import { Organisations } from '../organisations/organisations.service';
import { requireRegisterAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { Clock, CLOCK } from '../platform/clock';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound, ValidationFailed } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import { DeadlinesFilter, DeadlineView } from './deadlines.dto';
import { DeadlineRow, DeadlinesTables } from './deadlines.tables';

export class ListDeadlinesQuery {
  constructor(
    readonly filter: DeadlinesFilter,
    readonly actor: Actor,
  ) {}
}

const BODY = { sv: 'Organet', en: 'The body' };
const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

/**
 * Whether a deadline is overdue depends on today, so it is decided here with the clock, never
 * stored. An appeal window is not a task: it is never overdue, it ends (and then counts as done).
 */
export function viewOf(row: DeadlineRow, today: string): DeadlineView {
  const ended = row.kind === 'appeal-window' && row.due_on !== null && row.due_on < today;
  const done = row.done === 1 || ended;
  return {
    key: row.key,
    kind: row.kind,
    subject: {
      meetingId: row.meeting_id,
      itemId: row.item_id,
      paragraph: nullableNumber(row.paragraph),
      caseId: row.case_id,
      agreementId: row.agreement_id,
      decisionId: row.decision_id,
    },
    organisationId: row.organisation_id,
    bodyId: row.body_id,
    dueOn: row.due_on,
    dueMeetingId: row.due_meeting_id,
    overdue: !done && row.kind !== 'appeal-window' && row.due_on !== null && row.due_on < today,
    done,
    doneOn: row.done === 1 ? row.done_on : ended ? row.due_on : null,
    doneAt: row.done_at,
    doneBy: row.done_by,
    description: row.description,
    openedAt: row.opened_at,
  };
}

/** The deadlines of the actor's organisation, earliest first, undated last. REGISTER-ROLE: not for recipients. */
@QueryHandler(ListDeadlinesQuery)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlinesQuery, Page<DeadlineView>> {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly organisations: Organisations,
  ) {}

  async execute({ filter, actor }: ListDeadlinesQuery): Promise<Page<DeadlineView>> {
    requireRegisterAccess(actor.role);
    ownOrganisation(actor, filter.organisationId);
    if (filter.dueFrom && filter.dueBefore && filter.dueFrom >= filter.dueBefore) {
      throw new ValidationFailed([{ field: 'dueBefore', rules: { dateRange: 'dueBefore must be after dueFrom' } }]);
    }
    if (filter.bodyId !== undefined && !(await this.organisations.body(actor.organisationId, filter.bodyId))) {
      throw new NotFound(BODY, { bodyId: filter.bodyId });
    }
    const today = swedishDate(this.clock.now());
    const reader = this.db.reader as Kysely<DeadlinesTables>;
    let query = reader.selectFrom('rm_deadlines').selectAll().where('organisation_id', '=', actor.organisationId);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
    if (filter.dueFrom !== undefined) query = query.where('due_on', '>=', filter.dueFrom);
    if (filter.dueBefore !== undefined) query = query.where('due_on', '<', filter.dueBefore);
    if (filter.includeDone !== true) {
      query = query.where('done', '=', 0).where((eb) => eb.not(eb.and([eb('kind', '=', 'appeal-window'), eb('due_on', '<', today)])));
    }
    return paginate(
      query,
      (q) =>
        q
          .orderBy((eb) => eb.case().when('due_on', 'is', null).then(1).else(0).end())
          .orderBy('due_on')
          .orderBy('key'),
      filter,
      (row) => viewOf(row, today),
    );
  }
}
