export default {
  displayName: 'api-support',
  preset: '../../../jest.preset.js',
};
