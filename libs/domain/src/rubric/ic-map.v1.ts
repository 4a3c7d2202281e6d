import type { Rubric } from './rubric';

/**
 * The S²TEM SC Innovation Configuration (IC) Map "Engaged STEM School Community", transcribed from
 * source/ic-map-seed.txt. This is versioned data: never edit it in place once released; add
 * `ic-map.v2.ts` instead and register it in `rubric-catalog.ts`.
 *
 * Transcription rules:
 * - Text is the seed's, word for word, including its typos and inconsistencies (e.g. "letters to
 *   legislators." in EC3.Teachers1 level 4, "- Seeking" in EC2.Students1 level 4, "long - range",
 *   "PTA /PTO"). Curly apostrophes (’) are kept where the seed has them.
 * - Only markup and whitespace are normalised: HTML tags (<p>, <ul …>) and markdown bold (**) are
 *   removed, line breaks and runs of whitespace become one space, ends are trimmed. Literal list
 *   glyphs in the seed ("•" in the HTML cells, "- " in the plain-text rows of EC2.Students1) are kept
 *   as text; lists whose glyphs the seed had already lost stay without glyphs.
 * - The seed's map runs Sustaining (left) → Getting Started (right); its five cells are mapped
 *   5, 4, 3, 2, 1 in that order.
 * - Indicator titles and outcome texts are the full IC Map's wording. Where the At-A-Glance list
 *   words them differently, the At-A-Glance variant is noted next to the entry.
 */
