using System.Globalization;
using System.Text.RegularExpressions;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;

namespace Qedu.Admissions.Features.Verification;

/// <summary>One data row of an exchange file: its row number (the header is row 1), the child's resident ID (normalised) and the kind's value.</summary>
internal sealed record ExchangeRow(int Row, string ResidentId, string Name, string? Address, int? Months);

/// <summary>A problem with an uploaded file: the row and column it is in (both null for the file as a whole), and what is wrong.</summary>
internal sealed record FileProblem(int? Row, string? Column, string Message);

/// <summary>
/// The exchange files' formats (docs/admissions.md, "Exchange files"): CSV in UTF-8 (with or without BOM) or GB18030, a
/// header row naming the kind's three columns (in any order; other columns are ignored), one row per child keyed by the
/// child's resident ID. Reading checks every row and returns every problem, so a file is taken whole or not at all.
/// </summary>
internal static partial class ExchangeFile
{
    public const string IdColumn = "身份证号";

    /// <summary>A district's file for one season is a few tens of thousands of short rows: far below this.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The most insurance months a row may name (fifty years).</summary>
    public const int MaxMonths = 600;

    /// <summary>The kind's columns: the resident ID, a name, and the address or the months.</summary>
    public static IReadOnlyList<string> Columns(VerificationKind kind) => kind switch
    {
        VerificationKind.Hukou => [IdColumn, "姓名", "户籍地址"],
        VerificationKind.Property => [IdColumn, "产权人", "房产地址"],
        _ => [IdColumn, "姓名", "缴费月数"],
    };

    /// <summary>
    /// Reads the CSV at <paramref name="path"/> as a file of <paramref name="kind"/> with the kernel's table reader (which
    /// detects UTF-8 or GB18030): its rows, or (when anything is wrong) every problem, each worded by <paramref name="say"/>
    /// (a resource key and its values) or <paramref name="sayId"/> (a resident-ID error).
    /// </summary>
    public static (IReadOnlyList<ExchangeRow> Rows, IReadOnlyList<FileProblem> Problems) Read(
        string path, VerificationKind kind, DateOnly today, Func<string, object?[], string> say, Func<ResidentIdError, string> sayId)
    {
        var problems = new List<FileProblem>();
        var rows = new List<ExchangeRow>();
        var columns = Columns(kind);
        try
        {
            // The reader's file-level refusals (File.Encoding, File.Malformed) are worded by this module's Verify.* texts.
            using var table = TableReader.Open(path, TableFormat.Csv, (key, values) => say(key.Replace("File.", "Verify.", StringComparison.Ordinal), values));
            var header = table.Header.Select(h => h.Trim()).ToList();
            if (header.Count == 0)
            {
                return ([], [new FileProblem(null, null, say("Verify.NoRows", []))]);
            }
            var at = columns.Select(c => header.IndexOf(c)).ToArray();
            for (var i = 0; i < columns.Count; i++)
            {
                if (at[i] < 0)
                {
                    problems.Add(new FileProblem(1, columns[i], say("Verify.MissingColumn", [columns[i], string.Join(",", columns)])));
                }
            }
            if (problems.Count > 0)
            {
                return ([], problems);
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (table.Read())
            {
                var row = table.RowNumber;
                var cells = table.Cells;
                string Cell(int i) => at[i] < cells.Count ? cells[at[i]].Trim() : "";
                var rowProblems = problems.Count;
                var id = ResidentId.Validate(Cell(0), today);
                if (!id.IsValid)
                {
                    problems.Add(new FileProblem(row, columns[0], sayId(id.Error)));
                }
                else if (seen.TryGetValue(id.Normalized!, out var first))
                {
                    problems.Add(new FileProblem(row, columns[0], say("Verify.Duplicate", [first])));
                }
                else
                {
                    seen[id.Normalized!] = row;
                }
                for (var i = 1; i < columns.Count; i++)
                {
                    if (Cell(i).Length == 0)
                    {
                        problems.Add(new FileProblem(row, columns[i], say("Verify.Required", [])));
                    }
                }
                int? months = null;
                if (kind == VerificationKind.Insurance && Cell(2).Length > 0)
                {
                    if (int.TryParse(Cell(2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m <= MaxMonths)
                    {
                        months = m;
                    }
                    else
                    {
                        problems.Add(new FileProblem(row, columns[2], say("Verify.Months", [MaxMonths])));
                    }
                }
                if (problems.Count == rowProblems)
                {
                    rows.Add(new ExchangeRow(row, id.Normalized!, Cell(1), kind == VerificationKind.Insurance ? null : Cell(2), months));
                }
            }
        }
        catch (TableFileException e)
        {
            return ([], [new FileProblem(null, null, e.Message)]);
        }
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new FileProblem(null, null, say("Verify.NoRows", [])));
        }
        return problems.Count > 0 ? ([], problems) : (rows, []);
    }

    /// <summary>
    /// Whether an agency's address names the home: it holds the home's compound, or its street followed by the door
    /// number (香港中路 11号, not 香港中路 111号), compared in <see cref="ZoneMatcher.Normalize"/>'s form (no spaces,
    /// full-width letters and digits folded). The rest of the address (building, flat) is not compared.
    /// </summary>
    public static bool NamesHome(string address, Application a)
    {
        var text = ZoneMatcher.Normalize(address);
        var compound = ZoneMatcher.Normalize(a.HomeCompound);
        if (compound.Length > 0 && text.Contains(compound, StringComparison.Ordinal))
        {
            return true;
        }
        var street = ZoneMatcher.Normalize(a.HomeStreet);
        if (street.Length == 0 || a.HomeNumber is not int number)
        {
            return false;
        }
        var at = text.IndexOf(street, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var digits = LeadingDigits().Match(text, at + street.Length);
        return digits.Success && int.TryParse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == number;
    }

    [GeneratedRegex(@"\G\d+")]
    private static partial Regex LeadingDigits();
}
