export default {
  displayName: 'api-auth',
  preset: '../../../jest.preset.js',
};
