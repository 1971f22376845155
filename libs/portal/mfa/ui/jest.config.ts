// jest-preset-angular is CommonJS; Node loads this file as an ES module, hence the default import.
import presets from 'jest-preset-angular/presets/index.js';

export default {
  displayName: 'portal-mfa-ui',
  preset: '../../../../jest.preset.js',
  ...presets.createCjsPreset({ tsconfig: '<rootDir>/tsconfig.json' }),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};
