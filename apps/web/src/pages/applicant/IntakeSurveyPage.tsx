import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ApplicantApplicationView, CommandResult, Institution, SubmitSurveyRequest, SurveyResult } from '@cert/contracts';
import { ApiProblem, summaryOf } from '../../api/problem';
import { useApplication, useWrite, write } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { INSTITUTION_TYPES } from '../../lib/labels';
import { useSession } from '../../session-context';

/** The survey as the form holds it: numbers as typed, the institution type empty until chosen. */
type SurveyForm = Omit<Required<SubmitSurveyRequest>, 'institution' | 'yearsRunning' | 'studentsServed'> & {
  institution: Omit<Institution, 'type'> & { type: string };
  yearsRunning: number | string;
  studentsServed: number | string;
};

const DRAFT_KEY = 'iasl.survey-draft';

/** The API names nested fields by path (`institution.name`, `focusAreas.2`); the form shows them on the field typed in. */
const formField = (path: string) => path.replace(/^(focusAreas|partners)\.\d+$/, '$1');
/** Each input's id, from its form path: the error summary links to it. */
const inputId = (path: string) => `survey-${formField(path).replace('.', '-')}`;

/** What the form sends: a new survey, the leader's changed answers, or their answers claiming a nomination. */
type Mode = 'new' | 'amend' | 'claim';

const COPY: Record<Mode, { title: string; intro: string; button: string; after: string; failed: string }> = {
  new: {
    title: 'Intake survey',
    intro: 'About 10 minutes. Your answers are kept on this device until you send them.',
    button: 'Send the survey',
    after: 'You can change your answers until IASL screens the survey; IASL may contact you with questions.',
    failed: 'The survey was not sent',
  },
  amend: {
    title: 'Change your answers',
    intro: 'Until IASL screens your survey you may correct any answer. The contact email is the address you sign in with and stays.',
    button: 'Save your changes',
    after: 'Staff read the answers as you save them here; the change shows in your timeline.',
    failed: 'Your changes were not saved',
  },
  claim: {
    title: 'Claim your nomination',
    intro:
      'Someone nominated you. These are their answers: correct them and put them in your own words. Staff read only your answers once you claim it.',
    button: 'Claim the nomination',
    after: 'IASL screens the nomination only once you have claimed it.',
    failed: 'The nomination was not claimed',
  },
};

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: the leader changes their survey until
 * it is screened, or claims a nomination of them with their own answers, on the survey form filled with the answers on file.
 */
export function SurveyChangePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const app = useApplication<ApplicantApplicationView>(id);
  if (app.isPending) return <Loading what="Loading your survey" />;
  if (app.error || !('survey' in app.data))
    return (
      <Page title="Survey not found">
        <ProblemAlert error={app.error} title="This survey cannot be opened" />
      </Page>
    );
  const mode: Mode = params.get('claim') === '1' || app.data.nominationStatus === 'pending' ? 'claim' : 'amend';
  return <IntakeSurveyPage mode={mode} application={app.data} />;
}

/**
 * The intake survey (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1). Typing is kept in
 * this tab until it is sent, and after any error.
 */
