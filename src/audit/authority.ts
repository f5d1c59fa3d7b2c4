import { formatKronor } from '../agreements/money';
import { swedishDate } from '../calendar/swedish-calendar';
import { delegationDecider, delegationsStreamId, RegisterState } from '../delegations/delegation.decider';
import { Authority, Delegate } from '../delegations/mandate';
import { meetingDecider, meetingStreamId, MeetingState } from '../meetings/meeting.decider';
import { adjustmentOf } from '../meetings/meeting.protocol';
import { EventStore } from '../event-store/event-store.port';
import { foldUntil } from './history';

/** A body's decision as a person finds it in the protocol: which body, which meeting, which §. */
export interface BodyDecisionReading {
  kind: 'body';
  bodyId: string;
  bodyName: string | null;
  meetingId: string;
  /** the Swedish date of the meeting */
  meetingDate: string | null;
  paragraph: number;
  /** the case decided under that § */
  diaryNumber: string | null;
  caseTitle: string | null;
  outcome: string | null;
  /** the protocol (or the § alone) is adjusted; adjustedOn is the day */
  adjusted: boolean;
  adjustedOn: string | null;
  annulled: boolean;
  /** one line for people, e.g. "Regionstyrelsen 2022-03-22 § 1 (justerat 2022-03-24)" */
  text: string;
}

/** A delegated decision as the register knows it: under which delegation and version, by whom, when. */
export interface DelegatedDecisionReading {
  kind: 'delegated';
  delegatedDecisionId: string;
  delegationId: string;
  delegationVersion: number;
  bodyId: string;
  /** who the delegation (that version) names as delegate */
  delegate: Delegate | null;
  decidedBy: string;
  decidedAt: string;
  /** the body's decision behind that version of the delegation */
  grantedBy: { meetingId: string; paragraph: number } | null;
  /** KL 6:40: where it was reported to the body, if it was */
  reported: { meetingId: string; paragraph: number; reportedOn: string } | null;
  text: string;
}

export type AuthorityReading = BodyDecisionReading | DelegatedDecisionReading;

const delegateText = (d: Delegate | null) => (d === null ? 'okänd delegat' : d.kind === 'person' ? d.userId : `rollen ${d.role}`);

/**
 * Resolves the authority an event names into what a person reads, from the meetings' and the
 * registers' own streams (each folded once per resolver). Used by explain and mandate.
 */
export class AuthorityResolver {
  private readonly meetings = new Map<string, Promise<MeetingState>>();
  private readonly registers = new Map<string, Promise<RegisterState>>();

  constructor(private readonly store: EventStore) {}

  meeting(meetingId: string): Promise<MeetingState> {
    let found = this.meetings.get(meetingId);
    if (!found) this.meetings.set(meetingId, (found = foldUntil(this.store, meetingDecider, meetingStreamId(meetingId)).then((f) => f.state)));
    return found;
  }

  register(organisationId: string): Promise<RegisterState> {
    let found = this.registers.get(organisationId);
    if (!found) this.registers.set(organisationId, (found = foldUntil(this.store, delegationDecider, delegationsStreamId(organisationId)).then((f) => f.state)));
    return found;
  }

  async body(ref: { bodyId: string; meetingId: string; paragraph: number }): Promise<BodyDecisionReading> {
    const meeting = await this.meeting(ref.meetingId);
    const convened = meeting.status === 'none' ? null : meeting;
    const item = convened?.items.find((i) => i.decision?.paragraph === ref.paragraph) ?? null;
    const adjustment = convened && item ? adjustmentOf(convened, item) : null;
    const adjustedOn = adjustment?.adjustedOn ?? null;
    const bodyName = convened?.bodyName ?? null;
    const date = convened?.date ?? null;
    const annulled = item?.rulings.some((r) => r.outcome === 'annulled') ?? false;
    const state = adjustedOn ? `justerat ${adjustedOn}` : 'ej justerat';
    return {
      kind: 'body',
      bodyId: ref.bodyId,
      bodyName,
      meetingId: ref.meetingId,
      meetingDate: date,
      paragraph: ref.paragraph,
      diaryNumber: item?.diaryNumber ?? null,
      caseTitle: item?.title ?? null,
      outcome: item?.decision?.outcome ?? null,
      adjusted: adjustedOn !== null,
      adjustedOn,
      annulled,
      text: `${bodyName ?? ref.bodyId} ${date ?? '(okänt sammanträde)'} § ${ref.paragraph} (${state}${annulled ? ', upphävt' : ''})`,
    };
  }

  async delegated(organisationId: string, authority: Extract<Authority, { kind: 'delegated' }>, decidedAt: string, amountOre?: number): Promise<DelegatedDecisionReading> {
    const register = await this.register(organisationId);
    const version = register.delegations.get(authority.delegationId)?.versions.find((v) => v.version === authority.delegationVersion) ?? null;
    const entry = register.decisions.get(authority.delegatedDecisionId);
    const amount = amountOre === undefined ? '' : ` om ${formatKronor(amountOre)}`;
    return {
      kind: 'delegated',
      delegatedDecisionId: authority.delegatedDecisionId,
      delegationId: authority.delegationId,
      delegationVersion: authority.delegationVersion,
      bodyId: authority.bodyId,
      delegate: version?.delegate ?? null,
      decidedBy: authority.decidedBy,
      decidedAt,
      grantedBy: version ? { meetingId: version.decision.meetingId, paragraph: version.decision.paragraph } : null,
      reported: entry?.reported ?? null,
      text:
        `Delegationsbeslut${amount} av ${authority.decidedBy} ${swedishDate(new Date(decidedAt))} enligt delegation ` +
        `${authority.delegationId} version ${authority.delegationVersion} (delegat: ${delegateText(version?.delegate ?? null)})`,
    };
  }

  /** Any authority an agreement's event names; `organisationId` is the agreement's. */
  resolve(organisationId: string, authority: Authority, decidedAt: string, amountOre?: number): Promise<AuthorityReading> {
    return authority.kind === 'body' ? this.body(authority) : this.delegated(organisationId, authority, decidedAt, amountOre);
  }
}
