import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { policyByVersion, rubricByVersion } from '@cert/domain';
import { Allow } from '../auth/access.decorators';

const versioned = <T>(lookup: (v: string) => T, version: string): T => {
  try {
    return lookup(version);
  } catch {
    throw new NotFoundException(`unknown version ${version}`);
  }
};

/** The rubric and policy are versioned data; every signed-in role may read them. */
@ApiTags('rubric')
@ApiBearerAuth()
@Controller()
export class RubricsController {
  @Get('rubrics/:version')
  @Allow('applicant', 'reviewer', 'staff', 'board', 'auditor', 'operator')
  rubric(@Param('version') version: string) {
    return versioned(rubricByVersion, version);
  }

  @Get('policies/:version')
  @Allow('applicant', 'reviewer', 'staff', 'board', 'auditor', 'operator')
  policy(@Param('version') version: string) {
    return versioned(policyByVersion, version);
  }
}
