// Black-box tests: each file starts the dev-idp as its own Node 24 process (oidc-provider is ESM-only and does not load
// under CommonJS Jest) and drives it over real HTTP. `jose` (ESM-only, installed with oidc-provider) is compiled to
// CommonJS for the tests' own use.
export default {
  displayName: 'dev-idp',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 30_000,
};
