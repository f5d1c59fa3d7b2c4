import { Problem, ValidationFailed } from '../errors';
import { MAX_BODY_DEPTH, rawBodyRefusal, unsafeOreValues } from './json-body';

const fields = (problem: Problem | null) => (problem instanceof ValidationFailed ? problem.errors.map((e) => e.field) : problem?.ruleId);

describe('rawBodyRefusal: the text the client sent', () => {
  it.each([
    ['a plain key', '{"totalOre":6000000000.0000001}'],
    ['a \\u-escaped key', '{"total\\u004fre":6000000000.0000001}'],
    ['a key escaped throughout', '{"\\u0074\\u006f\\u0074\\u0061\\u006c\\u004f\\u0072\\u0065":1e3}'],
    ['a key with whitespace around the colon', '{"totalOre" \n:\t 1.5}'],
  ])('VALIDATION: a fractional amount under %s is refused naming the decoded field', (_what, text) => {
    expect(fields(rawBodyRefusal(text))).toEqual(['totalOre']);
  });

  it('whole amounts, amounts inside string values and other numeric fields pass', () => {
    expect(rawBodyRefusal('{"totalOre":6000000000,"rows":[{"amountOre":-150000}],"ratio":0.5,"note":"\\"fooOre\\" is text"}')).toBeNull();
  });

  it(`BAD-REQUEST: nesting deeper than ${MAX_BODY_DEPTH} is refused; exactly ${MAX_BODY_DEPTH} passes`, () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(rawBodyRefusal(nested(MAX_BODY_DEPTH))).toBeNull();
    expect(fields(rawBodyRefusal(nested(MAX_BODY_DEPTH + 1)))).toBe('BAD-REQUEST');
    expect(fields(rawBodyRefusal(`{"a":${nested(5000)}}`))).toBe('BAD-REQUEST');
  });

  it('brackets inside strings (also after an escaped quote) are not nesting', () => {
    expect(rawBodyRefusal(JSON.stringify({ title: `\\" ${'[{'.repeat(100)}` }))).toBeNull();
  });

  it('malformed text is left to the parser', () => {
    expect(rawBodyRefusal('{"title":"never closed')).toBeNull();
  });
});

describe('unsafeOreValues: the parsed body', () => {
  it('VALIDATION: any …Ore number that is not a safe integer is named by its path', () => {
    const errors = unsafeOreValues({ totalOre: 1.5, rows: [{ amountOre: 2 ** 53 }, { amountOre: 100 }], nested: { capOre: Infinity } });
    expect(errors.map((e) => e.field)).toEqual(['totalOre', 'rows.0.amountOre', 'nested.capOre']);
    expect(errors[0].rules.isWholeOre).toContain('1.5');
  });

  it('safe integers, non-numbers (left to the DTO) and other fields pass', () => {
    expect(unsafeOreValues({ totalOre: -6000000000, amountOre: '1.5', ratio: 0.5, rows: [1.5] })).toEqual([]);
  });
});
