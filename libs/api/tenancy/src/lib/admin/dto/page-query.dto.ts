import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Search text, page size and position shared by the admin lists (keyset pagination: stable while rows are added). */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: 'Case-insensitive part of the searched text; blank means no search.',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `next_cursor` of the previous page, unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 25;
