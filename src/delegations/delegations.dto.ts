import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BodyDecisionRefDto } from '../meetings/decision-ref.dto';
import { Role, ROLES } from '../platform/actor';
import { IsCalendarDate, SLUG } from '../platform/http/validators';
import { DELEGABLE_KINDS, DelegableKind, NON_DELEGABLE_MATTERS, NonDelegableMatter } from './mandate';

/** KL 6:37: one person or one single-holder role; the list exists so several can be refused by rule id. */
export class DelegateDto {
  @ApiPropertyOptional({ description: 'a named person (user id)', example: 'anders.bystrom' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  userId?: string;

  @ApiPropertyOptional({
    description: 'a role one person holds (regional_director); a role several hold, chair among them (every body has one), is refused with KL-6-37',
    enum: ROLES,
    example: 'regional_director',
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class DelegationScopeDto {
  @ApiProperty({ description: 'the agreement (överenskommelse) the delegation covers', example: '735ca15a-daa8-5a36-b5e8-849f42d0f85c' })
  @IsString()
  @Length(1, 100)
  agreementId!: string;

  @ApiProperty({
    description: 'development areas (utvecklingsområden) covered',
    example: ['nara-vard', 'medarbetare', 'vision-ehalsa', 'ambulans'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @Matches(SLUG, { each: true, message: 'each area id is a slug, e.g. nara-vard' })
  areaIds!: string[];

  @ApiProperty({
    description: 'kinds of decision delegated; the non-delegable matters of KL 6:38 are refused with KL-6-38',
    enum: [...DELEGABLE_KINDS, ...NON_DELEGABLE_MATTERS],
    isArray: true,
    example: ['decide_activities', 'reallocate_within_area'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn([...DELEGABLE_KINDS, ...NON_DELEGABLE_MATTERS], { each: true })
  kinds!: Array<DelegableKind | NonDelegableMatter>;
}

export class RevokeDelegationDto {
  @ApiProperty({ type: BodyDecisionRefDto, description: 'the body’s adjusted decision to revoke' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BodyDecisionRefDto)
  decision!: BodyDecisionRefDto;

  @ApiPropertyOptional({
    description:
      'the day the revocation takes effect (Swedish date, from 00:00 Stockholm time), if the decision names one; not before the decision’s date (DELEGATION-DECISION-ORDER); absent = when recorded',
    example: '2022-10-01',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;
}

/** A grant (POST) and an amendment (PUT) carry the same terms; an amendment is a new version. */
export class DelegationTermsDto {
  @ApiProperty({ description: 'the delegating body (nämnd)', example: 'regionstyrelsen' })
  @Matches(SLUG)
  bodyId!: string;

  @ApiProperty({ type: BodyDecisionRefDto, description: 'the body’s adjusted decision that grants (or amends) the delegation' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BodyDecisionRefDto)
  decision!: BodyDecisionRefDto;

  @ApiProperty({
    type: [DelegateDto],
    description:
      '"Regiondirektören får i uppdrag att besluta om aktiviteter för respektive utvecklingsområde samt vid behov besluta om omfördelning inom utvecklingsområdet" — exactly one (KL-6-37)',
    example: [{ role: 'regional_director' }],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DelegateDto)
  delegates!: DelegateDto[];

  @ApiProperty({ type: DelegationScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DelegationScopeDto)
  scope!: DelegationScopeDto;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'most a single decision may move, in öre (integer); absent or null = no limit',
    example: 500000000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountLimitOre?: number | null;

  @ApiProperty({ type: String, format: 'date', description: 'first valid day (Swedish date, inclusive); not before the decision’s date', example: '2022-03-24' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'last valid day (Swedish date, inclusive); absent or null = until revoked',
    example: '2022-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
}

export class UrgentDecisionDto {
  @ApiProperty({ example: 'Yttrande över remiss om ambulanssjukvårdens dirigering' })
  @IsString()
  @Length(3, 300)
  subject!: string;

  @ApiProperty({ example: 'Ordföranden beslutar på regionstyrelsens vägnar att tillstyrka förslaget. Beslutet anmäls vid nästa sammanträde.' })
  @IsString()
  @Length(1, 5000)
  decisionText!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the case (ärende) decided, if any', example: 'd24b5d60-a626-540d-b71e-8df6cbfadd7d' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseId?: string;
}

export class ListDelegationsQuery {
  @ApiPropertyOptional({ example: 'regionstyrelsen' })
  @IsOptional()
  @Matches(SLUG)
  bodyId?: string;
}

export class RegisterQuery {
  @ApiPropertyOptional({ enum: ['unreported', 'reported', 'all'], default: 'all', description: 'KL 6:40: unreported until reported at a meeting' })
  @IsOptional()
  @IsIn(['unreported', 'reported', 'all'])
  status?: 'unreported' | 'reported' | 'all';
}
