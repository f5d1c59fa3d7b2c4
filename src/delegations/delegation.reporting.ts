import { RuleViolation } from '../platform/errors';
import { DelegationEvent } from './delegation.events';
import { DelegationRules } from './delegation.rules';
import { RegisterState } from './delegation.state';

/**
 * Where each decision on the register was reported (KL 6:40). The register is the stream every
 * meeting of the body contends for, so a report writes it first: it holds a decision for one
 * meeting, refuses it to any other, and lets it go again when that meeting refuses the paragraph.
 */
export interface MarkReported {
  type: 'MarkReported';
  organisationId: string;
  bodyId: string;
  meetingId: string;
  paragraph: number;
  reportedOn: string;
  decisionIds: string[];
  /**
   * after the meeting's paragraph is written its number is known for certain: a decision held for
   * this meeting under another number is renumbered (without it, one held for this meeting is left as it is)
   */
  renumber?: boolean;
}

/** The meeting refused the paragraph after the register was marked for it: those decisions are unreported again. */
export interface WithdrawReport {
  type: 'WithdrawReport';
  organisationId: string;
  bodyId: string;
  meetingId: string;
  decisionIds: string[];
}

/**
 * KL-6-40: a decision is reported at one meeting. One held for another meeting is refused; one
 * already held for this meeting is left alone (a retry, or a report of this meeting under way),
 * unless `renumber` brings it the paragraph the meeting actually wrote. Ids that are not on this
 * body's register were refused by the meeting's checkReportable and are passed over here.
 */
export function markReported(command: MarkReported, state: RegisterState): DelegationEvent[] {
  const { bodyId, meetingId, paragraph, reportedOn } = command;
  const ids = [...new Set(command.decisionIds)];
  const elsewhere = ids.flatMap((id) => {
    const reported = state.decisions.get(id)?.reported;
    return reported && reported.meetingId !== meetingId ? [{ delegatedDecisionId: id, ...reported }] : [];
  });
  if (elsewhere.length > 0) {
    throw new RuleViolation(
      DelegationRules.KL_6_40,
      'Beslutet är redan anmält vid ett annat sammanträde; ett beslut anmäls en gång.',
      'The decision has already been reported at another meeting; a decision is reported once.',
      { meetingId, reportedElsewhere: elsewhere },
    );
  }
  const decisionIds = ids.filter((id) => {
    const d = state.decisions.get(id);
    if (d === undefined || d.bodyId !== bodyId) return false;
    return d.reported === null || (command.renumber === true && d.reported.paragraph !== paragraph);
  });
  if (decisionIds.length === 0) return [];
  return [{ type: 'DelegatedDecisionsReported', data: { bodyId, meetingId, paragraph, reportedOn, decisionIds } }];
}

/** Compensation: only what is held for this meeting is let go, so a retry (or a stray id) changes nothing. */
export function withdrawReport(command: WithdrawReport, state: RegisterState, now: Date): DelegationEvent[] {
  const { bodyId, meetingId } = command;
  const decisionIds = [...new Set(command.decisionIds)].filter((id) => {
    const d = state.decisions.get(id);
    return d !== undefined && d.bodyId === bodyId && d.reported?.meetingId === meetingId;
  });
  if (decisionIds.length === 0) return [];
  return [{ type: 'DelegatedDecisionReportWithdrawn', data: { bodyId, meetingId, decisionIds, withdrawnAt: now.toISOString() } }];
}

/** Unreported again: back on the list a meeting can take note of. */
export function evolveWithdrawn(state: RegisterState, decisionIds: string[]): RegisterState {
  const decisions = decisionIds.reduce((all, id) => (all.has(id) ? all.update(id, (d) => ({ ...d!, reported: null })) : all), state.decisions);
  return { ...state, decisions };
}
