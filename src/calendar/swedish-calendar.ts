import Holidays from 'date-holidays';

/**
 * Calendar dates (YYYY-MM-DD) as Swedish law counts them. Legal deadlines are whole days in
 * Swedish time, so instants are turned into Stockholm dates before any counting.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const holidays = new Holidays('SE');
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The date it is in Sweden at this instant. */
export function swedishDate(instant: Date): IsoDate {
  return stockholmDate.format(instant); // sv-SE formats as YYYY-MM-DD
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * LAG-1930-173 (lag 1930:173 om beräkning av lagstadgad tid): besides Saturdays and Sundays,
 * public holidays (allmän helgdag) and midsommarafton, julafton and nyårsafton do not end a
 * deadline. The holiday dates come from date-holidays (maintained, covers Easter and the moving
 * feasts); its SE set types the three eves as "bank".
 */
const workingDays = new Map<IsoDate, boolean>();

/** Public holidays never move once known, and asking date-holidays costs ~2 ms: each date is asked once. */
export function isWorkingDay(date: IsoDate): boolean {
  let known = workingDays.get(date);
  if (known === undefined) workingDays.set(date, (known = computeWorkingDay(date)));
  return known;
}

function computeWorkingDay(date: IsoDate): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  // noon UTC is the same date in Stockholm all year; a local-time noon is not when the process runs far from Sweden
  const found = holidays.isHoliday(new Date(`${date}T12:00:00Z`)) || [];
  return !found.some((h) => h.type === 'public' || h.type === 'bank');
}

/** LAG-1930-173: a deadline that ends on a Saturday, Sunday or holiday moves to the next working day. */
export function deadlineOn(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
