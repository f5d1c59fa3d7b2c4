import { Actor } from '../../src/platform/actor';
import { DecisionContext, Decider, DomainEvent } from '../../src/platform/decider';
import { Problem } from '../../src/platform/errors';

export const registrar: Actor = { userId: 'anna.registrator', role: 'registrar', organisationId: 'region-exempel' };
export const caseOfficer: Actor = { userId: 'per.handlaggare', role: 'case_officer', organisationId: 'region-exempel' };
export const committeeSecretary: Actor = { userId: 'sara.sekreterare', role: 'committee_secretary', organisationId: 'region-exempel' };
/** the chair of the regional board (also a member: members are identified by user id) */
export const chair: Actor = { userId: 'eva.ordforande', role: 'chair', organisationId: 'region-exempel' };
/** the delegate of seed 003 */
export const regionalDirector: Actor = { userId: 'anders.bystrom', role: 'regional_director', organisationId: 'region-exempel' };
export const auditor: Actor = { userId: 'rut.revisor', role: 'auditor', organisationId: 'region-exempel' };

/**
 * given(events).when(command).then(events) — a decider spec reads like the rule it proves.
 * Refusals are checked by rule id: `thenRefuses('DIARY-NUMBER-SEQUENCE')`.
 */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, ...history: E[]) {
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState);
  return {
    state,
    when(command: C, context: Partial<DecisionContext> = {}) {
      const ctx: DecisionContext = { actor: registrar, now: new Date('2022-03-15T09:00:00Z'), ...context };
      let events: E[] | undefined;
      let error: unknown;
      try {
        events = decider.decide(command, state, ctx);
      } catch (e) {
        error = e;
      }
      return {
        then(expected: E[]) {
          if (error) throw error;
          expect(events).toEqual(expected);
        },
        thenRefuses(ruleId: string) {
          expect(error).toBeInstanceOf(Problem);
          expect((error as Problem).ruleId).toBe(ruleId);
          expect(events).toBeUndefined();
        },
      };
    },
  };
}
