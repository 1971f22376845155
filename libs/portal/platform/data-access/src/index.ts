// Signal stores over the API's proxy to the AiDial platform, and how a page reads their answers.
export { PlatformResource, type PlatformView, platformProblemView, platformViewOf } from './lib/platform-view';
export { CALLS_PAGE_SIZE, type CallFilters, PlatformStore } from './lib/platform.store';
