import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SelectQueryBuilder } from 'kysely';
import { SLUG } from '../platform/http/validators';

/** `?limit=&offset=` on every read-model list; DTOs of filters extend it. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** A register's filter: the organisation (only the actor's own can be chosen; another is 404). */
export class OrganisationPageQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'region-exempel', description: 'only the organisation of the actor can be chosen' })
  @IsOptional()
  @Matches(SLUG)
  organisationId?: string;
}

/** …and the body (nämnd) within it. */
export class BodyPageQuery extends OrganisationPageQuery {
  @ApiPropertyOptional({ example: 'regionstyrelsen' })
  @IsOptional()
  @Matches(SLUG)
  bodyId?: string;
}

/** The paging part of every list answer; a list's response class extends it with `items`. */
export class PageMeta {
  @ApiProperty({ description: 'rows matching the filters, over all pages', example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * One page of a filtered, ordered query plus the total count of the same filters. Give it the
 * query with its filters and select; it adds the order (a unique key last, so pages never
 * overlap or skip), limit and offset.
 */
export async function paginate<DB, TB extends keyof DB, Row, Out>(
  query: SelectQueryBuilder<DB, TB, Row>,
  order: (q: SelectQueryBuilder<DB, TB, Row>) => SelectQueryBuilder<DB, TB, Row>,
  page: Pick<PageQuery, 'limit' | 'offset'>,
  map: (row: Row) => Out,
): Promise<Page<Out>> {
  const rows = await order(query).limit(page.limit).offset(page.offset).execute();
  const counted = (await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst()) as { total?: number | string | bigint } | undefined;
  return { items: rows.map(map), total: Number(counted?.total ?? 0), limit: page.limit, offset: page.offset };
}
