export { ACCESS_DENIED_ROUTES, SIGN_IN_ROUTES } from './lib/sign-in.routes';
