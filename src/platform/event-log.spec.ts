import { EventLog } from './event-log';

describe('EventLog', () => {
  it('given a log, when two states append to it, then each sees only its own history (a fork copies)', () => {
    const base = EventLog.of<number>([]).append(1).append(2);
    const left = base.append(3);
    const right = base.append(4);
    expect([...base]).toEqual([1, 2]);
    expect([...left]).toEqual([1, 2, 3]);
    expect([...right]).toEqual([1, 2, 4]);
    expect(left.append(5).toJSON()).toEqual([1, 2, 3, 5]);
    expect([base.length, left.length, right.length]).toEqual([2, 3, 3]);
  });

  it('given a log, when read like an array, then find, filter, map and at answer within its length', () => {
    const base = EventLog.of([10, 20, 30]);
    base.append(40);
    expect(base.find((n) => n > 25)).toBe(30);
    expect(base.find((n) => n > 35)).toBeUndefined();
    expect(base.filter((n) => n >= 20)).toEqual([20, 30]);
    expect(base.map((n, i) => n + i)).toEqual([10, 21, 32]);
    expect([base.at(0), base.at(-1), base.at(3)]).toEqual([10, 30, undefined]);
    expect(JSON.stringify({ history: base })).toBe('{"history":[10,20,30]}');
  });
});
