using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Qedu.Allocation.Tests.Support;

/// <summary>One applicant of a generated instance. Choices are program indices, most preferred first.</summary>
public sealed record ApplicantSpec(string Id, int[] Choices, decimal Score, decimal?[] Tiebreak);

/// <summary>A priority row: group (lower first) and points (higher first).</summary>
public sealed record PriorityRow(int Group, decimal Points);

/// <summary>
/// A random admission instance kept as plain data, so the tests' reference implementations (<see cref="Oracle"/>)
/// read it without going through the library. Small on purpose: few programs and seats, few distinct scores and
/// tie-break values, so ties at every step of the ranking rule are common.
/// </summary>
public sealed class Instance
{
    public required string[] ProgramIds { get; init; }
    public required int[] Capacities { get; init; }
    public required ApplicantSpec[] Applicants { get; init; }

    /// <summary>Rows by (program, applicant); null when the run has no priorities file.</summary>
    public required Dictionary<(int Program, int Applicant), PriorityRow>? Priorities { get; init; }

    public required string Seed { get; init; }

    public int ProgramCount => ProgramIds.Length;
    public int ApplicantCount => Applicants.Length;

    public bool Eligible(int applicant, int program) => Priorities is null || Priorities.ContainsKey((program, applicant));

    public PriorityRow PriorityOf(int applicant, int program) =>
        Priorities is null ? new PriorityRow(0, 0m) : Priorities[(program, applicant)];

    public AllocationProblem Build()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: Priorities is not null);
        for (int p = 0; p < ProgramCount; p++)
        {
            builder.AddProgram(ProgramIds[p], $"S{p % 2}", Capacities[p]);
        }

        foreach (ApplicantSpec a in Applicants)
        {
            builder.AddApplicant(a.Id, a.Choices.Select(p => ProgramIds[p]), a.Score, a.Tiebreak);
        }

        if (Priorities is not null)
        {
            // Rows in a scrambled but fixed order: the result must not depend on row order.
            foreach (var ((p, a), row) in Priorities.OrderBy(r => (r.Key.Applicant * 7 + r.Key.Program * 3) % 11).ThenBy(r => r.Key))
            {
                builder.AddPriority(ProgramIds[p], Applicants[a].Id, row.Group, row.Points);
            }
        }

        return builder.Build();
    }

    /// <summary>The same data with the applicants in another order (and priority rows following them).</summary>
    public Instance WithApplicantOrder(int[] order)
    {
        int[] newIndex = new int[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            newIndex[order[k]] = k;
        }

        return new Instance
        {
            ProgramIds = ProgramIds,
            Capacities = Capacities,
            Applicants = [.. order.Select(a => Applicants[a])],
            Priorities = Priorities?.ToDictionary(r => (r.Key.Program, newIndex[r.Key.Applicant]), r => r.Value),
            Seed = Seed,
        };
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed '{Seed}'\nprograms:");
        for (int p = 0; p < ProgramCount; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {ProgramIds[p]}:{Capacities[p]}");
        }

        text.Append("\napplicants:\n");
        for (int a = 0; a < ApplicantCount; a++)
        {
            ApplicantSpec x = Applicants[a];
            text.Append(CultureInfo.InvariantCulture,
                $"  {x.Id} [{string.Join('|', x.Choices.Select(p => ProgramIds[p]))}] score {x.Score} tiebreak [{string.Join('|', x.Tiebreak)}]\n");
        }

        if (Priorities is not null)
        {
            text.Append("priorities:");
            foreach (var ((p, a), row) in Priorities.OrderBy(r => r.Key))
            {
                text.Append(CultureInfo.InvariantCulture, $" {ProgramIds[p]}/{Applicants[a].Id}:{row.Group}/{row.Points}");
            }
        }

        return text.ToString();
    }
}

/// <summary>What kind of instance to generate.</summary>
public sealed record InstanceShape(
    int MaxPrograms = 5,
    int MaxApplicants = 12,
    bool? WithPriorities = null,
    bool OneRankingEverywhere = false,
    bool DistinctMerit = false,
    bool ExtremeNumbers = false);

public static class Generators
{
    // Few distinct values so that ties are frequent; 1.50 and 1.5 are the same number written differently.
    private static readonly decimal[] Scores = [0m, 1m, 1.5m, 1.50m, 2m, -1m];
    private static readonly decimal?[] TiebreakValues = [null, 0m, 1m, 2.5m, -2m];
    private static readonly decimal[] Points = [0m, 1.5m, 3m];

    // Values that do not fit the packed integer keys of the merit order, to reach its decimal fallback.
    private static readonly decimal[] Extreme =
    [
        decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m,
        1_000_000_000_000_000_000m, 123456789012345.678901234m, 0m, 1m,
    ];

