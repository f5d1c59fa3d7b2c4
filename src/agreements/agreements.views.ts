import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_OWNERS } from './agreements.events';

/** Every öre field has a `…Formatted` twin for people ("1 234 567 kr", non-breaking spaces). */
export class AuthorityView {
  @ApiProperty({ enum: ['body', 'delegated'], description: 'the body’s own decision (§) or a delegated decision' }) kind!: 'body' | 'delegated';
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiPropertyOptional({ description: 'body: the meeting of the decision' }) meetingId?: string;
  @ApiPropertyOptional({ description: 'body: the protocol paragraph (§)', example: 1 }) paragraph?: number;
  @ApiPropertyOptional({ description: 'delegated: the decision on the delegation register' }) delegatedDecisionId?: string;
  @ApiPropertyOptional() delegationId?: string;
  @ApiPropertyOptional({ description: 'delegated: the version of the delegation it was taken under', example: 1 }) delegationVersion?: number;
  @ApiPropertyOptional({ example: 'anders.bystrom' }) decidedBy?: string;
}

export class ResponsibleView {
  @ApiProperty({ example: 'johan.palm' }) userId!: string;
  @ApiProperty({ example: 'Johan Palm' }) name!: string;
}

export class ActivityLedger {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ example: 'vision-ehalsa' }) areaId!: string;
  @ApiProperty({ example: 'Strukturerad vårdinformation i journalen' }) title!: string;
  @ApiProperty({ example: 300_000_000 }) allocatedOre!: number;
  @ApiProperty({ example: '3 000 000 kr' }) allocatedFormatted!: string;
  @ApiProperty({ example: 120_000_000 }) spentOre!: number;
  @ApiProperty({ example: '1 200 000 kr' }) spentFormatted!: string;
  @ApiProperty({ nullable: true, enum: ACTIVITY_OWNERS, description: 'region, the municipalities, or joint (seed 000)' }) owner!: string | null;
  @ApiProperty({ type: [String], example: ['linkopings-kommun'] }) recipientOrganisationIds!: string[];
  @ApiProperty({ type: AuthorityView, description: 'what authorised the allocation' }) authority!: AuthorityView;
  @ApiProperty({ format: 'date-time' }) allocatedAt!: string;
  @ApiProperty({ example: 'anders.bystrom' }) allocatedBy!: string;
}

export class AreaLedger {
  @ApiProperty({ example: 'vision-ehalsa' }) areaId!: string;
  @ApiProperty({ example: 'Insatser inom ramen för Vision e-hälsa 2025' }) name!: string;
  @ApiProperty({ example: 1_000_000_000 }) budgetOre!: number;
  @ApiProperty({ example: '10 000 000 kr' }) budgetFormatted!: string;
  @ApiProperty({ description: 'allocated to activities', example: 700_000_000 }) allocatedOre!: number;
  @ApiProperty({ example: '7 000 000 kr' }) allocatedFormatted!: string;
  @ApiProperty({ description: 'budget − allocated', example: 300_000_000 }) availableOre!: number;
  @ApiProperty({ example: '3 000 000 kr' }) availableFormatted!: string;
  @ApiProperty({ example: 0 }) spentOre!: number;
  @ApiProperty({ example: '0 kr' }) spentFormatted!: string;
  @ApiProperty({ description: 'budget − spent', example: 1_000_000_000 }) unspentOre!: number;
  @ApiProperty({ example: '10 000 000 kr' }) unspentFormatted!: string;
  @ApiProperty({ type: ResponsibleView, nullable: true, description: 'ansvarig tjänsteperson' }) responsible!: ResponsibleView | null;
  @ApiProperty({ type: [ActivityLedger] }) activities!: ActivityLedger[];
}

export class HistoryEntry {
  @ApiProperty({ description: 'position in the agreement’s stream', example: 3 }) revision!: number;
  @ApiProperty({ example: 'FundsReallocatedWithinArea' }) type!: string;
  @ApiProperty({ example: 'Omfördelning inom Insatser inom ramen för Vision e-hälsa 2025: 1 000 000 kr' }) summary!: string;
  @ApiProperty({ type: AuthorityView, nullable: true }) authority!: AuthorityView | null;
  @ApiProperty({ nullable: true, type: Number }) amountOre!: number | null;
  @ApiProperty({ nullable: true, type: String }) amountFormatted!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'anders.bystrom' }) recordedBy!: string;
  @ApiProperty({ description: 'the event as stored', type: Object }) data!: object;
}

