using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>A lottery number for an applicant at a program (-1 under single tie-breaking).</summary>
internal delegate ulong LotteryDraw(int program, int applicant);

/// <summary>
/// The rank keys of one run, as integers. At a program, an applicant's key is the pair
/// (K1, K2) = ((class &lt;&lt; 32) | BaseRank, lottery), compared as unsigned integers, smaller first, with the
/// applicant id (ordinal) as the final tie-break. Class is the dense rank of (group asc, points desc), so the whole
/// ranking rule (group, points, score, tie-break values, lottery, id) becomes at most two integer comparisons.
/// </summary>
/// <remarks>
/// Single tie-breaking folds the lottery and the id into <see cref="BaseRank"/>, which is then unique, so K2 is 0
/// and K1 alone decides. Multiple tie-breaking keeps <see cref="BaseRank"/> as the dense rank of (score, tie-break)
/// and puts the program's lottery in K2. Lotteries are only computed for applicants who tie someone on score and
/// tie-break values: for everyone else they cannot matter, and SHA-256 is the most expensive step of a run.
/// </remarks>
internal sealed class Ranking
{
    private readonly AllocationProblem _problem;
    private readonly string _seed;
    private readonly LotteryDraw? _draw;
    private readonly ulong[]? _slotLottery;
    private readonly bool[]? _tied;

    private Ranking(AllocationProblem problem, string seed, LotteryDraw? draw, TieBreaking mode, int[] baseRank, int[] order, ulong[]? slotLottery, bool[]? tied)
    {
        _problem = problem;
        _seed = seed;
        _draw = draw;
        Mode = mode;
        BaseRank = baseRank;
        Order = order;
        _slotLottery = slotLottery;
        _tied = tied;
    }

    public TieBreaking Mode { get; }

    /// <summary>The substitute lottery this ranking was made with, if any.</summary>
    public LotteryDraw? Draw => _draw;

    /// <summary>Single: unique position in the serial order. Multiple: dense rank of (score, tie-break).</summary>
    public int[] BaseRank { get; }

    /// <summary>Applicants by score and tie-break values, then (single) lottery and id, or (multiple) id.</summary>
    public int[] Order { get; }

