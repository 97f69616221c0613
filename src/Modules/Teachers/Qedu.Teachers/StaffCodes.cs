namespace Qedu.Teachers;

/// <summary>The registry's codes the teachers' figures count by.</summary>
internal static class StaffCodes
{
    /// <summary>Employment type 在编 (code list employment-type): the staff who fill a school's establishment.</summary>
    public const string Established = "1";

    /// <summary>Post 专任教师 (code list staff-post): teachers, counted by subject and for certificate coverage.</summary>
    public const string FullTimeTeacher = "1";

    public const string ProfessionalTitleList = "professional-title";
    public const string StaffPostList = "staff-post";
}