export const icMapV1: Rubric = {
  version: 'ic-map.v1',
  title: 'Engaged STEM School Community',
  standard:
    "An Engaged STEM School Community is one in which all stakeholders create, embrace, and enact the school's STEM vision. All members of the community share responsibility for the success of each student demonstrating their commitment through purposeful action and advocacy.",
  levelNames: {
    1: 'Getting Started',
    2: 'Progressing',
    3: 'Refining and Expanding',
    4: 'Fully Implementing',
    5: 'Sustaining',
  },
  outcomes: [
    {
      code: 'EC1',
      text: 'Engaged STEM school communities are anchored by strong leaders who collaborate with all stakeholders to develop awareness and understanding of STEM throughout the school community and build a representative STEM leadership team (SLT).',
      indicators: [
        {
          code: 'EC1.Leaders1',
          role: 'Leaders',
          title: 'Build support for STEM education through actions designed to develop awareness and understanding of STEM',
          levels: {
            5: 'Utilize all available resources to explicitly support the continual alignment between current practice and new research to support STEM education. Ensure that key leaders articulate and demonstrate support for STEM within their sphere of influence (e.g., at meetings of chambers of commerce, civic organizations, corporate boards, school boards, PTA, etc.). Secure and sustain explicit support for STEM with all stakeholders throughout the school community.',
            4: "Collaborate with key leaders to compile a foundational body of research related to high functioning STEM schools and the need for STEM education. Promote the sharing of the foundational body of research with those within key leaders' sphere of influence. Secure explicit support for STEM with key leaders throughout the school community.",
            3: 'Solicit additional insights, research and data from key leaders. (e.g., research and data related to business and industry needs from graduates, higher education concerns, student and parent perceptions). Incorporate knowledge gained from key leaders into a research base that is shared. Provide opportunities, tools, and resources (digital and print) for stakeholders to share their new learning with those within their sphere of influence.',
            2: 'Share research and data on high performing STEM schools with key leaders. Facilitate dialogue with key leaders focused on the positive attributes of STEM identified in research. Address with key leaders concerns and perceived barriers to implementation of STEM educational practices such as scheduling, resources, home support, etc.',
            1: 'Facilitate dialogue designed to generate enthusiasm and inspire key leaders at all levels within the school community to embrace STEM. Key leaders include: • district, • school board, • community, • business, • higher education, • teachers, • PTA /PTO, and • students.',
          },
        },
        {
          code: 'EC1.Leaders2',
          role: 'Leaders',
          title: 'Work with all stakeholders to build the STEM Leadership Team (SLT)',
          levels: {
            5: 'Maintain, through a continuous improvement process, a system that identifies, plans, and implements a structure that ensures: • roles and responsibilities, • timeline for service on SLT, • maximum number of members, • the SLT maintains balanced stakeholder representation, • recruitment of new members when a vacancy occurs, and • vetting and training of new members.',
            4: 'Design a system that ensures: • roles and responsibilities, • timeline for service on SLT, • maximum number of members, • the SLT maintains balanced stakeholder representation, • recruitment of new members when a vacancy occurs, and • vetting and training of new members.',
            3: "Foster the STEM Leadership Team's understanding of • collaborative norms, • principles of effective meetings, • gaining community support, • iterative processes, and • research on effective STEM schools. Engage in the team's initial work which includes but is not limited to collaboratively: • assigning team roles and responsibilities, • preparing for the team's work in engaging the school community in developing a shared mission, vision, and goals for STEM; and • developing a communication plan.",
            2: 'Identify, through a collaborative process, a STEM Leadership Team (SLT) made up of representatives from all stakeholder groups to engage in developing the STEM vision, mission, and goals. Specify makeup of STEM Leadership Team to include representatives from all stakeholder groups; representatives should be: • influential within their groups, and • clear communicators to bring ideas from their constituent groups to the SLT and vice-versa.',
            1: "Conduct a series of informational meetings to increase the broader community's understanding of STEM. Ensure key leaders and stakeholders with influence at all levels of the school community are included in the meetings.",
          },
        },
        {
          code: 'EC1.Leaders3',
          role: 'Leaders',
          // At-A-Glance: "… develop Shared Vision and Mission for STEM education"
          title: 'School leaders and STEM Leadership Team (SLT) develop a shared vision and mission for STEM education',
          levels: {
            5: 'Communicate progress continuously and interactively; use solicited input from community stakeholders and strategic alliance partners to make appropriate revisions and refinements to mission and vision, and goals.',
            4: 'Solicit feedback and input from greater community on STEM mission and vision. Revise vision and mission based on community feedback and input.',
            3: "Conduct a series of informational meetings to increase broader community's understanding of STEM and the school's mission and vision for STEM teaching and learning. Invite all stakeholders including parents, students, staff, community leaders, and school and district leaders. Provide resources for individual further investigation.",
            2: 'Communicate shared STEM vision and mission to the STEM school community.',
            1: 'Engage school community in the development of a shared vision, mission, and goals for STEM teaching and learning that: • keenly focuses on student success, and • reflects the self-interest of all stakeholder groups.',
          },
        },
        {
          code: 'EC1.Leaders4',
          role: 'Leaders',
          // At-A-Glance: "… (SLT) engage community to develop long range goals and plans" (lower-case "engage")
          title: 'School leaders and STEM Leadership Team (SLT) Engage community to develop long range goals and plans',
          levels: {
            5: 'Employ a continuous improvement process to ensure fidelity of implementation of the plan and cyclical revision of STEM vision, mission, and goals.',
            4: 'Develop a long range plan, goals and an implementation plan that links activities to vision and mission (may include professional learning plan, professional learning opportunities, class offerings, student support, change support systems). Communicate vision, existing state, goals, and implementation plan with STEM school community stakeholders.',
            3: 'Use data analysis results to compare vision and mission to current reality. Identify gaps between vision, mission, and current reality.',
            2: 'Analyze data collected through assessment activities including surveys of stakeholders, student achievement data, workforce data, community needs, demographics, and assessment of district successes, problems and processes of school community.',
            1: 'Conduct assessment activities by collecting various community and school-based data including surveys of stakeholders, student achievement data, workforce data, community needs, demographics (including faculty, student body, community), and assessment of district successes, problems and processes of school community.',
          },
        },
        {
          code: 'EC1.Teachers1',
          role: 'Teachers',
          // At-A-Glance: same words without the final period
          title: 'Gain, demonstrate, and share personal and collective understanding of STEM.',
          levels: {
            5: "Share up-to-date STEM research with those within their sphere of influence (colleagues, parents, neighbors, friends, etc.) and with faculty SLT representative(s). Align current practice with new research and apply to: collaborate with students, leaders, fellow teachers, and strategic alliances to create a classroom environment that inspires innovation; plan and implement standards-based, problem-based lessons; identify and accommodate students' unique talents, abilities and needs; and participate in STEM professional learning experiences and apply learning.",
            4: 'Analyze foundational research base and compare this analysis to current practice and new research findings from the field of STEM education. New research may include: site visits, action research, classroom implementation of STEM activities by volunteers who share results with staff, and observations and interviews of students and staff. Share current STEM research with those within their sphere of influence (colleagues, parents, neighbors, friends, etc.) and with faculty SLT representative(s).',
            3: 'Contribute to the research base on STEM education with insights from personal and professional learning. Share STEM research with those within their sphere of influence (colleagues, parents, neighbors, friends, etc.) and with faculty SLT representative(s).',
            2: 'Identify from research and data the key characteristics of highly functioning STEM schools and the need for STEM education. Provide informed ideas for faculty representative(s) to share with SLT.',
            1: 'Dialogue to gain understanding of STEM education research. Select faculty representative(s) to serve on SLT.',
          },
        },
        {
          code: 'EC1.Students1',
          role: 'Students',
          title: 'Gain, demonstrate, and share personal and collective understanding of STEM',
          levels: {
            5: 'Suggest STEM course offerings in collaboration with peers, teachers, and strategic alliances. Demonstrate commitment to their own learning by participating actively in: • setting long and short-term academic and personal goals and self-assessing progress towards meeting goals, and • seeking support from teachers, parents, and strategic alliances in reaching and exceeding goals.',
            4: 'Participate actively in pilots of STEM course offerings and provide feedback on the learning experience, knowledge, and skills gained to teachers and SLT.',
            3: 'Share research and information from the SLT with family, peers, and community members.',
            2: 'Collaborate with peers to conduct research on STEM education and STEM careers in order to provide informed ideas for student body representative(s) to share with SLT.',
            1: 'Select student body representative(s) to actively serve on SLT based on criteria established by SLT.',
          },
        },
        {
          code: 'EC1.Strategic Alliances1',
          role: 'Strategic Alliances',
          title: 'Advance STEM education by gaining, demonstrating and communicating understanding of STEM',
          levels: {
            5: 'Align current practice and new research to support STEM education in meeting the needs identified by strategic alliances within and beyond the STEM school community (e.g., workforce, local, and global needs). Initiate partnerships with STEM educators to meet the needs of both the school and the partner. Sustain support for STEM education through long and short-term planning for active engagement and continuous analysis of results.',
            4: "Analyze foundational research base for ways to support schools with information and resources that enhance the schools' ability to meet the needs of their strategic alliances and the workforce. Compare analysis to current industry and workforce practices and new research findings from the field of STEM education. Build support for STEM education within their sphere of influence.",
            3: 'Contribute actively to the research base on STEM education with unique insights, workforce needs data, and experiences. Share STEM education research with those within their sphere of influence (e.g., colleagues, employees, neighbors, friends, etc.).',
            2: 'Identify research on the efforts of high performing STEM schools in meeting the needs identified by strategic alliances (e.g., workforce needs, higher education performance).',
            1: 'Select representative(s) to serve on the SLT Explore, through active dialogue, the successes and challenges of K-12 schooling in meeting the needs identified by strategic alliances (e.g., workforce needs, higher education performance). Engage in collaborative dialogue to gain understanding of STEM education research.',
          },
        },
      ],
    },
    {
      code: 'EC2',
      text: 'Engaged STEM school communities are fully engaged in building and sustaining strong strategic partnerships (i.e., students, parents, staff, in-school and out-of-school formal and informal service providers, non-profits, institutions of higher education, industrial companies, businesses, and community organizations) to ensure that students are successful at current and future levels of STEM learning and/or in the STEM workforce.',
      indicators: [
        {
          code: 'EC2.Leaders1',
          role: 'Leaders',
          title: 'School leaders and STEM Leadership Team (SLT) collaborate with stakeholders to build partnerships',
          levels: {
            5: 'Align partnership goals with the education goals of the school. Maintain ongoing evaluation of partnerships through a continuous improvement process. Establish a formal and written management structure and identify a point person to manage partnerships to ensure accountability, provide quality control, and monitor alignment with partnership goals. Manage staff transitions (when partners have key staff changes).',
            4: 'Assess the strengths and weaknesses of the partnership. Assess the impact of partnership on academic, social, and physical wellbeing of students.',
            3: 'Ensure a shared vision of success and support for all partners: define short and long - range goals of partnership including expected outcomes; draft a partnership proposal and submit it to your potential partner; train all key personnel in their partnership roles and responsibilities; write descriptions of roles and responsibilities, accountability measures and guidelines for responsibilities of educators and partners; and communicate with all stakeholders frequently about partnership plans and activities.',
            2: 'Establish common ground: assess potential contributions of partners and match with identified needs (i.e., tutoring, mentoring, technical support, facilities, etc.); provide opportunities for private and public recognition of all stakeholders.',
            1: "Seek new partners. Research potential partners who may be able to meet identified critical needs. Talk with potential partners about how the community's STEM mission, vision, and goals may align with their individual or organizational goals.",
          },
        },
        {
          code: 'EC2.Teachers1',
          role: 'Teachers',
          title: 'Seek partnerships that support curricular goals and intended student outcomes',
          levels: {
            5: 'Collaborate with partners (selected after considering data and curricular goals) in ways such as: curriculum design, lesson delivery, design of internships and shadowing opportunities, and resource allocation. Monitor partnership effectiveness through a continuous improvement process.',
            4: 'Utilize workforce and community needs data to prioritize and select partnerships that support curricular goals leading to intended student outcomes.',
            3: 'Seek partners possessing expertise aligned with curricular goals to provide resources and support for implementation of STEM learning experiences.',
            2: 'Seek partnerships to: provide resources for classroom STEM projects, and assist with implementation of STEM projects.',
            1: 'Seek resources and materials to support classroom STEM projects.',
          },
        },
        {
          code: 'EC2.Students1',
          role: 'Students',
          // At-A-Glance: same words with a straight apostrophe ("student's")
          title:
            'Demonstrate self-directedness in their engagements with strategic alliances to enhance the student’s individual success with STEM learning experiences and in preparation for the STEM workforce',
          levels: {
            5: 'Are self-directed in productive ways such as: - researching and applying for internships and apprenticeships, - proposing internships and apprenticeships, - volunteering to gain experience, - researching and enrolling in courses to prepare for STEM careers, - researching and enrolling in courses in Career and Technology Centers, - seeking resources and expertise to complete STEM learning experiences, and - seeking tutoring and mentoring as needed.',
            4: 'Are proactive in ways such as: - applying for internships and apprenticeships, - enrolling in courses to prepare for STEM careers, - enrolling in courses at Career and Technology Centers, - Seeking resources and expertise to complete STEM learning experiences, and - Seeking tutoring and mentoring as needed.',
            3: 'Seek support consistently from partners in ways such as: - gaining expertise and resources to complete a STEM project, - tutoring in challenging STEM course work, and - mentoring in STEM career paths.',
            2: 'Seek support frequently from partners in ways such as: - gaining expertise and resources to complete a STEM project, - tutoring in challenging STEM course work, and - mentoring in STEM career paths.',
            1: 'Seek support, on rare occasions, from partners in ways such as: - gaining expertise and resources to complete a STEM project, - tutoring in challenging STEM course work, and - mentoring in STEM career paths.',
          },
        },
        {
          code: 'EC2.Strategic Alliances1',
          role: 'Strategic Alliances',
          title: 'Develop and nurture relationships that mutually benefit the alliance and the school',
          levels: {
            5: 'Collaborate in active partnership with STEM school to employ a continuous improvement process to monitor the effectiveness of the plan for the acquisition and allocation of resources to support student STEM success and meet the needs of the alliance’s workforce.',
            4: 'Collaborate in active partnership with STEM school to implement plan for the strategic acquisition and allocation of resources to support student STEM success and meet the needs of the alliance’s workforce.',
            3: 'Partner with STEM school to develop a plan for the strategic acquisition and allocation of resources that supports student STEM success and meets the needs of the alliance’s workforce.',
            2: 'Share alliance’s workforce needs with the school and continue to respond to school request for resources to support students’ STEM success.',
            1: 'Respond to school request for resources to support students’ STEM success.',
          },
        },
      ],
    },
    {
      code: 'EC3',
      // At-A-Glance: "Communication among stakeholders is interactive and ongoing; it promotes the benefits of
      // STEM education and provides tools to support STEM advocacy endeavors."
      text: 'Communication among stakeholders promotes knowledge of STEM practices, purposes, and progress and is interactive and ongoing.',
      indicators: [
        {
          code: 'EC3.Leaders1',
          role: 'Leaders',
          title:
            'School leaders and STEM Leadership Team (SLT) develop ongoing and interactive communication structures to promote the benefits of STEM education and support STEM advocacy endeavors',
          levels: {
            5: 'Maintain an interactive and ongoing system of communication among stakeholders that ensures the availability of: information on current STEM events and research, regular progress reports on STEM initiatives and programs, opportunities and methods for stakeholders to provide input and feedback on STEM programs and initiatives, and specific ideas to support advocacy efforts.',
            4: 'Conduct analysis of communication system to determine if desired results are being achieved. Use the analysis to improve communication structure.',
            3: 'Set up accessible tools to disseminate information about STEM (i.e., school newsletter, school website, local news, local newspaper, social media). Update information frequently. Develop an interactive and ongoing system of communication among stakeholders that promotes knowledge of STEM purposes, practices, and progress towards STEM programs and initiatives.',
            2: 'Continue dialogue with all stakeholders about STEM practices and purpose. Provide further information to increase community knowledge.',
            1: 'Engage in formal and informal dialogue about what STEM is and its promised impact on student learning outcomes with members of school community including but not limited to: students, parents, staff, in and out of school formal and informal service providers, non-profits, institutions of higher education, industrial companies, businesses, and community organizations.',
          },
        },
        {
          code: 'EC3.Leaders2',
          role: 'Leaders',
          title: 'School leaders and STEM Leadership Team (SLT) embed collaborative communication practices into the life of the school',
          levels: {
            5: 'Develop and implement an ongoing process for sustaining collaborative practice such that, when leadership, partners, staff and/or student transitions occur productive dialogue/collaboration practices continue.',
            4: 'Monitor progress and refine practice towards proficiency in the use of productive processes and structures.',
            3: 'Teach, model, and practice the selected process for productive dialogue/collaboration throughout the STEM school community.',
            2: 'Adopt a process for productive dialogue that includes collaborative norms such as pausing, paraphrasing, probing, posing questions, putting ideas on the table, paying attention to self and others, providing data.',
            1: 'Recognize the need for processes and structures for productive dialogue/collaboration.',
          },
        },
        {
          code: 'EC3.Teachers1',
          role: 'Teachers',
          title:
            'Utilize ongoing and interactive structures to advocate for STEM education and to communicate with stakeholders about STEM teaching and learning',
          levels: {
            5: 'Advocate for STEM education and communicate with stakeholders about STEM teaching and learning routinely through means such as: letters to legislators, social media posts, letters to the editor of local newspaper, and STEM festival participation.',
            4: 'Advocate for STEM education and communicate with stakeholders about STEM teaching and learning frequently through means such as: letters to legislators. social media posts, letters to the editor of local newspaper, and STEM festival participation.',
            3: 'Inform audiences (school board, civic groups, etc.) beyond the school about STEM teaching and learning while promoting STEM education.',
            2: 'Share the value of STEM education within the school, beyond the classroom in ways such as: hosting a STEM information night, and presenting to the PTA or School Improvement Council.',
            1: 'Share the value of STEM education with students and parents.',
          },
        },
        {
          code: 'EC3.Students1',
          role: 'Students',
          title:
            'Utilize ongoing and interactive structures to advocate for STEM education and communicate with stakeholders about STEM learning experiences and progress',
          levels: {
            5: 'Advocate for funding and resources for STEM education, more STEM classes and STEM learning opportunities with groups such as: • state governments, • city/county council, • school board, • PTA, • School Improvement Council, and • School and STEM Leadership Teams.',
            4: 'Advocate for funding and resources for STEM education, more STEM classes and STEM learning opportunities with groups such as: • city/county council, and • school board.',
            3: 'Advocate for more STEM classes and STEM learning opportunities with school groups such as: • PTA, • School Improvement Council, and • School and STEM Leadership Teams.',
            2: 'Share STEM learning experiences and progress with school groups such as • PTA, • School Improvement Council, • school staff, and • student council.',
            1: 'Share STEM learning experiences and progress with friends and family.',
          },
        },
        {
          code: 'EC3.Strategic Alliances1',
          role: 'Strategic Alliances',
          // At-A-Glance: "… to communicate with stakeholders about industry needs and availability of support and funding"
          title:
            'Utilize ongoing and interactive structures to advocate for STEM education and to communicate with stakeholders about STEM workforce needs and availability of support and funding',
          levels: {
            5: 'Advocate for STEM education systematically in ways such as these: • speaking with legislators and corporate boards, • providing funding, • providing human resources, and • offering internships, apprenticeships, and shadowing opportunities.',
            4: 'Advocate for STEM education frequently in ways such as these: • speaking with legislators and corporate boards, • providing funding, • providing human resources, and • offering internships, apprenticeships, and shadowing opportunities.',
            3: 'Advocate for STEM education occasionally in ways such as these: • speaking with legislators and corporate boards, • providing funding, • providing human resources, and • offering internships, apprenticeships, and shadowing opportunities.',
            2: 'Inform stakeholders about sources of funding available to support STEM education to prepare workers for the STEM workforce.',
            1: 'Raise awareness of STEM workforce needs.',
          },
        },
      ],
    },
  ],
};
