import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from './request-context';

@ApiTags('Drift (operations)')
@Controller('api/health')
export class HealthController {
  @Get()
  @Public()
  @ApiOperation({ operationId: 'health', summary: 'Är tjänsten uppe? (is the service up?)' })
  @ApiOkResponse({
    description: 'the service answers',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'], example: 'ok' } } },
  })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
