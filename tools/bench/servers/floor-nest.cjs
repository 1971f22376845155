// R2, the framework floor of R3: bare NestJS 11 on Express (as servers/nest-bare.cjs: CommonJS, decorators applied as
// `tsc` emits them, Nest from node_modules) with one controller, GET /api/dashboard, whose handler does R3's database
// work on the same pool and the API's three named statements (servers/dashboard-floor.mjs, loaded with require(esm)).
// R2 / R1 is what NestJS adds to the same work; R3 / R2 what the API's own pipeline adds.
'use strict';
require('reflect-metadata');
const { Controller, Get, Header, Headers, HttpException, Inject, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { createPool, readDashboard } = require('./dashboard-floor.mjs');

const POOL = 'POOL';

class DashboardController {
  constructor(pool) {
    this.pool = pool;
  }

  async getDashboard(cookie) {
    const { status, body } = await readDashboard(this.pool, cookie);
    if (status !== 200) throw new HttpException(body, status);
    return body;
  }
}
// What tsc emits for `@Get() @Header('Cache-Control', 'no-store') getDashboard(@Headers('cookie') cookie)`.
Reflect.decorate(
  [Get(), Header('Cache-Control', 'no-store'), (target, key) => Headers('cookie')(target, key, 0)],
  DashboardController.prototype,
  'getDashboard',
  Object.getOwnPropertyDescriptor(DashboardController.prototype, 'getDashboard'),
);
// ...and for `@Controller('api/dashboard')` with `constructor(@Inject(POOL) pool)`.
Reflect.decorate([Controller('api/dashboard'), (target) => Inject(POOL)(target, undefined, 0)], DashboardController);

class AppModule {}
Reflect.decorate(
  [
    Module({
      controllers: [DashboardController],
      providers: [{ provide: POOL, useFactory: () => createPool(process.env.DATABASE_URL) }],
    }),
  ],
  AppModule,
);

async function main() {
  const app = await NestFactory.create(AppModule);
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
}

main().catch((error) => {
  process.stderr.write(`R2 (NestJS floor) failed to start: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
