/** Non-breaking space: keeps the digit groups and "kr" on one line, as Swedish typesetting does. */
export const NBSP = '\u00a0';

/**
 * Öre as Swedish kronor for people: `formatKronor(123456700)` → "1 234 567 kr" (groups of three
 * separated by non-breaking spaces), with öre after a decimal comma only when there are any:
 * "1 234,50 kr". Money is formatted only at the edge; amounts stay integer öre everywhere else.
 */
export function formatKronor(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`not a whole number of öre: ${ore}`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const rest = abs % 100;
  return `${sign}${kronor}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}${NBSP}kr`;
}
