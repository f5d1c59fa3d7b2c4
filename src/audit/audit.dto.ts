import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AS_OF_KINDS, AsOfKind } from './as-of';
import { Figure, FIGURE_NAMES, FIGURES } from './explain';
import { INSTANT_HELP, INSTANT_PATTERN } from './instant';

export class AsOfParams {
  @ApiProperty({ enum: AS_OF_KINDS, description: 'what to show: a case, an agreement (its ledger) or a delegation' })
  @IsIn(AS_OF_KINDS)
  kind!: AsOfKind;

  @ApiProperty({ format: 'uuid' })
  @IsString()
  @MaxLength(200)
  id!: string;
}

export class AsOfQuery {
  @ApiProperty({ description: INSTANT_HELP, example: '2022-04-24' })
  @Matches(INSTANT_PATTERN, { message: `at must be an ${INSTANT_HELP}` })
  at!: string;
}

const figureHelp = FIGURE_NAMES.map((f) => `${f}: ${FIGURES[f]}`).join('; ');

export class ExplainQuery {
  @ApiProperty({ enum: FIGURE_NAMES, description: `the figure of the ledger to explain — ${figureHelp}`, example: 'area-available' })
  @IsIn(FIGURE_NAMES)
  figure!: Figure;

  @ApiPropertyOptional({ description: 'for area-… figures: the development area', example: 'vision-ehalsa' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  areaId?: string;

  @ApiPropertyOptional({ description: 'for activity-… figures: the activity', format: 'uuid' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  activityId?: string;
}

export class MandateQuery {
  @ApiPropertyOptional({ description: 'whose delegation register holds the decision (default: the actor’s organisation)', example: 'region-exempel' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisationId?: string;
}
