export default {
  displayName: 'api-audit',
  preset: '../../../jest.preset.js',
};
