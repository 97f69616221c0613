using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Facilities.Data;
using Qedu.Facilities.Domain;
using Qedu.Facilities.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;

namespace Qedu.Facilities.Features.Zones;

/// <summary>One problem of a births file: the spreadsheet row (1 = header; 0 = the file as a whole), the column as the file names it, the value, and the whole sentence naming file, row and column.</summary>
internal sealed record BirthsProblem(int Row, string? Column, string? Value, string Message);

/// <summary>What a births import did, or (not <see cref="Ok"/>) why it wrote nothing.</summary>
internal sealed record BirthsImportReport(bool Ok, bool DryRun, string File, int Rows, int Replaced, int ProblemCount, IReadOnlyList<BirthsProblem> Problems);

/// <summary>
/// The health authorities' births exchange file (docs/facilities.md): a .csv (UTF-8 or GB18030) or .xlsx with the columns
/// 学区代码, 出生年份, 出生人数, one row per zone and year. Every row is checked first (the zone known and kept by the
/// caller with facilities.manage, the year, the count, no zone and year twice); a single problem and nothing is written.
/// Otherwise every row is written, replacing the zone's figure for that year.
/// </summary>
internal sealed class BirthsImport(FacilitiesDb db, FacilitiesAccess access, WorkFiles work, TimeProvider clock, IStringLocalizer<FacilitiesText> t)
{
    public const long MaxFileBytes = 4L << 20;
    public const int MaxRows = 20_000;
    private const int MaxProblems = 1_000;

    /// <summary>The columns: the Chinese header and the English one accepted instead.</summary>
    public static readonly IReadOnlyList<(string Zh, string En)> Columns = [("学区代码", "zone"), ("出生年份", "year"), ("出生人数", "births")];

    public async Task<BirthsImportReport> ImportAsync(string? fileName, Stream? content, long length, string? source, bool dryRun, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName ?? "");
        var problems = new List<BirthsProblem>();
        var count = 0;
        void Problem(int row, int? column, string? value, string message)
        {
            count++;
            if (problems.Count >= MaxProblems)
            {
                return;
            }
            var columnName = column is { } c ? Columns[c].Zh : null;
            var where = row == 0 ? string.Format(t["Births.AtFile"], name)
                : columnName is null ? string.Format(t["Births.AtRow"], name, row)
                : string.Format(t["Births.AtCell"], name, row, columnName);
            problems.Add(new BirthsProblem(row, columnName, value, where + message));
        }
        BirthsImportReport Report(int rows, int replaced) =>
            new(count == 0, dryRun, name, rows, replaced, count, [.. problems.OrderBy(p => p.Row)]);

        var rows = await ReadAsync(name, content, length, Problem, ct);
        if (rows is null)
        {
            return Report(0, 0);
        }
        var label = string.IsNullOrWhiteSpace(source) ? t["Births.DefaultSource"].Value : source.Trim();
        if (label.Length > 200)
        {
            Problem(0, null, null, string.Format(t["Field.Length"], 1, 200));
        }

