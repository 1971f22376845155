// The tests check ID tokens the way the backend will (DESIGN.md §2.1). jose is ESM-only, so jest.config.ts compiles it.
export * as jose from 'jose';
