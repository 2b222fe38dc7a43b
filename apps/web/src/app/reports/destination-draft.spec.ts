import {
  type DestinationDraft,
  describeDestination,
  draftFromView,
  emptyDestination,
  readDestinationView,
  toDestinationPayload,
  validateDestination,
} from './destination-draft';
import { DESTINATION_ID } from './reports.testing';

function draft(overrides: Partial<DestinationDraft>): DestinationDraft {
  return { ...emptyDestination(overrides.type ?? 'email'), ...overrides };
}

describe('validateDestination', () => {
  it('requires host, sender and recipients of an email destination', () => {
    expect(validateDestination(draft({ type: 'email' }))).toEqual({
      host: 'Enter the SMTP server host name.',
      from: 'Enter the sender address, such as reports@example.com.',
      to: 'Enter at least one recipient address.',
    });
  });

  it('names the first invalid recipient and checks the port range', () => {
    const errors = validateDestination(
      draft({
        host: 'smtp.example.com',
        from: 'reports@example.com',
        to: 'a@example.com, not-an-address',
        port: '70000',
      }),
    );

    expect(errors['to']).toBe('"not-an-address" is not an email address.');
    expect(errors['port']).toBe('Enter a port from 1 to 65535, or leave it empty for the default.');
  });

  it('accepts a complete email destination', () => {
    const complete = draft({
      host: 'smtp.example.com',
      from: 'reports@example.com',
      to: 'a@example.com; b@example.com',
    });

    expect(validateDestination(complete)).toEqual({});
  });

  it('requires an http or https webhook URL', () => {
    expect(validateDestination(draft({ type: 'webhook' }))['url']).toBe('Enter the Webhook URL.');
    expect(validateDestination(draft({ type: 'webhook', url: 'ftp://x.example' }))['url']).toBe(
      'The Webhook URL must start with https:// or http://.',
    );
    expect(
      validateDestination(draft({ type: 'webhook', url: 'https://user:pw@hooks.example.com/r' }))[
        'url'
      ],
    ).toBe('Remove the user name and password from the Webhook URL.');
    expect(
      validateDestination(draft({ type: 'webhook', url: 'https://hooks.example.com/r' })),
    ).toEqual({});
  });

  it('requires a Slack URL unless a stored one is kept', () => {
    expect(validateDestination(draft({ type: 'slack' }))['webhookUrl']).toBe(
      'Enter the Slack webhook URL.',
    );
    expect(
      validateDestination(draft({ type: 'slack', id: DESTINATION_ID, secretSet: true })),
    ).toEqual({});
  });

  it('keeps a folder inside the reports folder', () => {
    expect(validateDestination(draft({ type: 'directory' }))['path']).toBe(
      'Enter a folder name, such as weekly-business.',
    );
    expect(validateDestination(draft({ type: 'directory', path: 'a/../../etc' }))['path']).toBe(
      'The folder must stay inside the reports folder: remove the ".." parts.',
    );
    expect(validateDestination(draft({ type: 'directory', path: 'team/weekly' }))).toEqual({});
  });
});

describe('toDestinationPayload', () => {
  it('sends only the fields of the chosen type', () => {
    const folder = draft({ type: 'directory', path: ' weekly ', host: 'left.over', url: 'x' });

    expect(toDestinationPayload(folder)).toEqual({ type: 'directory', path: 'weekly' });
  });

  it('sends email settings with recipients split and the default port left out', () => {
    const email = draft({
      name: 'Finance',
      host: 'smtp.example.com',
      from: 'reports@example.com',
      to: 'a@example.com, b@example.com',
      username: 'mailer',
      password: 's3cret',
    });

    expect(toDestinationPayload(email)).toEqual({
      type: 'email',
      name: 'Finance',
      host: 'smtp.example.com',
      secure: false,
      from: 'reports@example.com',
      to: ['a@example.com', 'b@example.com'],
      username: 'mailer',
      password: 's3cret',
    });
  });

  it('keeps a stored secret when left empty and clears it on request', () => {
    const stored = draft({
      type: 'webhook',
      id: DESTINATION_ID,
      url: 'https://h.example',
      secretSet: true,
    });

    expect(toDestinationPayload(stored)).toEqual({
      type: 'webhook',
      id: DESTINATION_ID,
      url: 'https://h.example',
    });
    expect(toDestinationPayload({ ...stored, clearSecret: true })).toEqual({
      type: 'webhook',
      id: DESTINATION_ID,
      url: 'https://h.example',
      secret: null,
    });
    expect(toDestinationPayload({ ...stored, secret: 'new' })['secret']).toBe('new');
  });

  it('leaves out an empty Slack URL so the stored one is kept', () => {
    expect(toDestinationPayload(draft({ type: 'slack', id: DESTINATION_ID }))).toEqual({
      type: 'slack',
      id: DESTINATION_ID,
    });
  });
});

describe('stored destinations', () => {
  const emailView = readDestinationView({
    id: DESTINATION_ID,
    type: 'email',
    name: 'Finance',
    host: 'smtp.example.com',
    port: 587,
    secure: false,
    from: 'reports@example.com',
    to: ['a@example.com', 'b@example.com'],
    username: 'mailer',
    secretSet: true,
  });

  it('describes a destination with "secret set" and never a secret', () => {
    expect(describeDestination(emailView)).toBe(
      'Email to a@example.com, b@example.com via smtp.example.com:587, password: secret set',
    );
    expect(
      describeDestination(
        readDestinationView({
          id: 'x',
          type: 'webhook',
          url: 'https://h.example',
          secretSet: false,
        }),
      ),
    ).toBe('Webhook https://h.example, signing secret: no secret');
  });

  it('turns a stored destination into a draft with empty secrets', () => {
    const edited = draftFromView(emailView);

    expect(edited).toMatchObject({
      id: DESTINATION_ID,
      name: 'Finance',
      port: '587',
      to: 'a@example.com, b@example.com',
      password: '',
      secretSet: true,
    });
  });
});
