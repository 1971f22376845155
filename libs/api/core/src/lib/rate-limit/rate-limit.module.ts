import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { PostgresRateLimitStore } from './postgres-rate-limit-store';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit';
import { RateLimiter } from './rate-limiter';
import { RedisRateLimitStore } from './redis-rate-limit-store';

/** The store the configuration names: Redis when `REDIS_URL` is set, else the `rate_limit_counter` table. Nothing connects here. */
export function createRateLimitStore(config: AppConfig, dataSource: DataSource): RateLimitStore {
  return config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PostgresRateLimitStore(dataSource);
}

/** The shared `RateLimiter`, injectable everywhere (global). Needs `CoreModule` (configuration, database). */
@Global()
@Module({
  providers: [
    { provide: RATE_LIMIT_STORE, useFactory: createRateLimitStore, inject: [APP_CONFIG, DataSource] },
    RateLimiter,
  ],
  exports: [RateLimiter],
})
export class RateLimitModule {}
