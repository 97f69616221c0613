namespace Qedu.Kernel.Access;

/// <summary>
/// What a caller may do. Each is also an OAuth scope a client can be granted, and the name of an authorisation policy.
/// Where a caller may do it is the scope of the role assignment (or client) that grants it.
/// </summary>
public static class Permissions
{
    public const string OrgRead = "org.read";
    public const string OrgManage = "org.manage";
    public const string AccountsManage = "accounts.manage";

    /// <summary>
    /// See who holds administrator and auditor roles in one's scope and every grant and revocation of them: how each of
    /// the separated duties (system and security administration, audit) watches the others (MLPS 8.1.4.2).
    /// </summary>
    public const string AccountsReview = "accounts.review";
    public const string AuditRead = "audit.read";
    public const string PiiView = "pii.view";
    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";

    /// <summary>
    /// Take the registry away in bulk: file exports, the OneRoster bundle, the change feed. Exports of more than a set
    /// number of people also need a stated purpose, which the audit log keeps.
    /// </summary>
    public const string RegistryExport = "registry.export";

    /// <summary>
    /// See the phone numbers of the guardians of students one may read (a teacher: the classes they head or teach),
    /// unmasked: what a teacher needs to reach a family, and no more (no resident IDs).
    /// </summary>
    public const string GuardianContacts = "registry.guardian-contacts";

    /// <summary>See the plans of a bureau and their tasks.</summary>
    public const string PlansRead = "plans.read";

    /// <summary>Own a bureau's plans: import, review, publish, accept tasks as done, send 督办单 and 整改 items.</summary>
    public const string PlansManage = "plans.manage";

    /// <summary>Report progress on the tasks one's own unit (a department or district bureau) leads or takes part in.</summary>
    public const string PlansReport = "plans.report";

    /// <summary>See indicator dashboards for the units in one's scope.</summary>
    public const string IndicatorsRead = "indicators.read";

    /// <summary>Recompute indicators, send collection forms to the units below and review what they return.</summary>
    public const string IndicatorsManage = "indicators.manage";

    /// <summary>Fill in the collection forms sent to one's own unit (a school, a district bureau).</summary>
    public const string IndicatorsReport = "indicators.report";

    /// <summary>
    /// Run admission seasons for one's bureau: set a season's schools, seats, rules and zones, import the verification
    /// files of other agencies, run and publish the allocation (a district's or the city's 招生办).
    /// </summary>
    public const string AdmissionsManage = "admissions.manage";

    /// <summary>
    /// Review the admission applications made to one's school or district, with the family's materials (each opening
    /// audited): approve, return for more material, refuse. Purpose-limited: it opens no other record of a child.
    /// </summary>
    public const string AdmissionsReview = "admissions.review";

    /// <summary>
    /// Run the student-status changes (学籍异动) whose route passes one's school or district: start one for a student of
    /// one's school, and accept, return for correction (补正) or refuse the step of one's unit; answer the poor ratings
    /// (差评) of one's unit; report a child who stopped coming (辍学) and keep the 控辍保学 ledger of one's schools.
    /// Purpose-limited: it shows the change's or the case's student, no other record of a child.
    /// </summary>
    public const string StatusChangesReview = "status-changes.review";

    /// <summary>
    /// Edit the city's 一次办好 service catalogue: draft a new version of an item, publish it (a published version is
    /// never changed again), withdraw an item. City-wide data, no child in it: a city administrator's.
    /// </summary>
    public const string ServiceCatalogueManage = "service-catalogue.manage";

    /// <summary>
    /// See the exam analysis of the units in one's scope: figures per class, school, district and city, score bands,
    /// value-added intervals. Aggregates only: no student's score or name.
    /// </summary>
    public const string ExamsRead = "exams.read";

    /// <summary>
    /// Run a bureau's exams: import the scores (the city's or a district's exam, its students only), set the pass and
    /// excellent thresholds, estimate value-added.
    /// </summary>
    public const string ExamsManage = "exams.manage";

    /// <summary>
    /// See, by name, the students of one's school or district in the city's lowest 30 % of an exam, with their history
    /// across exams: the support list for 学习困难学生帮扶. Purpose-limited (no other record of a child), every read audited.
    /// </summary>
    public const string ExamsSupportList = "exams.support-list";

