import { formatKronor, NBSP } from './money';

/** Swedish typesetting: digit groups and "kr" joined by non-breaking spaces (shown here as ␣). */
const shown = (text: string) => text.replaceAll(NBSP, '␣');

describe('formatKronor: öre shown as Swedish kronor', () => {
  it.each([
    [123_456_700, '1␣234␣567␣kr'],
    [60_000_000_00, '60␣000␣000␣kr'],
    [100, '1␣kr'],
    [0, '0␣kr'],
    [123_450, '1␣234,50␣kr'],
    [5, '0,05␣kr'],
    [-250_000, '-2␣500␣kr'],
  ])('%i öre → %s', (ore, expected) => {
    expect(shown(formatKronor(ore))).toBe(expected);
  });

  it('uses non-breaking spaces, never normal ones, so an amount is not split across lines', () => {
    expect(formatKronor(123_456_700)).toBe('1\u00a0234\u00a0567\u00a0kr');
    expect(formatKronor(123_456_700)).not.toContain(' ');
  });

  it('groups like sv-SE number formatting does', () => {
    const kronor = 987_654_321;
    expect(formatKronor(kronor * 100)).toBe(`${new Intl.NumberFormat('sv-SE').format(kronor).replace(/\s/g, NBSP)}${NBSP}kr`);
  });

  it('refuses what is not a whole number of öre', () => {
    expect(() => formatKronor(1.5)).toThrow(RangeError);
    expect(() => formatKronor(Number.NaN)).toThrow(RangeError);
  });
});
