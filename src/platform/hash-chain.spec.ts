import { eventHash, verifyChain } from './hash-chain';

const chain = () => {
  const first = { streamId: 's', revision: 0, type: 'A', data: { amountOre: 100 }, metadata: { actor: 'x' } as Record<string, unknown> };
  first.metadata.hash = eventHash(null, first.type, first.data, first.metadata);
  const second = { streamId: 's', revision: 1, type: 'B', data: { amountOre: 200 }, metadata: { actor: 'y' } as Record<string, unknown> };
  second.metadata.hash = eventHash(first.metadata.hash as string, second.type, second.data, second.metadata);
  return [first, second];
};

describe('hash chain', () => {
  it('verifies an unaltered stream', () => {
    expect(verifyChain(chain())).toEqual({ ok: true });
  });

  it('does not depend on key order (canonical JSON)', () => {
    expect(eventHash(null, 'A', { a: 1, b: 2 }, { x: 1, y: 2 })).toBe(eventHash(null, 'A', { b: 2, a: 1 }, { y: 2, x: 1 }));
  });

  it('names the first broken link when data was altered', () => {
    const events = chain();
    events[0].data.amountOre = 101;
    expect(verifyChain(events)).toMatchObject({ ok: false, revision: 0, found: events[0].metadata.hash });
  });

  it('breaks when an event is removed from the middle of a stream', () => {
    const [, second] = chain();
    expect(verifyChain([second])).toMatchObject({ ok: false, revision: 1 });
  });
});
