/** What a state's history offers: the read side of an array, so a plain array (a decoded read model) fits as well. */
export interface History<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  find<S extends T>(predicate: (value: T) => value is S): S | undefined;
  find(predicate: (value: T) => boolean): T | undefined;
  filter<S extends T>(predicate: (value: T) => value is S): S[];
  filter(predicate: (value: T) => boolean): T[];
  map<U>(project: (value: T, index: number) => U): U[];
}

/**
 * An append-only history for a folded state, O(1) per appended event instead of copying the
 * whole array on every `evolve` (which made folding a long stream quadratic). Each log sees only
 * its first `length` items of a buffer it may share with the logs appended from it; appending to
 * an older log (a fork) copies, so no log ever sees an item appended after it — the state stays
 * a value, as evolve must leave it.
 */
export class EventLog<T> implements History<T> {
  private constructor(
    private readonly items: T[],
    readonly length: number,
  ) {}

  static of<T>(history: History<T>): EventLog<T> {
    return history instanceof EventLog ? (history as EventLog<T>) : new EventLog([...history], history.length);
  }

  append(item: T): EventLog<T> {
    if (this.items.length === this.length) {
      this.items.push(item);
      return new EventLog(this.items, this.length + 1);
    }
    const copy = this.items.slice(0, this.length);
    copy.push(item);
    return new EventLog(copy, copy.length);
  }

  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.items[i] : undefined;
  }

  find(predicate: (value: T) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) if (predicate(this.items[i])) return this.items[i];
    return undefined;
  }

  filter(predicate: (value: T) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) if (predicate(this.items[i])) out.push(this.items[i]);
    return out;
  }

  map<U>(project: (value: T, index: number) => U): U[] {
    const out: U[] = new Array<U>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = project(this.items[i], i);
    return out;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.items[i];
  }

  /** stored and compared as the plain array it stands for */
  toJSON(): T[] {
    return this.items.slice(0, this.length);
  }
}
