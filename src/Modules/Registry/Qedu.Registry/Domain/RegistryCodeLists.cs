namespace Qedu.Registry.Domain;

/// <summary>The keys of the code lists registry records use (the kernel names only its own).</summary>
internal static class RegistryCodeLists
{
    public const string Grade = "grade";
    public const string AssetCategory = "asset-category";
    public const string GuardianRelation = "guardian-relation";
    public const string StudentStatus = "student-status";
    public const string StudentCategory = "student-category";
    public const string Qualification = "qualification";
    public const string ProfessionalTitle = "professional-title";
    public const string StaffPost = "staff-post";
    public const string EmploymentType = "employment-type";
}

/// <summary>The <c>student-status</c> codes the registry's own logic depends on.</summary>
internal static class StudentStatuses
{
    /// <summary>在读: enrolled, counted in class sizes, with an open enrolment.</summary>
    public const string Enrolled = "01";

    /// <summary>休学: suspended; the enrolment is closed until the student returns (复学).</summary>
    public const string Suspended = "02";
}
