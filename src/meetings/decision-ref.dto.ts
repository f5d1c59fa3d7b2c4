import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { BodyDecisionRef } from './decision-authority';

/** A body's decision on the wire: the meeting and its protocol paragraph (§) that authorise a budget, a delegation or a move. */
export class BodyDecisionRefDto implements BodyDecisionRef {
  @ApiProperty({ description: 'the meeting (sammanträde) of the body', format: 'uuid', example: '7e418945-9988-5e2d-ba91-6a21ea1324d8' })
  @IsString()
  @Length(1, 100)
  meetingId!: string;

  @ApiProperty({ description: 'the protocol paragraph (§)', example: 1 })
  @IsInt()
  @Min(1)
  paragraph!: number;
}
