using System.Globalization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Registry.Records;

namespace Qedu.Registry.Export;

/// <summary>
/// An import template: the kind's columns (Chinese headers) and one example row; in an .xlsx also the code lists
/// (代码表), drop-downs on coded and yes/no columns, and instructions (填写说明). The data stays the first sheet, the
/// one the importer reads. The importer skips a row that is exactly <see cref="ExampleRow"/> (same code, so the
/// comparison is exact), so a template imported unchanged writes nothing.
/// </summary>
internal static class ImportTemplate
{
    public const string CodeSheet = "代码表";
    public const string InstructionSheet = "填写说明";

    /// <summary>Drop-downs cover the data sheet down to this row.</summary>
    public const uint DropDownRows = 10_000;

    /// <summary>Lists longer than this get no drop-down (still on the code sheet; the instructions say so).</summary>
    public const int MaxDropDownValues = 1_000;

    // The example person's dates are fixed, so a template downloaded last year still matches its example row.
    private const string School = "2137020001";
    private const string Division = "370202";
    private static readonly DateOnly StudentBirth = new(2016, 3, 15);
    private static readonly DateOnly FatherBirth = new(1986, 5, 20);
    private static readonly DateOnly MotherBirth = new(1988, 11, 2);
    private static readonly DateOnly StaffBirth = new(1990, 4, 12);
    private static readonly string StudentId = ResidentId.Compose(Division, StudentBirth, 123); // odd: male
    private static readonly string FatherId = ResidentId.Compose(Division, FatherBirth, 135);
    private static readonly string MotherId = ResidentId.Compose(Division, MotherBirth, 246);
    private static readonly string StaffId = ResidentId.Compose(Division, StaffBirth, 224); // even: female