    /// <summary>
    /// Print the score reports (成绩报告单) of one's school's students: each student's own scores, grades and position
    /// band on a page, by class, to hand out. Purpose-limited (names and scores, no other record), every print audited.
    /// </summary>
    public const string ExamsScoreReports = "exams.score-reports";

    /// <summary>
    /// See the results of satisfaction surveys (满意度评价) for the units in one's scope: responses and shares per
    /// school and district, every cell under 10 responses suppressed; the comments once a survey has closed.
    /// </summary>
    public const string SurveysRead = "surveys.read";

    /// <summary>Run satisfaction surveys for one's bureau: the questionnaire, the audience, the schools, the dates; close one early.</summary>
    public const string SurveysManage = "surveys.manage";

    /// <summary>
    /// Hand out a school's one-time survey links (printed slips with QR codes, or a list of links). The links carry no
    /// name: whoever holds the school's slips cannot tell which answer came from which.
    /// </summary>
    public const string SurveysDistribute = "surveys.distribute";

    /// <summary>
    /// See the professional records of the staff of the units in one's scope (教师队伍): certificates and their periodic
    /// registration, titles over time, backbone levels, studios, honours, and the staffing establishment (编制). A
    /// teacher's own professional facts, not a child's data; resident IDs stay on the registry's masked pages.
    /// </summary>
    public const string TeachersRead = "teachers.read";

    /// <summary>
    /// Keep those records for the staff of one's school (or a district's schools): add certificates, registrations,
    /// titles, backbone designations, honours, studios; a bureau above a school also sets its establishment quota.
    /// </summary>
    public const string TeachersManage = "teachers.manage";

    /// <summary>
    /// The annual ethics review of the teachers of one's scope (师德考核): read and record the grades; at a bureau above a
    /// school, confirm them. Grades are not for every reader of the staff records, hence a permission of their own.
    /// </summary>
    public const string TeachersEthics = "teachers.ethics";

    /// <summary>
    /// Handle the public reports on teachers (教师有偿补课举报) routed to one's bureau: read them, acknowledge, investigate,
    /// reply, conclude. Never the reporter's contact.
    /// </summary>
    public const string TeachersReportsHandle = "teachers.reports.handle";

    /// <summary>
    /// Open a reporter's contact, with a reason that goes to the audit log: the report channel's own officer (举报受理专员),
    /// a role of its own held by no administrator.
    /// </summary>
    public const string TeachersReportsContact = "teachers.reports.contact";

    /// <summary>
    /// See the growth and health figures of the units in one's scope (学生成长): physical-fitness rates (达标率, 优良率) and
    /// vision (视力不良率, 近视率) by district, school and class, this year beside last. Counts only, never a child.
    /// </summary>
    public const string GrowthRead = "growth.read";

    /// <summary>
    /// Keep the health records of one's school's students (or a district's schools'): import the fitness tests and the
    /// vision screenings, and read each child's results (every read of a list of children audited). A child's health data,
    /// hence a permission of its own, given to school and district administrators, not to the city or to teachers.
    /// </summary>
    public const string GrowthHealth = "growth.health";

    /// <summary>
    /// Mental-health screening and follow-up of the students of one's school (or district): record screening results,
    /// keep the follow-up of flagged students (identification, intervention, referral, follow-up), and open a child's case
    /// with a reason that goes to the audit log. Held by the school counsellor's role (心理健康教师) alone: no administrator,
    /// teacher or bureau role carries it; they see counts through <see cref="GrowthRead"/>, never a name.
    /// </summary>
    public const string GrowthMental = "growth.mental";

    /// <summary>
    /// Social classrooms (社会课堂): keep the venues and sessions of one's bureau (or school) and approve venues at its
    /// level; book sessions for one's school's classes and show a session's check-in code.
    /// </summary>
    public const string GrowthPractice = "growth.practice";

    /// <summary>
    /// Student aid (学生资助) for the students of one's school or district: apply for an eligible student (the registry's
    /// hardship and disability flags), review and award at the district, record payments, and list the children of
    /// families in hardship still without aid. A family's circumstances, hence a permission of its own.
    /// </summary>
    public const string GrowthAid = "growth.aid";

    /// <summary>
    /// Keep students' growth records (成长档案, 综合素质评价 and the 十个一 handbook): a teacher adds entries for the students
    /// of the classes it heads or teaches (the registry's own-classes rule); a school administrator for any class of the
    /// school, reviews the evidence guardians send and confirms each term. Every read of a child's record is audited.
    /// </summary>
    public const string GrowthRecord = "growth.record";

