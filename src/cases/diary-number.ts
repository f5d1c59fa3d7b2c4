/** A diary number (diarienummer): registry prefix, year and a five-digit sequence, `RS 2022-00123`. */
export interface DiaryNumber {
  registry: string;
  year: number;
  sequence: number;
}

export const REGISTRY_PREFIX = /^[A-ZÅÄÖ]{1,8}$/;
export const MAX_SEQUENCE = 99_999;
const PATTERN = /^([A-ZÅÄÖ]{1,8}) (\d{4})-(\d{5})$/;

export function formatDiaryNumber({ registry, year, sequence }: DiaryNumber): string {
  return `${registry} ${year}-${String(sequence).padStart(5, '0')}`;
}

export function parseDiaryNumber(text: string): DiaryNumber | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const sequence = Number(match[3]);
  if (sequence < 1) return undefined;
  return { registry: match[1], year: Number(match[2]), sequence };
}

const yearInSweden = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/** The diary year is the year of registration on Swedish local time (New Year's Eve 23:30 UTC is already next year). */
export function swedishYear(at: Date): number {
  return Number(yearInSweden.format(at));
}

/** One registry stream per organisation, registry and year: it alone hands out the sequence. */
export function registryStreamId(organisationId: string, registry: string, year: number): string {
  return `diary-${organisationId}-${registry}-${year}`;
}

export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}
