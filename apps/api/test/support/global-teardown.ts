// Jest loads global teardown with Node's own resolver, not the workspace's path aliases: hence the relative import.
// eslint-disable-next-line @nx/enforce-module-boundaries -- path aliases do not apply in Jest's global setup
import { tearDownIntegrationRun } from '../../../../libs/api/testing/src/global-setup';

export default () => tearDownIntegrationRun();
