import { Actor } from './actor';

/** An event as a decider sees it: a fact with a type and its data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** What a decision may know besides state: who asks and when. Never read a clock inside a rule. */
export interface DecisionContext {
  actor: Actor;
  now: Date;
}

/**
 * A capability's rules as three pure functions (see STYLE.md). `decide` throws a
 * `RuleViolation` to refuse; it returns [] when the command changes nothing.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  /** stream category, e.g. 'case'; also the prefix of the stream ids it owns */
  readonly name: string;
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: DecisionContext): Event[];
  /** schema version written with each new event of a type (default 1) */
  readonly schemaVersions?: Partial<Record<Event['type'], number>>;
  /** brings stored data of an older schema version up to the current shape when read */
  upcast?(type: string, schemaVersion: number, data: object): object;
}
