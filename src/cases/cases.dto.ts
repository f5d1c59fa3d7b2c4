import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
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

export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'RS 2022-00123' }) diaryNumber!: string;
  @ApiProperty({ example: 'RS' }) registry!: string;
  @ApiProperty({ example: 2022 }) year!: number;
  @ApiProperty({ example: 123 }) sequence!: number;
  @ApiProperty({ example: 'Fördelning överenskommelse God och nära vård 2022' }) title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'registered' }) status!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ example: 'anna.registrator' }) registeredBy!: string;
  @ApiProperty({ description: 'revision of the case stream', example: 0 }) revision!: number;
}
