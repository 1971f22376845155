import { UNREACHABLE_MESSAGE, callApi, fieldErrorsOf } from './api-result';

const answer = (status: number, data?: unknown, error?: unknown) =>
  Promise.resolve({ data, error, response: { status } });

describe('callApi', () => {
  it('gives the data of a 2xx answer', async () => {
    expect(await callApi(answer(200, { items: [] }))).toEqual({ ok: true, data: { items: [] } });
  });

  it('counts 204 as success', async () => {
    expect(await callApi(answer(204))).toEqual({ ok: true, data: undefined });
  });

  it('reads the error envelope: code, message, request id and field errors', async () => {
    const envelope = {
      code: 'validation_failed',
      message: 'Check the highlighted fields.',
      request_id: 'req-7',
      fields: [{ field: 'email', message: 'Enter an email address.' }],
    };
    expect(await callApi(answer(400, undefined, envelope))).toEqual({
      ok: false,
      problem: {
        status: 400,
        code: 'validation_failed',
        message: 'Check the highlighted fields.',
        requestId: 'req-7',
        fields: [{ field: 'email', message: 'Enter an email address.' }],
      },
    });
  });

  it('says the service could not be reached when there was no answer', async () => {
    const result = await callApi(Promise.reject(new Error('network')));
    expect(result).toEqual({
      ok: false,
      problem: { status: 0, code: null, message: UNREACHABLE_MESSAGE, requestId: null, fields: [] },
    });
  });

  it('does not trust a body that is not the envelope', async () => {
    const result = await callApi(answer(502, undefined, '<html>Bad gateway</html>'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.requestId).toBeNull();
  });
});

describe('fieldErrorsOf', () => {
  it('maps validation_failed fields to their first message', () => {
    const problem = {
      status: 400,
      code: 'validation_failed',
      message: 'x',
      requestId: 'r',
      fields: [
        { field: 'name', message: 'Enter a name.' },
        { field: 'name', message: 'Second.' },
        { field: 'kind', message: 'Choose a kind.' },
      ],
    };
    expect(fieldErrorsOf(problem)).toEqual({ name: 'Enter a name.', kind: 'Choose a kind.' });
  });

  it('is empty for other problems', () => {
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf({ status: 409, code: 'member_exists', message: 'x', requestId: 'r', fields: [] })).toEqual({});
  });
});
