import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Section } from '@aidial/api/core';
import { AdminOverviewService } from './admin-overview.service';
import { AdminOverviewDto } from './dto/admin-overview.response.dto';

@ApiTags('tenancy-admin')
@Controller('api/admin/overview')
export class AdminOverviewController {
  constructor(private readonly overview: AdminOverviewService) {}

  @Get()
  @Section('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The admin home: tenants by status, members whose MFA is mandatory but who have no second factor at the identity provider, and its state.',
  })
  @ApiOkResponse({ type: AdminOverviewDto })
  async getAdminOverview(): Promise<AdminOverviewDto> {
    return AdminOverviewDto.from(await this.overview.get());
  }
}
