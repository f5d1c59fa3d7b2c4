import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../platform/http/validators';
import { DOCUMENT_KINDS, DocumentKind } from './cases.events';

export class SecrecyDto {
  @ApiProperty({
    description: 'the provision of OSL (2009:400) the secrecy rests on; a marking without one is refused (422 CASE-SECRECY-GROUND)',
    example: 'OSL 25 kap. 1 §',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  legalGround?: string;
}

export class AttachDocumentDto {
  @ApiProperty({ example: 'Tjänsteskrivelse Fördelning överenskommelse God och nära vård 2022' })
  @IsString()
  @Length(2, 300)
  title!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'official_report' })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({ description: 'SHA-256 of the file, 64 lower-case hex digits', example: '3f1c1d8f5d1e6b2b7a0c9e4f8a2d6c0b1e3f5a7c9d2b4e6f8a0c2e4a6b8d0f21' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;

  @ApiPropertyOptional({ type: SecrecyDto, description: 'sekretessmarkering' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecrecyDto)
  secrecy?: SecrecyDto;
}

export class ConsequencesDto {
  @ApiPropertyOptional({ example: 'Ett förändrat resmönster kommer sannolikt att påverka miljön.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  environment?: string;

  @ApiPropertyOptional({ example: 'Barn och ungas behov har särskilt lyfts in.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  children?: string;

  @ApiPropertyOptional({ example: 'Förväntas bidra till en stärkt jämställdhet.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  genderEquality?: string;

  @ApiPropertyOptional({ example: 'Fördelningen ryms inom statsbidraget God och nära vård 2022.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  economy?: string;
}

export class DecisionPointDto {
  @ApiProperty({ description: 'numbered 1, 2, 3 … without gaps (CASE-DECISION-POINTS)', example: 1 })
  @IsInt()
  number!: number;

  @ApiProperty({
    example: 'Förslag till fördelning av God och nära vård 2022 - En omställning av hälso- och sjukvården med primärvården som nav godkänns.',
  })
  @IsString()
  @Length(2, 5000)
  text!: string;
}

export class WriteOfficialReportDto {
  @ApiProperty({ example: 'Regionens andel av statsbidraget God och nära vård 2022 fördelas på fyra utvecklingsområden.' })
  @IsString()
  @Length(2, 5000)
  summary!: string;

  @ApiProperty({ description: 'ärendebeskrivning', example: 'Sveriges kommuner och regioner (SKR) har tillsammans med staten beslutat om överenskommelsen God och nära vård 2022.' })
  @IsString()
  @Length(2, 50_000)
  caseDescription!: string;

  @ApiPropertyOptional({ description: 'bedömning', example: 'Förslaget ger förutsättningar att fortsätta omställningen till en god och nära vård inom ramen för statsbidraget.' })
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  assessment?: string;

  @ApiPropertyOptional({ type: ConsequencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsequencesDto)
  consequences?: ConsequencesDto;

  @ApiPropertyOptional({ description: 'uppföljning', example: 'Utfallet per aktivitet följs upp vid årets slut.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  followUp?: string;

  @ApiProperty({ type: [DecisionPointDto], description: 'förslag till beslut' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionPointDto)
  decisionPoints!: DecisionPointDto[];

  @ApiProperty({
    type: [String],
    description: '"Utdrag till"',
    example: ['Hälso- och sjukvårdsdirektör', 'Regionstabschef', 'Chef Hälso- och sjukvårdspolitiska avdelningen', 'Beställarchef', 'Chef Division Nära vård'],
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  extractRecipients!: string[];

  @ApiProperty({ type: [String], description: 'bodies the protocol is communicated to (delges)', example: ['Hälso- och sjukvårdsnämnden'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  informBodies!: string[];
}

export class RecordPreparationDto {
  @ApiProperty({ example: 'halso-och-sjukvardsnamnden' })
  @IsString()
  @Length(1, 63)
  bodyId!: string;

  @ApiProperty({ format: 'date', example: '2022-03-08' })
  @IsCalendarDate({ message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'Beredd i arbetsutskottet utan erinran.' })
  @IsString()
  @Length(2, 5000)
  statement!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Ärendet har ersatts av ett nytt ärende.' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}
