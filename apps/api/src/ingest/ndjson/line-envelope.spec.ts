import { parseEnvelope } from './line-envelope.js';

const supported = (type: string) => type === 'interaction' || type === 'respond';

describe('parseEnvelope', () => {
  it('reads type and data', () => {
    const result = parseEnvelope(
      { line: 3, text: '{"type":"respond","data":{"a":1}}' },
      supported,
      1000,
    );
    expect(result).toEqual({ ok: true, line: 3, type: 'respond', data: { a: 1 } });
  });

  it('rejects text that is not JSON with its line', () => {
    const result = parseEnvelope({ line: 7, text: '{"type":' }, supported, 1000);
    expect(result).toMatchObject({
      ok: false,
      rejection: { line: 7, field: 'line', value: '{"type":' },
    });
    expect(!result.ok && result.rejection.reason).toMatch(/^is not valid JSON: /);
  });

  it('rejects a type without a handler', () => {
    const result = parseEnvelope(
      { line: 1, text: '{"type":"annotation","data":{}}' },
      supported,
      1000,
    );
    expect(result).toEqual({
      ok: false,
      rejection: {
        line: 1,
        field: 'type',
        value: 'annotation',
        reason: 'type annotation is not supported',
      },
    });
  });

  it('rejects an unknown type', () => {
    const result = parseEnvelope({ line: 1, text: '{"type":"clicks","data":{}}' }, supported, 1000);
    expect(result).toMatchObject({
      ok: false,
      rejection: { reason: 'type clicks is not supported' },
    });
  });

  it('rejects a missing type', () => {
    const result = parseEnvelope({ line: 2, text: '{"data":{}}' }, supported, 1000);
    expect(result).toMatchObject({ ok: false, rejection: { line: 2, field: 'type', value: null } });
  });

  it('rejects data that is not an object', () => {
    const result = parseEnvelope(
      { line: 2, text: '{"type":"interaction","data":[1]}' },
      supported,
      1000,
    );
    expect(result).toMatchObject({ ok: false, rejection: { field: 'data', value: [1] } });
  });

  it('rejects an extra envelope field', () => {
    const result = parseEnvelope(
      { line: 2, text: '{"type":"interaction","data":{},"id":5}' },
      supported,
      1000,
    );
    expect(result).toMatchObject({ ok: false, rejection: { field: 'id', value: 5 } });
  });

  it('rejects an oversized line', () => {
    const result = parseEnvelope(
      { line: 4, oversized: true, bytes: 2000, head: '{"type"' },
      supported,
      1000,
    );
    expect(result).toEqual({
      ok: false,
      rejection: {
        line: 4,
        field: 'line',
        value: '{"type"…',
        reason: 'is 2000 bytes; lines may have at most 1000 bytes',
      },
    });
  });
});
