export default {
  displayName: 'api-mfa',
  preset: '../../../jest.preset.js',
};
