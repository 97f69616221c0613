using System.Globalization;
using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>Loads the seed plans and the plans written for the tests, and writes targets compactly for assertions.</summary>
public static class Plans
{
    public const string Seed001 = "001_49a8bf4b45a6b867.txt";
    public const string Seed002 = "002_4953a450a86010f3.txt";
    public const string Seed003 = "003_c1eb6a3cac873dd4.txt";
    public const string Seed004 = "004_8547d8d334e9508f.txt";

    private static readonly Dictionary<string, PlanDocument> Parsed = [];

    public static string Path(string folder, string name) => System.IO.Path.Combine(AppContext.BaseDirectory, folder, name);

    public static string Text(string folder, string name) => File.ReadAllText(Path(folder, name));

    public static PlanDocument Seed(string name) => Parse("Seeds", name);

    public static PlanDocument Document(string name) => Parse("Documents", name);

    private static PlanDocument Parse(string folder, string name)
    {
        lock (Parsed)
        {
            if (!Parsed.TryGetValue(folder + name, out var document))
            {
                document = new PlanDocumentParser().Parse(Text(folder, name));
                Parsed[folder + name] = document;
            }
            return document;
        }
    }

    public static PlanTask Task(this PlanDocument document, string number) => document.AllTasks().Single(t => t.Number == number);

    /// <summary>"&gt;=98%@2020; 70所": comparator unless "=", value, unit, "@year" when dated.</summary>
    public static string Compact(IEnumerable<Target> targets) => string.Join("; ", targets.Select(t =>
        (t.Comparator == "=" ? "" : t.Comparator) + t.Value.ToString(CultureInfo.InvariantCulture) + t.Unit + (t.Year is { } y ? $"@{y}" : "")));
}
