import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Connecting in a lifecycle hook rather than the provider factory lets the OpenAPI export build the app without a database.
  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
    this.logger.log('connected to PostgreSQL');
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.destroy();
    this.logger.log('disconnected from PostgreSQL');
  }
}

/** The one TypeORM data source of the process, injectable as `DataSource`. Schema changes only through migrations. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    if (options.synchronize) throw new Error('synchronize must stay off: the schema changes only through migrations');
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useFactory: () => new DataSource(options) }, DatabaseLifecycle],
      exports: [DataSource],
    };
  }
}
