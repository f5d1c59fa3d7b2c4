import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BodyDecisionRefDto } from '../meetings/decision-ref.dto';
import { IsCalendarDate, SLUG } from '../platform/http/validators';
import { ACTIVITY_OWNERS, ActivityOwner } from './agreements.events';

// Amounts are only checked to be integers here: whether they are positive is a rule (BUDGET-AMOUNT-POSITIVE) the decider names.

export class AreaDto {
  @ApiProperty({ description: 'a readable slug', example: 'vision-ehalsa' })
  @Matches(SLUG, { message: 'areaId is a slug, e.g. vision-ehalsa' })
  areaId!: string;

  @ApiProperty({ example: 'Insatser inom ramen för Vision e-hälsa 2025' })
  @IsString()
  @Length(1, 300)
  name!: string;
}

export class OpenAgreementDto {
  @ApiProperty({ description: 'the case (ärende) the agreement is handled in, one agreement per case (opening it again with the same content answers the same agreement); the body’s first decision on its money is a decision on this case', format: 'uuid', example: 'd24b5d60-a626-540d-b71e-8df6cbfadd7d' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ example: 'God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav' })
  @IsString()
  @Length(3, 300)
  name!: string;

  @ApiProperty({ description: 'the state’s reference for the agreement', example: 'S2022/00042' })
  @IsString()
  @Length(1, 100)
  stateReference!: string;

  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: 'the region’s share of the state grant, in öre', example: 6_000_000_000 })
  @IsInt()
  totalOre!: number;

  @ApiProperty({
    type: [AreaDto],
    example: [
      { areaId: 'nara-vard', name: 'Utvecklingen av den nära vården med primärvården som nav' },
      { areaId: 'medarbetare', name: 'Goda förutsättningar för vårdens medarbetare' },
      { areaId: 'vision-ehalsa', name: 'Insatser inom ramen för Vision e-hälsa 2025' },
      { areaId: 'ambulans', name: 'En förstärkt ambulanssjukvård' },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AreaDto)
  areas!: AreaDto[];

  @ApiProperty({ description: 'the money must be used by this date', example: '2022-12-31' })
  @IsCalendarDate()
  useDeadline!: string;

  @ApiProperty({ description: 'reporting back to the state is due', example: '2023-03-31' })
  @IsCalendarDate()
  reportingDate!: string;

  @ApiProperty({ description: 'unused money is repaid by', example: '2023-06-30' })
  @IsCalendarDate()
  repaymentDate!: string;
}

export class AreaBudgetDto {
  @ApiProperty({ example: 'vision-ehalsa' })
  @Matches(SLUG, { message: 'areaId is a slug, e.g. vision-ehalsa' })
  areaId!: string;

  @ApiProperty({ example: 1_000_000_000 })
  @IsInt()
  amountOre!: number;

  @ApiProperty({ description: 'ansvarig tjänsteperson, who proposes the area’s activities', example: 'johan.palm' })
  @IsString()
  @Length(1, 100)
  responsibleUserId!: string;

  @ApiProperty({ example: 'Johan Palm' })
  @IsString()
  @Length(1, 200)
  responsibleName!: string;
}

export class SetAreaBudgetsDto {
  @ApiProperty({ type: BodyDecisionRefDto, description: 'the body’s decision that sets the budgets' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BodyDecisionRefDto)
  decision!: BodyDecisionRefDto;

  @ApiProperty({ type: [AreaBudgetDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AreaBudgetDto)
  budgets!: AreaBudgetDto[];
}

/** Exactly one: a delegation the actor decides under, or the body's own decision. */
export class AuthorityDto {
  @ApiPropertyOptional({ description: 'decide under this delegation (the actor must be its delegate)', format: 'uuid' })
  @ValidateIf((o: AuthorityDto) => o.decision === undefined || o.delegationId !== undefined)
  @IsString()
  @Length(1, 100)
  delegationId?: string;

  @ApiPropertyOptional({ type: BodyDecisionRefDto, description: 'the body’s own decision (§)' })
  @ValidateIf((o: AuthorityDto) => o.delegationId === undefined || o.decision !== undefined)
  @ValidateBy({
    name: 'exactlyOneAuthority',
    validator: {
      validate: (_value: unknown, args) => ((args?.object as AuthorityDto).delegationId === undefined) !== ((args?.object as AuthorityDto).decision === undefined),
      defaultMessage: () => 'name exactly one authority: delegationId or decision',
    },
  })
  @ValidateNested()
  @Type(() => BodyDecisionRefDto)
  decision?: BodyDecisionRefDto;
}

export class AllocateActivityDto {
  @ApiProperty({ example: 'vision-ehalsa' })
  @Matches(SLUG, { message: 'areaId is a slug, e.g. vision-ehalsa' })
  areaId!: string;

  @ApiProperty({ example: 'Strukturerad vårdinformation i journalen' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 400_000_000 })
  @IsInt()
  amountOre!: number;

  @ApiPropertyOptional({ enum: ACTIVITY_OWNERS, description: 'who carries it out (seed 000: Region, Kommunerna, Gemensamt)', example: 'region' })
  @IsOptional()
  @IsIn(ACTIVITY_OWNERS)
  owner?: ActivityOwner;

  @ApiPropertyOptional({ type: [String], example: ['linkopings-kommun'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(SLUG, { each: true, message: 'each organisation id is a slug' })
  recipientOrganisationIds?: string[];

  @ApiProperty({ type: AuthorityDto, example: { delegationId: 'b47e93d8-7253-59ec-a98b-e5fd928c8b53' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorityDto)
  authority!: AuthorityDto;
}

export class ReallocationDto {
  @ApiProperty({ enum: ['within_area', 'between_areas'], example: 'within_area' })
  @IsIn(['within_area', 'between_areas'])
  kind!: 'within_area' | 'between_areas';

  @ApiPropertyOptional({ description: 'within_area: the area', example: 'vision-ehalsa' })
  @ValidateIf((o: ReallocationDto) => o.kind === 'within_area')
  @Matches(SLUG)
  areaId?: string;

  @ApiPropertyOptional({ description: 'within_area: the activity the money leaves', format: 'uuid', example: '01145cf3-1da5-5229-a806-d0b5c5d1b0da' })
  @ValidateIf((o: ReallocationDto) => o.kind === 'within_area')
  @IsString()
  @Length(1, 100)
  fromActivityId?: string;

  @ApiPropertyOptional({ description: 'within_area: the activity the money goes to', format: 'uuid', example: 'ab9503af-77e1-5028-9c4c-4dbb46c5a068' })
  @ValidateIf((o: ReallocationDto) => o.kind === 'within_area')
  @IsString()
  @Length(1, 100)
  toActivityId?: string;

  @ApiPropertyOptional({ description: 'between_areas: the area the money leaves, e.g. vision-ehalsa' })
  @ValidateIf((o: ReallocationDto) => o.kind === 'between_areas')
  @Matches(SLUG)
  fromAreaId?: string;

  @ApiPropertyOptional({ description: 'between_areas: the area the money goes to, e.g. ambulans' })
  @ValidateIf((o: ReallocationDto) => o.kind === 'between_areas')
  @Matches(SLUG)
  toAreaId?: string;

  @ApiProperty({ example: 100_000_000 })
  @IsInt()
  amountOre!: number;

  @ApiProperty({ type: AuthorityDto, example: { delegationId: 'b47e93d8-7253-59ec-a98b-e5fd928c8b53' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorityDto)
  authority!: AuthorityDto;
}

export class ReportOutcomeDto {
  @ApiProperty({ format: 'uuid', example: '01145cf3-1da5-5229-a806-d0b5c5d1b0da' })
  @IsString()
  @Length(1, 100)
  activityId!: string;

  @ApiProperty({ description: 'everything spent on the activity so far (cumulative), in öre', example: 250_000_000 })
  @IsInt()
  spentOre!: number;

  @ApiProperty({ example: '2022-12-31' })
  @IsCalendarDate()
  reportedOn!: string;
}

export class ReportingBackDto {
  @ApiProperty({ example: '2023-03-28' })
  @IsCalendarDate()
  submittedOn!: string;

  @ApiProperty({ description: 'the reference of the report sent to the state', example: 'RS 2023-00017' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}
