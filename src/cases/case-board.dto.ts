import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../platform/http/validators';
import { PageMeta, BodyPageQuery } from '../projections/pagination';
import type { ItemOutcome } from '../meetings/decision-authority';
import type { CaseStatus } from './case.state';

/** Every status a case can be in; the compiler checks the list against `CaseStatus`. */
export const CASE_STATUSES = ['registered', 'in_preparation', 'ready_for_agenda', 'on_agenda', 'decided', 'withdrawn', 'closed'] as const satisfies readonly CaseStatus[];
type Unlisted = Exclude<CaseStatus, (typeof CASE_STATUSES)[number]>;
const everyStatusListed: Unlisted extends never ? true : never = true;
void everyStatusListed;

const OUTCOMES: readonly ItemOutcome[] = ['approved', 'approved_with_amendments', 'rejected', 'referred_back', 'postponed'];

/** A whole diary number or its beginning: `RS`, `RS 2022`, `RS 2022-0001`, `RS 2022-00123` (any letter case). */
export const DIARY_NUMBER_PREFIX = /^[A-ZÅÄÖa-zåäö]{1,8}( (\d{1,4}(-\d{0,5})?)?)?$/;

export class CaseBoardFilter extends BodyPageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES, example: 'on_agenda' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'RS 2022-00001', description: 'a whole diary number, or its beginning (e.g. "RS 2022")' })
  @IsOptional()
  @Matches(DIARY_NUMBER_PREFIX, { message: 'diaryNumber must be a diary number or its beginning, e.g. "RS 2022-00123" or "RS 2022"' })
  diaryNumber?: string;

  @ApiPropertyOptional({ example: 'nära vård', description: 'words of the title, in any letter case' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-01', description: 'registered on or after this Swedish date' })
  @IsOptional()
  @IsCalendarDate()
  registeredFrom?: string;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-31', description: 'registered on or before this Swedish date' })
  @IsOptional()
  @IsCalendarDate()
  registeredTo?: string;
}

export class CaseBoardDecisionView {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ example: 45 }) paragraph!: number;
  @ApiProperty({ enum: OUTCOMES, example: 'approved' }) outcome!: ItemOutcome;
}

export class CaseBoardRowView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'regionstyrelsen', description: 'the body whose agenda the case is on, else the body that last decided it' })
  bodyId!: string | null;
  @ApiProperty({ example: 'RS 2022-00001' }) diaryNumber!: string;
  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'decided' }) status!: CaseStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ format: 'date', example: '2022-03-01', description: 'the Swedish date of the registration' }) registeredOn!: string;
  @ApiProperty({ format: 'date-time', description: 'when the last event of the case occurred' }) lastChangedAt!: string;
  @ApiProperty({ type: CaseBoardDecisionView, nullable: true, description: 'the latest outcome of the body, under its meeting and §' })
  decision!: CaseBoardDecisionView | null;
}

export class CaseBoardPage extends PageMeta {
  @ApiProperty({ type: [CaseBoardRowView] }) items!: CaseBoardRowView[];
}
