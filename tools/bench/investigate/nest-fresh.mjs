// The app `nx g @nx/nest:application api` generates in a fresh Nx workspace (an `@nx/node` app with Nest's files:
// AppModule/AppController/AppService returning {message: 'Hello API'}, main.ts with setGlobalPrefix('api') and a
// Logger.log at boot), built by @nx/webpack's NxAppWebpackPlugin and served by `nx serve` (the `@nx/js:node` executor).
// Written as strings, not files under tools/, so that Nx never mistakes the scaffold for a project of this workspace.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FILES = {
  'package.json': {
    name: '@nest-fresh/source',
    version: '0.0.0',
    license: 'MIT',
    private: true,
    dependencies: {
      '@nestjs/common': '11.2.10',
      '@nestjs/core': '11.2.10',
      '@nestjs/platform-express': '11.2.10',
      'reflect-metadata': '0.2.2',
      rxjs: '7.8.2',
      tslib: '2.9.1',
    },
    devDependencies: {
      '@nx/js': '23.2.1',
      '@nx/node': '23.2.1',
      '@nx/webpack': '23.2.1',
      '@nx/workspace': '23.2.1',
      '@types/node': '24.19.2',
      nx: '23.2.1',
      typescript: '6.0.3',
      'webpack-cli': '7.3.1',
    },
  },
  'nx.json': {
    $schema: './node_modules/nx/schemas/nx-schema.json',
    analytics: false,
    namedInputs: { default: ['{projectRoot}/**/*'], production: ['default'] },
    plugins: [
      {
        plugin: '@nx/webpack/plugin',
        options: {
          buildTargetName: 'build',
          serveTargetName: 'serve',
          previewTargetName: 'preview',
          buildDepsTargetName: 'build-deps',
          watchDepsTargetName: 'watch-deps',
        },
      },
    ],
  },
  'tsconfig.base.json': {
    compileOnSave: false,
    compilerOptions: {
      rootDir: '.',
      sourceMap: true,
      declaration: false,
      moduleResolution: 'node',
      emitDecoratorMetadata: true,
      experimentalDecorators: true,
      importHelpers: true,
      target: 'es2015',
      module: 'esnext',
      lib: ['es2020', 'dom'],
      skipLibCheck: true,
      skipDefaultLibCheck: true,
      // TypeScript 6 deprecates the generator's node10 resolution and baseUrl; silenced, as `nx migrate` would.
      ignoreDeprecations: '6.0',
      baseUrl: '.',
      paths: {},
    },
    exclude: ['node_modules', 'tmp'],
  },
  'apps/api/project.json': {
    name: 'api',
    $schema: '../../node_modules/nx/schemas/project-schema.json',
    sourceRoot: 'apps/api/src',
    projectType: 'application',
    tags: [],
    targets: {
      serve: {
        continuous: true,
        executor: '@nx/js:node',
        defaultConfiguration: 'development',
        dependsOn: ['build'],
        options: { buildTarget: 'api:build', runBuildTargetDependencies: false },
        configurations: {
          development: { buildTarget: 'api:build:development' },
          production: { buildTarget: 'api:build:production' },
        },
      },
    },
  },
  'apps/api/tsconfig.json': {
    extends: '../../tsconfig.base.json',
    files: [],
    include: [],
    references: [{ path: './tsconfig.app.json' }],
    compilerOptions: { esModuleInterop: true },
  },
  'apps/api/tsconfig.app.json': {
    extends: './tsconfig.json',
    compilerOptions: {
      outDir: '../../dist/out-tsc',
      module: 'commonjs',
      types: ['node'],
      emitDecoratorMetadata: true,
      target: 'es2021',
    },
    include: ['src/**/*.ts'],
    exclude: ['jest.config.ts', 'src/**/*.spec.ts', 'src/**/*.test.ts'],
  },
  'apps/api/webpack.config.js': `const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
`,
  'apps/api/src/assets/.gitkeep': '',
  'apps/api/src/main.ts': `/**
 * This is not a production server yet!
 * This is only a minimal backend to get started.
 */

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const globalPrefix = 'api';
  app.setGlobalPrefix(globalPrefix);
  const port = process.env.PORT || 3000;
  await app.listen(port);
  Logger.log(\`🚀 Application is running on: http://localhost:\${port}/\${globalPrefix}\`);
}

bootstrap();
`,
  'apps/api/src/app/app.module.ts': `import { Module } from '@nestjs/common';
import { AppController } from './app.controller';
import { AppService } from './app.service';

@Module({
  imports: [],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}
`,
  'apps/api/src/app/app.controller.ts': `import { Controller, Get } from '@nestjs/common';
import { AppService } from './app.service';

@Controller()
export class AppController {
  constructor(private readonly appService: AppService) {}

  @Get()
  getData() {
    return this.appService.getData();
  }
}
`,
  'apps/api/src/app/app.service.ts': `import { Injectable } from '@nestjs/common';

@Injectable()
export class AppService {
  getData(): { message: string } {
    return { message: 'Hello API' };
  }
}
`,
};

/**
 * Writes the workspace into `dir` (outside this repository), with `node_modules` a link to this repository's, and this
 * repository's lock file (Nx resolves the build target's external dependency, webpack-cli, through it).
 */
export function scaffoldFreshNestApp(dir, repoRoot) {
  for (const [path, content] of Object.entries(FILES)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(repoRoot, 'package-lock.json'), join(dir, 'package-lock.json'));
}