    private static readonly string[] IdPrefixes = ["A", "a", "B", "Ä", "申"];
    private static readonly string[] Seeds = ["2026", "seed-α", "", "公民同招|摇号"];

    public static Gen<Instance> Instances(InstanceShape shape) =>
        from programCount in Gen.Choose(1, shape.MaxPrograms)
        from capacities in Gen.Choose(0, 3).ArrayOf(programCount)
        from applicantCount in Gen.Choose(0, shape.MaxApplicants)
        from applicants in Applicant(programCount, shape).ArrayOf(applicantCount)
        from prefixes in Gen.Elements(IdPrefixes).ArrayOf(applicantCount)
        from withPriorities in shape.WithPriorities is bool fixedChoice ? Gen.Constant(fixedChoice) : Gen.Elements(true, false)
        from rows in Row(shape.OneRankingEverywhere).ArrayOf(programCount * applicantCount)
        from seed in Gen.Elements(Seeds)
        select Make(capacities, applicants, prefixes, withPriorities ? rows : null, seed, shape.DistinctMerit);

    private static Gen<ApplicantSpec> Applicant(int programCount, InstanceShape shape) =>
        from order in Gen.Shuffle(Enumerable.Range(0, programCount))
        from length in Gen.Choose(0, programCount)
        from score in shape.ExtremeNumbers ? Gen.Elements(Extreme.Concat(Scores)) : Gen.Elements(Scores)
        from tiebreakLength in Gen.Choose(0, 3)
        from tiebreak in (shape.ExtremeNumbers
                ? Gen.Elements(Extreme.Select(v => (decimal?)v).Concat(TiebreakValues))
                : Gen.Elements(TiebreakValues))
            .ArrayOf(tiebreakLength)
        select new ApplicantSpec("", [.. order.Take(length)], score, tiebreak);

    /// <summary>Null (no row: not eligible) one time in four.</summary>
    private static Gen<PriorityRow?> Row(bool oneRanking) =>
        Gen.Frequency(
            (1, Gen.Constant<PriorityRow?>(null)),
            (3, oneRanking
                ? Gen.Constant<PriorityRow?>(new PriorityRow(0, 0m))
                : from g in Gen.Choose(0, 2) from pts in Gen.Elements(Points) select (PriorityRow?)new PriorityRow(g, pts)));

    private static Instance Make(int[] capacities, ApplicantSpec[] applicants, string[] prefixes, PriorityRow?[]? rows, string seed, bool distinctMerit)
    {
        int programs = capacities.Length;
        var named = new ApplicantSpec[applicants.Length];
        for (int a = 0; a < applicants.Length; a++)
        {
            named[a] = applicants[a] with
            {
                Id = prefixes[a] + a.ToString(CultureInfo.InvariantCulture),
                // Distinct merit: a unique score and no tie-break values, so no lottery can ever matter.
                Score = distinctMerit ? applicants[a].Score * 1000 + a : applicants[a].Score,
                Tiebreak = distinctMerit ? [] : applicants[a].Tiebreak,
            };
        }

        Dictionary<(int, int), PriorityRow>? priorities = null;
        if (rows is not null)
        {
            priorities = [];
            for (int a = 0; a < applicants.Length; a++)
            {
                for (int p = 0; p < programs; p++)
                {
                    if (rows[a * programs + p] is PriorityRow row)
                    {
                        priorities[(p, a)] = row;
                    }
                }
            }
        }

        return new Instance
        {
            ProgramIds = [.. Enumerable.Range(0, programs).Select(p => $"P{p}")],
            Capacities = capacities,
            Applicants = named,
            Priorities = priorities,
            Seed = seed,
        };
    }
}

/// <summary>Arbitrary instances for [Property] tests; one class per shape because FsCheck picks by type.</summary>
public static class AnyInstance
{
    public static Arbitrary<Instance> Instance() => Arb.From(Generators.Instances(new InstanceShape()));
}

public static class TinyInstance
{
    // Small enough to enumerate every matching.
    public static Arbitrary<Instance> Instance() => Arb.From(Generators.Instances(new InstanceShape(MaxPrograms: 3, MaxApplicants: 5)));
}

public static class OneRankingInstance
{
    public static Arbitrary<Instance> Instance() =>
        Arb.From(Generators.Instances(new InstanceShape(OneRankingEverywhere: true)));
}

public static class DistinctMeritInstance
{
    public static Arbitrary<Instance> Instance() => Arb.From(Generators.Instances(new InstanceShape(DistinctMerit: true)));
}

public static class ExtremeInstance
{
    public static Arbitrary<Instance> Instance() => Arb.From(Generators.Instances(new InstanceShape(ExtremeNumbers: true)));
}
