/** Black-box tests of the running stack: processes started the way a person starts them, talked to over HTTP. */
export default {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
