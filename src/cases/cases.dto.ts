import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { CaseStatus } from './case.state';
import { DOCUMENT_KINDS, DocumentKind } from './cases.events';
import { REGISTRY_PREFIX } from './diary-number';

export class RegisterCaseDto {
  @ApiProperty({ description: 'Registry prefix (diarium), upper-case letters', example: 'RS' })
  @Matches(REGISTRY_PREFIX, { message: 'registry must be 1–8 upper-case letters, e.g. RS' })
  registry!: string;

  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' })
  @IsString()
  @Length(3, 300)
  title!: string;

  @ApiPropertyOptional({
    example: 'Regionens andel av statsbidraget fördelas på fyra utvecklingsområden.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string;
}

export class SecrecyView {
  @ApiProperty({ example: 'OSL 25 kap. 1 §' }) legalGround!: string;
  @ApiProperty({ example: 'per.handlaggare' }) markedBy!: string;
  @ApiProperty({ format: 'date-time' }) markedAt!: string;
}

export class CaseDocumentView {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ example: 'Tjänsteskrivelse Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'official_report' }) kind!: DocumentKind;
  @ApiProperty({ example: '3f1c1d8f5d1e6b2b7a0c9e4f8a2d6c0b1e3f5a7c9d2b4e6f8a0c2e4a6b8d0f21' }) sha256!: string;
  @ApiProperty({ type: SecrecyView, nullable: true }) secrecy!: SecrecyView | null;
  @ApiProperty({ format: 'date-time' }) attachedAt!: string;
  @ApiProperty({ example: 'per.handlaggare' }) attachedBy!: string;
}

export class ConsequencesView {
  @ApiProperty({ nullable: true, type: String }) environment!: string | null;
  @ApiProperty({ nullable: true, type: String }) children!: string | null;
  @ApiProperty({ nullable: true, type: String }) genderEquality!: string | null;
  @ApiProperty({ nullable: true, type: String }) economy!: string | null;
}

export class DecisionPointView {
  @ApiProperty({ example: 3 }) number!: number;
  @ApiProperty({ example: 'Protokollet ska delges hälso- och sjukvårdsnämnden.' }) text!: string;
}

export class OfficialReportView {
  @ApiProperty({ description: '1 for the first report, one more for each rewrite', example: 1 }) revision!: number;
  @ApiProperty() summary!: string;
  @ApiProperty() caseDescription!: string;
  @ApiProperty({ nullable: true, type: String }) assessment!: string | null;
  @ApiProperty({ type: ConsequencesView }) consequences!: ConsequencesView;
  @ApiProperty({ nullable: true, type: String }) followUp!: string | null;
  @ApiProperty({ type: [DecisionPointView] }) decisionPoints!: DecisionPointView[];
  @ApiProperty({ type: [String], example: ['Hälso- och sjukvårdsdirektör', 'Regionstabschef'] }) extractRecipients!: string[];
  @ApiProperty({ type: [String], example: ['Hälso- och sjukvårdsnämnden'] }) informBodies!: string[];
  @ApiProperty({ format: 'date-time' }) writtenAt!: string;
  @ApiProperty({ example: 'per.handlaggare' }) writtenBy!: string;
}

export class PreparationView {
  @ApiProperty({ example: 'halso-och-sjukvardsnamnden' }) bodyId!: string;
  @ApiProperty({ example: 'Hälso- och sjukvårdsnämnden' }) bodyName!: string;
  @ApiProperty({ format: 'date', example: '2022-03-08' }) date!: string;
  @ApiProperty({ example: 'Beredd i arbetsutskottet utan erinran.' }) statement!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'per.handlaggare' }) recordedBy!: string;
}

export class AgendaPlacementView {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
}

export class CaseDecisionView {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ description: 'the protocol paragraph (§)', example: 12 }) paragraph!: number;
  @ApiProperty({ enum: ['approved', 'approved_with_amendments', 'rejected', 'referred_back', 'postponed'], example: 'approved' }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) completionRequired!: string | null;
  @ApiProperty({ nullable: true, type: String }) postponedToMeetingId!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class EndingView {
  @ApiProperty({ example: 'Beslutet har vunnit laga kraft och verkställts.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'anna.registrator' }) by!: string;
}

export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'RS 2022-00123' }) diaryNumber!: string;
  @ApiProperty({ example: 'RS' }) registry!: string;
  @ApiProperty({ example: 2022 }) year!: number;
  @ApiProperty({ example: 123 }) sequence!: number;
  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ enum: ['registered', 'in_preparation', 'ready_for_agenda', 'on_agenda', 'decided', 'withdrawn', 'closed'], example: 'registered' })
  status!: CaseStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ example: 'anna.registrator' }) registeredBy!: string;
  @ApiProperty({ type: [CaseDocumentView] }) documents!: CaseDocumentView[];
  @ApiProperty({ type: OfficialReportView, nullable: true }) report!: OfficialReportView | null;
  @ApiProperty({ type: [PreparationView] }) preparations!: PreparationView[];
  @ApiProperty({ type: AgendaPlacementView, nullable: true, description: 'the meeting whose agenda the case waits on' })
  agenda!: AgendaPlacementView | null;
  @ApiProperty({ type: [CaseDecisionView] }) decisions!: CaseDecisionView[];
  @ApiProperty({ nullable: true, type: String, description: 'what a referral back (återremiss) asked to be completed' })
  completionRequired!: string | null;
  @ApiProperty({ type: EndingView, nullable: true }) withdrawal!: EndingView | null;
  @ApiProperty({ type: EndingView, nullable: true }) closing!: EndingView | null;
  @ApiProperty({ description: 'revision of the case stream', example: 0 }) revision!: number;
}
