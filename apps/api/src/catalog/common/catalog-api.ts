import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { ApiWriteBody } from '../../write/api-write-body.decorator.js';

/** Documents a catalog create endpoint: one object or a batch, with idempotency keys. */
export function ApiCatalogCreate(options: {
  item: Type<unknown>;
  stored: Type<unknown>;
  summary: string;
  operationId: string;
}): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: options.summary,
      description:
        'One object answers 201 with the stored item, or 409 when its key is taken. A batch answers ' +
        '200 with accepted and rejected items (a taken key is a rejection). An item whose ' +
        'idempotency key was seen before creates nothing and counts as accepted; as a single ' +
        'object it answers 200 with {accepted: 1, rejected: []}.',
      operationId: options.operationId,
    }),
    ApiWriteBody(options.item, options.stored),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'For a single object only',
    }),
    ApiConflictResponse({ type: ErrorBodyDto, description: 'The key is taken' }),
  );
}

/** Documents the 404 of a route that takes an id, and the 409/422 of changes. */
export function ApiCatalogErrors(options: { conflict?: string; unprocessable?: string } = {}) {
  return applyDecorators(
    ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such id in this tenant' }),
    ...(options.conflict
      ? [ApiConflictResponse({ type: ErrorBodyDto, description: options.conflict })]
      : []),
    ...(options.unprocessable
      ? [ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: options.unprocessable })]
      : []),
  );
}
