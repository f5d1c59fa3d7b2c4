import { RuleViolation } from '../platform/errors';
import { DelegatedDecisionsReported, DelegationEvent } from './delegation.events';
import { DelegationRules } from './delegation.rules';
import { RegisterEntry, RegisterState } from './delegation.state';

/**
 * Where each decision on the register was reported (KL 6:40). The register is the stream every
 * meeting of the body contends for, so a report writes it first: it holds a decision for one
 * meeting in the name of one report (its holder), refuses it to any other, and lets it go again
 * when that report's meeting refuses the paragraph.
 */
export interface MarkReported {
  type: 'MarkReported';
  organisationId: string;
  bodyId: string;
  meetingId: string;
  paragraph: number;
  reportedOn: string;
  decisionIds: string[];
  /** the report holding them: the same for every try of one request, so a retry finds its own hold */
  holderId?: string;
  /**
   * after the meeting's paragraph is written its number is known for certain: the hold is
   * confirmed under the paragraph the meeting actually wrote
   */
  renumber?: boolean;
}

/** The meeting refused the paragraph after the register was marked for it: what this holder holds there is unreported again. */
export interface WithdrawReport {
  type: 'WithdrawReport';
  organisationId: string;
  bodyId: string;
  meetingId: string;
  decisionIds: string[];
  holderId?: string;
}

const NO_HOLDER = '';
const holderOf = (d: RegisterEntry) => d.hold?.holderId ?? NO_HOLDER;
// a report recorded before holds named their holder was written in one go with its paragraph
const confirmedHold = (d: RegisterEntry) => d.hold?.confirmed ?? true;

function refuseHeld(meetingId: string, held: Array<Record<string, unknown>>, sv: string, en: string): never {
  throw new RuleViolation(DelegationRules.KL_6_40, sv, en, { meetingId, reportedElsewhere: held });
}

/**
 * KL-6-40: a decision is reported at one meeting, by one report. One held for another meeting is
 * refused; one held for this meeting by another report is refused while that report is under way
 * and left alone once its paragraph is written (the meeting then answers with that paragraph);
 * one this holder already holds is left alone, unless `renumber` confirms it under the paragraph
 * the meeting wrote. Ids that are not on this body's register were refused by the meeting's
 * checkReportable and are passed over here.
 */
export function markReported(command: MarkReported, state: RegisterState): DelegationEvent[] {
  const { bodyId, meetingId, paragraph, reportedOn } = command;
  const holderId = command.holderId ?? NO_HOLDER;
  const confirm = command.renumber === true;
  const ids = [...new Set(command.decisionIds)];
  const entries = ids.flatMap((id) => {
    const d = state.decisions.get(id);
    return d !== undefined && d.bodyId === bodyId ? [d] : [];
  });
  const elsewhere = entries.filter((d) => d.reported && d.reported.meetingId !== meetingId);
  if (elsewhere.length > 0) {
    refuseHeld(
      meetingId,
      elsewhere.map((d) => ({ delegatedDecisionId: d.delegatedDecisionId, ...d.reported })),
      'Beslutet är redan anmält vid ett annat sammanträde; ett beslut anmäls en gång.',
      'The decision has already been reported at another meeting; a decision is reported once.',
    );
  }
  const underWay = entries.filter((d) => d.reported && holderOf(d) !== holderId && !confirmedHold(d));
  if (underWay.length > 0) {
    refuseHeld(
      meetingId,
      underWay.map((d) => ({ delegatedDecisionId: d.delegatedDecisionId, ...d.reported })),
      'Beslutet anmäls redan vid sammanträdet i en annan anmälan; ett beslut anmäls en gång.',
      'The decision is already being reported at this meeting by another report; a decision is reported once.',
    );
  }
  const decisionIds = entries
    .filter((d) => {
      if (d.reported === null) return true;
      if (holderOf(d) !== holderId) return false;
      return confirm && (!confirmedHold(d) || d.reported.paragraph !== paragraph);
    })
    .map((d) => d.delegatedDecisionId);
  if (decisionIds.length === 0) return [];
  const data: DelegatedDecisionsReported['data'] = { bodyId, meetingId, paragraph, reportedOn, decisionIds };
  if (command.holderId !== undefined) data.holderId = command.holderId;
  if (confirm) data.confirmed = true;
  return [{ type: 'DelegatedDecisionsReported', data }];
}

/** Compensation: only what this holder holds for this meeting, not yet confirmed, is let go, so a retry (or a stray id) changes nothing. */
export function withdrawReport(command: WithdrawReport, state: RegisterState, now: Date): DelegationEvent[] {
  const { bodyId, meetingId } = command;
  const holderId = command.holderId ?? NO_HOLDER;
  const decisionIds = [...new Set(command.decisionIds)].filter((id) => {
    const d = state.decisions.get(id);
    return d !== undefined && d.bodyId === bodyId && d.reported?.meetingId === meetingId && holderOf(d) === holderId && !confirmedHold(d);
  });
  if (decisionIds.length === 0) return [];
  return [{ type: 'DelegatedDecisionReportWithdrawn', data: { bodyId, meetingId, decisionIds, withdrawnAt: now.toISOString() } }];
}

/** Held (or confirmed) for that meeting, by that report. */
export function evolveReported(state: RegisterState, data: DelegatedDecisionsReported['data']): RegisterState {
  const { meetingId, paragraph, reportedOn, holderId } = data;
  const hold = holderId === undefined ? null : { holderId, confirmed: data.confirmed === true };
  const decisions = data.decisionIds.reduce(
    (all, id) => (all.has(id) ? all.update(id, (d) => ({ ...d!, reported: { meetingId, paragraph, reportedOn }, hold })) : all),
    state.decisions,
  );
  return { ...state, decisions };
}

/** Unreported again: back on the list a meeting can take note of. */
export function evolveWithdrawn(state: RegisterState, decisionIds: string[]): RegisterState {
  const decisions = decisionIds.reduce((all, id) => (all.has(id) ? all.update(id, (d) => ({ ...d!, reported: null, hold: null })) : all), state.decisions);
  return { ...state, decisions };
}
