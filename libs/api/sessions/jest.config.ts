export default {
  displayName: 'api-sessions',
  preset: '../../../jest.preset.js',
};
