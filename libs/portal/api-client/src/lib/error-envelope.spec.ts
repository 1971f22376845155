import { isErrorEnvelope } from './error-envelope';

describe('isErrorEnvelope', () => {
  it.each([
    {
      answer: 'the envelope',
      expected: true,
      body: { code: 'service_unavailable', message: 'Down.', request_id: 'r1' },
    },
    {
      answer: 'the envelope with field errors',
      expected: true,
      body: { code: 'validation_failed', message: 'Some fields are not valid.', request_id: 'r1', fields: [] },
    },
    { answer: 'an unknown code', expected: false, body: { code: 'teapot', message: 'Down.', request_id: 'r1' } },
    { answer: 'no request id', expected: false, body: { code: 'service_unavailable', message: 'Down.' } },
    { answer: 'no message', expected: false, body: { code: 'service_unavailable', request_id: 'r1' } },
    { answer: 'a proxy error page', expected: false, body: '<html>Bad Gateway</html>' },
    { answer: 'no body', expected: false, body: null },
  ])('is $expected for $answer', ({ body, expected }) => {
    expect(isErrorEnvelope(body)).toBe(expected);
  });
});
