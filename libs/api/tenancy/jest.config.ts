export default {
  displayName: 'api-tenancy',
  preset: '../../../jest.preset.js',
};
