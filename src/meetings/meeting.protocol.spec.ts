import { chair, committeeSecretary, given } from '../../test/support/given';
import { isWorkingDay } from '../calendar/swedish-calendar';
import { MeetingCommand } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { appealEndsOn, appealWindow, legalForceOf, rulingAppealableUntil } from './meeting.protocol';
import { MeetingRules as R } from './meeting.rules';
import { Convened } from './meeting.state';
import {
  adjusted,
  adjuster,
  announced,
  appealLodged,
  appealRuled,
  closed,
  convened,
  decided,
  duringMeeting,
  itemAdded,
  noticePosted,
  signed,
  threePresent,
} from './meeting.spec-fixtures';

const thursday = new Date('2022-03-24T10:00:00Z');
const at = (date: string) => new Date(`${date}T10:00:00Z`);
const closedMeeting = [convened, itemAdded(), threePresent, decided(14), closed];
const signProtocol: MeetingCommand = { type: 'SignProtocol' };
const post = (postedOn: string, itemId: string | null = null): MeetingCommand => ({ type: 'PostNotice', itemId, postedOn });
const appeal = (lodgedOn: string, appellant = 'Kalle Kommuninvånare'): MeetingCommand => ({ type: 'LodgeAppeal', itemId: 'item-1', lodgedOn, appellant });
const status = (history: MeetingEvent[], today: string) => {
  const state = given(meetingDecider, ...history).state as Convened;
  return legalForceOf(state, state.items[0], today);
};

describe('protocol: adjustment', () => {
  it('KL-8-12, LAG-1930-173: the protocol is adjusted when the last signatory signs; the notice is due two days later, moved off a weekend', () => {
    given(meetingDecider, ...closedMeeting).when(signProtocol, { actor: chair, now: thursday }).then([{ type: 'ProtocolSigned', data: { userId: 'eva.ordforande', signedAt: thursday.toISOString() } }]);
    given(meetingDecider, ...closedMeeting, signed('eva.ordforande'))
      .when(signProtocol, { actor: adjuster, now: thursday })
      .then([
        { type: 'ProtocolSigned', data: { userId: 'maria.justerare', signedAt: thursday.toISOString() } },
        // Thursday 24 March + 2 days is Saturday 26 March: the deadline moves to Monday 28 March
        { type: 'ProtocolAdjusted', data: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28' } },
      ]);
  });

  it('PROTOCOL-SIGNATORY: only the chair and the adjusters sign, each as themselves', () => {
    given(meetingDecider, ...closedMeeting).when(signProtocol, { actor: committeeSecretary, now: thursday }).thenRefuses(R.PROTOCOL_SIGNATORY);
    const lars = { ...adjuster, userId: 'lars.ledamot' };
    given(meetingDecider, ...closedMeeting).when(signProtocol, { actor: lars, now: thursday }).thenRefuses(R.PROTOCOL_SIGNATORY);
  });

  it('PROTOCOL-MEETING-OPEN: the whole protocol is signed only after the meeting closes', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, decided(14)).when(signProtocol, { actor: chair, now: duringMeeting }).thenRefuses(R.PROTOCOL_MEETING_OPEN);
  });

  it('PROTOCOL-SIGNED: a signature is given once (a retry changes nothing), and a paragraph adjusted with the protocol takes none of its own', () => {
    given(meetingDecider, ...closedMeeting, signed('eva.ordforande')).when(signProtocol, { actor: chair, now: thursday }).then([]);
    const full = [...closedMeeting, signed('eva.ordforande'), signed('maria.justerare'), adjusted()];
    given(meetingDecider, ...full).when(signProtocol, { actor: adjuster, now: thursday }).then([]);
    given(meetingDecider, ...full).when({ type: 'SignParagraph', itemId: 'item-1' }, { actor: chair, now: thursday }).thenRefuses(R.PROTOCOL_SIGNED);
  });

  it('omedelbar justering: one paragraph is adjusted on its own during the meeting, with its own notice', () => {
    const open = [convened, itemAdded(), threePresent, decided(14)];
    const sign: MeetingCommand = { type: 'SignParagraph', itemId: 'item-1' };
    const chairSigned: MeetingEvent = { type: 'ParagraphSigned', data: { itemId: 'item-1', paragraph: 14, userId: 'eva.ordforande', signedAt: duringMeeting.toISOString() } };
    given(meetingDecider, ...open).when(sign, { actor: chair, now: duringMeeting }).then([chairSigned]);
    const paragraphAdjusted: MeetingEvent = { type: 'ParagraphAdjusted', data: { itemId: 'item-1', paragraph: 14, adjustedOn: '2022-03-22', noticeDueBy: '2022-03-24' } };
    given(meetingDecider, ...open, chairSigned)
      .when(sign, { actor: adjuster, now: duringMeeting })
      .then([{ type: 'ParagraphSigned', data: { ...chairSigned.data, userId: 'maria.justerare' } } as MeetingEvent, paragraphAdjusted]);
    // a signature retried changes nothing, before and after the paragraph is adjusted
    given(meetingDecider, ...open, chairSigned).when(sign, { actor: chair, now: duringMeeting }).then([]);
    given(meetingDecider, ...open, chairSigned, paragraphAdjusted).when(sign, { actor: chair, now: duringMeeting }).then([]);
    const withNotice = [...open, chairSigned, paragraphAdjusted, noticePosted('2022-03-23', 'item-1', '2022-03-24')];
    expect(status(withNotice, '2022-04-13')).toMatchObject({ status: 'appeal_window_open', appealEndsOn: '2022-04-13' });
    expect(status(withNotice, '2022-04-14')).toMatchObject({ status: 'legal_force', legalForceOn: '2022-04-14' });
  });

  it('MEETING-ITEM-UNDECIDED: an undecided item has no paragraph to adjust', () => {
    given(meetingDecider, convened, itemAdded()).when({ type: 'SignParagraph', itemId: 'item-1' }, { actor: chair, now: duringMeeting }).thenRefuses(R.MEETING_ITEM_UNDECIDED);
  });
});

