// Jest loads global teardown with Node's own resolver, not the workspace's path aliases: hence the relative import.
import { tearDownIntegrationRun } from '../../../../libs/api/testing/src/global-setup';

export default () => tearDownIntegrationRun();
