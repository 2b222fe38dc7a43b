import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { Response } from 'express';

import { logger } from '../logging/logger.js';
import { currentRequestId } from '../logging/request-context.js';
import { DomainError, type ErrorDetail } from './domain-errors.js';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

interface NormalisedError {
  code: string;
  message: string;
  status: number;
  details: ErrorDetail[];
}

/** Turns every thrown error into the one error body; unexpected errors are logged and become 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = normalise(exception);
    if (error.status >= 500) {
      logger.error({ action: 'request.failed', err: exception }, error.message);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(error.status).json({ error: { ...error, requestId: currentRequestId() } });
  }
}

function normalise(exception: unknown): NormalisedError {
  if (exception instanceof DomainError) {
    const { code, message, status, details } = exception;
    return { code, message, status, details };
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  if (isBodyParserError(exception)) {
    return fromBodyParserError(exception);
  }
  return {
    code: 'internal_error',
    message: 'The server failed to handle this request; the request id is in the logs',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    details: [],
  };
}

function fromHttpException(exception: HttpException): NormalisedError {
  const status = exception.getStatus();
  const body = exception.getResponse();
  let message = exception.message;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const raw = body.message;
    message = Array.isArray(raw) ? raw.join('; ') : String(raw);
  }
  if (status === 404 && message.startsWith('Cannot ')) {
    message = `No route matches ${message.slice('Cannot '.length)}`;
  }
  return { code: CODES_BY_STATUS[status] ?? 'error', message, status, details: [] };
}

interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  return (
    typeof exception === 'object' &&
    exception !== null &&
    typeof (exception as BodyParserError).type === 'string' &&
    typeof (exception as BodyParserError).status === 'number'
  );
}

function fromBodyParserError(exception: BodyParserError): NormalisedError {
  if (exception.type === 'entity.too.large') {
    return {
      code: 'payload_too_large',
      message: `Request body exceeds the limit of ${exception.limit ?? 'the configured'} bytes`,
      status: 413,
      details: [{ field: 'body', reason: `at most ${exception.limit} bytes` }],
    };
  }
  if (exception.type === 'entity.parse.failed') {
    return {
      code: 'invalid_body',
      message: `Request body is not valid JSON: ${exception.message}`,
      status: 400,
      details: [{ field: 'body', reason: 'invalid JSON' }],
    };
  }
  return {
    code: CODES_BY_STATUS[exception.status] ?? 'bad_request',
    message: exception.message,
    status: exception.status,
    details: [],
  };
}
