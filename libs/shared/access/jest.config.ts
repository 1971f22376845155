export default {
  displayName: 'shared-access',
  preset: '../../../jest.preset.js',
};
