import { ApiProperty } from '@nestjs/swagger';

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up'], enumName: 'DependencyStatus' })
  status!: 'up';

  @ApiProperty({ description: 'How long the check took, in milliseconds.', example: 2 })
  latency_ms!: number;
}

export class ReportedDependencyDto {
  @ApiProperty({
    enum: ['up', 'unknown'],
    enumName: 'ReportedDependencyStatus',
    description: '`unknown`: it could not be asked lately; requests that need it answer with their documented 503.',
  })
  status!: 'up' | 'unknown';
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyHealthDto })
  database!: DependencyHealthDto;

  @ApiProperty({
    type: ReportedDependencyDto,
    required: false,
    description: "The identity provider's service account: whether it has the instance-wide rights the API needs.",
  })
  identity_provider?: ReportedDependencyDto;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'], enumName: 'HealthStatus' })
  status!: 'ok';
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok'], enumName: 'HealthStatus' })
  status!: 'ok';

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
