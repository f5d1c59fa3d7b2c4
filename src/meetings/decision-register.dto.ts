import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../platform/http/validators';
import { PageMeta, BodyPageQuery } from '../projections/pagination';
import type { ItemOutcome } from './decision-authority';
import type { LegalForceStatus } from './meeting.protocol';

/** Every status `legalForceOf` answers; the compiler checks the list against `LegalForceStatus`. */
export const LEGAL_FORCE_STATUSES = [
  'not_decided',
  'not_applicable',
  'not_adjusted',
  'awaiting_notice',
  'appeal_window_open',
  'appealed',
  'ruling_appealable',
  'legal_force',
  'annulled',
] as const satisfies readonly LegalForceStatus[];
type Unlisted = Exclude<LegalForceStatus, (typeof LEGAL_FORCE_STATUSES)[number]>;
const everyStatusListed: Unlisted extends never ? true : never = true;
void everyStatusListed;

const OUTCOMES: readonly ItemOutcome[] = ['approved', 'approved_with_amendments', 'rejected', 'referred_back', 'postponed'];
export const MEETING_STATUSES = ['open', 'closed', 'adjusted', 'cancelled'] as const;
export type RegisterMeetingStatus = (typeof MEETING_STATUSES)[number];
export const ROW_KINDS = ['item', 'delegated_decisions_report'] as const;

export class DecisionRegisterFilter extends BodyPageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: LEGAL_FORCE_STATUSES, example: 'legal_force', description: 'legal force as of today (Swedish date); a § reporting delegated decisions has none' })
  @IsOptional()
  @IsIn(LEGAL_FORCE_STATUSES)
  legalForce?: LegalForceStatus;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-01', description: 'meetings on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  meetingFrom?: string;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-31', description: 'meetings on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  meetingTo?: string;
}

class StruckItemView {
  @ApiProperty({ example: 'Nämnden är inte beslutför; ärendet tas upp vid nästa sammanträde.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) struckAt!: string;
}

class MeetingCancellationView {
  @ApiProperty({ example: 'Sammanträdet kallades till fel dag.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) cancelledAt!: string;
}

class RegisterAppealWindowView {
  @ApiProperty({ format: 'date', example: '2022-04-15', description: 'three weeks from the day of the notice (KL-13-5)' }) threeWeeksOn!: string;
  @ApiProperty({ format: 'date', example: '2022-04-19', description: 'the last day an appeal can arrive' }) endsOn!: string;
  @ApiProperty({ type: [String], example: ['KL-13-5', 'LAG-1930-173'], description: 'LAG-1930-173 when the end moved off a Saturday, Sunday or holiday' })
  rules!: string[];
}

class RegisterRulingView {
  @ApiProperty({ format: 'date' }) ruledOn!: string;
  @ApiProperty({ enum: ['dismissed', 'annulled'] }) outcome!: 'dismissed' | 'annulled';
}

class RegisterAppealsView {
  @ApiProperty({ example: 1, description: 'appeals lodged (laglighetsprövning)' }) lodged!: number;
  @ApiProperty({ example: 1, description: 'of them, decided by a ruling' }) ruled!: number;
  @ApiProperty({ type: RegisterRulingView, nullable: true, description: 'the latest ruling' }) latestRuling!: RegisterRulingView | null;
}

class RegisterNoteView {
  @ApiProperty() sv!: string;
  @ApiProperty() en!: string;
}

class RegisterLegalForceView {
  @ApiProperty({ enum: LEGAL_FORCE_STATUSES, example: 'appeal_window_open' }) status!: LegalForceStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-04-20' }) legalForceOn!: string | null;
  @ApiProperty({ type: RegisterNoteView, nullable: true, description: 'why legal force means little or nothing for this outcome' })
  note!: RegisterNoteView | null;
}

export class DecisionRegisterRowView {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ example: 'Regionstyrelsen' }) bodyName!: string;
  @ApiProperty({ format: 'date', example: '2022-03-22' }) meetingDate!: string;
  @ApiProperty({ format: 'date-time' }) meetingStartsAt!: string;
  @ApiProperty({ enum: MEETING_STATUSES, description: 'adjusted: the whole protocol is adjusted' }) meetingStatus!: RegisterMeetingStatus;
  @ApiProperty({ type: MeetingCancellationView, nullable: true }) cancellation!: MeetingCancellationView | null;
  @ApiProperty({ enum: ROW_KINDS, description: 'an agenda item, or the paragraph reporting delegated decisions (KL 6:40)' })
  kind!: (typeof ROW_KINDS)[number];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) itemId!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 45, description: 'null for an item struck or not yet decided' }) paragraph!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RS 2022-00001' }) diaryNumber!: string | null;
  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ type: String, nullable: true, enum: OUTCOMES, example: 'approved' }) outcome!: ItemOutcome | null;
  @ApiProperty({ type: StruckItemView, nullable: true, description: 'ärendet utgick: not dealt with at this meeting' }) struck!: StruckItemView | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-03-24' }) adjustedOn!: string | null;
  @ApiProperty({ description: 'adjusted on its own (omedelbar justering)' }) adjustedImmediately!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-03-25', description: 'the notice (anslag) that started the appeal window' })
  noticePostedOn!: string | null;
  @ApiProperty({ description: 'KL 8:12: posted later than the second day after the adjustment' }) noticeOverdue!: boolean;
  @ApiProperty({ type: RegisterAppealWindowView, nullable: true }) appealWindow!: RegisterAppealWindowView | null;
  @ApiProperty({ type: RegisterAppealsView }) appeals!: RegisterAppealsView;
  @ApiProperty({ type: RegisterLegalForceView, nullable: true, description: 'as of today; null for the report of delegated decisions' })
  legalForce!: RegisterLegalForceView | null;
}

export class DecisionRegisterPage extends PageMeta {
  @ApiProperty({ type: [DecisionRegisterRowView] }) items!: DecisionRegisterRowView[];
}
