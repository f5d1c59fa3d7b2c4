import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BodyDecisionRefDto } from '../meetings/decision-ref.dto';
import { ROLES } from '../platform/actor';
import { DELEGABLE_KINDS } from './mandate';

/** Response shapes, for the OpenAPI document; the handlers return the register's read model. */

class DelegateView {
  @ApiProperty({ enum: ['person', 'role'], example: 'role' }) kind!: string;
  @ApiPropertyOptional({ example: 'anders.bystrom' }) userId?: string;
  @ApiPropertyOptional({ enum: ROLES, example: 'regional_director' }) role?: string;
}

class ScopeView {
  @ApiProperty({ format: 'uuid', example: '735ca15a-daa8-5a36-b5e8-849f42d0f85c' }) agreementId!: string;
  @ApiProperty({ example: ['nara-vard', 'medarbetare', 'vision-ehalsa', 'ambulans'] }) areaIds!: string[];
  @ApiProperty({ enum: DELEGABLE_KINDS, isArray: true, example: ['decide_activities', 'reallocate_within_area'] }) kinds!: string[];
}

class VersionTermsView {
  @ApiProperty({ format: 'uuid' }) delegationId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ type: DelegateView }) delegate!: DelegateView;
  @ApiProperty({ type: ScopeView }) scope!: ScopeView;
  @ApiProperty({ nullable: true, type: 'integer', example: 500000000, description: 'öre per decision; null = no limit' }) amountLimitOre!: number | null;
  @ApiProperty({ format: 'date', example: '2022-03-24' }) validFrom!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2022-12-31' }) validUntil!: string | null;
  @ApiProperty({ type: BodyDecisionRefDto }) decision!: BodyDecisionRefDto;
}

export class DelegationVersionView extends VersionTermsView {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
}

export class VersionRecordView extends VersionTermsView {
  @ApiProperty({ nullable: true, type: String, example: '2022-03-22', description: 'the date of the decision behind this version' }) decidedOn!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'sara.sekreterare' }) recordedBy!: string;
}

class ReportedView {
  @ApiProperty({ format: 'uuid', example: '7e418945-9988-5e2d-ba91-6a21ea1324d8' }) meetingId!: string;
  @ApiProperty({ example: 15 }) paragraph!: number;
  @ApiProperty({ example: '2022-06-14' }) reportedOn!: string;
}

export class RegisterDecisionView {
  @ApiProperty({ format: 'uuid' }) delegatedDecisionId!: string;
  @ApiProperty({ enum: ['delegated', 'urgent'] }) kind!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ nullable: true, type: String }) delegationId!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) delegationVersion!: number | null;
  @ApiProperty({ enum: [...DELEGABLE_KINDS, 'urgent'] }) decisionKind!: string;
  @ApiProperty({ example: 'Aktivitet: Mobil närvård i glesbygd' }) summary!: string;
  @ApiProperty({ nullable: true, type: Number, example: 120000000 }) amountOre!: number | null;
  @ApiProperty({ nullable: true, type: String }) agreementId!: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ example: 'anders.bystrom' }) decidedBy!: string;
  @ApiProperty({ type: ReportedView, nullable: true, description: 'KL 6:40: null until reported at a meeting of the body' })
  reported!: ReportedView | null;
  @ApiProperty({ nullable: true, type: String, description: 'the decision of an urgent matter (KL 6:39)' }) decisionText!: string | null;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
}

class RevocationView {
  @ApiProperty({ type: BodyDecisionRefDto }) decision!: BodyDecisionRefDto;
  @ApiProperty({ nullable: true, type: String, example: '2022-10-01', description: 'the day set by the decision, if any' }) effectiveOn!: string | null;
  @ApiProperty({ format: 'date-time', description: 'from this instant nothing more is decided under it' }) revokedAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'sara.sekreterare' }) revokedBy!: string;
}

export class DelegationView {
  @ApiProperty({ format: 'uuid' }) delegationId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ type: DelegationVersionView, description: 'the latest version recorded (it may be valid from a later day)' }) current!: DelegationVersionView;
  @ApiProperty({ type: [VersionRecordView] }) versions!: VersionRecordView[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: RevocationView, nullable: true }) revocation!: RevocationView | null;
  @ApiProperty({ type: [RegisterDecisionView], description: 'decisions taken under it, with the version that authorised each' })
  decisions!: RegisterDecisionView[];
}

export class DelegationListView {
  @ApiProperty({ type: [DelegationVersionView], description: 'the latest version of each delegation, in the order granted' })
  items!: DelegationVersionView[];
}

export class BodyRegisterView {
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ enum: ['unreported', 'reported', 'all'], example: 'unreported' }) status!: string;
  @ApiProperty({ type: [RegisterDecisionView], description: 'in the order decided' }) items!: RegisterDecisionView[];
}
