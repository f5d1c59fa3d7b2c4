import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../../platform/http/openapi';
import { Ctx, RequestContext } from '../../platform/http/request-context';
import { ExportCaseQuery, ExportedCase } from './export.query';

@ApiTags('Granskning (audit)')
@ApiActor()
@Controller('api/audit/export')
export class ExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cases/:caseId')
  @ApiOperation({
    operationId: 'exportCase',
    summary: 'Exportera ärendets hela historik som arkivpaket (export a case’s complete history as an FGS/E-ARK package, zip)',
    description:
      'METS.xml, Dublin Core, PREMIS, the events of the case, its meetings and its agreement (whole streams) and of the delegation register ' +
      'and diary (excerpts), the current state, the documents’ checksums, an HTML report in Swedish and manifest-sha256.txt. See docs/export.md.',
  })
  @ApiProduces('application/zip')
  @ApiResponse({ status: 200, description: 'the package as a zip with one root folder', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 403, description: 'not an auditor or registrar (problem+json, type AUDIT-ROLE)' })
  @ApiProblems(400, 401, 404)
  async exportCase(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Ctx() ctx: RequestContext): Promise<StreamableFile> {
    const { name, zip } = await this.queries.execute<ExportCaseQuery, ExportedCase>(new ExportCaseQuery(caseId, ctx.actor));
    return new StreamableFile(zip, { type: 'application/zip', disposition: `attachment; filename="${name}.zip"`, length: zip.length });
  }
}
