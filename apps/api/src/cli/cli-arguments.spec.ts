import { parseCliArguments } from './cli-arguments.js';

describe('parseCliArguments', () => {
  it('splits command, positionals and options', () => {
    expect(
      parseCliArguments([
        'create-key',
        '--tenant',
        'acme',
        '--role=viewer',
        '--name',
        'ci',
        'extra',
      ]),
    ).toEqual({
      command: 'create-key',
      positional: ['extra'],
      options: { tenant: 'acme', role: 'viewer', name: 'ci' },
    });
  });

  it('treats a flag without a value as a switch', () => {
    expect(parseCliArguments(['list-tenants', '--help']).options).toEqual({ help: 'true' });
  });

  it('keeps equals signs inside an inline value', () => {
    expect(parseCliArguments(['x', '--url=http://h/?a=b']).options.url).toBe('http://h/?a=b');
  });
});