    /// <summary>
    /// Each kind's example, by field key. Code fields hold a code (written as its Chinese name; a code the list does not
    /// hold falls back to the list's first value); a code field not named here gets its list's first value.
    /// </summary>
    private static Dictionary<string, string> Values(RecordKind kind) => kind switch
    {
        RecordKind.Schools => new Dictionary<string, string>
        {
            ["schoolName"] = "青岛市示例小学", ["address"] = "山东省青岛市市南区香港中路 10 号（示例）", ["latitude"] = "36.0671",
            ["longitude"] = "120.3826", ["capacitySeats"] = "1800", ["phone"] = "0532-88886666", ["website"] = "https://www.example.edu.cn",
        },
        RecordKind.Classes => new Dictionary<string, string>
        {
            ["code"] = "2022-01", ["name"] = "四年级1班（示例）", ["grade"] = "P4", ["entryYear"] = "2022", ["headTeacher"] = "T2012001",
        },
        RecordKind.Staff => new Dictionary<string, string>
        {
            ["staffNumber"] = "T2012001", ["name"] = "李华（示例）", ["gender"] = "2", ["residentId"] = StaffId, ["birthDate"] = Date(StaffBirth),
            ["qualification"] = "21", ["title"] = "3", ["subjects"] = "语文", ["post"] = "1", ["employmentType"] = "1",
            ["hiredOn"] = "2012-09-01", ["phone"] = "13912345678",
        },
        RecordKind.Assets => new Dictionary<string, string>
        {
            ["assetNumber"] = "ZC-2024-0001", ["name"] = "显微镜（示例）", ["category"] = "01", ["quantity"] = "10", ["value"] = "12800.00",
            ["acquiredOn"] = "2024-03-01",
        },
        RecordKind.Teaching => new Dictionary<string, string>
        {
            ["classCode"] = "2022-01", ["staffNumber"] = "T2012001", ["subject"] = "语文",
        },
        _ => new Dictionary<string, string>
        {
            ["studentNumber"] = "G" + StudentId, ["name"] = "张小明（示例）", ["gender"] = "1", ["residentId"] = StudentId,
            ["birthDate"] = Date(StudentBirth), ["ethnicity"] = "01", ["hukouDivision"] = Division, ["address"] = "山东省青岛市市南区香港中路 10 号",
            ["classCode"] = "2022-01", ["status"] = "01", ["category"] = "00", ["migrantChild"] = "否", ["leftBehind"] = "否",
            ["disability"] = "否", ["financialHardship"] = "否", ["enrolledOn"] = "2022-09-01", ["entryReason"] = "22",
            ["guardian1Name"] = "张大明", ["guardian1Relation"] = "11", ["guardian1Phone"] = "13800138000", ["guardian1ResidentId"] = FatherId,
            ["guardian2Name"] = "王丽", ["guardian2Relation"] = "12", ["guardian2Phone"] = "13800138001", ["guardian2ResidentId"] = MotherId,
        },
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The example row's cells, one per field, as the template writes them (code fields as Chinese names).</summary>
    public static string?[] ExampleRow(IRecordDefinition definition, RecordContext context)
    {
        var values = Values(definition.Kind);
        var cells = new string?[definition.Fields.Count];
        cells[definition.School.Index] = School;
        foreach (var field in definition.Fields)
        {
            var value = values.GetValueOrDefault(field.Key);
            if (field.Type == FieldType.Code)
            {
                var choices = context.Choices(field);
                var chosen = choices.FirstOrDefault(v => v.Code == value) ?? (choices.Count > 0 ? choices[0] : null);
                value = chosen?.NameZh;
            }
            cells[field.Index] ??= value;
        }
        return cells;
    }

    /// <summary>
    /// Whether a row read from a file (cells aligned with the fields, informational ones left out) is exactly the
    /// example row (<see cref="ExampleRow"/>): every field the importer reads holds the example's text (surrounding spaces aside).
    /// </summary>
    public static bool IsExample(IRecordDefinition definition, IReadOnlyList<string?> cells, IReadOnlyList<string?> example)
    {
        foreach (var field in definition.Fields)
        {
            if (field.Informational)
            {
                continue;
            }
            var cell = field.Index < cells.Count ? cells[field.Index]?.Trim() : null;
            if (!string.Equals(string.IsNullOrEmpty(cell) ? null : cell, example[field.Index], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes the template of <paramref name="kind"/>; <paramref name="context"/> gives the code lists and the instructions' language.</summary>
    public static void Write(RecordKind kind, TableFormat format, Stream output, RecordContext context)
    {
        var definition = RecordDefinitions.For(kind);
        var example = ExampleRow(definition, context);
        using var writer = TableWriter.Create(output, format, RegistryExporter.SheetName(kind));
        writer.WriteHeader(definition.Fields.Select(f => f.HeaderZh).ToList());
        writer.WriteExample(example);
        if (format == TableFormat.Xlsx)
        {
            var coded = definition.Fields.Where(f => f.Type == FieldType.Code).ToList();
            var error = context.Text["Template.DropDownError"];
            var codeRows = new List<IReadOnlyList<string?>> { coded.Select(f => (string?)f.HeaderZh).ToList() };
            for (var i = 0; i < coded.Count; i++)
            {
                var names = context.Choices(coded[i]).Select(v => v.NameZh).ToList();
                for (var r = 0; r < names.Count; r++)
                {
                    while (codeRows.Count <= r + 1)
                    {
                        codeRows.Add(new string?[coded.Count]);
                    }
                    ((string?[])codeRows[r + 1])[i] = names[r];
                }
                if (names.Count is > 0 and <= MaxDropDownValues)
                {
                    var letters = SpreadsheetCells.ColumnName(i);
                    writer.AddDropDown(coded[i].Index, 2, DropDownRows, FormattableString.Invariant($"'{CodeSheet}'!${letters}$2:${letters}${names.Count + 1}"), error);
                }
            }
            foreach (var field in definition.Fields.Where(f => f.Type == FieldType.Boolean))
            {
                writer.AddDropDown(field.Index, 2, DropDownRows, "\"是,否\"", error);
            }
            if (coded.Count > 0)
            {
                writer.AddSheet(CodeSheet, codeRows);
            }
            writer.AddSheet(InstructionSheet, Instructions(definition, context, example));
        }
        writer.Complete();
    }

    private static List<IReadOnlyList<string?>> Instructions(IRecordDefinition definition, RecordContext context, string?[] example)
    {
        string T(string key, params object?[] args) => context.Message(key, args);
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { T("Template.Column"), T("Template.Required"), T("Template.Format"), T("Template.Example") },
        };
        foreach (var field in definition.Fields)
        {
            rows.Add(new[] { field.HeaderZh, T(field.Required ? "Template.RequiredYes" : "Template.RequiredNo"), Format(field, context), example[field.Index] });
        }
        rows.Add([]);
        rows.Add(new[] { T("Template.Intro.Example") });
        rows.Add(new[] { T("Template.Intro.Lists") });
        rows.Add(new[] { T("Template.Intro.FirstSheet") });
        return rows;
    }

    private static string Format(RecordField field, RecordContext context)
    {
        if (field.Informational)
        {
            return context.Message("Template.Type.Informational");
        }
        return field.Type switch
        {
            FieldType.Code => context.Message(context.Choices(field).Count > MaxDropDownValues ? "Template.Type.CodeNoList" : "Template.Type.Code", field.HeaderZh),
            FieldType.Text when field.MaxLength > 0 => context.Message("Template.Type.TextMax", field.MaxLength),
            _ => context.Message($"Template.Type.{field.Type}"),
        };
    }
}
