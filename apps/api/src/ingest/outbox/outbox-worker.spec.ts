import { rootMessage } from './outbox-worker.service.js';

describe('rootMessage', () => {
  it('returns the innermost cause', () => {
    const driverError = new Error('simulated storage fault');
    const wrapped = new Error('Failed query: insert into interactions params: c1,card', {
      cause: driverError,
    });
    expect(rootMessage(wrapped)).toBe('simulated storage fault');
  });

  it('turns a thrown value into text', () => {
    expect(rootMessage('plain')).toBe('plain');
  });
});
