import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from './request-context';

@ApiTags('Drift (operations)')
@Controller('api/health')
export class HealthController {
  @Get()
  @Public()
  @ApiOperation({ operationId: 'health', summary: 'Is the service up?' })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
