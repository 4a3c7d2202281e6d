import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { FileAppealDto } from '../appeals/appeal.dto';
import { AssessmentDraftDto, ExtendDeadlineDto } from '../applications/assessment.dto';
import { SubmitSurveyDto } from '../applications/survey.dto';
import { SetPasswordDto } from '../auth/auth.dto';
import { NominateDto, OpenAwardCycleDto } from '../awards/awards.dto';
import { DirectoryListingDto } from '../directory/directory.dto';
import { AddEvidenceLinkDto } from '../evidence/evidence.dto';
import { AssignReviewersDto } from '../reviews/assign-reviewers.dto';
import { ScoreNominationDto } from '../awards/awards.dto';
import { copyOf } from './field-messages';
import { FieldErrors, strictValidationPipe } from './validation';

/** What the strict pipe answers for a body: each refused field's path and its messages. */
const refusal = async (metatype: abstract new () => unknown, body: unknown): Promise<Record<string, string[]>> => {
  try {
    await strictValidationPipe().transform(body, { type: 'body', metatype: metatype as never });
  } catch (error) {
    if (error instanceof FieldErrors) return Object.fromEntries(error.fields.map((f) => [f.field, f.messages]));
    throw error;
  }
  throw new Error('the body was accepted');
};

const survey = {
  leaderName: 'Ada Rivers',
  contactEmail: 'ada@riverside.edu',
  institution: { name: 'Riverside STEM Academy', type: 'school', country: 'US', region: 'South Carolina' },
  programDescription: 'A school-wide STEM program with robotics, coding and a Fab Lab.',
  yearsRunning: 5,
  studentsServed: 420,
  focusAreas: ['robotics'],
  underrepresentedReach: 'Half of our students.',
  partners: ['County Makerspace'],
};

