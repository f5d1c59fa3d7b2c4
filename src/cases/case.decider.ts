import { Decider } from '../platform/decider';
import { CaseEvent, CaseRegistered, DiaryNumberAssigned } from './cases.events';
import { refuse } from './cases.rules';

export interface RegisterCase {
  assignment: DiaryNumberAssigned['data'];
  organisationId: string;
  description: string | null;
}

export type CaseState = { status: 'none' } | ({ status: 'registered' } & CaseRegistered['data']);

/** A case (ärende) from registration on. Later issues add the report, preparation and decisions. */
export const caseDecider: Decider<RegisterCase, CaseEvent, CaseState> = {
  name: 'case',
  initialState: { status: 'none' },

  evolve(_state, event) {
    switch (event.type) {
      case 'CaseRegistered':
        return { status: 'registered', ...event.data };
    }
  },

  decide(command, state, { actor, now }) {
    if (state.status !== 'none') {
      // the same registration retried changes nothing; anything else is a second registration
      if (state.diaryNumber === command.assignment.diaryNumber) return [];
      throw refuse.alreadyRegistered(state.diaryNumber);
    }
    const { caseId, registry, year, sequence, diaryNumber, title } = command.assignment;
    return [
      {
        type: 'CaseRegistered',
        data: {
          caseId,
          organisationId: command.organisationId,
          diaryNumber,
          registry,
          year,
          sequence,
          title,
          description: command.description,
          registeredAt: now.toISOString(),
          registeredBy: actor.userId,
        },
      },
    ];
  },
};
