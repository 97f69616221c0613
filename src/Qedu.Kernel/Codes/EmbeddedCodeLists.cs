using System.Globalization;
using Sylvan.Data.Csv;

namespace Qedu.Kernel.Codes;

/// <summary>The code lists shipped inside the kernel assembly (Codes/Data/*.csv), read into entities.</summary>
internal static class EmbeddedCodeLists
{
    public static IReadOnlyList<(CodeList List, IReadOnlyList<CodeValue> Values)> Load()
    {
        var result = new List<(CodeList, IReadOnlyList<CodeValue>)>();
        foreach (var row in Read("lists"))
        {
            var list = new CodeList
            {
                Key = row["key"],
                NameZh = row["name_zh"],
                NameEn = row["name_en"],
                Source = row["source"],
                Version = row["version"],
            };
            var values = Read(list.Key).Select((r, i) => new CodeValue
            {
                ListKey = list.Key,
                Code = r["code"],
                NameZh = r["name_zh"],
                NameEn = r["name_en"],
                ParentCode = NullIfEmpty(r["parent"]),
                ValidFrom = Date(r["valid_from"]),
                ValidTo = Date(r["valid_to"]),
                Extra = NullIfEmpty(r["extra"]),
                SortOrder = i,
            }).ToList();
            result.Add((list, values));
        }
        return result;
    }

    private static List<Dictionary<string, string>> Read(string name)
    {
        using var stream = typeof(EmbeddedCodeLists).Assembly.GetManifestResourceStream($"Qedu.Codes.{name}.csv")
            ?? throw new InvalidOperationException($"Code list file {name}.csv is not embedded in the kernel.");
        using var text = new StreamReader(stream);
        using var csv = CsvDataReader.Create(text);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                row[csv.GetName(i)] = csv.GetString(i).Trim();
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static DateOnly? Date(string s) =>
        s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
