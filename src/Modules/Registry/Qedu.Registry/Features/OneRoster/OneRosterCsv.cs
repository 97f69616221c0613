using System.Globalization;
using System.IO.Compression;
using System.Text;

using Qedu.Kernel.Files;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// The files of the 1EdTech OneRoster v1.2 CSV binding that Qedu writes, each with its columns exactly as the binding
/// lists them, in its order. Files of the binding Qedu has nothing for (results, line items, resources…) are declared
/// absent in the manifest.
/// </summary>
internal static class OneRosterCsv
{
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["manifest.csv"] = ["propertyName", "value"],
        ["orgs.csv"] = ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
        ["academicSessions.csv"] = ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
        ["courses.csv"] = ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
        ["classes.csv"] =
        [
            "sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId",
            "termSourcedIds", "subjects", "subjectCodes", "periods", .. Metadata("entryYear"),
        ],
        ["users.csv"] =
        [
            "sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier",
            "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
            "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
            .. Metadata("status", "category", "entryReason", "relation", "post", "employmentType", "qualification", "title", "subjects", "hiredOn"),
        ],
        ["roles.csv"] = ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
        ["enrollments.csv"] = ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
        ["demographics.csv"] =
        [
            "sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
            "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus",
        ],
    };

    /// <summary>
    /// Extension columns (the binding allows <c>metadata.*</c> columns after its own) for Qedu fields OneRoster has no
    /// column for, named by the field's key, so that a bundle imports back into Qedu without losing them. Never personal
    /// data: resident IDs, ethnicity, hukou and the support flags stay out of bundles.
    /// </summary>
    private static string[] Metadata(params string[] keys) => keys.Select(k => "metadata.qedu." + k).ToArray();

    /// <summary>The manifest's file.* properties of the binding that Qedu never writes.</summary>
    public static readonly IReadOnlyList<string> AbsentFiles =
    [
        "categories", "classResources", "courseResources", "lineItemLearningObjectiveIds", "lineItems", "lineItemScoreScales", "resources",
        "resultLearningObjectiveIds", "results", "resultScoreScales", "scoreScales", "userProfiles", "userResources",
    ];

    /// <summary>CEDS grade levels (the binding's vocabulary for grades) for our grade codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> CedsGrades = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["K1"] = "PR", ["K2"] = "PK", ["K3"] = "KG",
        ["P1"] = "01", ["P2"] = "02", ["P3"] = "03", ["P4"] = "04", ["P5"] = "05", ["P6"] = "06",
        ["J1"] = "07", ["J2"] = "08", ["J3"] = "09",
        ["S1"] = "10", ["S2"] = "11", ["S3"] = "12",
    };

    public static string Grade(string? code) => code is not null && CedsGrades.TryGetValue(code, out var g) ? g : "";

    /// <summary>GB/T 2261.1 to the binding's sex vocabulary.</summary>
    public static string Sex(string? genderCode) => genderCode switch
    {
        "1" => "male",
        "2" => "female",
        _ => "unspecified",
    };

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "西门", "南宫"];

    /// <summary>A Chinese name as (given, family): the surname is its first character, or two for the compound surnames.</summary>
    public static (string Given, string Family) SplitName(string name)
    {
        if (name.Length <= 1)
        {
            return (name, "");
        }
        var family = name.Length > 2 && CompoundSurnames.Any(s => name.StartsWith(s, StringComparison.Ordinal)) ? 2 : 1;
        return (name[family..], name[..family]);
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One CSV file of the bundle: RFC 4180 through the kernel's <see cref="CsvRecords"/> (formula cells escaped), UTF-8.</summary>
internal sealed class CsvEntry : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;

    public CsvEntry(ZipArchive zip, string name)
    {
        var header = OneRosterCsv.Headers[name];
        _columns = header.Length;
        _writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false)) { NewLine = "\r\n" };
        Row(header);
        Rows = 0;
    }

    /// <summary>Data rows written (the header not counted).</summary>
    public int Rows { get; private set; }

    public void Row(params string?[] fields)
    {
        if (fields.Length != _columns)
        {
            throw new InvalidOperationException($"A row of {fields.Length} fields where the header has {_columns}.");
        }
        CsvRecords.WriteRecord(_writer, fields);
        Rows++;
    }

    public void Dispose() => _writer.Dispose();
}
