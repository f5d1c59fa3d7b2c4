import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AgreementLedger } from '../agreements/agreements.views';
import { CaseView } from '../cases/cases.dto';
import { DelegationVersionView, DelegationView } from '../delegations/delegations.views.dto';
import { AS_OF_KINDS } from './as-of';
import { FIGURE_NAMES } from './explain';

/** The OpenAPI shapes of the auditor's tools; the answers themselves are built in as-of.ts, explain.ts, mandate-report.ts, verify.ts. */

export class EventRefView {
  @ApiProperty({ example: 'agreement-5d0c…' }) streamId!: string;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ description: 'global position in the store' }) position!: number;
  @ApiProperty({ example: 'FundsReallocatedWithinArea' }) type!: string;
  @ApiProperty({ format: 'date-time', description: 'business time (metadata.occurredAt)' }) occurredAt!: string;
}

class Texts {
  @ApiProperty() sv!: string;
  @ApiProperty() en!: string;
}

@ApiExtraModels(CaseView, AgreementLedger, DelegationView)
export class AsOfView {
  @ApiProperty({ enum: AS_OF_KINDS }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant asked for (a date means the end of that day, Swedish time)' }) at!: string;
  @ApiProperty({ type: Texts, description: 'which clock: business time, metadata.occurredAt ≤ at' }) timeBasis!: Texts;
  @ApiProperty({ type: EventRefView, description: 'the last event folded that concerns the thing: the state stands on it' }) standsOn!: EventRefView;
  @ApiProperty({ description: 'events of the stream folded' }) eventsFolded!: number;
  @ApiProperty({ description: 'events of the stream after the instant, not folded' }) eventsAfter!: number;
  @ApiProperty({
    description: 'the same view as GET /api/cases/:id, GET /api/agreements/:id or GET /api/delegations/:id',
    oneOf: [{ $ref: getSchemaPath(CaseView) }, { $ref: getSchemaPath(AgreementLedger) }, { $ref: getSchemaPath(DelegationView) }],
  })
  state!: object;
}

export class AuthorityReadingView {
  @ApiProperty({ enum: ['body', 'delegated'] }) kind!: string;
  @ApiProperty({ example: 'Regionstyrelsen 2022-03-22 § 1 (justerat 2022-03-24)' }) text!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ required: false, description: 'body: the body’s name' }) bodyName?: string;
  @ApiProperty({ required: false }) meetingId?: string;
  @ApiProperty({ required: false, example: '2022-03-22', description: 'body: the date of the meeting' }) meetingDate?: string;
  @ApiProperty({ required: false, example: 1, description: 'body: the protocol paragraph (§)' }) paragraph?: number;
  @ApiProperty({ required: false, example: 'RS 2022-00001' }) diaryNumber?: string;
  @ApiProperty({ required: false }) caseTitle?: string;
  @ApiProperty({ required: false, example: 'approved' }) outcome?: string;
  @ApiProperty({ required: false, description: 'body: the protocol (or the § alone) is adjusted' }) adjusted?: boolean;
  @ApiProperty({ required: false, example: '2022-03-24' }) adjustedOn?: string;
  @ApiProperty({ required: false }) annulled?: boolean;
  @ApiProperty({ required: false, description: 'delegated: the decision on the register' }) delegatedDecisionId?: string;
  @ApiProperty({ required: false }) delegationId?: string;
  @ApiProperty({ required: false }) delegationVersion?: number;
  @ApiProperty({ required: false, description: 'delegated: who the delegation names: {kind: person, userId} or {kind: role, role}' }) delegate?: object;
  @ApiProperty({ required: false, example: 'anders.bystrom' }) decidedBy?: string;
  @ApiProperty({ required: false, format: 'date-time' }) decidedAt?: string;
  @ApiProperty({ required: false, description: 'delegated: the body’s decision behind that version {meetingId, paragraph}' }) grantedBy?: object;
  @ApiProperty({ required: false, description: 'delegated: KL 6:40, where it was reported {meetingId, paragraph, reportedOn}' }) reported?: object;
}

