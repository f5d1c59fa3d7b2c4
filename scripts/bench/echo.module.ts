import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { REGISTRY_PREFIX } from '../../src/cases/diary-number';

/** Same shape and rules as RegisterCaseDto (registry, title, description). */
export class EchoDto {
  @Matches(REGISTRY_PREFIX, { message: 'registry must be 1–8 upper-case letters, e.g. RS' })
  registry!: string;

  @IsString()
  @Length(3, 300)
  title!: string;

  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string;
}

/**
 * Bench-only: the HTTP ceiling. Goes through everything a command goes through before its handler
 * (Fastify, Nest routing, the global ActorGuard, the global ValidationPipe, the problem filter, JSON
 * serialisation) and returns the validated body as is.
 */
@ApiExcludeController()
@Controller('bench')
export class EchoController {
  @Post('echo')
  @HttpCode(201)
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }
}

@Module({ controllers: [EchoController] })
export class BenchEchoModule {}
