import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { isIsoDate } from '../calendar/swedish-calendar';
import { IsCalendarDate, SLUG } from '../platform/http/validators';

const dateMessage = { message: '$property must be a calendar date YYYY-MM-DD' };

/** A full date-time with its own offset: week and ordinal dates, bare years and zone-less times are not instants. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isInstantWithOffset(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isIsoDate(match[1]) && Number.isFinite(Date.parse(value));
}

/** An instant as ISO 8601 `YYYY-MM-DDThh:mm[:ss[.fff]]` with `Z` or `±hh:mm` — never read in the server's own zone. */
function IsInstantWithOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstantWithOffset',
      validator: {
        validate: isInstantWithOffset,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 date-time with an offset, e.g. 2022-03-22T13:00:00+01:00 or 2022-03-22T12:00:00Z`,
      },
    },
    options,
  );
}
const OUTCOMES = ['approved', 'approved_with_amendments', 'rejected', 'referred_back', 'postponed'] as const;

export class ConveneMeetingDto {
  @ApiProperty({ example: 'regionstyrelsen' })
  @Matches(SLUG, { message: 'bodyId: lower-case letters, digits and hyphens' })
  bodyId!: string;

  @ApiProperty({ format: 'date-time', example: '2022-03-22T13:00:00.000Z', description: 'a full date-time with an offset or Z' })
  @IsInstantWithOffset()
  startsAt!: string;

  @ApiProperty({ example: 'Regionens hus, sammanträdesrum Vättern' })
  @IsString()
  @Length(2, 200)
  place!: string;

  @ApiPropertyOptional({ description: 'the first § number of this meeting', default: 1, example: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  firstParagraph?: number;

  @ApiProperty({ type: [String], example: ['maria.justerare'], description: 'members who adjust the protocol with the chair' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  adjusterUserIds!: string[];
}

export class AddAgendaItemDto {
  @ApiProperty({ format: 'uuid', description: 'a case ready for the agenda', example: 'd24b5d60-a626-540d-b71e-8df6cbfadd7d' })
  @IsUUID()
  caseId!: string;
}

export class PresentDto {
  @ApiProperty({ example: 'lars.ersattare', description: 'a member or deputy of the body' })
  @IsString()
  @Length(1, 100)
  userId!: string;

  @ApiPropertyOptional({ example: 'nils.ledamot', description: 'for a serving deputy: the absent ordinary member' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  servingFor?: string;
}

export class AttendanceDto {
  @ApiProperty({
    type: [PresentDto],
    example: [
      { userId: 'eva.ordforande' },
      { userId: 'olof.ledamot' },
      { userId: 'karin.ledamot' },
      { userId: 'maria.justerare' },
      { userId: 'lars.ersattare', servingFor: 'nils.ledamot' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PresentDto)
  present!: PresentDto[];
}

export class ConflictOfInterestDto {
  @ApiProperty({ example: 'karin.ledamot', description: 'a present member' })
  @IsString()
  @Length(1, 100)
  userId!: string;

  @ApiProperty({ example: 'Närstående är verksamhetschef inom Division Nära vård.' })
  @IsString()
  @Length(2, 1000)
  reason!: string;

  @ApiPropertyOptional({
    example: 'sofia.ersattare',
    description: 'a present deputy, not already serving, who takes the member’s place for this item only (counts for its quorum)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  replacedBy?: string;
}

export class VotesDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) yes!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) no!: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) abstained!: number;
}

export class DecisionDto {
  @ApiProperty({ enum: OUTCOMES, example: 'approved' })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({
    description: 'required for, and only for, approved_with_amendments; e.g. "Utvecklingsområde 4 tillförs 500 000 kr från område 1."',
  })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  amendments?: string;

  @ApiPropertyOptional({ description: 'required for, and only for, referred_back: what is to be completed, e.g. "Komplettera med konsekvensanalys för barn."' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  completionRequired?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'for, and only for, postponed: a later, still open meeting of the same body (a meeting id such as the demo’s 7e418945-9988-5e2d-ba91-6a21ea1324d8)',
  })
  @IsOptional()
  @IsUUID()
  postponedToMeetingId?: string;

  @ApiPropertyOptional({ type: VotesDto, description: 'no more votes than participants; the votes must carry the outcome (MEETING-VOTES)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto;
}

export class ReservationDto {
  @ApiProperty({ example: 'olof.ledamot' })
  @IsString()
  @Length(1, 100)
  userId!: string;

  @ApiPropertyOptional({ example: 'Till förmån för eget förslag' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class ReservationReasonsDto {
  @ApiProperty({ example: 'Fördelningen tar inte tillräcklig hänsyn till ambulanssjukvården.' })
  @IsString()
  @Length(1, 10_000)
  text!: string;
}

export class DelegatedDecisionReportDto {
  @ApiProperty({
    type: [String],
    description: 'unreported decisions on the body’s delegation register (KL 6:40)',
    example: ['2a410b77-d19f-521e-ac63-a9beef3d1f23', '74dadb70-2f5f-57da-8452-f532a618f461', '5674e356-b1ce-5c67-9b96-94ba32f191e8'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  decisionIds!: string[];
}

export class NoticeDto {
  @ApiProperty({ format: 'date', example: '2022-03-25', description: 'the day the notice of adjustment went up on the notice board' })
  @IsCalendarDate(dateMessage)
  postedOn!: string;
}

export class AppealDto {
  @ApiProperty({ format: 'date', example: '2022-04-08', description: 'the day the appeal arrived' })
  @IsCalendarDate(dateMessage)
  lodgedOn!: string;

  @ApiProperty({ example: 'Kalle Kommuninvånare' })
  @IsString()
  @Length(1, 300)
  appellant!: string;
}

export class AppealRulingDto {
  @ApiProperty({ format: 'date', example: '2022-06-10' })
  @IsCalendarDate(dateMessage)
  ruledOn!: string;

  @ApiProperty({ enum: ['dismissed', 'annulled'], example: 'dismissed' })
  @IsIn(['dismissed', 'annulled'])
  outcome!: 'dismissed' | 'annulled';
}

export class StrikeItemDto {
  @ApiProperty({ example: 'Nämnden är inte beslutför; ärendet tas upp vid nästa sammanträde.', description: 'why the item is not dealt with (ärendet utgår)' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class CancellationDto {
  @ApiProperty({ example: 'Sammanträdet kallades till fel dag; ärendena tas upp den 29 mars.' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class AdjustersDto {
  @ApiProperty({ type: [String], example: ['olof.ledamot'], description: 'the members who now adjust the protocol with the chair' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  adjusterUserIds!: string[];
}
