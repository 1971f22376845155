// Shared Jest settings. Node-side projects transform TypeScript with SWC (decorator metadata on, as NestJS needs);
// the portal's projects use jest-preset-angular instead and override `transform`.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // jose, openid-client (with its oauth4webapi) and @nestjs/typeorm ship only as ES modules: compile them for CommonJS Jest.
    '/node_modules/(jose|openid-client|oauth4webapi|@nestjs/typeorm)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|openid-client|oauth4webapi|@nestjs/typeorm)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json', 'html'],
  clearMocks: true,
  // CI runs every project's tests at once on two cores: the first test of a suite (Angular's compilation, Nest's
  // module graph) can pass Jest's 5-second default there without anything being wrong.
  testTimeout: 20_000,
};