export class ExplainStepView {
  @ApiProperty({ type: EventRefView }) event!: EventRefView;
  @ApiProperty({ example: 'Omfördelning inom Insatser inom ramen för Vision e-hälsa 2025: 1 000 000 kr …' }) summary!: string;
  @ApiProperty({ description: 'who recorded it: {userId, role, organisationId}' }) actor!: object;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the area or activity did not exist yet' }) beforeOre!: number | null;
  @ApiProperty({ nullable: true, type: String }) beforeFormatted!: string | null;
  @ApiProperty({ nullable: true, type: Number }) afterOre!: number | null;
  @ApiProperty({ nullable: true, type: String }) afterFormatted!: string | null;
  @ApiProperty() deltaOre!: number;
  @ApiProperty() deltaFormatted!: string;
  @ApiProperty({ type: AuthorityReadingView, nullable: true, description: 'null for the registration of the agreement and for reported outcomes' }) authority!: AuthorityReadingView | null;
}

export class ExplanationView {
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: FIGURE_NAMES }) figure!: string;
  @ApiProperty({ example: 'tillgängligt i området (budget − beslutat)' }) label!: string;
  @ApiProperty({ nullable: true, type: String }) areaId!: string | null;
  @ApiProperty({ nullable: true, type: String }) activityId!: string | null;
  @ApiProperty({ description: 'the figure as the ledger shows it now' }) valueOre!: number;
  @ApiProperty() valueFormatted!: string;
  @ApiProperty({ description: 'the agreement’s revision the figure is read at' }) revision!: number;
  @ApiProperty({ type: [ExplainStepView], description: 'every event that changed the figure, oldest first; the deltas add up to the value' }) chain!: ExplainStepView[];
  @ApiProperty({ type: [ExplainStepView], description: 'events about the same area or activity that left the figure unchanged (e.g. a reallocation inside the area), for context' })
  unchanged!: ExplainStepView[];
}

class MandateCheckView {
  @ApiProperty({ example: 'DELEGATION-AMOUNT-LIMIT' }) ruleId!: string;
  @ApiProperty({ example: 'Beloppet 4 000 000 kr ryms inom beloppsgränsen 5 000 000 kr.' }) sv!: string;
  @ApiProperty() en!: string;
}

class MandateDecisionView {
  @ApiProperty({ type: EventRefView, description: 'the agreement’s event that moved the money' }) event!: EventRefView;
  @ApiProperty({ enum: ['decide_activities', 'reallocate_within_area', 'reallocate_between_areas'] }) kind!: string;
  @ApiProperty({ type: [String] }) areaIds!: string[];
  @ApiProperty() amountOre!: number;
  @ApiProperty() amountFormatted!: string;
  @ApiProperty({ description: '{userId, role, organisationId}' }) decidedBy!: object;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class MandateView {
  @ApiProperty() delegatedDecisionId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() agreementId!: string;
  @ApiProperty({ type: MandateDecisionView }) decision!: MandateDecisionView;
  @ApiProperty({ description: 'the delegation version the decision recorded' }) recordedVersion!: number;
  @ApiProperty({ type: DelegationVersionView, nullable: true, description: 'the version in force at that moment (register folded up to decidedAt)' }) delegation!: DelegationVersionView | null;
  @ApiProperty({ type: EventRefView, nullable: true }) registerStandsOn!: EventRefView | null;
  @ApiProperty({ type: AuthorityReadingView, nullable: true, description: 'the body’s decision behind that version' }) grantedBy!: AuthorityReadingView | null;
  @ApiProperty({ description: 'every check passes on the history, under the version the decision names' }) inside!: boolean;
  @ApiProperty({ type: [MandateCheckView], description: 'the checks of checkMandate passed, in order' }) checks!: MandateCheckView[];
  @ApiProperty({ type: MandateCheckView, nullable: true, description: 'the first rule broken, if one is' }) refusal!: MandateCheckView | null;
  @ApiProperty({ nullable: true, description: 'KL 6:40: {meetingId, paragraph, reportedOn}' }) reported!: object | null;
}

class BrokenLinkView {
  @ApiProperty() streamId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: ['hash', 'revision', 'unreadable'] }) reason!: string;
  @ApiProperty({ description: 'hash: recomputed; revision: the one that should come next' }) expected!: string;
  @ApiProperty({ nullable: true, type: String, description: 'hash: stored; revision: found; unreadable: the parse error' }) found!: string | null;
}

export class VerifyView {
  @ApiProperty() ok!: boolean;
  @ApiProperty() streams!: number;
  @ApiProperty() events!: number;
  @ApiProperty() brokenStreams!: number;
  @ApiProperty({ type: BrokenLinkView, nullable: true }) firstBroken!: BrokenLinkView | null;
}
