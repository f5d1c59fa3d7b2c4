import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { BodyDecisionRef } from './decision-authority';

/** A body's decision on the wire: the meeting and its protocol paragraph (§) that authorise a budget, a delegation or a move. */
export class BodyDecisionRefDto implements BodyDecisionRef {
  @ApiProperty({ description: 'the meeting (sammanträde) of the body', format: 'uuid', example: '0b8e7c1e-5d1a-5c3e-9f4e-2a1d3c4b5a6f' })
  @IsString()
  @Length(1, 100)
  meetingId!: string;

  @ApiProperty({ description: 'the protocol paragraph (§)', example: 47 })
  @IsInt()
  @Min(1)
  paragraph!: number;
}
