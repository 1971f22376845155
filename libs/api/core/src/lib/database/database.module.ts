import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { NamedStatements } from './named-statements';

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private connected = false;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  // Connecting here rather than in TypeOrmModule's provider factory lets the OpenAPI export build the app without a
  // database, and makes a database that is down at boot fail the start at once instead of after TypeOrmModule's retries.
  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
    this.connected = true;
    this.logger.log('connected to PostgreSQL');
  }

  // TypeOrmModule's own shutdown hook also destroys the data source; whichever of the two runs first closes the pool
  // (Nest runs one module's hooks after another's, never both at once), and this one says so.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.connected) this.logger.log('disconnected from PostgreSQL');
    this.connected = false;
  }
}

/**
 * The one TypeORM data source of the process, through `@nestjs/typeorm`: feature modules declare the entities they own
 * with `TypeOrmModule.forFeature([...])` and inject their repositories with `@InjectRepository`. Schema changes only
 * through migrations.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    if (options.synchronize) throw new Error('synchronize must stay off: the schema changes only through migrations');
    return {
      module: DatabaseModule,
      // Global like the data source TypeOrmModule.forRoot provides: NamedStatements is a view of the same pool.
      global: true,
      imports: [TypeOrmModule.forRoot({ ...options, manualInitialization: true, retryAttempts: 0 })],
      providers: [DatabaseLifecycle, NamedStatements],
      exports: [TypeOrmModule, NamedStatements],
    };
  }
}
