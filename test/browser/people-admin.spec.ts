import { expect as pwExpect } from './support/pw-expect';
import { describeWeb, failWithoutPrerequisites } from './support/gate';
import { signInWithPassword } from './support/people';
import { AxeFinding, WebStack, a11yViolations, passwordAccount, screenshot, startWebStack, writeAxeReport } from './support/web-stack';

/**
 * In a real browser (docs/DOMAIN.md, Who uses it): staff invite a reviewer from the People page, the reviewer sets a
 * password from the mailed link and lands on their worklist; staff change a role and deactivate with a reason, each
 * behind a confirmation, and read the person's history. Axe runs on the page at 1280 and 390 px wide, and it may have
 * no violation of any impact.
 */
failWithoutPrerequisites();

jest.setTimeout(120_000);

const NEW_PASSWORD = 'a long and memorable passphrase';

describeWeb('people administration, in a real browser', () => {
  let stack: WebStack;
  const axeLog: Record<string, unknown> = {};
  const a11yProblems: Record<string, AxeFinding[]> = {};

  beforeAll(async () => {
    stack = await startWebStack();
    await passwordAccount(stack, 'staff', 'staff@iasl.org', { name: 'Sam Staff' });
    await passwordAccount(stack, 'board', 'chair@iasl.org', { name: 'Board Chair' });
  });

  afterAll(async () => {
    writeAxeReport(axeLog, 'axe-report-people.json');
    await stack?.close();
  });

  it('staff invite a reviewer, who sets a password from the mail; staff change a role and deactivate, with reasons in the history', async () => {
    const staff = await signInWithPassword(stack, 'staff@iasl.org');
    await staff.getByRole('link', { name: 'People' }).click();
    await pwExpect(staff.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

    // A refused send: the error summary names each field.
    await staff.getByRole('button', { name: 'Send invitation', exact: true }).click();
    const summary = staff.getByRole('alert').filter({ hasText: 'There is a problem' });
    await pwExpect(summary.getByRole('link', { name: "Enter the person's full name" })).toBeVisible();

    await staff.getByRole('textbox', { name: /Full name/ }).fill('Dr. Inês Duarte');
    await staff.getByRole('textbox', { name: /Email address/ }).fill('ines@lisbon.example');
    await staff.getByRole('combobox', { name: 'Role' }).selectOption('reviewer');
    await staff.getByRole('textbox', { name: /Institution/ }).fill('Lisbon STEM Academy');
    await staff.getByRole('button', { name: 'Send invitation', exact: true }).click();
    const table = staff.getByRole('table');
    await pwExpect(table.getByRole('row', { name: /Dr\. Inês Duarte.*Reviewer.*Invited/ })).toBeVisible();

    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ]) {
      await staff.setViewportSize({ width, height });
      const name = `staff-people-${width}`;
      const found = await a11yViolations(staff, name, axeLog);
      if (found.length > 0) a11yProblems[name] = found;
      await screenshot(staff, name);
    }
    await staff.setViewportSize({ width: 1280, height: 900 });

    // The invitation's link, under the service's own address, sets the password and signs the reviewer in.
    const link = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(stack.mailer.to('ines@lisbon.example').at(-1)?.text ?? '')?.[0];
    expect(link?.startsWith(`${stack.baseUrl}/set-password?token=`)).toBe(true);
    const { page: reviewer } = await stack.person();
    await reviewer.goto(link!);
    await reviewer.getByLabel(/^Your email address/).fill('ines@lisbon.example');
    await reviewer.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await reviewer.getByLabel(/^Repeat the password/).fill(NEW_PASSWORD);
    await reviewer.getByRole('button', { name: 'Set password and sign in' }).click();
    await pwExpect(reviewer).toHaveURL(/\/reviews$/);

    await staff.reload();
    await pwExpect(table.getByRole('row', { name: /Dr\. Inês Duarte.*Reviewer.*Active/ })).toBeVisible();

    // The board member becomes an auditor, with a reason, after a confirmation.
    await staff.getByRole('button', { name: 'Change the role of Board Chair' }).first().click();
    const change = staff.getByRole('dialog', { name: 'Change the role of Board Chair' });
    await change.getByRole('combobox', { name: 'New role' }).selectOption('auditor');
    await change.getByRole('button', { name: 'Yes, change the role' }).click();
    await pwExpect(change.getByText('Enter why the role changes, in at least 5 characters')).toBeVisible();
    await change.getByRole('textbox', { name: /Why the role changes/ }).fill('Moved to the audit committee.');
    await change.getByRole('button', { name: 'Yes, change the role' }).click();
    await pwExpect(table.getByRole('row', { name: /Board Chair.*Auditor.*Active/ })).toBeVisible();

    // Deactivation says their sessions end at once; the reviewer's open page is signed out on its next request.
    await staff.getByRole('button', { name: 'Deactivate Dr. Inês Duarte' }).first().click();
    const deactivate = staff.getByRole('dialog', { name: 'Deactivate Dr. Inês Duarte' });
    await pwExpect(deactivate.getByText(/signed out everywhere at once/)).toBeVisible();
    await deactivate.getByRole('textbox', { name: /Why they are deactivated/ }).fill('Left IASL at the end of her term.');
    await deactivate.getByRole('button', { name: 'Yes, deactivate' }).click();
    const row = table.getByRole('row', { name: /Dr\. Inês Duarte/ });
    await pwExpect(row.getByText(/^Deactivated/)).toBeVisible();
    await row.getByRole('button', { name: /Show history/ }).click();
    await pwExpect(row.getByText(/Sam Staff deactivated Dr\. Inês Duarte: Left IASL at the end of her term\./)).toBeVisible();
    await pwExpect(row.getByText(/Sam Staff invited Dr\. Inês Duarte as Reviewer/)).toBeVisible();
    await reviewer.reload();
    await pwExpect(reviewer).toHaveURL(/\/sign-in/);

    expect(a11yProblems).toEqual({});
    expect(stack.pageErrors).toEqual([]);
  });
});
