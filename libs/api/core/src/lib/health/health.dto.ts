import { ApiProperty } from '@nestjs/swagger';

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up'], enumName: 'DependencyStatus' })
  status!: 'up';

  @ApiProperty({ description: 'How long the check took, in milliseconds.', example: 2 })
  latency_ms!: number;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyHealthDto })
  database!: DependencyHealthDto;
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
