using Qedu.Allocation.Internal;

namespace Qedu.Allocation.Tests.Support;

/// <summary>A hand-made case, written the way the rules read: programs, applicants, priority rows.</summary>
public sealed class Case
{
    private readonly List<(string Id, int Capacity)> _programs = [];
    private readonly List<(string Id, string[] Choices, decimal Score, decimal?[] Tiebreak)> _applicants = [];
    private readonly List<(string Program, string Applicant, int Group, decimal Points)> _priorities = [];
    private bool _usesPriorities;

    public Case Program(string id, int capacity)
    {
        _programs.Add((id, capacity));
        return this;
    }

    public Case Applicant(string id, string choices, decimal score = 0m, params decimal?[] tiebreak)
    {
        _applicants.Add((id, choices.Length == 0 ? [] : choices.Split('|'), score, tiebreak));
        return this;
    }

    /// <summary>Adds a priority row; from then on only applicants with a row are eligible at a program.</summary>
    public Case Priority(string program, string applicant, int group, decimal points = 0m)
    {
        _usesPriorities = true;
        _priorities.Add((program, applicant, group, points));
        return this;
    }

    public AllocationProblem Build()
    {
        var builder = new AllocationProblemBuilder(_usesPriorities);
        foreach (var (id, capacity) in _programs)
        {
            builder.AddProgram(id, "S-" + id, capacity);
        }

        foreach (var (id, choices, score, tiebreak) in _applicants)
        {
            builder.AddApplicant(id, choices, score, tiebreak);
        }

        foreach (var (program, applicant, group, points) in _priorities)
        {
            builder.AddPriority(program, applicant, group, points);
        }

        return builder.Build();
    }

    public Outcome Run(Mechanism mechanism, string seed = "2026", TieBreaking tieBreaking = TieBreaking.Single) =>
        new(Allocator.Run(Build(), new AllocationOptions(mechanism, seed, tieBreaking)));

    /// <summary>Runs with every lottery number equal, so the last rule (applicant id, ordinal) decides.</summary>
    public Outcome RunWithEqualLotteries(Mechanism mechanism, TieBreaking tieBreaking = TieBreaking.Single) =>
        new(Allocator.Run(Build(), new AllocationOptions(mechanism, "any", tieBreaking), (_, _) => 42UL));
}

/// <summary>A result read by ids.</summary>
public sealed class Outcome(AllocationResult result)
{
    public AllocationResult Result { get; } = result;

    /// <summary>The program id the applicant got, or null.</summary>
    public string? Of(string applicantId)
    {
        int p = Result.GetProgram(Result.Problem.FindApplicant(applicantId));
        return p < 0 ? null : Result.Problem.GetProgramId(p);
    }

    public Explanation Explain(string applicantId) => Result.Explain(Result.Problem.FindApplicant(applicantId));
}
