/** Time comes from here, never from `new Date()` inside rules, so tests control it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/**
 * Real time. Only the demo loader ever pins it (to tell the seed's story at the seed's dates,
 * before the service takes requests) and releases it again.
 */
export class SystemClock implements Clock {
  private pinned: Date | null = null;
  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }
  set(to: Date): void {
    this.pinned = new Date(to);
  }
  release(): void {
    this.pinned = null;
  }
}

/** A clock tests can set and move. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
