import { Controller, Get, NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { policyByVersion, rubricByVersion } from '@cert/domain';
import { Access } from '../auth/access.decorators';
import { FieldErrors } from '../http/validation';
import { Operation } from '../http/operation.decorator';

/** A version names a data module (`ic-map.v1`, `decision-policy.v1`): short, lowercase, dotted. */
const VERSION: PipeTransform<string, string> = {
  transform(value: string) {
    if (!/^[a-z0-9][a-z0-9.-]{0,63}$/.test(value))
      throw new FieldErrors([{ field: 'version', messages: ['must be a version name such as ic-map.v1'] }]);
    return value;
  },
};

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
  @Access('rubric.read')
  @Operation('Read a version of the rubric (the IC Map)', 'Rubric')
  rubric(@Param('version', VERSION) version: string) {
    return versioned(rubricByVersion, version);
  }

  @Get('policies/:version')
  @Access('rubric.read')
  @Operation('Read a version of the decision policy: thresholds, windows and minimum lengths', 'DecisionPolicy')
  policy(@Param('version', VERSION) version: string) {
    return versioned(policyByVersion, version);
  }
}