describe('field messages: one sentence a person can act on, per refused field', () => {
  it('given an empty number field, when sent, then it asks for the number within its bounds', async () => {
    const { yearsRunning: _omitted, ...rest } = survey;
    expect(await refusal(SubmitSurveyDto, rest)).toEqual({ yearsRunning: ['Enter how many years the program has run, from 0 to 200'] });
  });

  it('given a number out of bounds or a fraction, then the same field still gets one sentence', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, yearsRunning: -1 })).toEqual({
      yearsRunning: ['Enter how many years the program has run, from 0 to 200'],
    });
    expect(await refusal(SubmitSurveyDto, { ...survey, yearsRunning: 2.5 })).toEqual({
      yearsRunning: ['Enter how many years the program has run as a whole number, from 0 to 200'],
    });
    expect(await refusal(SubmitSurveyDto, { ...survey, studentsServed: 20_000_000 })).toEqual({
      studentsServed: ['Enter how many students the program serves each year, from 0 to 10,000,000'],
    });
  });

  it('given a malformed email, then it shows the right format by example; an empty one is asked for', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, contactEmail: 'ada at riverside' })).toEqual({
      contactEmail: ["Enter the leader's email address in the right format, like name@school.org"],
    });
    expect(await refusal(SubmitSurveyDto, { ...survey, contactEmail: '  ' })).toEqual({
      contactEmail: ["Enter the leader's email address"],
    });
  });

  it('given texts too short or too long, then it names the bound that was crossed', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, programDescription: 'Robots.' })).toEqual({
      programDescription: ['Enter a description of the program of at least 20 characters'],
    });
    expect(await refusal(FileAppealDto, { statement: 'x'.repeat(4001) })).toEqual({
      statement: ['Enter the grounds for your appeal of at most 4000 characters'],
    });
    expect(await refusal(SetPasswordDto, { token: 'a'.repeat(43), password: 'short' })).toEqual({
      password: ['Enter a password of at least 12 characters'],
    });
  });

  it('given a nested field, then its path is kept and its own label used', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, institution: { ...survey.institution, name: '', type: 'castle' } })).toEqual({
      'institution.name': ["Enter the institution's name"],
      'institution.type': [
        'Select the type of institution: school, district, academy, higher-ed, ngo, nontraditional, outreach or corporate',
      ],
    });
    expect(await refusal(SubmitSurveyDto, { ...survey, institution: 'Riverside' })).toEqual({
      institution: ["Enter the institution's details as an object with its own fields"],
    });
  });

  it('given list items, then it speaks of each entry and of the list by its items', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, focusAreas: ['r'] })).toEqual({
      focusAreas: ['Enter each focus area of 2 to 80 characters'],
    });
    expect(await refusal(AssessmentDraftDto, { ratings: [] })).toEqual({ ratings: ['Give at least one rating'] });
    expect(await refusal(AssessmentDraftDto, { ratings: [{ indicator: 'Leaders', level: 9, evidence: 'Minutes' }] })).toEqual({
      'ratings.0.indicator': ['Name the indicator as the IC Map codes it, like EC1.Leaders1'],
      'ratings.0.level': ['Choose a level, from 1 to 5'],
    });
    expect(await refusal(NominateDto, { applicationId: crypto.randomUUID(), teachers: Array(4).fill({}), portfolios: [] })).toEqual(
      expect.objectContaining({ teachers: ['Name at most 3 teachers'] }),
    );
    expect(await refusal(AssignReviewersDto, { mode: 'manual', reviewerIds: [crypto.randomUUID(), 'x'] })).toEqual({
      reviewerIds: ['Choose the reviewers: what was sent is not an id'],
    });
    expect(await refusal(DirectoryListingDto, { fields: ['leaderName', 'shoeSize'] })).toEqual({
      fields: ['Choose only details from: leaderName, institution, country, focusAreas, designationYear, awards or summary'],
    });
  });

  it('given a choice, a yes/no, a date and a link, then each says what to give', async () => {
    expect(await refusal(AssignReviewersDto, { mode: 'random' })).toEqual({ mode: ['Select how to assign reviewers: manual or auto'] });
    expect(await refusal(SubmitSurveyDto, { ...survey, asNominator: 'yes' })).toEqual({
      asNominator: ['Say whether you are nominating someone else as the leader: true or false'],
    });
    expect(await refusal(ExtendDeadlineDto, { dueAt: '1 March', reason: 'Flooding closed the school.' })).toEqual({
      dueAt: ['Enter the new due date as a date and time in UTC, like 2027-04-01T09:00:00Z'],
    });
    expect(await refusal(AddEvidenceLinkDto, { purpose: 'fun', indicator: 'EC1.Leaders1', url: 'x'.repeat(2001) })).toEqual({
      purpose: ['Say what the evidence is for: assessment or progress'],
      url: ['Enter a web address of at most 2000 characters'],
    });
    expect(await refusal(ScoreNominationDto, { scores: [{ criterion: 'leadership', level: 3 }], comment: 'x'.repeat(2001) })).toEqual({
      comment: ['Enter a comment of at most 2000 characters'],
    });
    expect(await refusal(OpenAwardCycleDto, { year: 2027, awardsAvailable: 0 })).toEqual(
      expect.objectContaining({ awardsAvailable: ['Enter how many awards are available, from 1 to 50'] }),
    );
  });

  it('given a field the form does not take, then it asks to remove it by name', async () => {
    expect(await refusal(SubmitSurveyDto, { ...survey, favouriteColour: 'teal' })).toEqual({
      favouriteColour: ['Remove "favouriteColour": it is not an answer this form takes'],
    });
  });

  it('gives every validated field of every DTO a label', async () => {
    const root = join(__dirname, '..');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(dto|query)\.ts$/.test(f));
    const unlabelled: string[] = [];
    let checked = 0;
    for (const file of files) {
      const module = (await import(join(root, file))) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (typeof value !== 'function') continue;
        const rules = getMetadataStorage().getTargetValidationMetadatas(value, '', true, false);
        for (const property of new Set(rules.map((r) => r.propertyName))) {
          checked += 1;
          if (!copyOf(value as never, property)) unlabelled.push(`${file}: ${value.name}.${property}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(unlabelled).toEqual([]);
  });
});
