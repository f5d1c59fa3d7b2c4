import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageMeta, PageQuery, OrganisationPageQuery } from '../projections/pagination';
import { SLUG } from '../platform/http/validators';
import { AgreementEvent } from './agreements.events';
import { AgreementFigures, HistoryEntry } from './agreements.views';

/** Every kind of change the ledger records (a Record, so a new event type cannot be forgotten here). */
const CHANGE_TYPES_BY_NAME: Record<AgreementEvent['type'], true> = {
  AgreementOpened: true,
  AreaBudgetsSet: true,
  ActivityAllocated: true,
  FundsReallocatedWithinArea: true,
  FundsReallocatedBetweenAreas: true,
  OutcomeReported: true,
  RepaymentComputed: true,
  RepaymentRecomputed: true,
  ReportingBackRecorded: true,
};
export const CHANGE_TYPES = Object.keys(CHANGE_TYPES_BY_NAME) as Array<AgreementEvent['type']>;

export class LedgerListQuery extends OrganisationPageQuery {
  @ApiPropertyOptional({ description: 'part of the name or the state reference, any case', example: 'nära vård' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string;

  @ApiPropertyOptional({ example: 2022 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;
}

export class LedgerChangesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'changes that concern this development area', example: 'vision-ehalsa' })
  @IsOptional()
  @Matches(SLUG)
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'changes that concern this activity' })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({ enum: CHANGE_TYPES })
  @IsOptional()
  @IsIn(CHANGE_TYPES)
  type?: AgreementEvent['type'];
}

/** An agreement in the list of ledgers: its headline figures (the areas are in the ledger itself). */
export class LedgerListItem extends AgreementFigures {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav' }) name!: string;
  @ApiProperty({ example: 'S2022/00042' }) stateReference!: string;
  @ApiProperty({ example: 2022 }) year!: number;
  @ApiProperty({ nullable: true, type: String, example: 'regionstyrelsen' }) decidingBodyId!: string | null;
  @ApiProperty({ description: 'revision of the agreement stream the figures stand at', example: 5 }) revision!: number;
}

export class LedgerPage extends PageMeta {
  @ApiProperty({ type: [LedgerListItem], description: 'newest year first, then in the order opened' }) items!: LedgerListItem[];
}

/** A change of the ledger: the aggregate's history entry, with the agreement and what it concerns. */
export class LedgerChange extends HistoryEntry {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ type: [String], example: ['vision-ehalsa'], description: 'development areas the change concerns' }) areaIds!: string[];
  @ApiProperty({ type: [String], description: 'activities the change concerns' }) activityIds!: string[];
}

export class LedgerChangePage extends PageMeta {
  @ApiProperty({ type: [LedgerChange], description: 'in the order recorded; `authority` names the § or the delegated decision' }) items!: LedgerChange[];
}
