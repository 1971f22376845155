import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SESSION_AUTHENTICATOR } from '@aidial/api/core';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';
import { SessionStore } from './session-store';

/**
 * Server-side sessions: the `session` table and the store over it. Below both auth (which creates, signs out and lists
 * sessions) and tenancy (which ends them on a change of role or a suspension, and keeps a partner's client selection),
 * so neither needs the other for it. Provides the guard chain's SESSION_AUTHENTICATOR port.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [SessionRepository, SessionStore, { provide: SESSION_AUTHENTICATOR, useExisting: SessionStore }],
  exports: [SessionStore, SESSION_AUTHENTICATOR],
})
export class SessionsModule {}
