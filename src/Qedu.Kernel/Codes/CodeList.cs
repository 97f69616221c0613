namespace Qedu.Kernel.Codes;

/// <summary>A code list (national or local), versioned as data so it can be corrected without a release.</summary>
public sealed class CodeList
{
    public required string Key { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Source { get; set; }
    public required string Version { get; set; }
}

/// <summary>One value of a code list, valid between two dates (either may be open).</summary>
public sealed class CodeValue
{
    public int Id { get; set; }
    public required string ListKey { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Further attributes as <c>key=value</c> pairs joined by <c>;</c> (e.g. <c>stages=Primary|JuniorSecondary</c>).</summary>
    public string? Extra { get; set; }

    /// <summary>Valid on <paramref name="date"/>: from is inclusive, to is exclusive.</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);

    public string Name(bool english) => english ? NameEn : NameZh;

    public string? Attribute(string key)
    {
        if (string.IsNullOrEmpty(Extra))
        {
            return null;
        }
        foreach (var pair in Extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual(key))
            {
                return pair[(eq + 1)..];
            }
        }
        return null;
    }
}

/// <summary>The keys of the code lists Qedu ships with.</summary>
public static class CodeLists
{
    public const string Division = "division";
    public const string SchoolType = "school-type";
    public const string SchoolCategory = "school-category";
    public const string Ownership = "ownership";
    public const string KindergartenCategory = "kindergarten-category";
    public const string UrbanRural = "urban-rural";
    public const string Gender = "gender";
    public const string Ethnicity = "ethnicity";
    public const string StatusChange = "status-change";
    public const string Stage = "stage";
}