describe('protocol: notice (KL-8-12)', () => {
  const adjustedMeeting = [...closedMeeting, signed('eva.ordforande'), signed('maria.justerare'), adjusted()];
  const asSecretary = (date: string) => ({ actor: committeeSecretary, now: at(date) });

  it('KL-8-12: the notice is posted after the adjustment, in time', () => {
    given(meetingDecider, ...adjustedMeeting).when(post('2022-03-25'), asSecretary('2022-03-25')).then([{ ...noticePosted('2022-03-25'), data: { ...noticePosted('2022-03-25').data, recordedAt: at('2022-03-25').toISOString() } } as MeetingEvent]);
  });

  it('KL-8-12: refused before the adjustment, dated before it, dated in the future, or posted twice on different days', () => {
    given(meetingDecider, ...closedMeeting).when(post('2022-03-25'), asSecretary('2022-03-25')).thenRefuses(R.KL_8_12);
    given(meetingDecider, ...adjustedMeeting).when(post('2022-03-23'), asSecretary('2022-03-25')).thenRefuses(R.KL_8_12);
    given(meetingDecider, ...adjustedMeeting).when(post('2022-03-26'), asSecretary('2022-03-25')).thenRefuses(R.KL_8_12);
    given(meetingDecider, ...adjustedMeeting, noticePosted()).when(post('2022-03-28'), asSecretary('2022-03-28')).thenRefuses(R.KL_8_12);
  });

  it('KL-8-12: the same notice recorded again (a retry) changes nothing', () => {
    given(meetingDecider, ...adjustedMeeting, noticePosted()).when(post('2022-03-25'), asSecretary('2022-03-28')).then([]);
  });

  it('KL-8-12: a paragraph not adjusted on its own has no notice of its own', () => {
    given(meetingDecider, ...adjustedMeeting).when(post('2022-03-25', 'item-1'), asSecretary('2022-03-25')).thenRefuses(R.KL_8_12);
  });

  it('KL-8-12, KL-13-5: a paragraph announced with the protocol takes no later notice of its own; its appeal window runs from the first notice', () => {
    const paragraphSigned = (userId: string): MeetingEvent => ({ type: 'ParagraphSigned', data: { itemId: 'item-1', paragraph: 14, userId, signedAt: duringMeeting.toISOString() } });
    const paragraphAdjusted: MeetingEvent = { type: 'ParagraphAdjusted', data: { itemId: 'item-1', paragraph: 14, adjustedOn: '2022-03-22', noticeDueBy: '2022-03-24' } };
    const immediate = [convened, itemAdded(), threePresent, decided(14), paragraphSigned('eva.ordforande'), paragraphSigned('maria.justerare'), paragraphAdjusted];
    const withProtocol = [...immediate, closed, signed('eva.ordforande'), signed('maria.justerare'), adjusted(), noticePosted('2022-03-25')];
    // the notice of 25 March covers § 14 too: its window ended on 19 April, and a notice of 20 April would reopen it
    expect(status(withProtocol, '2022-04-20')).toMatchObject({ status: 'legal_force', legalForceOn: '2022-04-20' });
    given(meetingDecider, ...withProtocol).when(post('2022-04-20', 'item-1'), asSecretary('2022-04-20')).thenRefuses(R.KL_8_12);
    // its own notice first: the protocol's later notice is for the other paragraphs, and a retry of its own changes nothing
    const ownFirst = [...immediate, noticePosted('2022-03-23', 'item-1', '2022-03-24'), closed, signed('eva.ordforande'), signed('maria.justerare'), adjusted()];
    given(meetingDecider, ...ownFirst).when(post('2022-03-25'), asSecretary('2022-03-25')).then([
      { type: 'AdjustmentNoticePosted', data: { itemId: null, postedOn: '2022-03-25', noticeDueBy: '2022-03-28', overdue: false, recordedAt: at('2022-03-25').toISOString() } },
    ]);
    given(meetingDecider, ...ownFirst, noticePosted('2022-03-25')).when(post('2022-03-23', 'item-1'), asSecretary('2022-03-28')).then([]);
    expect(status([...ownFirst, noticePosted('2022-03-25')], '2022-04-14')).toMatchObject({ status: 'legal_force', appealEndsOn: '2022-04-13' });
    // a stream that already holds a later paragraph notice (written before this rule) keeps the window of the first
    expect(status([...withProtocol, noticePosted('2022-04-20', 'item-1', '2022-03-24')], '2022-04-21')).toMatchObject({ status: 'legal_force', appealEndsOn: '2022-04-19' });
    given(meetingDecider, ...withProtocol, noticePosted('2022-04-20', 'item-1', '2022-03-24')).when(appeal('2022-04-20'), asSecretary('2022-04-21')).thenRefuses(R.KL_13_5);
  });

  it('KL-8-12: a notice after the (moved) deadline is recorded but flagged overdue; on the Monday it is in time', () => {
    const [inTime] = meetingDecider.decide(post('2022-03-28'), given(meetingDecider, ...adjustedMeeting).state, asSecretary('2022-03-28'));
    expect(inTime).toMatchObject({ type: 'AdjustmentNoticePosted', data: { postedOn: '2022-03-28', noticeDueBy: '2022-03-28', overdue: false } });
    const [late] = meetingDecider.decide(post('2022-03-29'), given(meetingDecider, ...adjustedMeeting).state, asSecretary('2022-03-29'));
    expect(late).toMatchObject({ type: 'AdjustmentNoticePosted', data: { postedOn: '2022-03-29', noticeDueBy: '2022-03-28', overdue: true } });
  });

  it('MEETING-SECRETARY-ROLE: the secretary posts the notice', () => {
    given(meetingDecider, ...adjustedMeeting).when(post('2022-03-25'), { actor: chair, now: at('2022-03-25') }).thenRefuses(R.MEETING_SECRETARY_ROLE);
  });
});

