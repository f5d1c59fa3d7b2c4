import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ValidationFailed } from '../platform/errors';
import { SLUG } from '../platform/http/validators';
import { BODY_KINDS, BodyKind, ORGANISATION_KINDS, OrganisationKind, Seat, SEATS } from './organisations.events';

const SLUG_MESSAGE = 'lower-case letters, digits and hyphens, e.g. regionstyrelsen';
/** user ids as the x-user-id header carries them, e.g. eva.ordforande */
export const USER_ID = /^[A-Za-z0-9._@-]{1,100}$/;
const USER_ID_MESSAGE = 'a user id: letters, digits and . _ @ -, e.g. eva.ordforande';

export class RegisterOrganisationDto {
  @ApiProperty({ example: 'region-exempel' })
  @Matches(SLUG, { message: `organisationId: ${SLUG_MESSAGE}` })
  organisationId!: string;

  @ApiProperty({ example: 'Region Exempel' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'region' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ description: 'the region a municipality lies in', example: 'region-exempel' })
  @IsOptional()
  @Matches(SLUG, { message: `regionId: ${SLUG_MESSAGE}` })
  regionId?: string;
}

export class EstablishBodyDto {
  @ApiProperty({ example: 'regionstyrelsen' })
  @Matches(SLUG, { message: `bodyId: ${SLUG_MESSAGE}` })
  bodyId!: string;

  @ApiProperty({ example: 'Regionstyrelsen' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: BODY_KINDS, example: 'regional_board' })
  @IsIn(BODY_KINDS)
  kind!: BodyKind;
}

export class AppointMemberDto {
  @ApiProperty({ example: 'Eva Ordförande' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: SEATS, example: 'ordinary', description: 'ordinary = ordinarie ledamot, deputy = ersättare' })
  @IsIn(SEATS)
  seat!: Seat;
}

export class DesignateChairDto {
  @ApiProperty({ example: 'eva.ordforande' })
  @Matches(USER_ID, { message: USER_ID_MESSAGE })
  userId!: string;
}

/** A member's user id in the path is checked like a body field. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID.test(value)) throw new ValidationFailed([{ field: 'userId', rules: { matches: USER_ID_MESSAGE } }]);
    return value;
  }
}

export class BodyMemberView {
  @ApiProperty({ example: 'eva.ordforande' }) userId!: string;
  @ApiProperty({ example: 'Eva Ordförande' }) name!: string;
  @ApiProperty({ enum: SEATS, example: 'ordinary' }) seat!: Seat;
}

export class BodyView {
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'regionstyrelsen' }) bodyId!: string;
  @ApiProperty({ example: 'Regionstyrelsen' }) name!: string;
  @ApiProperty({ enum: BODY_KINDS, example: 'regional_board' }) kind!: BodyKind;
  @ApiProperty({ type: [BodyMemberView] }) members!: BodyMemberView[];
  @ApiProperty({ nullable: true, type: String, example: 'eva.ordforande' }) chairUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) establishedAt!: string;
  @ApiProperty({ example: 'sara.sekreterare' }) establishedBy!: string;
  @ApiProperty({ description: 'revision of the organisation stream', example: 8 }) revision!: number;
}

export class OrganisationView {
  @ApiProperty({ example: 'region-exempel' }) organisationId!: string;
  @ApiProperty({ example: 'Region Exempel' }) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'region' }) kind!: OrganisationKind;
  @ApiProperty({ nullable: true, type: String, example: null }) regionId!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ example: 'anna.registrator' }) registeredBy!: string;
  @ApiProperty({ type: [BodyView] }) bodies!: BodyView[];
  @ApiProperty({ description: 'revision of the organisation stream', example: 8 }) revision!: number;
}
