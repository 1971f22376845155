export default {
  displayName: 'api-sms-otp',
  preset: '../../../jest.preset.js',
};
