import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class StartSignInQueryDto {
  @ApiProperty({
    description: 'Sent to the identity provider as `login_hint`.',
    example: 'amelia.hart@acme-health.example',
  })
  @IsEmail({}, { message: 'Enter an email address in the format name@example.com.' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    description: 'A same-origin path to return to after sign-in; anything else falls back to the home page.',
    example: '/calls',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  return_to?: string;
}

export class AuthorizationUrlDto {
  @ApiProperty({ description: 'Where to send the browser to sign in at the identity provider.' })
  authorization_url!: string;
}

export class EndSessionDto {
  @ApiProperty({ description: "Where to send the browser to end the identity provider's session too." })
  end_session_url!: string;
}

export class StartStepUpDto {
  @ApiProperty({
    description:
      'The portal page to come back to after signing in again (a same-origin path; anything else falls back to the ' +
      'home page). The page then repeats or finishes the action that asked for it.',
    example: '/integrations',
  })
  @IsString()
  @MaxLength(2048)
  return_to!: string;
}
