// How the portal's stores call the generated client and read its answers.
export { type ApiProblem, type ApiResult, UNREACHABLE_MESSAGE, callApi, fieldErrorsOf } from './lib/api-result';
export { ApiResource, type Loading, type ReadState, readStateOf } from './lib/api-resource';
export { type CursorPage, CursorList, type ListState } from './lib/cursor-list';
