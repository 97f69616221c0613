using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Admissions.Features.Setup;

/// <summary>One refused cell of a zone list: the row as the spreadsheet numbers it, the column's header, and why.</summary>
internal sealed record ZoneListError(int Row, string Column, string Message);

/// <summary>What an import did: the lines per school, or every refused cell (and then nothing was written).</summary>
internal sealed record ZoneListResult(int Lines, IReadOnlyDictionary<int, int> LinesBySchool, IReadOnlyList<ZoneListError> Errors, string? FileProblem)
{
    public bool Ok => Errors.Count == 0 && FileProblem is null;
}

/// <summary>
/// A season's attendance zones (学区) from a spreadsheet (.xlsx, or CSV in UTF-8 or GB18030), one line per row:
/// 学校标识码, 学校名称 (for people; not read), 小区, 街道, 起始门牌号, 终止门牌号, 单双号, 纬度, 经度. Every row is checked
/// before anything is written; a refused file names each row and column, and the season's zones stay as they were. A
/// good file replaces the season's zones whole, in one transaction. A compound in two schools' zones, or a street
/// range two schools share, is refused: the matcher would send those families to the manual queue.
/// </summary>
internal sealed class ZoneListImport(AdmissionsDb db, SeasonSetup setup, OrgTree tree, WorkFiles work, IStringLocalizer<AdmissionsText> t)
{
    public const long MaxFileBytes = 5L << 20;
    public const int MaxRows = 50_000;

    /// <summary>The header, in the order the template writes it; a file may use the Chinese or the English names.</summary>
    public static readonly IReadOnlyList<(string Zh, string En)> Columns =
    [
        ("学校标识码", "school_code"), ("学校名称", "school_name"), ("小区", "compound"), ("街道", "street"),
        ("起始门牌号", "from_number"), ("终止门牌号", "to_number"), ("单双号", "parity"), ("纬度", "latitude"), ("经度", "longitude"),
    ];

    private const int SchoolCode = 0, Compound = 2, Street = 3, From = 4, To = 5, Parity = 6, Latitude = 7, Longitude = 8;

