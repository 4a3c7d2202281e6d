import { PasswordRole } from '@cert/identity';

/** The demo's people and schools: made up, with US schools. */
export type Person = {
  name: string;
  email: string;
  role: PasswordRole | 'applicant';
  institution?: string;
  region?: string;
  expertise?: string;
};
export type OfficeHolder = Person & { role: PasswordRole };
export type School = { name: string; type: 'school' | 'district' | 'academy' | 'outreach'; state: string };
export type Leader = Person & { role: 'applicant'; school: School };

const office = (
  role: PasswordRole,
  name: string,
  email: string,
  profile: Pick<Person, 'institution' | 'region' | 'expertise'> = {},
): OfficeHolder => ({
  role,
  name,
  email,
  ...profile,
});
const reviewer = (name: string, email: string, institution: string, region: string, expertise: string) =>
  office('reviewer', name, email, { institution, region, expertise });
const leader = (name: string, email: string, school: School): Leader => ({ role: 'applicant', name, email, school });

const staff = office('staff', 'Dana Whitfield', 'dana.whitfield@iasl.org');
const board = office('board', 'Marcus Bellamy', 'marcus.bellamy@iasl.org');
const auditor = office('auditor', 'Priya Raman', 'priya.raman@iasl.org');
const operator = office('operator', 'Sam Ortiz', 'sam.ortiz@iasl.org');
const reviewers = [
  reviewer('Rita Alvarez', 'rita.alvarez@lakeview.edu', 'Lakeview University', 'Ohio', 'Engineering education'),
  reviewer('James Chen', 'james.chen@coastalstate.edu', 'Coastal State College', 'Oregon', 'Computer science'),
  reviewer('Nadia Brooks', 'nadia.brooks@pinecrest-tech.edu', 'Pinecrest Institute of Technology', 'Colorado', 'Robotics'),
  reviewer('Oliver Grant', 'oliver.grant@granitevalley.edu', 'Granite Valley College', 'New Hampshire', 'Science teaching'),
  reviewer('Teresa Howell', 'teresa.howell@magnoliastate.edu', 'Magnolia State University', 'Georgia', 'School leadership'),
] as const;

const leaders = {
  jordan: leader('Jordan Ellis', 'jordan.ellis@cedarridge-ms.org', { name: 'Cedar Ridge Middle School', type: 'school', state: 'Vermont' }),
  kevin: leader('Kevin Marsh', 'kevin.marsh@baysidepod.org', { name: 'Bayside Learning Pod', type: 'outreach', state: 'Florida' }),
  aisha: leader('Aisha Rahman', 'aisha.rahman@willowcreek-es.org', { name: 'Willow Creek Elementary', type: 'school', state: 'Minnesota' }),
  luis: leader('Luis Moreno', 'luis.moreno@desertsun-hs.org', { name: 'Desert Sun High School', type: 'school', state: 'Arizona' }),
  samuel: leader('Samuel Okafor', 'samuel.okafor@riverside-magnet.org', {
    name: 'Riverside STEM Magnet School',
    type: 'school',
    state: 'Georgia',
  }),
  grace: leader('Grace Thompson', 'grace.thompson@harborview.org', { name: 'Harborview Academy', type: 'academy', state: 'Maine' }),
  emily: leader('Emily Carter', 'emily.carter@prairieview-charter.org', {
    name: 'Prairie View Charter School',
    type: 'school',
    state: 'Kansas',
  }),
  daniel: leader('Daniel Kim', 'daniel.kim@summitheights-hs.org', {
    name: 'Summit Heights High School',
    type: 'school',
    state: 'Colorado',
  }),
  maya: leader('Maya Patel', 'maya.patel@lincolnpark-stem.org', { name: 'Lincoln Park STEM Academy', type: 'academy', state: 'Illinois' }),
  robert: leader('Robert Nguyen', 'robert.nguyen@oakridge-isd.org', {
    name: 'Oakridge Independent School District',
    type: 'district',
    state: 'Texas',
  }),
  linda: leader('Linda Foster', 'linda.foster@maplewood-academy.org', {
    name: 'Maplewood Academy',
    type: 'academy',
    state: 'North Carolina',
  }),
  marcus: leader('Marcus Reed', 'marcus.reed@bridgeport-tech.org', {
    name: 'Bridgeport Technical High School',
    type: 'school',
    state: 'Connecticut',
  }),
};

export const CAST = {
  staff,
  board,
  auditor,
  operator,
  reviewers,
  leaders,
  office: [staff, board, auditor, operator, ...reviewers] as OfficeHolder[],
  // The applicant whose sign-in is printed: a renewed designation, an award and a who's-who entry to look at.
  applicant: leaders.linda,
};
