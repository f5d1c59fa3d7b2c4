import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ExpressionBuilder, Kysely } from 'kysely';
import { swedishDate } from '../calendar/swedish-calendar';
import { CaseFacts } from '../cases/case-facts';
import { Organisations } from '../organisations/organisations.service';
import { requireRegisterAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { CLOCK, Clock } from '../platform/clock';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound, ValidationFailed } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import type { ItemOutcome } from './decision-authority';
import { DecisionRegisterRow, DecisionRegisterTables, decisionRegisterMeetings } from './decision-register.projection';
import { DecisionRegisterFilter, DecisionRegisterRowView, RegisterMeetingStatus } from './decision-register.dto';
import { appealWindow, LegalForceStatus, legalForceOf } from './meeting.protocol';
import { findItem, latestRuling, MeetingState } from './meeting.state';
import { MeetingWriter } from './meetings.handlers';

export class ListDecisionRegisterQuery {
  constructor(
    readonly filter: DecisionRegisterFilter,
    readonly actor: Actor,
  ) {}
}

const BODY = { sv: 'Organet', en: 'The body' };
const CASE = { sv: 'Ärendet', en: 'The case' };

type Where = ExpressionBuilder<DecisionRegisterTables, 'rm_decision_register'>;

/**
 * The rows whose legal force is `status` today. A row's stored `final_status` is what
 * `legalForceOf` answers once every window has run; only `legal_force` still moves with the days,
 * and `legalForceOf` then answers: `appeal_window_open` through the appeal end,
 * `ruling_appealable` until a dismissal can no longer be appealed, `legal_force` from
 * `legal_force_on`. The answers shown are `legalForceOf`'s own, computed on the meeting.
 */
export function legalForceIs(status: LegalForceStatus, today: string) {
  return (eb: Where) => {
    const moving = eb('final_status', '=', 'legal_force');
    switch (status) {
      case 'legal_force':
        return eb.and([moving, eb('legal_force_on', '<=', today)]);
      case 'appeal_window_open':
        return eb.and([moving, eb('appeal_ends_on', '>=', today)]);
      case 'ruling_appealable':
        return eb.and([moving, eb('appeal_ends_on', '<', today), eb('legal_force_on', '>', today)]);
      default:
        return eb('final_status', '=', status);
    }
  };
}

function view(row: DecisionRegisterRow, state: MeetingState | undefined, today: string): DecisionRegisterRowView {
  const meeting = state && state.status !== 'none' ? state : null;
  const item = meeting && row.item_id !== null ? findItem(meeting, row.item_id) : undefined;
  const ruling = item ? latestRuling(item) : null;
  const legalForce = meeting && item ? legalForceOf(meeting, item, today) : null;
  return {
    meetingId: row.meeting_id,
    organisationId: row.organisation_id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    meetingDate: row.meeting_date,
    meetingStartsAt: row.meeting_starts_at,
    meetingStatus: row.meeting_status as RegisterMeetingStatus,
    cancellation: meeting?.cancellation ?? null,
    kind: row.kind,
    itemId: row.item_id,
    paragraph: row.paragraph === null ? null : Number(row.paragraph),
    caseId: row.case_id,
    diaryNumber: row.diary_number,
    title: row.title,
    outcome: row.outcome as ItemOutcome | null,
    struck: item?.struck ?? null,
    adjustedOn: row.adjusted_on,
    adjustedImmediately: Number(row.adjusted_immediately) === 1,
    noticePostedOn: row.notice_posted_on,
    noticeOverdue: Number(row.notice_overdue) === 1,
    appealWindow: row.notice_posted_on !== null && row.appeal_ends_on !== null ? appealWindow(row.notice_posted_on) : null,
    appeals: { lodged: Number(row.appeals_lodged), ruled: Number(row.appeals_ruled), latestRuling: ruling },
    legalForce: legalForce && { status: legalForce.status, legalForceOn: legalForce.legalForceOn, note: legalForce.note },
  };
}

/**
 * The decision register of the actor's organisation: per body and meeting, § by §, newest meeting
 * first; legal force as of today's Swedish date (the injected clock). REGISTER-ROLE: not for recipients.
 */
@QueryHandler(ListDecisionRegisterQuery)
export class ListDecisionRegisterHandler implements IQueryHandler<ListDecisionRegisterQuery, Page<DecisionRegisterRowView>> {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly organisations: Organisations,
    private readonly meetings: MeetingWriter,
    private readonly cases: CaseFacts,
  ) {}

  async execute({ filter, actor }: ListDecisionRegisterQuery): Promise<Page<DecisionRegisterRowView>> {
    requireRegisterAccess(actor.role);
    await this.requireKnown(filter, actor);
    const today = swedishDate(this.clock.now());
    const reader = this.db.reader as Kysely<DecisionRegisterTables>;
    let query = reader.selectFrom('rm_decision_register').selectAll().where('organisation_id', '=', actor.organisationId);
    if (filter.bodyId) query = query.where('body_id', '=', filter.bodyId);
    if (filter.meetingId) query = query.where('meeting_id', '=', filter.meetingId);
    if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
    if (filter.legalForce) query = query.where(legalForceIs(filter.legalForce, today));
    if (filter.meetingFrom) query = query.where('meeting_date', '>=', filter.meetingFrom);
    if (filter.meetingTo) query = query.where('meeting_date', '<=', filter.meetingTo);
    const page = await paginate(
      query,
      (q) => q.orderBy('meeting_date', 'desc').orderBy('meeting_starts_at', 'desc').orderBy('meeting_id').orderBy('sort_key').orderBy('row_id'),
      filter,
      (row) => row,
    );
    // one read of the folded meetings the page shows: legalForceOf needs the meeting, not just the row
    const states = await decisionRegisterMeetings.load(reader, page.items.map((row) => row.meeting_id));
    return { ...page, items: page.items.map((row) => view(row, states.get(row.meeting_id), today)) };
  }

  /** Unknown (or another organisation's) ids in the filters are answered 404, as their own endpoints answer them. */
  private async requireKnown(filter: DecisionRegisterFilter, actor: Actor): Promise<void> {
    ownOrganisation(actor, filter.organisationId);
    if (filter.meetingFrom && filter.meetingTo && filter.meetingFrom > filter.meetingTo) {
      throw new ValidationFailed([{ field: 'meetingTo', rules: { dateRange: 'meetingTo must not be before meetingFrom' } }]);
    }
    if (filter.bodyId !== undefined && !(await this.organisations.body(actor.organisationId, filter.bodyId))) {
      throw new NotFound(BODY, { bodyId: filter.bodyId });
    }
    if (filter.meetingId !== undefined) await this.meetings.load(filter.meetingId, actor);
    if (filter.caseId !== undefined) {
      const found = await this.cases.get(filter.caseId);
      if (!found || found.organisationId !== actor.organisationId) throw new NotFound(CASE, { caseId: filter.caseId });
    }
  }
}
