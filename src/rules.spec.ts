import { join } from 'node:path';
import { collectRules } from '../scripts/rules-catalogue';

/** The habit of STYLE.md, checked: every rule id is enforced somewhere and proven by a test named after it. */
describe('the rule catalogue', () => {
  const rules = collectRules(join(__dirname, '..'));

  it('finds the rules of every capability, the legal ones among them', () => {
    const ids = rules.map((r) => r.id);
    for (const legal of ['KL-6-27', 'KL-6-28', 'KL-6-37', 'KL-6-38', 'KL-6-39', 'KL-6-40', 'KL-8-12', 'KL-13-5', 'LAG-1930-173']) {
      expect(ids).toContain(legal);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s is used outside its declaration and has a test named after it', (_id, rule) => {
    expect(rule.usedIn.filter((f) => f !== rule.declaredIn).length + (rule.usedIn.includes(rule.declaredIn) ? 1 : 0)).toBeGreaterThan(0);
    expect(rule.tests.length).toBeGreaterThan(0);
  });
});
