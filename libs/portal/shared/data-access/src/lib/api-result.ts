import { type FieldErrorDto, isErrorEnvelope } from '@aidial/portal/api-client';

/** Why a call gave no data: the envelope's code, message, request id and field errors, or "no answer". */
export interface ApiProblem {
  /** 0 when there was no answer at all. */
  readonly status: number;
  readonly code: string | null;
  readonly message: string;
  readonly requestId: string | null;
  readonly fields: readonly FieldErrorDto[];
}

export type ApiResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: ApiProblem };

export const UNREACHABLE_MESSAGE =
  'The portal could not reach the AiDial service. Check your connection and try again.';
const UNEXPECTED_MESSAGE = 'The AiDial service gave an answer the portal did not expect. Try again.';

/**
 * Awaits a generated operation and reads its answer: the data, or the problem the API's error envelope describes.
 * A 204 (no content) counts as success with undefined data.
 */
export async function callApi<T>(
  request: Promise<{ data?: T; error?: unknown; response?: { status: number } | null }>,
): Promise<ApiResult<T>> {
  let answer: { data?: T; error?: unknown; response?: { status: number } | null };
  try {
    answer = await request;
  } catch {
    return { ok: false, problem: problemOf(0, undefined) };
  }
  const status = answer.response?.status ?? 0;
  if (status >= 200 && status < 300) return { ok: true, data: answer.data as T };
  return { ok: false, problem: problemOf(status, answer.error) };
}

function problemOf(status: number, body: unknown): ApiProblem {
  if (isErrorEnvelope(body)) {
    return {
      status,
      code: body.code,
      message: body.message,
      requestId: body.request_id,
      fields: body.fields ?? [],
    };
  }
  return {
    status,
    code: null,
    message: status === 0 ? UNREACHABLE_MESSAGE : UNEXPECTED_MESSAGE,
    requestId: null,
    fields: [],
  };
}

/** `validation_failed`'s field errors by field name (the first message of each), for a form to show. */
export function fieldErrorsOf(problem: ApiProblem | null): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (problem?.code !== 'validation_failed') return errors;
  for (const { field, message } of problem.fields) errors[field] ??= message;
  return errors;
}