        // Zones by code: unknown and out of the caller's facilities.manage scope read alike.
        var codes = rows.Select(r => r.Cells[0]).Where(c => c.Length > 0).Distinct().ToList();
        var zones = new Dictionary<string, PlanningZone>(StringComparer.Ordinal);
        foreach (var zone in await db.Zones.AsNoTracking().Where(z => codes.Contains(z.Code)).ToListAsync(ct))
        {
            if (await access.MayAsync(Permissions.FacilitiesManage, zone.OrgUnitId, ct))
            {
                zones[zone.Code] = zone;
            }
        }
        var thisYear = Qedu.Kernel.Calendar.CityDate.Today(clock).Year;
        var seen = new Dictionary<(string, int), int>();
        var good = new List<(PlanningZone Zone, int Year, int Births)>();
        foreach (var row in rows)
        {
            var (code, yearText, birthsText) = (row.Cells[0], row.Cells[1], row.Cells[2]);
            var zone = zones.GetValueOrDefault(code);
            if (zone is null)
            {
                Problem(row.Number, 0, code, code.Length == 0 ? t["Births.Required"] : string.Format(t["Births.UnknownZone"], code));
            }
            int? year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1990 && y <= thisYear ? y : null;
            if (year is null)
            {
                Problem(row.Number, 1, yearText, string.Format(t["Births.Year"], 1990, thisYear));
            }
            int? births = null;
            if (!int.TryParse(birthsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                Problem(row.Number, 2, birthsText, t["Births.NotNumber"]);
            }
            else if (b < 0)
            {
                Problem(row.Number, 2, birthsText, t["Births.Negative"]);
            }
            else if (b > 1_000_000)
            {
                Problem(row.Number, 2, birthsText, string.Format(t["Field.Range"], 0, 1_000_000));
            }
            else
            {
                births = b;
            }
            if (zone is not null && year is int yy)
            {
                if (seen.TryGetValue((code, yy), out var first))
                {
                    Problem(row.Number, 0, code, string.Format(t["Births.Twice"], code, yy, first));
                    continue;
                }
                seen[(code, yy)] = row.Number;
                if (births is int n)
                {
                    good.Add((zone, yy, n));
                }
            }
        }
        if (count > 0)
        {
            return Report(rows.Count, 0);
        }
        var zoneIds = good.Select(g => g.Zone.Id).Distinct().ToList();
        var existing = await db.Births.Where(x => zoneIds.Contains(x.ZoneId)).ToListAsync(ct);
        var replace = existing.Where(e => good.Any(g => g.Zone.Id == e.ZoneId && g.Year == e.Year)).ToList();
        if (dryRun)
        {
            return Report(rows.Count, replace.Count);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Births.RemoveRange(replace);
        await db.SaveChangesAsync(ct);
        db.Births.AddRange(good.Select(g => new ZoneBirths { OrgUnitId = g.Zone.OrgUnitId, ZoneId = g.Zone.Id, Year = g.Year, Births = g.Births, Source = label }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Report(rows.Count, replace.Count);
    }

    private sealed record Row(int Number, string[] Cells);

    private async Task<List<Row>?> ReadAsync(string name, Stream? content, long length, Action<int, int?, string?, string> problem, CancellationToken ct)
    {
        if (content is null || length <= 0)
        {
            problem(0, null, null, t["Births.File.Missing"]);
            return null;
        }
        if (!TableFormats.TryFromFileName(name, out var format))
        {
            problem(0, null, null, t["Births.File.Format"]);
            return null;
        }
        if (length > MaxFileBytes)
        {
            problem(0, null, null, string.Format(t["Births.File.Size"], MaxFileBytes >> 20));
            return null;
        }
        // The readers stream from a file: the upload waits in the work directory, deleted whatever happens.
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var file = WorkFiles.Create(path))
            {
                await content.CopyToAsync(file, ct);
            }
            return Read(path, format, name, problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private List<Row>? Read(string path, TableFormat format, string name, Action<int, int?, string?, string> problem)
    {
        var rows = new List<Row>();
        try
        {
            using var table = TableReader.Open(path, format, (key, values) => t["Births." + key, [.. values.Select(v => v ?? "")]],
                new TableLimits(16L << 20, 4L << 20));
            var map = new int?[Columns.Count];
            for (var i = 0; i < table.Header.Count; i++)
            {
                var header = SpreadsheetCells.Unescape(table.Header[i]).Trim();
                var at = Columns.ToList().FindIndex(c => c.Zh == header || string.Equals(c.En, header, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    map[at] ??= i;
                }
            }
            var missing = Enumerable.Range(0, Columns.Count).Where(c => map[c] is null).ToList();
            foreach (var c in missing)
            {
                problem(1, null, null, string.Format(t["Births.File.Column"], Columns[c].Zh));
            }
            if (missing.Count > 0)
            {
                return null;
            }
            while (table.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    problem(table.RowNumber, null, null, string.Format(t["Births.File.TooMany"], MaxRows));
                    return null;
                }
                var cells = new string[Columns.Count];
                for (var c = 0; c < Columns.Count; c++)
                {
                    cells[c] = map[c] is int i && i < table.Cells.Count ? SpreadsheetCells.Unescape(table.Cells[i]).Trim() : "";
                }
                rows.Add(new Row(table.RowNumber, cells));
            }
        }
        catch (TableFileException e)
        {
            problem(0, null, null, e.Message);
            return null;
        }
        if (rows.Count == 0)
        {
            problem(0, null, null, t["Births.File.NoRows"]);
            return null;
        }
        return rows;
    }
}