export class RepaymentAreaView {
  @ApiProperty() areaId!: string;
  @ApiProperty() budgetOre!: number;
  @ApiProperty() budgetFormatted!: string;
  @ApiProperty() spentOre!: number;
  @ApiProperty() spentFormatted!: string;
  @ApiProperty() unspentOre!: number;
  @ApiProperty() unspentFormatted!: string;
}

export class EarlierRepaymentView {
  @ApiProperty({ example: '2023-01-10' }) computedOn!: string;
  @ApiProperty({ example: 5_650_000_000 }) repaymentOre!: number;
  @ApiProperty({ example: '56 500 000 kr' }) repaymentFormatted!: string;
}

export class RepaymentView {
  @ApiProperty({ example: '2023-01-10', description: 'the day of the latest figure (a correction recomputes it)' }) computedOn!: string;
  @ApiProperty({ description: 'total − everything spent' }) repaymentOre!: number;
  @ApiProperty() repaymentFormatted!: string;
  @ApiProperty() spentOre!: number;
  @ApiProperty() spentFormatted!: string;
  @ApiProperty({ description: 'never budgeted to an area' }) unbudgetedOre!: number;
  @ApiProperty() unbudgetedFormatted!: string;
  @ApiProperty({ example: '2023-06-30' }) dueBy!: string;
  @ApiProperty({ type: [RepaymentAreaView] }) areas!: RepaymentAreaView[];
  @ApiProperty({ type: [EarlierRepaymentView], description: 'figures replaced after corrected outcomes (rättelse), oldest first' })
  earlier!: EarlierRepaymentView[];
}

export class ReportingBackView {
  @ApiProperty({ example: '2023-03-28' }) submittedOn!: string;
  @ApiProperty({ example: 'Återrapport God och nära vård 2022' }) reference!: string;
  @ApiProperty({ example: '2023-03-31' }) dueBy!: string;
}

/** An agreement's headline figures, in öre and formatted: in every ledger answer and the list of ledgers. */
export class AgreementFigures {
  @ApiProperty({ example: 6_000_000_000 }) totalOre!: number;
  @ApiProperty({ example: '60 000 000 kr' }) totalFormatted!: string;
  @ApiProperty({ description: 'sum of the area budgets' }) budgetedOre!: number;
  @ApiProperty() budgetedFormatted!: string;
  @ApiProperty({ description: 'total − budgeted' }) unbudgetedOre!: number;
  @ApiProperty() unbudgetedFormatted!: string;
  @ApiProperty() allocatedOre!: number;
  @ApiProperty() allocatedFormatted!: string;
  @ApiProperty() spentOre!: number;
  @ApiProperty() spentFormatted!: string;
}

/**
 * The agreement's figures as every write answers them: the ledger without its history, which
 * grows with every change (GET /api/agreements/:agreementId has it).
 */
export class AgreementLedgerSummary extends AgreementFigures {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ format: 'uuid', description: 'the case (ärende) the agreement is handled in' }) caseId!: string;
  @ApiProperty({ example: 'God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav' }) name!: string;
  @ApiProperty({ example: 'S2022/00042' }) stateReference!: string;
  @ApiProperty({ example: 2022 }) year!: number;
  @ApiProperty({ example: '2022-12-31' }) useDeadline!: string;
  @ApiProperty({ example: '2023-03-31' }) reportingDate!: string;
  @ApiProperty({ example: '2023-06-30' }) repaymentDate!: string;
  @ApiProperty({ nullable: true, type: String, example: 'regionstyrelsen', description: 'fixed by the first budget decision' }) decidingBodyId!: string | null;
  @ApiProperty({ type: [AreaLedger] }) areas!: AreaLedger[];
  @ApiProperty({ type: RepaymentView, nullable: true }) repayment!: RepaymentView | null;
  @ApiProperty({ type: ReportingBackView, nullable: true }) reportingBack!: ReportingBackView | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ example: 'per.handlaggare' }) openedBy!: string;
  @ApiProperty({ description: 'revision of the agreement stream', example: 5 }) revision!: number;
}

/** The ledger of an agreement: what an auditor needs to explain every figure. */
export class AgreementLedger extends AgreementLedgerSummary {
  @ApiProperty({ type: [HistoryEntry], description: 'every change, in order, each with its authority' }) history!: HistoryEntry[];
}

export class ActivityDecided {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'on the delegation register when taken under a delegation' })
  delegatedDecisionId!: string | null;
  @ApiProperty({ type: AgreementLedgerSummary }) agreement!: AgreementLedgerSummary;
}

export class ReallocationDecided {
  @ApiProperty({ format: 'uuid' }) reallocationId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) delegatedDecisionId!: string | null;
  @ApiProperty({ type: AgreementLedgerSummary }) agreement!: AgreementLedgerSummary;
}
