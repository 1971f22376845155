export default {
  displayName: 'api-zitadel',
  preset: '../../../jest.preset.js',
};
