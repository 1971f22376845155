// Bare NestJS 11 on Express: one module, one GET controller returning JSON, nothing else (no logger setup, no guard,
// no pipe, no filter beyond Nest's defaults). Plain CommonJS with the decorators applied by hand, which is what the
// TypeScript compiler emits for `@Module`/`@Controller`/`@Get` (tslib's __decorate calls Reflect.decorate the same way);
// like the project's webpack bundle, it loads @nestjs/* from node_modules at run time.
'use strict';
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class HelloController {
  getHello() {
    return { message: 'Hello API' };
  }
}
Reflect.decorate(
  [Get()],
  HelloController.prototype,
  'getHello',
  Object.getOwnPropertyDescriptor(HelloController.prototype, 'getHello'),
);
Reflect.decorate([Controller()], HelloController);

class AppModule {}
Reflect.decorate([Module({ controllers: [HelloController] })], AppModule);

async function main() {
  const app = await NestFactory.create(AppModule);
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
}

main().catch((error) => {
  process.stderr.write(`bare NestJS failed to start: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
