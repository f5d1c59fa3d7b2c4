import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiActor, ApiIdempotencyKey, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Outcome } from '../platform/idempotency';
import { BodyChange, ChangeBodyCommand, GetBodyQuery, GetOrganisationQuery, RegisterOrganisationCommand } from './organisations.commands';
import {
  AppointMemberDto,
  BodyView,
  DesignateChairDto,
  EstablishBodyDto,
  OrganisationView,
  RegisterOrganisationDto,
  UserIdPipe,
} from './organisations.dto';

@ApiTags('Organisationer och organ (organisations and bodies)')
@ApiActor()
@Controller('api')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('organisations')
  @HttpCode(201)
  @ApiOperation({ operationId: 'registerOrganisation', summary: 'Registrera organisation (register a region or municipality)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: OrganisationView })
  @ApiProblems(400, 401, 409, 422)
  async register(
    @Body() body: RegisterOrganisationDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationView> {
    const outcome = await this.commands.execute<RegisterOrganisationCommand, Outcome<OrganisationView>>(
      new RegisterOrganisationCommand(body, ctx.envelope('RegisterOrganisation')),
    );
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.header('location', `/api/organisations/${outcome.result.organisationId}`);
    return outcome.result;
  }

  @Get('organisations/:organisationId')
  @ApiOperation({ operationId: 'getOrganisation', summary: 'Hämta organisation med dess organ (read an organisation and its bodies)' })
  @ApiResponse({ status: 200, type: OrganisationView })
  @ApiProblems(401, 404)
  organisation(@Param('organisationId') organisationId: string, @Ctx() ctx: RequestContext): Promise<OrganisationView> {
    return this.queries.execute(new GetOrganisationQuery(organisationId, ctx.actor));
  }

  @Post('bodies')
  @HttpCode(201)
  @ApiOperation({ operationId: 'establishBody', summary: 'Inrätta organ, t.ex. regionstyrelsen (establish a body)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: BodyView })
  @ApiProblems(400, 401, 409, 422)
  async establish(
    @Body() body: EstablishBodyDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BodyView> {
    const view = await this.change({ type: 'EstablishBody', ...body }, ctx, reply);
    void reply.header('location', `/api/bodies/${view.bodyId}`);
    return view;
  }

  @Get('bodies/:bodyId')
  @ApiOperation({ operationId: 'getBody', summary: 'Hämta organ med ledamöter och ordförande (read a body, its members and chair)' })
  @ApiResponse({ status: 200, type: BodyView })
  @ApiProblems(401, 404)
  body(@Param('bodyId') bodyId: string, @Ctx() ctx: RequestContext): Promise<BodyView> {
    return this.queries.execute(new GetBodyQuery(bodyId, ctx.actor));
  }

  @Put('bodies/:bodyId/members/:userId')
  @ApiOperation({ operationId: 'appointMember', summary: 'Utse ledamot eller ersättare (appoint an ordinary member or a deputy)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: BodyView })
  @ApiProblems(400, 401, 404, 409, 422)
  appoint(
    @Param('bodyId') bodyId: string,
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: AppointMemberDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BodyView> {
    return this.change({ type: 'AppointMember', bodyId, userId, name: body.name, seat: body.seat }, ctx, reply);
  }

  @Delete('bodies/:bodyId/members/:userId')
  @ApiOperation({ operationId: 'removeMember', summary: 'Entlediga ledamot (remove a member)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: BodyView })
  @ApiProblems(400, 401, 404, 409, 422)
  remove(
    @Param('bodyId') bodyId: string,
    @Param('userId', UserIdPipe) userId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BodyView> {
    return this.change({ type: 'RemoveMember', bodyId, userId }, ctx, reply);
  }

  @Put('bodies/:bodyId/chair')
  @ApiOperation({ operationId: 'designateChair', summary: 'Utse ordförande bland de ordinarie ledamöterna (designate the chair)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: BodyView })
  @ApiProblems(400, 401, 404, 409, 422)
  designateChair(
    @Param('bodyId') bodyId: string,
    @Body() body: DesignateChairDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BodyView> {
    return this.change({ type: 'DesignateChair', bodyId, userId: body.userId }, ctx, reply);
  }

  private async change(change: BodyChange, ctx: RequestContext, reply: FastifyReply): Promise<BodyView> {
    const outcome = await this.commands.execute<ChangeBodyCommand, Outcome<BodyView>>(new ChangeBodyCommand(change, ctx.envelope(change.type)));
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.result;
  }
}
