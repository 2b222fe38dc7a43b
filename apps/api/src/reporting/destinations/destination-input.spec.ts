import { ForbiddenError, InvalidParameterError } from '../../common/errors/domain-errors.js';
import { parseDestinations } from './destination-input.js';
import type { StoredDestination } from './destination.types.js';

const seal = (plaintext: string) => `sealed(${plaintext})`;

function parse(
  input: unknown,
  previous: StoredDestination[] = [],
  isAdmin = false,
): StoredDestination[] {
  return parseDestinations(input, { previous, seal, isAdmin });
}

function fieldOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      return error.details[0]?.field;
    }
    throw error;
  }
  return undefined;
}

describe('parseDestinations', () => {
  it('seals every secret and gives each destination an id', () => {
    const [email, webhook, slack] = parse([
      {
        type: 'email',
        host: 'smtp.example.com',
        from: 'r@example.com',
        to: ['a@example.com'],
        username: 'u',
        password: 'pw',
      },
      { type: 'webhook', url: 'https://hooks.example.com/in', secret: 'shh-secret' },
      { type: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
    ]);
    expect(email).toMatchObject({
      type: 'email',
      port: 587,
      secure: false,
      passwordSealed: 'sealed(pw)',
    });
    expect(webhook).toMatchObject({ type: 'webhook', secretSealed: 'sealed(shh-secret)' });
    expect(slack).toMatchObject({
      type: 'slack',
      webhookUrlSealed: 'sealed(https://hooks.slack.com/services/T/B/X)',
    });
    expect(new Set([email.id, webhook.id, slack.id]).size).toBe(3);
  });

  it('defaults the port to 465 for implicit TLS', () => {
    const [email] = parse([
      {
        type: 'email',
        host: 'smtp.example.com',
        secure: true,
        from: 'r@example.com',
        to: ['a@example.com'],
      },
    ]);
    expect(email).toMatchObject({ port: 465, secure: true, username: null, passwordSealed: null });
  });

  it('keeps omitted secret, clears null', () => {
    const previous = parse([
      { type: 'webhook', url: 'https://a.example.com/', secret: 'first-secret' },
    ]);
    const id = previous[0].id;
    const [kept] = parse([{ id, type: 'webhook', url: 'https://b.example.com/' }], previous);
    expect(kept).toMatchObject({
      id,
      url: 'https://b.example.com/',
      secretSealed: 'sealed(first-secret)',
    });
    const [cleared] = parse(
      [{ id, type: 'webhook', url: 'https://b.example.com/', secret: null }],
      previous,
    );
    expect(cleared).toMatchObject({ id, secretSealed: null });
  });

  it('does not carry a secret over to a destination of another type', () => {
    const previous = parse([
      { type: 'webhook', url: 'https://a.example.com/', secret: 'first-secret' },
    ]);
    expect(fieldOf(() => parse([{ id: previous[0].id, type: 'slack' }], previous))).toBe(
      'destinations[0].webhookUrl',
    );
  });

  it('rejects an id that is not one of the schedule', () => {
    expect(
      fieldOf(() =>
        parse([{ id: '7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f', type: 'directory', path: 'x' }]),
      ),
    ).toBe('destinations[0].id');
  });

  it.each(['../up', 'a/../../up', 'a\\..\\up', '..'])('rejects the climbing path %s', (path) => {
    expect(fieldOf(() => parse([{ type: 'directory', path }]))).toBe('destinations[0].path');
  });

  it('normalises a relative folder', () => {
    expect(parse([{ type: 'directory', path: 'team//weekly/./' }])[0]).toMatchObject({
      path: 'team/weekly',
    });
  });

  it('accepts an absolute folder only from an admin', () => {
    expect(() => parse([{ type: 'directory', path: '/srv/reports' }])).toThrow(ForbiddenError);
    expect(parse([{ type: 'directory', path: '/srv/reports/' }], [], true)[0]).toMatchObject({
      path: '/srv/reports/',
    });
  });

  it.each([
    ['javascript:alert(1)', 'must use http or https, not javascript'],
    ['http://user:secret@example.com/', 'must not contain a user name or password'],
    ['/relative', 'must be an absolute http or https URL'],
  ])('rejects the webhook URL %s', (url, reason) => {
    try {
      parse([{ type: 'webhook', url }]);
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      const detail = (error as InvalidParameterError).details[0];
      expect(detail.reason).toBe(reason);
      expect(JSON.stringify(detail)).not.toContain('secret@');
    }
  });

  it('never echoes a Slack URL in an error', () => {
    try {
      parse([{ type: 'slack', webhookUrl: 'ftp://hooks.slack.com/services/T/B/X' }]);
      throw new Error('expected a rejection');
    } catch (error) {
      expect((error as InvalidParameterError).details[0].value).toBe('[redacted]');
    }
  });

  it('rejects more than ten destinations and duplicates', () => {
    const many = Array.from({ length: 11 }, () => ({ type: 'directory', path: 'x' }));
    expect(fieldOf(() => parse(many))).toBe('destinations');
    const previous = parse([{ type: 'directory', path: 'x' }]);
    const twice = [previous[0], previous[0]].map(({ id }) => ({
      id,
      type: 'directory',
      path: 'x',
    }));
    expect(fieldOf(() => parse(twice, previous))).toBe('destinations[1].id');
  });
});
