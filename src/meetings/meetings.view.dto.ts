import { ApiProperty } from '@nestjs/swagger';

/** What GET /meetings/:meetingId and every meeting command answer. Legal force is computed with today's date. */

class MemberView {
  @ApiProperty({ example: 'eva.ordforande' }) userId!: string;
  @ApiProperty({ example: 'Eva Ordförande' }) name!: string;
  @ApiProperty({ enum: ['ordinary', 'deputy'] }) seat!: 'ordinary' | 'deputy';
}

class AttendeeView {
  @ApiProperty({ example: 'lars.ersattare' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'nils.ledamot', description: 'the absent ordinary member a deputy serves for' })
  servingFor!: string | null;
}

class QuorumView {
  @ApiProperty({ example: 5 }) ordinarySeats!: number;
  @ApiProperty({ example: 3, description: 'ordinary members present plus serving deputies (for an item: without those with a conflict of interest)' })
  serving!: number;
  @ApiProperty({ example: 3, description: 'KL 6:27: more than half of the ordinary seats' }) required!: number;
  @ApiProperty() quorate!: boolean;
}

class AttendanceView extends QuorumView {
  @ApiProperty({ type: [AttendeeView] }) present!: AttendeeView[];
}

class ConflictView {
  @ApiProperty({ example: 'karin.ledamot' }) userId!: string;
  @ApiProperty({ example: 'Närstående är verksamhetschef inom Division Nära vård.' }) reason!: string;
  @ApiProperty({ type: String, nullable: true, example: 'sofia.ersattare', description: 'the deputy who takes the member’s place for this item only' })
  replacedBy!: string | null;
}

class VotesView {
  @ApiProperty({ example: 4 }) yes!: number;
  @ApiProperty({ example: 1 }) no!: number;
  @ApiProperty({ example: 0 }) abstained!: number;
}

class ReservationView {
  @ApiProperty({ example: 'olof.ledamot' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Till förmån för eget förslag' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'written reasons, accepted until the adjustment' }) writtenReasons!: string | null;
}

class SignatureView {
  @ApiProperty({ example: 'eva.ordforande' }) userId!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}

class ItemAdjustmentView {
  @ApiProperty({ description: 'true when the paragraph was adjusted immediately (omedelbar justering)' }) immediate!: boolean;
  @ApiProperty({ type: [SignatureView] }) signatures!: SignatureView[];
  @ApiProperty({ type: String, nullable: true, format: 'date' }) adjustedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) noticeDueBy!: string | null;
}

class NoticeView {
  @ApiProperty({ format: 'date', example: '2022-03-25' }) postedOn!: string;
  @ApiProperty({ description: 'KL 8:12: posted later than the second day after the adjustment' }) overdue!: boolean;
}

class AppealView {
  @ApiProperty({ format: 'date' }) lodgedOn!: string;
  @ApiProperty({ example: 'Kalle Kommuninvånare' }) appellant!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'the day of the ruling that decided it; null while it awaits one' })
  ruledOn!: string | null;
}

class RulingView {
  @ApiProperty({ format: 'date' }) ruledOn!: string;
  @ApiProperty({ enum: ['dismissed', 'annulled'] }) outcome!: 'dismissed' | 'annulled';
}

class AppealsView {
  @ApiProperty({ type: [AppealView] }) appeals!: AppealView[];
  @ApiProperty({ type: [RulingView], description: 'every ruling, each deciding the appeals registered before it' }) rulings!: RulingView[];
  @ApiProperty({ type: RulingView, nullable: true, description: 'the latest ruling' }) ruling!: RulingView | null;
}

class NoteView {
  @ApiProperty() sv!: string;
  @ApiProperty() en!: string;
}

class AppealWindowView {
  @ApiProperty({ format: 'date', example: '2022-04-15', description: 'three weeks from the day of the notice (KL-13-5)' }) threeWeeksOn!: string;
  @ApiProperty({ format: 'date', example: '2022-04-19', description: 'the last day an appeal can arrive' }) endsOn!: string;
  @ApiProperty({ type: [String], example: ['KL-13-5', 'LAG-1930-173'], description: 'LAG-1930-173 when the end moved off a Saturday, Sunday or holiday' })
  rules!: string[];
}

class LegalForceView {
  @ApiProperty({
    enum: ['not_decided', 'not_applicable', 'not_adjusted', 'awaiting_notice', 'appeal_window_open', 'appealed', 'ruling_appealable', 'legal_force', 'annulled'],
    description: 'ruling_appealable: every appeal is dismissed, and the judgment can itself be appealed for three weeks from the ruling (LAG-1930-173)',
    example: 'appeal_window_open',
  })
  status!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-04-20' }) legalForceOn!: string | null;
  @ApiProperty({ type: NoteView, nullable: true, description: 'why legal force means little or nothing for this outcome' }) note!: NoteView | null;
}

