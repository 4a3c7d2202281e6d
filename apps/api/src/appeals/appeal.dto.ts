import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { APPEAL_ROUTES, AppealRoute } from '@cert/domain';
import type { FileAppealRequest, RouteAppealRequest } from '@cert/contracts';
import { Label } from '../http/field-messages';

export class FileAppealDto implements FileAppealRequest {
  @Label('the grounds for your appeal')
  @ApiProperty({
    example: 'The reviewers did not see our robotics evidence, uploaded late because of a portal outage.',
    minLength: 20,
    maxLength: 4000,
  })
  @IsString()
  @Length(20, 4000)
  readonly statement!: string;
}

export class RouteAppealDto implements RouteAppealRequest {
  @Label('where the appeal goes')
  @ApiProperty({
    enum: APPEAL_ROUTES,
    description: 'fresh-review: new reviewers, none of the earlier ones; board: the board decides directly',
  })
  @IsIn(APPEAL_ROUTES)
  readonly route!: AppealRoute;
}
