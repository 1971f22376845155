export * from './lib/browser.js';
export * from './lib/demo-seed.js';
export * from './lib/dev-idp-process.js';
export * from './lib/dev-platform-process.js';
export * from './lib/jose.js';
export * from './lib/oidc.js';