class StruckView {
  @ApiProperty({ example: 'Nämnden är inte beslutför; ärendet tas upp vid nästa sammanträde.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) struckAt!: string;
}

class CancellationView {
  @ApiProperty({ example: 'Sammanträdet kallades till fel dag.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) cancelledAt!: string;
}

class ItemView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'RS 2022-00123' }) diaryNumber!: string;
  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ type: StruckView, nullable: true, description: 'ärendet utgår: not dealt with at this meeting, its case back to ready_for_agenda' })
  struck!: StruckView | null;
  @ApiProperty({ type: [ConflictView] }) conflicts!: ConflictView[];
  @ApiProperty({ type: QuorumView, description: 'as decided, or as it stands now for an undecided item' }) quorum!: QuorumView;
  @ApiProperty({ type: [String], nullable: true, description: 'who took part in the decision' }) participants!: string[] | null;
  @ApiProperty({ type: Number, nullable: true, example: 14 }) paragraph!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['approved', 'approved_with_amendments', 'rejected', 'referred_back', 'postponed'] })
  outcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) amendments!: string | null;
  @ApiProperty({ type: String, nullable: true }) completionRequired!: string | null;
  @ApiProperty({ type: String, nullable: true }) postponedToMeetingId!: string | null;
  @ApiProperty({ type: VotesView, nullable: true }) votes!: VotesView | null;
  @ApiProperty({ type: [ReservationView] }) reservations!: ReservationView[];
  @ApiProperty({ type: ItemAdjustmentView, nullable: true }) adjustment!: ItemAdjustmentView | null;
  @ApiProperty({ type: NoticeView, nullable: true }) notice!: NoticeView | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-04-19' }) appealEndsOn!: string | null;
  @ApiProperty({ type: AppealWindowView, nullable: true }) appealWindow!: AppealWindowView | null;
  @ApiProperty({ type: AppealsView, nullable: true }) appeal!: AppealsView | null;
  @ApiProperty({ type: LegalForceView }) legalForce!: LegalForceView;
}

class ReportedDecisionView {
  @ApiProperty({ format: 'uuid' }) delegatedDecisionId!: string;
  @ApiProperty({ enum: ['delegated', 'urgent'] }) kind!: 'delegated' | 'urgent';
  @ApiProperty({ example: 'Aktivitet: Utbildning i personcentrerad vård' }) summary!: string;
  @ApiProperty({ type: Number, nullable: true, example: 150000000 }) amountOre!: number | null;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ example: 'anders.bystrom' }) decidedBy!: string;
}

class DelegatedDecisionReportView {
  @ApiProperty({ example: 15 }) paragraph!: number;
  @ApiProperty({ example: 'Anmälan av delegationsbeslut' }) title!: string;
  @ApiProperty({ type: [String] }) decisionIds!: string[];
  @ApiProperty({ type: [ReportedDecisionView] }) decisions!: ReportedDecisionView[];
  @ApiProperty({ format: 'date' }) reportedOn!: string;
}

class ProtocolView {
  @ApiProperty({ type: [SignatureView] }) signatures!: SignatureView[];
  @ApiProperty({ type: [String], description: 'signatories who have not signed yet' }) awaitingSignatures!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date' }) adjustedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'KL 8:12: adjustedOn + 2 days' }) noticeDueBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) noticePostedOn!: string | null;
  @ApiProperty() noticeOverdue!: boolean;
}

export class MeetingView {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ example: 'Regionstyrelsen' }) bodyName!: string;
  @ApiProperty({ format: 'date-time', example: '2022-03-22T13:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ format: 'date', example: '2022-03-22' }) date!: string;
  @ApiProperty({ example: 'Regionens hus, sammanträdesrum Vättern' }) place!: string;
  @ApiProperty({ enum: ['open', 'closed', 'cancelled', 'adjusted'] }) status!: 'open' | 'closed' | 'cancelled' | 'adjusted';
  @ApiProperty({ type: CancellationView, nullable: true }) cancellation!: CancellationView | null;
  @ApiProperty({ example: 14 }) firstParagraph!: number;
  @ApiProperty({ type: [MemberView], description: 'the members as they stood when the meeting was convened' }) members!: MemberView[];
  @ApiProperty({ example: 'eva.ordforande' }) chairUserId!: string;
  @ApiProperty({ type: [String], example: ['maria.justerare'] }) adjusterUserIds!: string[];
  @ApiProperty({ type: AttendanceView }) attendance!: AttendanceView;
  @ApiProperty({ type: [ItemView] }) items!: ItemView[];
  @ApiProperty({ type: [DelegatedDecisionReportView] }) delegatedDecisionReports!: DelegatedDecisionReportView[];
  @ApiProperty({ type: ProtocolView }) protocol!: ProtocolView;
  @ApiProperty({ description: 'revision of the meeting stream', example: 7 }) revision!: number;
}