    /// <param name="problem">The problem.</param>
    /// <param name="seed">The lottery seed.</param>
    /// <param name="mode">Single or multiple lotteries.</param>
    /// <param name="draw">Replaces the SHA-256 lottery; only tests use it, to force equal lottery numbers and reach
    /// the last rule (applicant id), which real lotteries practically never do.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Ranking Create(AllocationProblem problem, string seed, TieBreaking mode, LotteryDraw? draw = null)
    {
        int n = problem.ApplicantCount;
        int[] order = MeritOrder.Sort(problem, out bool[] tiesPrevious);
        int[] baseRank = new int[n];
        // Multiple lotteries live in a per-slot array that is only written (and so only paged in) for applicants who
        // tie someone; the flag per applicant keeps the hot loop from reading it for everyone else.
        ulong[]? slotLottery = mode == TieBreaking.Multiple ? new ulong[problem.ChoiceCount] : null;
        bool[]? tied = mode == TieBreaking.Multiple ? new bool[n] : null;
        byte[] singlePrefix = Lottery.Prefix(seed);
        byte[][]? programPrefixes = null;
        int dense = 0;
        for (int g = 0; g < n;)
        {
            int h = g + 1;
            while (h < n && tiesPrevious[h])
            {
                h++; // [g, h) tie on score and tie-break values
            }

            if (mode == TieBreaking.Single)
            {
                if (h - g > 1)
                {
                    SortByLottery(problem, singlePrefix, draw, order.AsSpan(g, h - g));
                }

                for (int k = g; k < h; k++)
                {
                    baseRank[order[k]] = k;
                }
            }
            else
            {
                for (int k = g; k < h; k++)
                {
                    baseRank[order[k]] = dense;
                }

                if (h - g > 1)
                {
                    programPrefixes ??= ProgramPrefixes(problem, seed);
                    FillSlotLotteries(problem, programPrefixes, draw, order.AsSpan(g, h - g), slotLottery!);
                    foreach (int a in order.AsSpan(g, h - g))
                    {
                        tied![a] = true;
                    }
                    // Order must not depend on how the sort placed equal keys.
                    order.AsSpan(g, h - g).Sort((a, b) => string.CompareOrdinal(problem.ApplicantIds[a], problem.ApplicantIds[b]));
                }

                dense++;
            }

            g = h;
        }

        return new Ranking(problem, seed, draw, mode, baseRank, order, slotLottery, tied);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong K1(int slot, int applicant) =>
        ((ulong)(uint)_problem.SlotClass[slot] << 32) | (uint)BaseRank[applicant];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong K2(int slot, int applicant) => _tied is not null && _tied[applicant] ? _slotLottery![slot] : 0;

    /// <summary>Negative when applicant <paramref name="a"/> (at slot <paramref name="slotA"/>) ranks before
    /// <paramref name="b"/> at the same program.</summary>
    public int Compare(int slotA, int a, int slotB, int b)
    {
        ulong x = K1(slotA, a), y = K1(slotB, b);
        if (x != y)
        {
            return x < y ? -1 : 1;
        }

        x = K2(slotA, a);
        y = K2(slotB, b);
        if (x != y)
        {
            return x < y ? -1 : 1;
        }

        return CompareIds(a, b);
    }

    /// <summary>The last resort of the ranking rule; only reached when two applicants share every other key.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int CompareIds(int a, int b) => string.CompareOrdinal(_problem.ApplicantIds[a], _problem.ApplicantIds[b]);

    /// <summary>The applicant's lottery number as the ranking uses it at <paramref name="program"/>.</summary>
    public ulong LotteryAt(int program, int applicant) =>
        _draw is not null ? _draw(Mode == TieBreaking.Single ? -1 : program, applicant)
        : Mode == TieBreaking.Single ? Lottery.Number(_seed, _problem.ApplicantIds[applicant])
        : Lottery.Number(_seed, _problem.ProgramIds[program], _problem.ApplicantIds[applicant]);

    /// <summary>Tie-break values descending, a missing value below any present one.</summary>
    public static int CompareTiebreak(AllocationProblem problem, int a, int b)
    {
        ReadOnlySpan<decimal?> x = problem.GetTiebreak(a);
        ReadOnlySpan<decimal?> y = problem.GetTiebreak(b);
        int length = Math.Max(x.Length, y.Length);
        for (int j = 0; j < length; j++)
        {
            decimal? u = j < x.Length ? x[j] : null;
            decimal? v = j < y.Length ? y[j] : null;
            if (u is null)
            {
                if (v is null)
                {
                    continue;
                }

                return 1;
            }

            if (v is null)
            {
                return -1;
            }

            int c = v.Value.CompareTo(u.Value);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static void SortByLottery(AllocationProblem problem, byte[] prefix, LotteryDraw? draw, Span<int> group)
    {
        var drawn = new (ulong Lottery, int Applicant)[group.Length];
        for (int k = 0; k < group.Length; k++)
        {
            int a = group[k];
            drawn[k] = (draw is null ? Lottery.Number(prefix, problem.ApplicantIds[a]) : draw(-1, a), a);
        }

        Array.Sort(drawn, (x, y) => x.Lottery != y.Lottery
            ? x.Lottery.CompareTo(y.Lottery)
            : string.CompareOrdinal(problem.ApplicantIds[x.Applicant], problem.ApplicantIds[y.Applicant]));
        for (int k = 0; k < group.Length; k++)
        {
            group[k] = drawn[k].Applicant;
        }
    }

    private static byte[][] ProgramPrefixes(AllocationProblem problem, string seed)
    {
        byte[][] prefixes = new byte[problem.ProgramCount][];
        for (int p = 0; p < prefixes.Length; p++)
        {
            prefixes[p] = Lottery.Prefix(seed, problem.ProgramIds[p]);
        }

        return prefixes;
    }

    private static void FillSlotLotteries(AllocationProblem problem, byte[][] prefixes, LotteryDraw? draw, ReadOnlySpan<int> group, ulong[] slotLottery)
    {
        foreach (int a in group)
        {
            string id = problem.ApplicantIds[a];
            for (int s = problem.ChoiceStart[a]; s < problem.ChoiceStart[a + 1]; s++)
            {
                if (problem.SlotClass[s] >= 0)
                {
                    int p = problem.SlotProgram[s];
                    slotLottery[s] = draw is null ? Lottery.Number(prefixes[p], id) : draw(p, a);
                }
            }
        }
    }
}