    public async Task<ZoneListResult?> ImportAsync(long seasonId, string fileName, Stream content, long length, CancellationToken ct = default)
    {
        if (await setup.EditableAsync(seasonId, ct) is not { } found)
        {
            return null;
        }
        if (found.Phase != SetupPhase.BeforeOpening)
        {
            return Refused(t["Zones.Fixed"]);
        }
        if (length <= 0 || length > MaxFileBytes)
        {
            return Refused(string.Format(CultureInfo.CurrentCulture, t["Zones.Size"], fileName, MaxFileBytes >> 20));
        }
        if (!TableFormats.TryFromFileName(fileName, out var format))
        {
            return Refused(string.Format(CultureInfo.CurrentCulture, t["Zones.Format"], fileName));
        }
        // The readers stream from a file: the upload waits in the work directory (as every upload does), deleted whatever happens.
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var file = WorkFiles.Create(path))
            {
                await content.CopyToAsync(file, ct);
            }
            var schools = await SchoolsAsync(seasonId, ct);
            List<ZoneLine> lines;
            List<ZoneListError> errors;
            try
            {
                (lines, errors) = Read(path, format, fileName, seasonId, schools);
            }
            catch (TableFileException e)
            {
                return Refused(e.Message);
            }
            if (errors.Count > 0)
            {
                return new ZoneListResult(0, new Dictionary<int, int>(), errors, null);
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ZoneLines.RemoveRange(await db.ZoneLines.Where(l => l.SeasonId == seasonId).ToListAsync(ct));
            db.ZoneLines.AddRange(lines);
            found.Season.Revision++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ZoneListResult(lines.Count, lines.GroupBy(l => l.SchoolId).ToDictionary(g => g.Key, g => g.Count()), [], null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ZoneListResult Refused(string problem) => new(0, new Dictionary<int, int>(), [], problem);

    /// <summary>The season's public schools (those with zones) by their 学校标识码.</summary>
    private async Task<Dictionary<string, int>> SchoolsAsync(long seasonId, CancellationToken ct)
    {
        var taking = await db.SeasonSchools.AsNoTracking().Where(s => s.SeasonId == seasonId && !s.IsPrivate).Select(s => s.SchoolId).ToListAsync(ct);
        var codes = await tree.CodesOfAsync(taking, ct);
        return codes.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);
    }

    private (List<ZoneLine> Lines, List<ZoneListError> Errors) Read(string path, TableFormat format, string fileName, long seasonId, Dictionary<string, int> schools)
    {
        var lines = new List<ZoneLine>();
        var errors = new List<ZoneListError>();
        using var table = TableReader.Open(path, format, (key, values) => Describe(fileName, key, values), new TableLimits(64L << 20, 16L << 20));
        var map = MapHeader(table.Header, errors);
        if (errors.Count > 0)
        {
            return (lines, errors);
        }
        // Where each compound and street range was first given, to name both rows when two schools claim one home.
        var compounds = new Dictionary<string, (int Row, int School)>(StringComparer.Ordinal);
        var streets = new List<(int Row, ZoneLine Line, string Street)>();
        while (table.Read())
        {
            if (table.RowNumber - 1 > MaxRows)
            {
                errors.Add(new(table.RowNumber, "", string.Format(CultureInfo.CurrentCulture, t["Zones.TooMany"], MaxRows)));
                break;
            }
            var row = table.RowNumber;
            string Cell(int column) => map[column] is int i && i < table.Cells.Count ? SpreadsheetCells.Unescape(table.Cells[i]).Trim() : "";
            void Error(int column, string key, params object[] values) =>
                errors.Add(new(row, Columns[column].Zh, string.Format(CultureInfo.CurrentCulture, t[key], values)));

            var line = new ZoneLine { SeasonId = seasonId };
            var code = Cell(SchoolCode);
            if (!schools.TryGetValue(code, out var schoolId))
            {
                Error(SchoolCode, "Zones.School", code);
            }
            line.SchoolId = schoolId;
            var compound = Cell(Compound);
            var street = Cell(Street);
            if (compound.Length == 0 && street.Length == 0)
            {
                Error(Compound, "Zones.Empty");
            }
            if (compound.Length > 100)
            {
                Error(Compound, "Zones.TooLong", 100);
            }
            if (street.Length > 100)
            {
                Error(Street, "Zones.TooLong", 100);
            }
            line.Compound = compound.Length > 0 ? compound : null;
            line.Street = compound.Length == 0 && street.Length > 0 ? street : null;
            line.FromNumber = Number(Cell(From), From, Error);
            line.ToNumber = Number(Cell(To), To, Error);
            if ((line.FromNumber is not null || line.ToNumber is not null) && line.Street is null)
            {
                Error(From, "Zones.NumbersNeedStreet");
            }
            if (line.FromNumber > line.ToNumber)
            {
                Error(To, "Zones.Range", line.FromNumber!, line.ToNumber!);
            }
            switch (Cell(Parity).ToLowerInvariant())
            {
                case "" or "全部" or "all":
                    line.Parity = NumberParity.All;
                    break;
                case "单号" or "单" or "odd":
                    line.Parity = NumberParity.Odd;
                    break;
                case "双号" or "双" or "even":
                    line.Parity = NumberParity.Even;
                    break;
                default:
                    Error(Parity, "Zones.Parity", Cell(Parity));
                    break;
            }
            line.Latitude = Coordinate(Cell(Latitude), 90, Latitude, Error);
            line.Longitude = Coordinate(Cell(Longitude), 180, Longitude, Error);
            if (line.Latitude.HasValue != line.Longitude.HasValue)
            {
                Error(Latitude, "Zones.BothCoordinates");
            }
            if (line.Compound is { } c && schoolId != 0)
            {
                var key = ZoneMatcher.Normalize(c);
                if (compounds.TryGetValue(key, out var first))
                {
                    Error(Compound, first.School == schoolId ? "Zones.DuplicateLine" : "Zones.CompoundTwice", c, first.Row);
                }
                else
                {
                    compounds[key] = (row, schoolId);
                }
            }
            if (line.Street is { } s && schoolId != 0)
            {
                var key = ZoneMatcher.Normalize(s);
                foreach (var other in streets.Where(o => o.Street == key && o.Line.SchoolId != schoolId && Overlap(o.Line, line)))
                {
                    Error(Street, "Zones.StreetTwice", s, other.Row);
                    break;
                }
                streets.Add((row, line, key));
            }
            lines.Add(line);
        }
        return (lines, errors);
    }

    /// <summary>Finds each column by its Chinese or English header; the school code and a compound or street column are required.</summary>
    private int?[] MapHeader(IReadOnlyList<string> header, List<ZoneListError> errors)
    {
        var map = new int?[Columns.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var column = Columns.Select((c, index) => (c, index)).FirstOrDefault(c => c.c.Zh == name || string.Equals(c.c.En, name, StringComparison.OrdinalIgnoreCase));
            if (column.c.Zh is not null && map[column.index] is null)
            {
                map[column.index] = i;
            }
        }
        if (map[SchoolCode] is null || (map[Compound] is null && map[Street] is null))
        {
            errors.Add(new(1, "", string.Format(CultureInfo.CurrentCulture, t["Zones.Header"], string.Join("，", Columns.Select(c => c.Zh)))));
        }
        return map;
    }

    private static bool Overlap(ZoneLine a, ZoneLine b)
    {
        var (aFrom, aTo) = (a.FromNumber ?? int.MinValue, a.ToNumber ?? int.MaxValue);
        var (bFrom, bTo) = (b.FromNumber ?? int.MinValue, b.ToNumber ?? int.MaxValue);
        var parities = a.Parity == NumberParity.All || b.Parity == NumberParity.All || a.Parity == b.Parity;
        return parities && aFrom <= bTo && bFrom <= aTo;
    }

    private static int? Number(string value, int column, Action<int, string, object[]> error)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000)
        {
            return n;
        }
        error(column, "Zones.Number", [value]);
        return null;
    }

    private static double? Coordinate(string value, double limit, int column, Action<int, string, object[]> error)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && Math.Abs(n) <= limit)
        {
            return n;
        }
        error(column, "Zones.Coordinate", [value]);
        return null;
    }

    private string Describe(string fileName, string key, object?[] values) =>
        fileName + ": " + string.Format(CultureInfo.CurrentCulture, t["Zones." + key], values);

    /// <summary>The season's zones as the import reads them (or the empty template with one example): download, edit, upload.</summary>
    public async Task WriteAsync(long seasonId, Stream output, CancellationToken ct = default)
    {
        var lines = await db.ZoneLines.AsNoTracking().Where(l => l.SeasonId == seasonId).OrderBy(l => l.SchoolId).ThenBy(l => l.Id).ToListAsync(ct);
        var units = await tree.UnitsOfAsync(lines.Select(l => l.SchoolId).Distinct(), ct);
        using var writer = TableWriter.Create(output, TableFormat.Xlsx, "学区");
        writer.WriteHeader(Columns.Select(c => c.Zh).ToList());
        if (lines.Count == 0)
        {
            writer.WriteExample(["3702020001", "青岛市实验小学", "海信花园", "", "", "", "", "36.0611", "120.3824"]);
            writer.WriteExample(["3702020001", "青岛市实验小学", "", "香港中路", "1", "99", "单号", "", ""]);
        }
        foreach (var l in lines)
        {
            var unit = units.GetValueOrDefault(l.SchoolId);
            writer.WriteRow([
                unit?.Code, unit?.Name, l.Compound, l.Street, l.FromNumber?.ToString(CultureInfo.InvariantCulture), l.ToNumber?.ToString(CultureInfo.InvariantCulture),
                l.Parity switch { NumberParity.Odd => "单号", NumberParity.Even => "双号", _ => "" },
                l.Latitude?.ToString(CultureInfo.InvariantCulture), l.Longitude?.ToString(CultureInfo.InvariantCulture),
            ]);
        }
        writer.AddDropDown(Parity, 2, 50_000, "\"全部,单号,双号\"", "全部 / 单号 / 双号");
        writer.Complete();
    }
}
