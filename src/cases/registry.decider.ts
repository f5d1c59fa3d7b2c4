import { Map as ImmutableMap } from 'immutable';
import { Decider } from '../platform/decider';
import { DiaryNumberAssigned, RegistryEvent } from './cases.events';
import { refuse } from './cases.rules';
import { formatDiaryNumber, MAX_SEQUENCE } from './diary-number';

export interface AssignDiaryNumber {
  caseId: string;
  registry: string;
  year: number;
  title: string;
}

export interface RegistryState {
  lastSequence: number;
  /** every case that got a number, so a retried registration gets the same one back */
  assigned: ImmutableMap<string, DiaryNumberAssigned['data']>;
}

/**
 * The diarium of one registry and year (DIARY-NUMBER-SEQUENCE). The next number is the last one
 * plus one; the stream's expected revision makes two racing registrations unable to take the same.
 */
export const registryDecider: Decider<AssignDiaryNumber, RegistryEvent, RegistryState> = {
  name: 'diary',
  initialState: { lastSequence: 0, assigned: ImmutableMap() },

  evolve(state, event) {
    switch (event.type) {
      case 'DiaryNumberAssigned':
        return { lastSequence: event.data.sequence, assigned: state.assigned.set(event.data.caseId, event.data) };
    }
  },

  decide(command, state, { actor }) {
    if (actor.role !== 'registrar') throw refuse.notRegistrar(actor.role);
    if (state.assigned.has(command.caseId)) return [];
    if (state.lastSequence >= MAX_SEQUENCE) throw refuse.sequenceExhausted(command.registry, command.year);
    const sequence = state.lastSequence + 1;
    const number = { registry: command.registry, year: command.year, sequence };
    return [
      {
        type: 'DiaryNumberAssigned',
        data: { caseId: command.caseId, ...number, diaryNumber: formatDiaryNumber(number), title: command.title },
      },
    ];
  },
};
