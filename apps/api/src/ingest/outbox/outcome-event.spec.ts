import {
  MalformedOutcomeError,
  parseDeadLetterPayload,
  toInteractionRecord,
} from './outcome-event.js';

const event = {
  kind: 'response',
  customerId: 'c1',
  offerKey: 'card',
  channelKey: 'email',
  creativeKey: null,
  outcomeKey: 'click',
  direction: 'inbound',
  conversionValue: null,
  recommendationId: 'rec-1',
  rank: 1,
  modelKey: 'm1',
  score: 0.3,
  occurredAt: '2026-12-04T10:00:00.000Z',
  context: null,
  idempotencyKey: 'k-1',
};

describe('toInteractionRecord', () => {
  it('builds the interaction under the outbox row id', () => {
    const record = toInteractionRecord('row-1', event);
    expect(record).toMatchObject({
      id: 'row-1',
      kind: 'response',
      outcomeKey: 'click',
      rank: 1,
      score: 0.3,
    });
    expect(record.occurredAt.toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });

  it.each([
    ['a missing offer key', { ...event, offerKey: undefined }],
    ['an invalid time', { ...event, occurredAt: 'yesterday' }],
    ['a recommendation kind', { ...event, kind: 'recommendation' }],
    ['no object', null],
  ])('rejects %s as malformed', (_case, payload) => {
    expect(() => toInteractionRecord('row-1', payload)).toThrow(MalformedOutcomeError);
  });
});

describe('parseDeadLetterPayload', () => {
  it('reads the outbox id and event', () => {
    const id = '7D9F0B2C-1A3E-4C5D-8E6F-0A1B2C3D4E5F';
    expect(parseDeadLetterPayload({ outboxId: id, event })).toEqual({
      outboxId: id.toLowerCase(),
      event,
    });
  });

  it('rejects a payload of another pipeline', () => {
    expect(() => parseDeadLetterPayload({ runId: 'x' })).toThrow(MalformedOutcomeError);
  });
});
