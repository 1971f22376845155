export default {
  displayName: 'api-integrations',
  preset: '../../../jest.preset.js',
};
