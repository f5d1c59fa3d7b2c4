import { execFileSync } from 'node:child_process';
import { addDays, daysBetween, deadlineOn, isIsoDate, isWorkingDay, swedishDate } from './swedish-calendar';

describe('Swedish calendar', () => {
  describe('deadlineOn (lag 1930:173 om beräkning av lagstadgad tid)', () => {
    it('LAG-1930-173: an ordinary weekday stays', () => {
      expect(deadlineOn('2022-04-05')).toBe('2022-04-05'); // Tuesday
      expect(isWorkingDay('2022-04-05')).toBe(true);
    });

    it('LAG-1930-173: a Saturday or a Sunday moves to Monday', () => {
      expect(deadlineOn('2022-04-02')).toBe('2022-04-04');
      expect(deadlineOn('2022-04-03')).toBe('2022-04-04');
    });

    it('LAG-1930-173: långfredagen moves past the whole Easter weekend to the Tuesday', () => {
      expect(deadlineOn('2023-04-07')).toBe('2023-04-11');
    });

    it('LAG-1930-173: annandag påsk moves to the Tuesday', () => {
      expect(deadlineOn('2022-04-18')).toBe('2022-04-19');
    });

    it('LAG-1930-173: Kristi himmelsfärds dag moves to the Friday', () => {
      expect(deadlineOn('2022-05-26')).toBe('2022-05-27');
    });

    it('LAG-1930-173: nationaldagen moves to the next day', () => {
      expect(deadlineOn('2022-06-06')).toBe('2022-06-07');
    });

    it('LAG-1930-173: midsommarafton is no working day; with midsommardagen and the Sunday it moves to Monday', () => {
      expect(isWorkingDay('2022-06-24')).toBe(false);
      expect(deadlineOn('2022-06-24')).toBe('2022-06-27');
      // three weeks from a notice posted 3 June 2022 end on midsommarafton
      expect(deadlineOn(addDays('2022-06-03', 21))).toBe('2022-06-27');
    });

    it('LAG-1930-173: julafton moves past juldagen and annandag jul', () => {
      expect(deadlineOn('2024-12-24')).toBe('2024-12-27');
    });

    it('LAG-1930-173: nyårsafton moves past nyårsdagen', () => {
      expect(deadlineOn('2024-12-31')).toBe('2025-01-02');
    });

    it('LAG-1930-173: other eves the law does not name (trettondagsafton, valborgsmässoafton) stay working days', () => {
      expect(deadlineOn('2023-01-05')).toBe('2023-01-05');
      expect(deadlineOn('2024-04-30')).toBe('2024-04-30');
    });

    it('LAG-1930-173: holidays are found on the Swedish date whatever time zone the process runs in', () => {
      // Jest sandboxes process.env, so the zones are tried in a plain Node process of their own
      const script = `
        const { isWorkingDay, deadlineOn } = require(${JSON.stringify(require.resolve('./swedish-calendar'))});
        const out = {};
        for (const zone of ['Pacific/Pago_Pago', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Stockholm', 'UTC']) {
          process.env.TZ = zone;
          out[zone] = [isWorkingDay('2023-06-06'), isWorkingDay('2023-06-07'), deadlineOn('2023-04-07')];
        }
        process.stdout.write(JSON.stringify(out));`;
      const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { encoding: 'utf8' });
      const expected = [false, true, '2023-04-11'];
      expect(JSON.parse(output)).toEqual({
        'Pacific/Pago_Pago': expected,
        'Pacific/Kiritimati': expected,
        'America/Los_Angeles': expected,
        'Europe/Stockholm': expected,
        UTC: expected,
      });
    });
  });

  describe('swedishDate', () => {
    it('is the date in Stockholm: New Year’s Eve 23:30 UTC is already New Year’s Day (UTC+1 in winter)', () => {
      expect(swedishDate(new Date('2022-12-31T22:59:59Z'))).toBe('2022-12-31');
      expect(swedishDate(new Date('2022-12-31T23:30:00Z'))).toBe('2023-01-01');
    });

    it('is the date in Stockholm in summer time too (UTC+2): 22:30 UTC is already the next day', () => {
      expect(swedishDate(new Date('2022-06-30T21:59:59Z'))).toBe('2022-06-30');
      expect(swedishDate(new Date('2022-06-30T22:30:00Z'))).toBe('2022-07-01');
    });
  });

  describe('date arithmetic', () => {
    it('adds days across month and year ends and counts whole days', () => {
      expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
      expect(addDays('2022-03-27', 1)).toBe('2022-03-28'); // the night summer time starts
      expect(daysBetween('2022-03-15', '2022-04-05')).toBe(21);
    });

    it('accepts only real calendar dates', () => {
      expect(isIsoDate('2022-02-28')).toBe(true);
      expect(isIsoDate('2022-02-30')).toBe(false);
      expect(isIsoDate('2022-2-28')).toBe(false);
    });
  });
});
