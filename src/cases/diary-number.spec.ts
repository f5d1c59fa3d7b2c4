import { formatDiaryNumber, parseDiaryNumber, swedishYear } from './diary-number';

describe('diary numbers', () => {
  it('formats prefix, year and a five-digit sequence', () => {
    expect(formatDiaryNumber({ registry: 'RS', year: 2022, sequence: 123 })).toBe('RS 2022-00123');
  });

  it('parses what it formats and nothing else', () => {
    expect(parseDiaryNumber('RS 2022-00123')).toEqual({ registry: 'RS', year: 2022, sequence: 123 });
    expect(parseDiaryNumber('HSN 2023-00001')).toEqual({ registry: 'HSN', year: 2023, sequence: 1 });
    expect(parseDiaryNumber('RS 2022-123')).toBeUndefined();
    expect(parseDiaryNumber('RS 2022-00000')).toBeUndefined();
    expect(parseDiaryNumber('rs 2022-00001')).toBeUndefined();
  });

  it('takes the year on Swedish time: 31 December 23:30 UTC is already the new year in Stockholm', () => {
    expect(swedishYear(new Date('2022-12-31T23:30:00Z'))).toBe(2023);
    expect(swedishYear(new Date('2022-12-31T22:30:00Z'))).toBe(2022);
  });
});