export function IntakeSurveyPage({ mode = 'new', application }: { mode?: Mode; application?: ApplicantApplicationView } = {}) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<unknown>(null);
  const saved = mode === 'new' ? readDraft() : null;
  const copy = COPY[mode];
  const form = useForm<SurveyForm>({
    mode: 'controlled',
    initialValues: application
      ? { ...application.survey, asNominator: false }
      : (saved ?? {
          asNominator: params.get('nominate') === '1',
          leaderName: user?.name ?? '',
          contactEmail: params.get('nominate') === '1' ? '' : (user?.email ?? ''),
          institution: { name: '', type: '', country: '', region: '' },
          programDescription: '',
          yearsRunning: '',
          studentsServed: '',
          focusAreas: [],
          underrepresentedReach: '',
          partners: [],
        }),
    onValuesChange: (values) => mode === 'new' && sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values)),
  });

  const submit = useWrite((values: SurveyForm): Promise<SurveyResult | CommandResult> => {
    const { asNominator, ...answers } = {
      ...values,
      leaderName: values.leaderName.trim(),
      contactEmail: values.contactEmail.trim(),
      institution: { ...values.institution, type: values.institution.type || undefined },
      yearsRunning: values.yearsRunning === '' ? undefined : Number(values.yearsRunning),
      studentsServed: values.studentsServed === '' ? undefined : Number(values.studentsServed),
    };
    if (mode === 'amend') return write('PUT', `/applications/${application!.id}/survey`, answers);
    if (mode === 'claim') return write('POST', `/applications/${application!.id}/claim`, answers);
    return write<SurveyResult>('POST', '/applications', { ...answers, asNominator });
  });

  const onSubmit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await submit.mutateAsync(values);
      if (mode === 'new') sessionStorage.removeItem(DRAFT_KEY);
      notifications.show({
        color: 'green',
        title: sentTitle(mode, result),
        message: mode === 'amend' ? 'Staff will read your answers as they are now.' : 'IASL will screen it and email you.',
      });
      void navigate(values.asNominator ? '/home' : `/applications/${result.applicationId}`);
    } catch (error) {
      setProblem(error);
      if (error instanceof ApiProblem && error.status === 400) {
        form.setErrors(Object.fromEntries(Object.keys(error.fields).map((f) => [formField(f), error.fieldMessage(f)])));
      }
    }
  });

  const nominating = form.values.asNominator;
  return (
    <Page title={copy.title} intro={copy.intro}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg" maw={880}>
          <ErrorSummary items={summaryOf(problem, inputId)} />
          {problem !== null && summaryOf(problem, inputId).length === 0 && <ProblemAlert error={problem} title={copy.failed} />}
          {mode === 'new' && (
            <Card withBorder padding="lg">
              <Checkbox
                label="I am nominating someone else, who will lead the application"
                description="The leader is asked to sign in with their own email and claim it; you will see that your nomination was received, nothing more."
                {...form.getInputProps('asNominator', { type: 'checkbox' })}
              />
            </Card>
          )}
          <Fieldset legend={nominating ? 'The leader you nominate' : 'About you'} variant="default">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Leader's full name"
                required
                autoComplete={nominating ? 'off' : 'name'}
                id={inputId('leaderName')}
                {...form.getInputProps('leaderName')}
              />
              <TextInput
                label="Leader's email address"
                type="email"
                required
                autoComplete={nominating ? 'off' : 'email'}
                readOnly={mode !== 'new'}
                description={mode !== 'new' ? 'The address you sign in with; it cannot change.' : undefined}
                id={inputId('contactEmail')}
                {...form.getInputProps('contactEmail')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="The institution" variant="default">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Institution name" required id={inputId('institution.name')} {...form.getInputProps('institution.name')} />
              <Select
                label="Type of institution"
                required
                data={INSTITUTION_TYPES}
                placeholder="Choose one"
                id={inputId('institution.type')}
                {...form.getInputProps('institution.type')}
              />
              <TextInput
                label="Country"
                required
                autoComplete="country-name"
                id={inputId('institution.country')}
                {...form.getInputProps('institution.country')}
              />
              <TextInput
                label="State, province or region"
                required
                id={inputId('institution.region')}
                {...form.getInputProps('institution.region')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="The STEM program" variant="default">
            <Stack>
              <Textarea
                label="Describe the program"
                description="What students do, who teaches, how it runs (at least 20 characters)."
                required
                autosize
                minRows={4}
                id={inputId('programDescription')}
                {...form.getInputProps('programDescription')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label="Years running"
                  required
                  min={0}
                  max={200}
                  allowDecimal={false}
                  id={inputId('yearsRunning')}
                  {...form.getInputProps('yearsRunning')}
                />
                <NumberInput
                  label="Students served each year"
                  required
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  id={inputId('studentsServed')}
                  {...form.getInputProps('studentsServed')}
                />
              </SimpleGrid>
              <TagsInput
                label="Focus areas"
                description="Type one and press Enter, e.g. robotics, coding"
                id={inputId('focusAreas')}
                {...form.getInputProps('focusAreas')}
              />
              <Textarea
                label="Reach to students under-represented in STEM"
                autosize
                minRows={2}
                id={inputId('underrepresentedReach')}
                {...form.getInputProps('underrepresentedReach')}
              />
              <TagsInput
                label="Partners"
                description="Organizations you work with; press Enter after each"
                id={inputId('partners')}
                {...form.getInputProps('partners')}
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={submit.isPending} size="md">
              {copy.button}
            </Button>
            <Text size="sm" c="gray.8">
              {copy.after}
            </Text>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}

function sentTitle(mode: Mode, result: SurveyResult | CommandResult): string {
  if ('nomination' in result) return 'Nomination sent';
  if (mode === 'amend') return result.events.length ? 'Your changes are saved' : 'Nothing had changed';
  if (mode === 'claim' || result.events.includes('NominationClaimed'))
    return 'The nomination is yours: your answers replace the nominator’s';
  return 'duplicate' in result && result.duplicate ? 'Your application was already open' : 'Survey sent';
}

function readDraft(): SurveyForm | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw ? (JSON.parse(raw) as SurveyForm) : null;
  } catch {
    return null;
  }
}