describe('protocol: appeals and legal force', () => {
  const asSecretary = (date: string) => ({ actor: committeeSecretary, now: at(date) });

  it('LAG-1930-173: three weeks from Friday 25 March end on Good Friday, so the window runs to Tuesday 19 April', () => {
    expect(isWorkingDay('2022-04-15')).toBe(false);
    expect(appealEndsOn('2022-03-25')).toBe('2022-04-19');
    // and on a plain Saturday: 3 December + 21 days = Christmas Eve, then Christmas and Boxing Day
    expect(appealEndsOn('2022-12-03')).toBe('2022-12-27');
    // the window names the rule that moved it; an end on a working day is KL-13-5 alone
    expect(appealWindow('2022-03-25')).toEqual({ threeWeeksOn: '2022-04-15', endsOn: '2022-04-19', rules: ['KL-13-5', 'LAG-1930-173'] });
    expect(appealWindow('2022-03-22')).toEqual({ threeWeeksOn: '2022-04-12', endsOn: '2022-04-12', rules: ['KL-13-5'] });
  });

  it('KL-13-5: legal force goes not_adjusted → awaiting_notice → appeal_window_open → legal_force the day after the window', () => {
    expect(status(closedMeeting, '2022-03-23').status).toBe('not_adjusted');
    expect(status(announced.slice(0, -1), '2022-03-24').status).toBe('awaiting_notice');
    expect(status(announced, '2022-04-19')).toEqual({ status: 'appeal_window_open', legalForceOn: null, appealEndsOn: '2022-04-19', note: null });
    expect(status(announced, '2022-04-20')).toEqual({ status: 'legal_force', legalForceOn: '2022-04-20', appealEndsOn: '2022-04-19', note: null });
  });

  it('KL-13-5: an appeal on the moved last day is registered; one a day later is refused', () => {
    given(meetingDecider, ...announced)
      .when(appeal('2022-04-19'), asSecretary('2022-04-21'))
      .then([{ type: 'AppealLodged', data: { itemId: 'item-1', lodgedOn: '2022-04-19', appellant: 'Kalle Kommuninvånare', registeredAt: at('2022-04-21').toISOString() } }]);
    given(meetingDecider, ...announced).when(appeal('2022-04-20'), asSecretary('2022-04-21')).thenRefuses(R.KL_13_5);
  });

  it('KL-13-5: an appeal cannot be dated in the future or before the decision', () => {
    given(meetingDecider, ...announced).when(appeal('2022-04-02'), asSecretary('2022-04-01')).thenRefuses(R.KL_13_5);
    given(meetingDecider, ...announced).when(appeal('2022-03-21'), asSecretary('2022-04-01')).thenRefuses(R.KL_13_5);
  });

  it('KL-13-5: an appeal keeps the decision from legal force until the ruling', () => {
    const appealed = [...announced, appealLodged('2022-04-01')];
    expect(status(appealed, '2022-05-30').status).toBe('appealed');
    const dismissed: MeetingEvent = { type: 'AppealRuled', data: { itemId: 'item-1', ruledOn: '2022-06-10', outcome: 'dismissed', recordedAt: '2022-06-13T09:00:00.000Z' } };
    // the judgment of Friday 10 June can itself be appealed for three weeks, to Friday 1 July
    expect(status([...appealed, dismissed], '2022-06-13')).toMatchObject({ status: 'ruling_appealable', legalForceOn: null });
    expect(status([...appealed, dismissed], '2022-07-01')).toMatchObject({ status: 'ruling_appealable', legalForceOn: null });
    expect(status([...appealed, dismissed], '2022-07-02')).toMatchObject({ status: 'legal_force', legalForceOn: '2022-07-02' });
    const annulled: MeetingEvent = { type: 'AppealRuled', data: { ...dismissed.data, outcome: 'annulled' } } as MeetingEvent;
    expect(status([...appealed, annulled], '2022-06-13')).toMatchObject({ status: 'annulled', legalForceOn: null });
  });

  it('KL-13-5: an appeal dismissed before the window ends gives legal force only after the window and the judgment’s own three weeks; a later appeal in time is registered', () => {
    const early = [...announced, appealLodged('2022-04-01'), appealRuled('2022-04-05')];
    expect(status(early, '2022-04-06')).toMatchObject({ status: 'appeal_window_open', legalForceOn: null, appealEndsOn: '2022-04-19' });
    // the window has passed, but the judgment of 5 April can be appealed until Tuesday 26 April
    expect(status(early, '2022-04-20')).toMatchObject({ status: 'ruling_appealable', legalForceOn: null });
    expect(status(early, '2022-04-27')).toMatchObject({ status: 'legal_force', legalForceOn: '2022-04-27' });
    given(meetingDecider, ...early)
      .when(appeal('2022-04-10', 'Lisa Länsbo'), asSecretary('2022-04-10'))
      .then([{ type: 'AppealLodged', data: { itemId: 'item-1', lodgedOn: '2022-04-10', appellant: 'Lisa Länsbo', registeredAt: at('2022-04-10').toISOString() } }]);
    const second = [...early, appealLodged('2022-04-10', 'item-1', 'Lisa Länsbo')];
    expect(status(second, '2022-05-30')).toMatchObject({ status: 'appealed', legalForceOn: null });
    // the ruling on the second appeal decides it; legal force once its own three weeks have passed
    expect(status([...second, appealRuled('2022-06-01')], '2022-06-02')).toMatchObject({ status: 'ruling_appealable', legalForceOn: null });
    expect(status([...second, appealRuled('2022-06-01')], '2022-06-23')).toMatchObject({ status: 'legal_force', legalForceOn: '2022-06-23' });
  });

  it('LAG-1930-173: a dismissing judgment can be appealed for three weeks (ruling_appealable), moved off midsommar; legal force the day after', () => {
    // 3 June + 21 days is midsommarafton; Saturday midsommardagen and Sunday follow: the last day is Monday 27 June
    expect(rulingAppealableUntil('2022-06-03')).toBe('2022-06-27');
    const dismissed = [...announced, appealLodged('2022-04-01'), appealRuled('2022-06-03')];
    expect(status(dismissed, '2022-06-03')).toEqual({ status: 'ruling_appealable', legalForceOn: null, appealEndsOn: '2022-04-19', note: null });
    expect(status(dismissed, '2022-06-27').status).toBe('ruling_appealable');
    expect(status(dismissed, '2022-06-28')).toEqual({ status: 'legal_force', legalForceOn: '2022-06-28', appealEndsOn: '2022-04-19', note: null });
  });

  it('KL-13-5: an annulled decision stays annulled, whatever comes after', () => {
    const annulled = [...announced, appealLodged('2022-04-01'), appealRuled('2022-04-05', 'annulled')];
    expect(status(annulled, '2022-04-06').status).toBe('annulled');
    const later = [...annulled, appealLodged('2022-04-10', 'item-1', 'Lisa Länsbo'), appealRuled('2022-05-10')];
    expect(status(later, '2022-06-01')).toMatchObject({ status: 'annulled', legalForceOn: null });
  });

  it('KL-13-2: referral back and postponement are not appealable; legal force is not applicable to them', () => {
    const referred = [convened, itemAdded(), threePresent, decided(14, 'referred_back'), closed, signed('eva.ordforande'), signed('maria.justerare'), adjusted(), noticePosted()];
    given(meetingDecider, ...referred).when(appeal('2022-04-01'), asSecretary('2022-04-01')).thenRefuses(R.KL_13_2);
    expect(status(referred, '2022-05-01')).toMatchObject({ status: 'not_applicable', legalForceOn: null });
  });

  it('MEETING-APPEAL-RULING: a ruling follows an appeal, once, dated after it and not in the future', () => {
    const rule = (ruledOn: string): MeetingCommand => ({ type: 'RecordAppealRuling', itemId: 'item-1', ruledOn, outcome: 'dismissed' });
    given(meetingDecider, ...announced).when(rule('2022-06-10'), asSecretary('2022-06-13')).thenRefuses(R.MEETING_APPEAL_RULING);
    const appealed = [...announced, appealLodged('2022-04-01')];
    given(meetingDecider, ...appealed).when(rule('2022-03-30'), asSecretary('2022-06-13')).thenRefuses(R.MEETING_APPEAL_RULING);
    given(meetingDecider, ...appealed).when(rule('2022-06-14'), asSecretary('2022-06-13')).thenRefuses(R.MEETING_APPEAL_RULING);
    given(meetingDecider, ...appealed)
      .when(rule('2022-06-10'), asSecretary('2022-06-13'))
      .then([{ type: 'AppealRuled', data: { itemId: 'item-1', ruledOn: '2022-06-10', outcome: 'dismissed', recordedAt: at('2022-06-13').toISOString() } }]);
  });

  it('MEETING-APPEAL-RULING: the same ruling recorded again changes nothing; another needs an appeal awaiting it, dated after the earlier ruling', () => {
    const rule = (ruledOn: string, outcome: 'dismissed' | 'annulled' = 'dismissed'): MeetingCommand => ({ type: 'RecordAppealRuling', itemId: 'item-1', ruledOn, outcome });
    const ruled = [...announced, appealLodged('2022-04-01'), appealRuled('2022-04-05')];
    given(meetingDecider, ...ruled).when(rule('2022-04-05'), asSecretary('2022-04-06')).then([]);
    given(meetingDecider, ...ruled).when(rule('2022-04-05', 'annulled'), asSecretary('2022-04-06')).thenRefuses(R.MEETING_APPEAL_RULING);
    const second = [...ruled, appealLodged('2022-04-02', 'item-1', 'Lisa Länsbo')];
    given(meetingDecider, ...second).when(rule('2022-04-04'), asSecretary('2022-04-06')).thenRefuses(R.MEETING_APPEAL_RULING);
    given(meetingDecider, ...second)
      .when(rule('2022-04-06'), asSecretary('2022-04-06'))
      .then([{ type: 'AppealRuled', data: { itemId: 'item-1', ruledOn: '2022-04-06', outcome: 'dismissed', recordedAt: at('2022-04-06').toISOString() } }]);
  });
});
