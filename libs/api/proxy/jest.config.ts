export default {
  displayName: 'api-proxy',
  preset: '../../../jest.preset.js',
};
