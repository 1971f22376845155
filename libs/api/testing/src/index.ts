export * from './lib/test-database';
export * from './lib/test-database-clone';
export * from './lib/api-env';
export * from './lib/free-port';
export * from './lib/database-roles';
export * from './lib/builders';
