import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  getSchemaPath,
} from '@nestjs/swagger';

import { ErrorBodyDto } from '../common/errors/error-body.js';
import { BatchResultDto } from './dto/batch-result.dto.js';
import { MAX_BATCH_ITEMS } from './write-body.js';

/**
 * Documents a write endpoint that takes one object (201 with the stored item)
 * or an array of up to 10,000 (200 with accepted and rejected).
 */
export function ApiWriteBody(item: Type<unknown>, stored: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(item, stored, BatchResultDto),
    ApiBody({
      schema: {
        oneOf: [
          { $ref: getSchemaPath(item) },
          { type: 'array', items: { $ref: getSchemaPath(item) }, maxItems: MAX_BATCH_ITEMS },
        ],
      },
    }),
    ApiCreatedResponse({ description: 'A single object was recorded', type: stored }),
    // Generators type a call by its first 2xx answer, which is this 200; listing both
    // shapes keeps the generated return type true for single objects and batches.
    ApiOkResponse({
      description: 'A batch was processed (the stored object itself answers 201)',
      schema: { oneOf: [{ $ref: getSchemaPath(BatchResultDto) }, { $ref: getSchemaPath(stored) }] },
    }),
    ApiBadRequestResponse({
      description: 'The object, or every item of the batch, is invalid',
      type: ErrorBodyDto,
    }),
  );
}
