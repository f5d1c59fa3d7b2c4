import { swedishDate } from '../calendar/swedish-calendar';
import { RecordedEvent } from '../event-store/event-store.port';
import { categoryOf, idOf } from '../projections/projection';
import {
  agreementTexts,
  appealWindowText,
  CANCELLED_TEXT,
  MeetingFacts,
  NOTICE_WITH_PROTOCOL_TEXT,
  noticeDueBy,
  noticeText,
  protocolAdjustmentDueBy,
  protocolAdjustmentText,
  ReportableDecision,
  reportText,
} from './deadline-terms';
import { bodyKeyOf, DeadlineKind, deadlineKey, DeadlineMeetingRow, DeadlineRow, newDeadlineRow } from './deadlines.tables';

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Business time: the clock of the command that caused the event. */
export const occurredAt = (event: RecordedEvent): string => str(event.metadata.occurredAt) ?? event.recordedAt.toISOString();

/**
 * One batch's working set: the rows and meetings the batch touches, loaded once, changed in
 * memory event by event in store order, then written back. Event by event (never "at the end of
 * the batch") so that where a batch happens to end changes nothing: a rebuild and a restart give
 * the same rows.
 */
export class DeadlineBatch {
  readonly dirtyRows = new Set<string>();
  readonly dirtyMeetings = new Set<string>();
  /** every meeting of each body a decision can fall due at (complete for the bodies the batch touches) */
  private readonly bodyMeetings = new Map<string, DeadlineMeetingRow[]>();
  /** each body's meetings that are not cancelled, by start (then id): built when asked, dropped when a meeting is convened or cancelled */
  private readonly upcomingByBody = new Map<string, Array<{ at: number; meeting: DeadlineMeetingRow }>>();
  /** keys of the decisions each body has yet to be told of */
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    readonly rows: Map<string, DeadlineRow>,
    readonly meetings: Map<string, DeadlineMeetingRow>,
    bodies: Iterable<string>,
  ) {
    for (const body of bodies) {
      this.bodyMeetings.set(body, []);
      this.pending.set(body, new Set());
    }
    for (const m of meetings.values()) this.bodyMeetings.get(bodyKeyOf(m.organisation_id, m.body_id))?.push(m);
    for (const row of rows.values()) {
      if (row.kind === 'delegated-decision-report' && row.done === 0 && row.body_id !== null) {
        this.pending.get(bodyKeyOf(row.organisation_id, row.body_id))?.add(row.key);
      }
    }
  }

  apply(event: RecordedEvent): void {
    const data = event.data as Data;
    const category = categoryOf(event.streamId);
    if (category === 'meeting') this.meetingEvent(event, idOf(event.streamId), data);
    else if (category === 'agreement') this.agreementEvent(event, idOf(event.streamId), data);
    else if (category === 'delegations' && (event.type === 'DelegatedDecisionRecorded' || event.type === 'UrgentDecisionRecorded')) this.decisionTaken(event, data);
  }

  private meetingEvent(event: RecordedEvent, meetingId: string, data: Data): void {
    if (event.type === 'MeetingConvened') return this.convened(meetingId, data);
    const meeting = this.meetings.get(meetingId);
    if (!meeting) return;
    const facts: MeetingFacts = { date: meeting.date, bodyName: meeting.body_name };
    const protocolKey = deadlineKey('protocol-adjustment', meetingId);
    switch (event.type) {
      case 'AgendaItemAdded': {
        const items = JSON.parse(meeting.items) as Record<string, string>;
        items[String(data.itemId)] = String(data.caseId);
        meeting.items = JSON.stringify(items);
        this.dirtyMeetings.add(meetingId);
        return;
      }
      // held: attendance is recorded once the meeting has started; closed: the protocol can be signed
      case 'AttendanceRecorded':
      case 'MeetingClosed':
        this.ensureProtocol(meeting, event);
        return;
      case 'ProtocolAdjusted': {
        const adjustedOn = String(data.adjustedOn);
        this.done(this.ensureProtocol(meeting, event), event, adjustedOn);
        this.open(event, meeting, 'notice', meetingId, { due_on: noticeDueBy(adjustedOn), description: noticeText(facts, adjustedOn, null) });
        return;
      }
      case 'ParagraphAdjusted': {
        const adjustedOn = String(data.adjustedOn);
        const paragraph = num(data.paragraph);
        const item = this.item(meeting, data);
        this.open(event, meeting, 'notice', `${meetingId}:${item.item_id}`, { ...item, paragraph, due_on: noticeDueBy(adjustedOn), description: noticeText(facts, adjustedOn, paragraph) });
        return;
      }
      case 'AdjustmentNoticePosted':
        return this.noticePosted(event, meeting, facts, data);
      case 'MeetingCancelled': {
        meeting.cancelled = 1;
        this.dirtyMeetings.add(meetingId);
        const protocol = this.rows.get(protocolKey);
        if (protocol && protocol.done === 0) this.done(protocol, event, swedishDate(new Date(occurredAt(event))), protocol.description + CANCELLED_TEXT);
        this.refreshDue(bodyKeyOf(meeting.organisation_id, meeting.body_id));
        return;
      }
      case 'DelegatedDecisionsReported': {
        const reportedOn = String(data.reportedOn);
        for (const id of (data.decisionIds as string[] | undefined) ?? []) {
          const row = this.rows.get(deadlineKey('delegated-decision-report', id));
          if (!row || row.done === 1) continue;
          this.done(row, event, reportedOn);
          if (row.body_id !== null) this.pending.get(bodyKeyOf(row.organisation_id, row.body_id))?.delete(row.key);
        }
        return;
      }
    }
  }

  private convened(meetingId: string, data: Data): void {
    const meeting: DeadlineMeetingRow = {
      meeting_id: meetingId,
      organisation_id: String(data.organisationId),
      body_id: String(data.bodyId),
      body_name: String(data.bodyName),
      starts_at: new Date(String(data.startsAt)).toISOString(),
      date: String(data.date),
      cancelled: 0,
      items: '{}',
    };
    this.meetings.set(meetingId, meeting);
    this.dirtyMeetings.add(meetingId);
    const body = bodyKeyOf(meeting.organisation_id, meeting.body_id);
    this.bodyMeetings.get(body)?.push(meeting);
    this.refreshDue(body);
  }

  private item(meeting: DeadlineMeetingRow, data: Data): Pick<DeadlineRow, 'item_id' | 'case_id'> {
    const itemId = String(data.itemId);
    return { item_id: itemId, case_id: (JSON.parse(meeting.items) as Record<string, string>)[itemId] ?? null };
  }

  /** KL-13-5: the notice of the protocol (or of one immediately adjusted paragraph) starts its appeal window. */
  private noticePosted(event: RecordedEvent, meeting: DeadlineMeetingRow, facts: MeetingFacts, data: Data): void {
    const postedOn = String(data.postedOn);
    const itemId = str(data.itemId);
    if (itemId === null) {
      const notice = this.rows.get(deadlineKey('notice', meeting.meeting_id));
      if (notice && notice.done === 0) this.done(notice, event, postedOn);
      // a paragraph adjusted on its own but not yet announced is announced with the protocol
      for (const row of this.rows.values()) {
        if (row.kind === 'notice' && row.meeting_id === meeting.meeting_id && row.item_id !== null && row.done === 0) {
          this.done(row, event, postedOn, row.description + NOTICE_WITH_PROTOCOL_TEXT);
        }
      }
      const window = appealWindowText(facts, postedOn, null);
      this.open(event, meeting, 'appeal-window', meeting.meeting_id, { due_on: window.endsOn, description: window.text });
      return;
    }
    const subject = `${meeting.meeting_id}:${itemId}`;
    const notice = this.rows.get(deadlineKey('notice', subject));
    if (notice && notice.done === 0) this.done(notice, event, postedOn);
    const paragraph = notice?.paragraph ?? null;
    const window = appealWindowText(facts, postedOn, paragraph);
    this.open(event, meeting, 'appeal-window', subject, { ...this.item(meeting, { itemId }), paragraph, due_on: window.endsOn, description: window.text });
  }

  private ensureProtocol(meeting: DeadlineMeetingRow, event: RecordedEvent): DeadlineRow {
    const facts: MeetingFacts = { date: meeting.date, bodyName: meeting.body_name };
    return this.open(event, meeting, 'protocol-adjustment', meeting.meeting_id, {
      due_on: protocolAdjustmentDueBy(meeting.date),
      description: protocolAdjustmentText(facts),
    });
  }

  /** A meeting's deadline, raised once: the first event that raises it decides its terms. */
  private open(event: RecordedEvent, meeting: DeadlineMeetingRow, kind: DeadlineKind, subjectId: string, fields: Partial<DeadlineRow>): DeadlineRow {
    return this.raise(event, kind, subjectId, { organisation_id: meeting.organisation_id, body_id: meeting.body_id, meeting_id: meeting.meeting_id, ...fields });
  }

  private raise(event: RecordedEvent, kind: DeadlineKind, subjectId: string, fields: Partial<DeadlineRow> & { organisation_id: string }): DeadlineRow {
    const key = deadlineKey(kind, subjectId);
    const existing = this.rows.get(key);
    if (existing) return existing;
    const row: DeadlineRow = { ...newDeadlineRow(kind, subjectId, occurredAt(event)), ...fields };
    this.rows.set(key, row);
    this.dirtyRows.add(key);
    return row;
  }

  private done(row: DeadlineRow, event: RecordedEvent, on: string, description = row.description): void {
    if (row.done === 1) return;
    Object.assign(row, { done: 1, done_on: on, done_at: occurredAt(event), done_by: event.type, description });
    this.dirtyRows.add(row.key);
  }

  /** KL 6:40 and 6:39: a decision the body must be told of, at its next meeting. */
  private decisionTaken(event: RecordedEvent, data: Data): void {
    const urgent = event.type === 'UrgentDecisionRecorded';
    const decisionId = String(data.delegatedDecisionId);
    const organisationId = String(data.organisationId);
    const bodyId = String(data.bodyId);
    const agreementId = str(data.agreementId);
    // a delegated decision moves an agreement's money: its case is the agreement's (known from the agreement's own rows)
    const caseId = urgent ? str(data.caseId) : (agreementId && this.rows.get(deadlineKey('agreement-use', agreementId))?.case_id) || null;
    const row = this.raise(event, 'delegated-decision-report', decisionId, {
      organisation_id: organisationId,
      body_id: bodyId,
      decision_id: decisionId,
      agreement_id: agreementId,
      case_id: caseId,
      decided_at: String(data.decidedAt),
      facts: JSON.stringify({ kind: urgent ? 'urgent' : 'delegated', summary: String(urgent ? data.subject : data.summary), decidedBy: String(data.decidedBy) }),
    });
    const body = bodyKeyOf(organisationId, bodyId);
    this.pending.get(body)?.add(row.key);
    this.assignDue(row, body, true);
  }

  private upcoming(body: string): Array<{ at: number; meeting: DeadlineMeetingRow }> {
    let sorted = this.upcomingByBody.get(body);
    if (!sorted) {
      sorted = (this.bodyMeetings.get(body) ?? [])
        .filter((m) => m.cancelled === 0)
        .map((meeting) => ({ at: Date.parse(meeting.starts_at), meeting }))
        .sort((a, b) => a.at - b.at || (a.meeting.meeting_id < b.meeting.meeting_id ? -1 : a.meeting.meeting_id > b.meeting.meeting_id ? 1 : 0));
      this.upcomingByBody.set(body, sorted);
    }
    return sorted;
  }

  private refreshDue(body: string): void {
    this.upcomingByBody.delete(body);
    for (const key of this.pending.get(body) ?? []) this.assignDue(this.rows.get(key)!, body, false);
  }

  /** Due at the first meeting of the body that starts after the decision and is not cancelled; undated while there is none. */
  private assignDue(row: DeadlineRow, body: string, fresh: boolean): void {
    const after = Date.parse(row.decided_at ?? '');
    const upcoming = this.upcoming(body);
    // binary search: the first meeting starting after the decision
    let lo = 0;
    let hi = upcoming.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (upcoming[mid].at <= after) lo = mid + 1;
      else hi = mid;
    }
    const next: DeadlineMeetingRow | null = upcoming[lo]?.meeting ?? null;
    const dueMeetingId = next?.meeting_id ?? null;
    if (!fresh && dueMeetingId === row.due_meeting_id) return;
    const terms = JSON.parse(row.facts ?? '{}') as Omit<ReportableDecision, 'decidedAt'>;
    const bodyName = next?.body_name ?? this.bodyMeetings.get(body)?.[0]?.body_name ?? row.body_id ?? '';
    row.due_meeting_id = dueMeetingId;
    row.due_on = next?.date ?? null;
    row.description = reportText({ ...terms, decidedAt: row.decided_at ?? '' }, bodyName, row.due_on);
    this.dirtyRows.add(row.key);
  }

  private agreementEvent(event: RecordedEvent, agreementId: string, data: Data): void {
    const kinds = (...k: DeadlineKind[]) => k.map((kind) => this.rows.get(deadlineKey(kind, agreementId))).filter((r): r is DeadlineRow => r !== undefined);
    switch (event.type) {
      case 'AgreementOpened': {
        const facts = {
          name: String(data.name),
          stateReference: String(data.stateReference),
          useDeadline: String(data.useDeadline),
          reportingDate: String(data.reportingDate),
          repaymentDate: String(data.repaymentDate),
        };
        const texts = agreementTexts(facts);
        const common = { organisation_id: String(data.organisationId), agreement_id: agreementId, case_id: str(data.caseId) };
        this.raise(event, 'agreement-use', agreementId, { ...common, due_on: facts.useDeadline, description: texts.use });
        this.raise(event, 'agreement-reporting', agreementId, { ...common, due_on: facts.reportingDate, description: texts.reporting });
        this.raise(event, 'agreement-repayment', agreementId, { ...common, due_on: facts.repaymentDate, description: texts.repayment });
        return;
      }
      // the body whose first decision set the budgets decides the agreement's money: its deadlines are the body's
      case 'AreaBudgetsSet': {
        const bodyId = str((data.authority as Data | undefined)?.bodyId);
        for (const row of kinds('agreement-use', 'agreement-reporting', 'agreement-repayment')) {
          if (row.body_id !== null || bodyId === null) continue;
          row.body_id = bodyId;
          this.dirtyRows.add(row.key);
        }
        return;
      }
      // settled: every outcome is in after the use deadline, and the amount to repay is known
      case 'RepaymentComputed':
        for (const row of kinds('agreement-use', 'agreement-repayment')) this.done(row, event, String(data.computedOn));
        return;
      case 'ReportingBackRecorded':
        for (const row of kinds('agreement-reporting')) this.done(row, event, String(data.submittedOn));
        return;
    }
  }
}
