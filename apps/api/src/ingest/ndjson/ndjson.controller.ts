import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { DomainError } from '../../common/errors/domain-errors.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { INGEST_LINE_TYPES } from '../../write/ingest-line-registry.js';
import { NdjsonImportResultDto } from './dto/ndjson-import-result.dto.js';
import { MAX_LINE_BYTES, NdjsonImportService } from './ndjson-import.service.js';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

@ApiTags('telemetry')
@Controller('v1/ingest')
@RequireRole('ingest')
export class NdjsonController {
  constructor(private readonly imports: NdjsonImportService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      `Bulk import: one {"type", "data"} object per line (types: ${INGEST_LINE_TYPES.join(', ')}), ` +
      `streamed; lines of at most ${MAX_LINE_BYTES} bytes`,
    operationId: 'importNdjson',
  })
  @ApiConsumes(NDJSON_CONTENT_TYPE)
  @ApiBody({
    schema: {
      type: 'string',
      example:
        '{"type":"interaction","data":{"kind":"impression","customerId":"c1","offerKey":"card","channelKey":"email"}}\n',
    },
  })
  @ApiOkResponse({ type: NdjsonImportResultDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'No line is valid, or the body is empty',
  })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorBodyDto,
    description: `Content-Type is not ${NDJSON_CONTENT_TYPE}`,
  })
  async import(
    @CurrentAuth() auth: AuthContext,
    @Req() request: Request,
  ): Promise<NdjsonImportResultDto> {
    const given = request.header('content-type') ?? null;
    if (mediaType(given) !== NDJSON_CONTENT_TYPE) {
      throw new DomainError(
        'unsupported_media_type',
        `Content-Type must be ${NDJSON_CONTENT_TYPE}, one JSON object per line; got ${given ?? 'none'}`,
        415,
        [{ field: 'Content-Type', value: given, reason: `must be ${NDJSON_CONTENT_TYPE}` }],
      );
    }
    return this.imports.import({ tenantId: auth.tenantId, body: request });
  }
}

/** The media type of a Content-Type header without its parameters, lower-cased. */
function mediaType(header: string | null): string | null {
  return header?.split(';')[0]?.trim().toLowerCase() ?? null;
}
