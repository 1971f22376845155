const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// The API, the migration command and the OpenAPI export, bundled with the workspace libraries; node_modules stay external.
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  mode: 'production',
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'migrate', entryPath: './src/database/migrate.ts' },
        { entryName: 'export-openapi', entryPath: './src/openapi/export-openapi.ts' },
        { entryName: 'demo-seed', entryPath: './src/database/demo-seed.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      generatePackageJson: false,
      optimization: false,
      sourceMap: true,
      externalDependencies: 'all',
    }),
  ],
};