    /// <summary>
    /// Confirm a class's growth records for a term (学期确认, with each student's comment), after which the term is closed,
    /// and remove any entry of an open term: the school's act, so a school administrator's and not a teacher's.
    /// </summary>
    public const string GrowthRecordConfirm = "growth.record-confirm";

    /// <summary>
    /// Care for left-behind children (留守儿童关爱) and teaching at home (送教上门): the school's care room and its use, each
    /// left-behind child's care ledger (the caring teacher, the family's circumstances, the contacts kept); plans and visits
    /// for children with a disability taught at home. A family's circumstances and a child's disability, hence a permission
    /// of its own: school and district administrators; every named read audited.
    /// </summary>
    public const string GrowthCare = "growth.care";

    /// <summary>
    /// See the rectifications (整改) of the units in one's scope, whatever raised them (a plan's supervision, a safety
    /// hazard, an inspection), with the overdue list per unit. Fixing and verifying need the permission the raising module
    /// names on each item as well (plans.report and plans.manage for a plan's; safety.manage and safety.inspect for a hazard).
    /// </summary>
    public const string RectificationRead = "rectification.read";

    /// <summary>
    /// See campus safety in one's scope (校园安全): self-inspections, random inspections, open hazards by school, drills,
    /// security staff and canteens; counts and findings, no child's data.
    /// </summary>
    public const string SafetyRead = "safety.read";

    /// <summary>
    /// Keep one's school's safety (or a district's schools'): run the self-inspections, fix the hazards found (with photos),
    /// record drills, the security staff (三支队伍) and the canteens with their licences.
    /// </summary>
    public const string SafetyManage = "safety.manage";

    /// <summary>
    /// Inspect schools' safety from above (随机督导检查): draw the schools to visit by a recorded random sample, record an
    /// inspection's failed items (each a hazard to rectify), verify the fixes and re-check them. District and city
    /// administrators and the responsible inspectors (责任督学).
    /// </summary>
    public const string SafetyInspect = "safety.inspect";

    /// <summary>
    /// See education inspection (督导) in one's scope: the schools' responsible inspectors (挂牌督学), visits and their
    /// findings, evaluations of schools and of districts' governments, the expert and third-party library.
    /// </summary>
    public const string InspectionRead = "inspection.read";

    /// <summary>
    /// Run inspection for one's bureau: assign responsible inspectors to the schools below (挂牌), open evaluations of the
    /// units below, keep the expert and third-party agency library. District and city administrators.
    /// </summary>
    public const string InspectionManage = "inspection.manage";

    /// <summary>
    /// Inspect for one's bureau: record visits to the schools below with their findings (each a rectification), score
    /// evaluations, verify and re-check (回头看) the findings' fixes. Inspectors (督学) and district and city administrators.
    /// </summary>
    public const string InspectionVisit = "inspection.visit";

    /// <summary>Put right what an inspection or evaluation of one's own unit found (整改): school and district administrators.</summary>
    public const string InspectionRespond = "inspection.respond";

    /// <summary>
    /// See school facilities planning in one's scope (学位预警): the planning zones with their births and enrolment history,
    /// the seat forecast against seats with its backtest, and the construction projects. Zone-level figures, no child's data.
    /// </summary>
    public const string FacilitiesRead = "facilities.read";

    /// <summary>
    /// Keep a district's facilities planning: its planning zones and their schools, the births file from the health
    /// authorities, enrolment and housing history, and the school construction projects with their milestones.
    /// </summary>
    public const string FacilitiesManage = "facilities.manage";

    /// <summary>
    /// See after-school care (课后服务) in one's scope: the schools' offers, enrolments by class and attendance rates, and
    /// the term's fee and subsidy statement, which names the enrolled children (an audited read).
    /// </summary>
    public const string CareRead = "care.read";

    /// <summary>Keep a school's after-school care: its offers (days, times, activities, places, fee and subsidy) and fee exemptions.</summary>
    public const string CareManage = "care.manage";

    /// <summary>Take the register of a school's after-school care (who came on a day, by class): its teachers and administrators.</summary>
    public const string CareAttend = "care.attend";

