import { caseOfficer, given } from '../../test/support/given';
import { DiaryNumberAssigned } from './cases.events';
import { CaseRules } from './cases.rules';
import { registryDecider } from './registry.decider';

const assigned = (sequence: number, caseId = `case-${sequence}`): DiaryNumberAssigned => ({
  type: 'DiaryNumberAssigned',
  data: {
    caseId,
    registry: 'RS',
    year: 2022,
    sequence,
    diaryNumber: `RS 2022-${String(sequence).padStart(5, '0')}`,
    title: 'Ärende',
  },
});
const assign = (caseId: string) => ({ caseId, registry: 'RS', year: 2022, title: 'Ärende' });

describe('registry decider (diarium)', () => {
  it(`${CaseRules.DIARY_NUMBER_SEQUENCE}: the first case of a registry and year gets 00001`, () => {
    given(registryDecider).when(assign('case-1')).then([assigned(1, 'case-1')]);
  });

  it(`${CaseRules.DIARY_NUMBER_SEQUENCE}: the next number is the last one plus one, no gaps`, () => {
    given(registryDecider, assigned(1), assigned(2), assigned(3)).when(assign('case-4')).then([assigned(4, 'case-4')]);
  });

  it(`${CaseRules.DIARY_NUMBER_SEQUENCE}: a retried registration of the same case takes no new number`, () => {
    given(registryDecider, assigned(1), assigned(2, 'case-x'), assigned(3)).when(assign('case-x')).then([]);
  });

  it(`${CaseRules.DIARY_NUMBER_SEQUENCE}: refuses a sixth digit when 99999 is used`, () => {
    given(registryDecider, assigned(99_999)).when(assign('case-next')).thenRefuses(CaseRules.DIARY_NUMBER_SEQUENCE);
  });

  it(`${CaseRules.CASE_REGISTRAR_ROLE}: a case officer cannot register a case`, () => {
    given(registryDecider).when(assign('case-1'), { actor: caseOfficer }).thenRefuses(CaseRules.CASE_REGISTRAR_ROLE);
  });
});
