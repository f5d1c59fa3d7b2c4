import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Kysely, sql } from 'kysely';
import { Organisations } from '../organisations/organisations.service';
import { requireRegisterAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound, ValidationFailed } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import { CaseBoardRow, CaseBoardTables, normaliseForSearch } from './case-board.projection';
import { CaseBoardFilter, CaseBoardRowView } from './case-board.dto';
import type { CaseStatus } from './case.state';
import type { ItemOutcome } from '../meetings/decision-authority';

export class ListCaseBoardQuery {
  constructor(
    readonly filter: CaseBoardFilter,
    readonly actor: Actor,
  ) {}
}

const BODY = { sv: 'Organet', en: 'The body' };

/** `like` takes `%` and `_` as wildcards: a search for them means the characters themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * The diary number as typed, as a `like` pattern: a registry alone (`RS`) means that registry, not
 * every registry beginning with those letters (`RSU`); anything longer is a prefix (or the whole number).
 */
export function diaryNumberPattern(typed: string): string {
  const upper = typed.toLocaleUpperCase('sv');
  return /^[A-ZÅÄÖ]+$/.test(upper) ? `${upper} %` : `${upper}%`;
}

/** what the board shows: every column but the projection's fold */
const BOARD_COLUMNS = [
  'case_id',
  'organisation_id',
  'body_id',
  'diary_number',
  'title',
  'status',
  'registered_at',
  'registered_on',
  'last_changed_at',
  'decision_meeting_id',
  'decision_paragraph',
  'decision_outcome',
] as const satisfies ReadonlyArray<keyof CaseBoardRow>;

function view(row: Pick<CaseBoardRow, (typeof BOARD_COLUMNS)[number]>): CaseBoardRowView {
  return {
    caseId: row.case_id,
    organisationId: row.organisation_id,
    bodyId: row.body_id,
    diaryNumber: row.diary_number,
    title: row.title,
    status: row.status as CaseStatus,
    registeredAt: row.registered_at,
    registeredOn: row.registered_on,
    lastChangedAt: row.last_changed_at,
    decision:
      row.decision_meeting_id !== null && row.decision_paragraph !== null
        ? { meetingId: row.decision_meeting_id, paragraph: Number(row.decision_paragraph), outcome: row.decision_outcome as ItemOutcome }
        : null,
  };
}

/**
 * The case board of the actor's organisation (a case of another organisation is not ours to show,
 * as `GET /cases/:id` answers), newest registration first. REGISTER-ROLE: not for recipients.
 */
@QueryHandler(ListCaseBoardQuery)
export class ListCaseBoardHandler implements IQueryHandler<ListCaseBoardQuery, Page<CaseBoardRowView>> {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
    private readonly organisations: Organisations,
  ) {}

  async execute({ filter, actor }: ListCaseBoardQuery): Promise<Page<CaseBoardRowView>> {
    requireRegisterAccess(actor.role);
    ownOrganisation(actor, filter.organisationId);
    if (filter.registeredFrom && filter.registeredTo && filter.registeredFrom > filter.registeredTo) {
      throw new ValidationFailed([{ field: 'registeredTo', rules: { dateRange: 'registeredTo must not be before registeredFrom' } }]);
    }
    if (filter.bodyId !== undefined && !(await this.organisations.body(actor.organisationId, filter.bodyId))) {
      throw new NotFound(BODY, { bodyId: filter.bodyId });
    }
    const reader = this.db.reader as Kysely<CaseBoardTables>;
    let query = reader.selectFrom('rm_case_board').select(BOARD_COLUMNS).where('organisation_id', '=', actor.organisationId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
    if (filter.diaryNumber) query = query.where('diary_number', 'like', diaryNumberPattern(filter.diaryNumber));
    if (filter.q) {
      const pattern = `%${likeLiteral(normaliseForSearch(filter.q.trim()))}%`;
      query = query.where(sql<boolean>`${sql.ref('title_search')} like ${pattern} escape '!'`);
    }
    if (filter.registeredFrom) query = query.where('registered_on', '>=', filter.registeredFrom);
    if (filter.registeredTo) query = query.where('registered_on', '<=', filter.registeredTo);
    return paginate(query, (q) => q.orderBy('registered_at', 'desc').orderBy('case_id', 'desc'), filter, view);
  }
}
