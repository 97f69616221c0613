namespace Qedu.Admissions.Features.Apply;

/// <summary>What a family types (all text, so a wrong entry comes back with its message rather than vanishing).</summary>
internal sealed class ApplicationForm
{
    public long SeasonId { get; set; }
    public string? ChildName { get; set; }
    public string? DocumentType { get; set; } = Domain.ChildDocuments.ResidentId;
    public string? ResidentId { get; set; }
    public string? DocumentNumber { get; set; }

    /// <summary>Only without a resident ID (the ID carries the birth date).</summary>
    public string? BirthDate { get; set; }

    /// <summary>Only without a resident ID: 1 male, 2 female.</summary>
    public string? GenderCode { get; set; }

    public string? GuardianName { get; set; }
    public string? HomeCompound { get; set; }
    public string? HomeStreet { get; set; }
    public string? HomeNumber { get; set; }
    public string? HomeDetail { get; set; }
    public bool HukouAtHome { get; set; }
    public bool PropertyAtHome { get; set; }
    public bool HasResidencePermit { get; set; }
    public string? ResidencePermitYears { get; set; }
    public string? InsuranceMonths { get; set; }
    public string? PolicyCare { get; set; }

    /// <summary>The private school chosen (民办), when the season has them; empty for none.</summary>
    public string? PrivateChoice { get; set; }

    /// <summary>The number of the earlier application the household facts were copied from (shown, never posted back).</summary>
    public string? PrefilledFrom { get; set; }

    /// <summary>The family's children the registry holds (name and, when in this season, school): shown, never posted back (no public setter, so the form binder leaves it alone).</summary>
    public IReadOnlyList<string> Siblings { get; internal set; } = [];
}
