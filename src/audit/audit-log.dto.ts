import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../calendar/swedish-calendar';
import { Role, ROLES } from '../platform/actor';

import { PageMeta, OrganisationPageQuery } from '../projections/pagination';

/** An instant as ISO 8601 with `Z` or an offset: a time range without a zone would mean different things on different servers. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: string): Date | null {
  if (!INSTANT.test(value) || !isIsoDate(value.slice(0, 10))) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 instant with Z or an offset, e.g. 2022-03-24T00:00:00Z`,
      },
    },
    options,
  );
}

/** Event types are PascalCase names (`ProtocolAdjusted`). */
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;

export class AuditLogFilter extends OrganisationPageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'events of the case: its own stream, its diary number, its agreement, its agenda items and the delegations and delegated decisions on its agreement' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ example: 'anders.bystrom', description: 'the acting user' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  userId?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'regional_director', description: 'the acting user’s role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'delegations-region-exempel' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  streamId?: string;

  @ApiPropertyOptional({ example: 'DelegatedDecisionRecorded' })
  @IsOptional()
  @Matches(EVENT_TYPE, { message: 'type must be an event type, e.g. ProtocolAdjusted' })
  type?: string;

  @ApiPropertyOptional({ example: 'demo-seed-003' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  correlationId?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2022-03-24T00:00:00Z', description: 'occurred at or after (business time)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2022-03-25T00:00:00Z', description: 'occurred before (business time; exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'by store position: oldest first unless desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class AuditActorView {
  @ApiProperty({ type: String, nullable: true, example: 'anders.bystrom' }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ROLES, example: 'regional_director' }) role!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'region-exempel' }) organisationId!: string | null;
}

export class AuditLogEntryView {
  @ApiProperty({ example: 62, description: 'global position in the store' }) position!: number;
  @ApiProperty({ example: 'delegations-region-exempel' }) streamId!: string;
  @ApiProperty({ example: 1, description: '0-based revision in its stream' }) revision!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'DelegatedDecisionRecorded' }) type!: string;
  @ApiProperty({ format: 'date-time', description: 'business time: the clock of the command that caused it' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the store recorded it' }) recordedAt!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ type: String, nullable: true, description: 'the command (its Idempotency-Key)' }) commandId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RecordDelegatedDecision' }) commandType!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'demo-seed-003' }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the command or event that caused it' }) causationId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the case it belongs to, where the history says so' }) caseId!: string | null;
}

export class AuditLogPage extends PageMeta {
  @ApiProperty({ type: [AuditLogEntryView] }) items!: AuditLogEntryView[];
}
