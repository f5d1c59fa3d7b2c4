import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { BodyDecisionRefDto } from '../meetings/decision-ref.dto';
import { ROLES } from '../platform/actor';
import { IsCalendarDate } from '../platform/http/validators';
import { PageMeta, BodyPageQuery } from '../projections/pagination';
import { DelegationVersionView, RegisterDecisionView, VersionRecordView } from './delegations.views.dto';

/** Where a delegation stands today: not yet begun, in force, or ended (revoked, or past its last day). */
export const DELEGATION_STATUSES = ['in-force', 'upcoming', 'past'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** KL 6:40 as the register follows it: held for a meeting while its paragraph is being written, then reported. */
export const REPORT_STATES = ['unreported', 'held', 'reported'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export class DelegationRegisterQuery extends BodyPageQuery {
  @ApiPropertyOptional({ enum: DELEGATION_STATUSES, description: 'today (Swedish date): in force, not yet begun, or ended' })
  @IsOptional()
  @IsIn(DELEGATION_STATUSES)
  status?: DelegationStatus;

  @ApiPropertyOptional({ description: 'delegations to this person (by the latest version)', example: 'anders.bystrom' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  delegateUserId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'delegations to whoever holds this role (by the latest version)', example: 'regional_director' })
  @IsOptional()
  @IsIn(ROLES)
  delegateRole?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'delegations over this agreement (by the latest version)' })
  @IsOptional()
  @IsUUID()
  agreementId?: string;
}

export class RegisterDecisionsQuery extends BodyPageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  delegationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @ApiPropertyOptional({ enum: ['delegated', 'urgent'] })
  @IsOptional()
  @IsIn(['delegated', 'urgent'])
  kind?: 'delegated' | 'urgent';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'KL 6:40: reported (or held for a meeting) or not — as the body’s own list counts them' })
  @IsOptional()
  @IsIn(['true', 'false'])
  reported?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'date', description: 'decided on or after (Swedish date)', example: '2022-04-01' })
  @IsOptional()
  @IsCalendarDate()
  decidedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'decided on or before (Swedish date)', example: '2022-04-30' })
  @IsOptional()
  @IsCalendarDate()
  decidedTo?: string;
}

export class RegisterVersionView extends VersionRecordView {
  @ApiProperty({ nullable: true, type: String, example: '5 000 000 kr' }) amountLimitFormatted!: string | null;
  @ApiProperty({ description: 'the version in force today' }) inForce!: boolean;
}

export class RegisterCurrentView extends DelegationVersionView {
  @ApiProperty({ nullable: true, type: String, example: '5 000 000 kr' }) amountLimitFormatted!: string | null;
}

export class AuthorisingVersionView extends VersionRecordView {
  @ApiProperty({ nullable: true, type: String, example: '5 000 000 kr' }) amountLimitFormatted!: string | null;
}

export class RegisterRevocationView {
  @ApiProperty({ type: BodyDecisionRefDto }) decision!: BodyDecisionRefDto;
  @ApiProperty({ nullable: true, type: String, example: '2022-10-01' }) effectiveOn!: string | null;
  @ApiProperty({ format: 'date-time', description: 'from this instant nothing more is decided under it' }) revokedAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'sara.sekreterare' }) revokedBy!: string;
}

export class DecisionCountsView {
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ example: 3, description: 'KL 6:40: not yet reported to the body' }) unreported!: number;
}

export class RegisterDelegationView {
  @ApiProperty({ format: 'uuid' }) delegationId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ enum: DELEGATION_STATUSES }) status!: DelegationStatus;
  @ApiProperty({ nullable: true, type: Number, example: 1, description: 'the version in force today; null when none is' }) versionInForce!: number | null;
  @ApiProperty({ type: RegisterCurrentView, description: 'the latest version recorded (it may be valid from a later day)' }) current!: RegisterCurrentView;
  @ApiProperty({ type: [RegisterVersionView], description: 'every version, each with its terms, period and the § that decided it' }) versions!: RegisterVersionView[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: RegisterRevocationView, nullable: true }) revocation!: RegisterRevocationView | null;
  @ApiProperty({ type: DecisionCountsView }) decisions!: DecisionCountsView;
}

export class DelegationRegisterPage extends PageMeta {
  @ApiProperty({ type: [RegisterDelegationView], description: 'in the order granted' }) items!: RegisterDelegationView[];
}

export class RegisterDecisionItem extends RegisterDecisionView {
  @ApiProperty({ nullable: true, type: String, example: '1 200 000 kr' }) amountFormatted!: string | null;
  @ApiProperty({ enum: REPORT_STATES, description: 'held: a report holds it for `reported.meetingId` while the paragraph is written' }) reportState!: ReportState;
  @ApiProperty({ type: AuthorisingVersionView, nullable: true, description: 'the delegation version that authorised it (null: an urgent decision, KL 6:39)' })
  authorisedBy!: AuthorisingVersionView | null;
}

export class RegisterDecisionPage extends PageMeta {
  @ApiProperty({ type: [RegisterDecisionItem], description: 'in the order decided' }) items!: RegisterDecisionItem[];
}
