export * from './lib/proxy.module';
export { PLATFORM_ROUTES, type PlatformRoute } from './lib/platform-routes';
export { SCOPE_HEADERS } from './lib/upstream-headers';
export { PLATFORM_RESPONSE_LIMIT_BYTES } from './lib/platform-proxy';
