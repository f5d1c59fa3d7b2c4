import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../platform/http/validators';
import { PageMeta, BodyPageQuery } from '../projections/pagination';
import { DEADLINE_KINDS, DeadlineKind } from './deadlines.tables';

/** `true`/`false` as query strings; anything else stays as given and is refused by IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DeadlinesFilter extends BodyPageQuery {
  @ApiPropertyOptional({ enum: DEADLINE_KINDS, example: 'notice' })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({ format: 'date', example: '2022-04-30', description: 'due before this Swedish date (exclusive); undated deadlines are left out' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'date', example: '2022-03-01', description: 'due on or after this Swedish date; undated deadlines are left out' })
  @IsOptional()
  @IsCalendarDate()
  dueFrom?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'also the deadlines already met (and appeal windows that have ended)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeDone?: boolean;
}

export class DeadlineSubjectView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) meetingId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the agenda item of one paragraph' }) itemId!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) paragraph!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) agreementId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'a delegated or urgent decision' }) decisionId!: string | null;
}

export class DeadlineView {
  @ApiProperty({ example: 'notice:7e418945-9988-5e2d-ba91-6a21ea1324d8', description: 'kind and subject: stable for as long as the deadline exists' })
  key!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({ type: DeadlineSubjectView }) subject!: DeadlineSubjectView;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'regionstyrelsen' }) bodyId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'the last day (Swedish date); null while undated' }) dueOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'a decision to report: the meeting it is due at' }) dueMeetingId!: string | null;
  @ApiProperty({ description: 'not met and its last day has passed (today in Sweden); an appeal window is never overdue, it ends' }) overdue!: boolean;
  @ApiProperty({ description: 'met by an event, or (an appeal window) ended' }) done!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'the date the event gives (adjusted, posted, reported … on); an appeal window’s last day' })
  doneOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) doneAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AdjustmentNoticePosted', description: 'the event that met it' }) doneBy!: string | null;
  @ApiProperty({ example: 'Justeringen av protokollet från sammanträdet 2022-03-22 (Regionstyrelsen) ska tillkännages på anslagstavlan senast 2022-03-28 …' })
  description!: string;
  @ApiProperty({ format: 'date-time', description: 'when the event that raised it occurred' }) openedAt!: string;
}

export class DeadlinesPage extends PageMeta {
  @ApiProperty({ type: [DeadlineView] }) items!: DeadlineView[];
}
