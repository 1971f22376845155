import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SmsEnrolRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 32,
    example: '0412 345 678',
    description:
      'An Australian mobile number as people write it (`0412 345 678`, `+61 412 345 678`, `(04) 1234 5678`…). Sent to ' +
      'the identity provider and then forgotten: never stored, logged or answered back.',
  })
  @IsString()
  @Length(1, 32)
  phone!: string;
}

export class SmsEnrolResponseDto {
  @ApiProperty({
    example: '+61 ... 678',
    description: 'The number the codes go to, masked: country code and last three digits. Keep it in page state only.',
  })
  phone_tail!: string;
}
