import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../errors/api-error';
import { ErrorEnvelopeDto } from '../errors/error-envelope.dto';
import { type NamedStatement, NamedStatements } from '../database/named-statements';
import { Public } from '../security/access-policy';
import { LivenessDto, ReadinessDto } from './health.dto';
import { ReadinessChecks } from './readiness-checks';

/** The probe's round trip to PostgreSQL, named like every per-request read (probes come every few seconds). */
const READINESS_PROBE: NamedStatement = { name: 'readiness_probe', text: 'SELECT 1' };

/** A readiness check that takes longer than this counts as a failure: the probe must not hang with the database. */
export const READINESS_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly statements: NamedStatements,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The process is up and answering.' })
  @ApiOkResponse({ type: LivenessDto })
  getLiveness(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The API can serve traffic: PostgreSQL answers, and no dependency is known to be misconfigured (the identity ' +
      "provider's service account has the instance-wide rights it needs).",
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    type: ErrorEnvelopeDto,
    description:
      '`service_unavailable`: the database did not answer. `identity_provider_misconfigured`: ZITADEL refuses the ' +
      "API's service account (the log names the missing rights).",
  })
  async getReadiness(): Promise<ReadinessDto> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('readiness check timed out')), READINESS_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.statements.query(READINESS_PROBE, []), timeout]);
    } catch {
      throw new ApiError('service_unavailable', { message: 'The database is not reachable.' });
    } finally {
      clearTimeout(timer);
    }
    const latency = Math.round(performance.now() - started);
    const dependencies = this.readiness.current();
    // What is wrong was logged once, when the dependency's state changed; the probe only answers.
    const down = dependencies.find(({ state }) => state.status === 'down');
    if (down) throw new ApiError(down.code);
    return {
      status: 'ok',
      checks: {
        database: { status: 'up', latency_ms: latency },
        ...Object.fromEntries(dependencies.map(({ name, state }) => [name, { status: state.status }])),
      },
    };
  }
}