    /// <summary>
    /// Accredit learning providers for the lifelong-learning credit bank (学分银行) under a unit of one's scope, and see
    /// their outcomes: city and district administrators.
    /// </summary>
    public const string CreditsManage = "credits.manage";

    /// <summary>
    /// Record learners' outcomes (courses, certificates, awards) for a provider kept under a unit of one's scope: the
    /// provider's staff. Learners are named with their masked mobile number.
    /// </summary>
    public const string CreditsRecord = "credits.record";

    /// <summary>
    /// See family–school cooperation (家校共育) in one's scope: the parent-course sessions (家长大课堂) with their seats and
    /// attendance, and the parent committees (家长委员会) of schools and classes with members (mobile numbers masked) and minutes.
    /// </summary>
    public const string FamilySchoolRead = "family-school.read";

    /// <summary>
    /// Keep family–school cooperation for one's unit: organise parent-course sessions (a school, a district or the city),
    /// add their materials and take attendance; form a school's and its classes' parent committees, keep their members and
    /// record their meetings' minutes.
    /// </summary>
    public const string FamilySchoolManage = "family-school.manage";

    /// <summary>
    /// See home visits (万名教师温情家访) in one's scope: coverage by school and by class (students on the roll, students
    /// visited this school year), counts only. A child's visits, dates and forms, to whoever reads the child (an audited read);
    /// who took part and what was said only to the school's own staff (<see cref="VisitsRecord"/>).
    /// </summary>
    public const string VisitsRead = "visits.read";

    /// <summary>
    /// Keep a school's home visits: plan a visit for a student the holder reads (a teacher: their own classes), record it
    /// when done (who took part, what was discussed and agreed: encrypted) or cancel it; read the notes. Teachers and
    /// school administrators.
    /// </summary>
    public const string VisitsRecord = "visits.record";

    /// <summary>
    /// Use the teaching resource library (微课, 优课, 课件, 试题, 校本课程): search what is published for one's scope, open and
    /// download it, rate it (one rating per account); see the urban–rural pairings and synchronous-classroom timetables in scope.
    /// </summary>
    public const string ResourcesRead = "resources.read";

    /// <summary>Add resources to the library (a file or a link with its metadata) for review by the level they are to be shared at.</summary>
    public const string ResourcesContribute = "resources.contribute";

    /// <summary>
    /// Review resources shared at one's level (a school's shared with its district is reviewed by the district, a
    /// district's shared with the city by the city): publish or send back, feature (the city: 精品), retire stale items.
    /// </summary>
    public const string ResourcesReview = "resources.review";

    /// <summary>
    /// Keep urban–rural pairings (城乡学校结对, by a district or the city) and their synchronous-classroom (同步课堂) timetable,
    /// and record held sessions with attendance and the lesson (the paired schools themselves too).
    /// </summary>
    public const string ResourcesManage = "resources.manage";

    public static readonly IReadOnlyList<string> All =
        [OrgRead, OrgManage, AccountsManage, AccountsReview, AuditRead, PiiView, RegistryRead, RegistryWrite, RegistryExport, GuardianContacts, PlansRead, PlansManage, PlansReport,
         IndicatorsRead, IndicatorsManage, IndicatorsReport, AdmissionsManage, AdmissionsReview, StatusChangesReview, ServiceCatalogueManage,
         ExamsRead, ExamsManage, ExamsSupportList, ExamsScoreReports, SurveysRead, SurveysManage, SurveysDistribute, TeachersRead, TeachersManage,
         TeachersEthics, TeachersReportsHandle, TeachersReportsContact, GrowthRead, GrowthHealth, GrowthMental, GrowthPractice, GrowthAid,
         GrowthRecord, GrowthRecordConfirm, GrowthCare, RectificationRead, SafetyRead, SafetyManage, SafetyInspect, InspectionRead, InspectionManage, InspectionVisit, InspectionRespond, FacilitiesRead, FacilitiesManage,
         CareRead, CareManage, CareAttend, CreditsManage, CreditsRecord, FamilySchoolRead, FamilySchoolManage, VisitsRead, VisitsRecord, ResourcesRead, ResourcesContribute, ResourcesReview, ResourcesManage];

    /// <summary>The permissions a system-to-system client may be granted as OAuth scopes.</summary>
    public static readonly IReadOnlyList<string> ClientGrantable = [OrgRead, RegistryRead, RegistryWrite, RegistryExport, PiiView];
}
