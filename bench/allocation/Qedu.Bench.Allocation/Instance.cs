using System.Globalization;
using System.Text;
using Qedu.Allocation;

namespace Qedu.Bench.Allocation;

/// <summary>
/// A deterministic city-wide instance shaped like a high-school round with priorities: schools with regular and
/// quota programs, skewed popularity (some schools are wanted by everyone), scores on a half-point scale with many
/// ties, three subject tie-break values (a few missing), and priority rows for almost every choice plus some for
/// programs nobody chose there, written grouped by program as a bureau would export them.
/// </summary>
internal sealed class Instance
{
    public required int Programs { get; init; }
    public required int Applicants { get; init; }
    public required int ChoicesPerApplicant { get; init; }
    public required int Seed { get; init; }

    public static Instance Default => new() { Programs = 600, Applicants = 150_000, ChoicesPerApplicant = 10, Seed = 20_261_123 };

    /// <summary>Calls the sinks with every row, in file order.</summary>
    public void Generate(
        Action<string, string, int> program,
        Action<string, int[], decimal?, decimal?[]> applicant,
        Action<int, int, int, decimal?> priority)
    {
        var rng = new Random(Seed);
        double[] cumulative = new double[Programs];
        double total = 0;
        for (int p = 0; p < Programs; p++)
        {
            program(ProgramId(p), $"S{p % 400:0000}", 80 + rng.Next(310));
            total += 1.0 / Math.Pow(p + 10, 0.8); // popularity falls with the index
            cumulative[p] = total;
        }

        var rowsByProgram = new List<(int Applicant, int Group, decimal? Points)>[Programs];
        for (int p = 0; p < Programs; p++)
        {
            rowsByProgram[p] = [];
        }

        int[] choices = new int[ChoicesPerApplicant];
        for (int a = 0; a < Applicants; a++)
        {
            for (int k = 0; k < choices.Length; k++)
            {
                int p;
                do
                {
                    p = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                    p = p < 0 ? ~p : p;
                    p = Math.Min(p, Programs - 1);
                }
                while (Array.IndexOf(choices, p, 0, k) >= 0);

                choices[k] = p;
            }

            decimal? score = rng.Next(20) == 0 ? null : Math.Round((decimal)(300 + 150 * (rng.NextDouble() + rng.NextDouble() + rng.NextDouble())) * 2) / 2;
            decimal?[] tiebreak = rng.Next(50) == 0
                ? [rng.Next(151), null, rng.Next(151)]
                : [rng.Next(151), rng.Next(151), rng.Next(151)];
            applicant(ApplicantId(a), choices, score, tiebreak);

            foreach (int p in choices)
            {
                if (rng.Next(20) != 0)
                {
                    rowsByProgram[p].Add(Row(rng, a));
                }
            }

            if (rng.Next(2) == 0)
            {
                int other;
                do
                {
                    other = rng.Next(Programs);
                }
                while (Array.IndexOf(choices, other) >= 0);

                rowsByProgram[other].Add(Row(rng, a));
            }
        }

        for (int p = 0; p < Programs; p++)
        {
            foreach ((int a, int group, decimal? points) in rowsByProgram[p])
            {
                priority(p, a, group, points);
            }
        }
    }

    public static string ProgramId(int p) => $"P{p:0000}";

    public static string ApplicantId(int a) => $"A{a:0000000}";

    public AllocationProblem Build()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        Generate(
            (id, school, capacity) => builder.AddProgram(id, school, capacity),
            (id, choices, score, tiebreak) => builder.AddApplicant(id, choices, score ?? 0m, tiebreak),
            (p, a, group, points) => builder.AddPriority(p, a, group, points ?? 0m));
        return builder.Build();
    }

    public void WriteCsv(string directory)
    {
        Directory.CreateDirectory(directory);
        using var programs = Writer(Path.Combine(directory, "programs.csv"), "program_id,school_id,capacity");
        using var applicants = Writer(Path.Combine(directory, "applicants.csv"), "applicant_id,choices,score,tiebreak");
        using var priorities = Writer(Path.Combine(directory, "priorities.csv"), "program_id,applicant_id,group,points");
        var line = new StringBuilder();
        Generate(
            (id, school, capacity) => programs.Write($"{id},{school},{capacity}\n"),
            (id, choices, score, tiebreak) =>
            {
                line.Clear().Append(id).Append(',');
                for (int k = 0; k < choices.Length; k++)
                {
                    line.Append(k == 0 ? "" : "|").Append(ProgramId(choices[k]));
                }

                line.Append(',').Append(score?.ToString(CultureInfo.InvariantCulture)).Append(',');
                for (int k = 0; k < tiebreak.Length; k++)
                {
                    line.Append(k == 0 ? "" : "|").Append(tiebreak[k]?.ToString(CultureInfo.InvariantCulture));
                }

                applicants.Write(line.Append('\n'));
            },
            (p, a, group, points) => priorities.Write(
                $"{ProgramId(p)},{ApplicantId(a)},{group},{points?.ToString(CultureInfo.InvariantCulture)}\n"));
    }

    private static (int Applicant, int Group, decimal? Points) Row(Random rng, int applicant)
    {
        int group = rng.Next(10) switch { < 3 => 0, < 6 => 1, < 9 => 2, _ => 3 };
        decimal? points = group == 3 ? (decimal)(600 + rng.Next(601)) / 10 : null; // migrant points, one decimal
        return (applicant, group, points);
    }

    private static StreamWriter Writer(string path, string header)
    {
        var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }
}
