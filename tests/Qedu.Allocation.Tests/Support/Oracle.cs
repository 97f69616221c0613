using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qedu.Allocation.Tests.Support;

/// <summary>
/// Straightforward reference implementations of the rules, written from the text and sharing no code with
/// the engine: comparisons on decimals and strings, textbook loops. Slow and obviously right is the point.
/// </summary>
public static class Oracle
{
    /// <summary>First 8 bytes, big-endian, of SHA-256 over the UTF-8 text.</summary>
    public static ulong LotteryOf(string text) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ulong Lottery(Instance instance, TieBreaking mode, int program, int applicant) => mode == TieBreaking.Single
        ? LotteryOf($"{instance.Seed}|{instance.Applicants[applicant].Id}")
        : LotteryOf($"{instance.Seed}|{instance.ProgramIds[program]}|{instance.Applicants[applicant].Id}");

    /// <summary>Tie-break values descending, compared in order; a missing value ranks below any present one.</summary>
    public static int CompareTiebreak(decimal?[] x, decimal?[] y)
    {
        for (int j = 0; j < Math.Max(x.Length, y.Length); j++)
        {
            decimal? u = j < x.Length ? x[j] : null;
            decimal? v = j < y.Length ? y[j] : null;
            if (u is null && v is null)
            {
                continue;
            }

            if (u is null || v is null)
            {
                return u is null ? 1 : -1;
            }

            if (u.Value != v.Value)
            {
                return u.Value > v.Value ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>Negative when applicant a ranks before b at the program, up to (not including) the lottery.</summary>
    public static int CompareBeforeLottery(Instance instance, int program, int a, int b)
    {
        PriorityRow x = instance.PriorityOf(a, program), y = instance.PriorityOf(b, program);
        if (x.Group != y.Group)
        {
            return x.Group < y.Group ? -1 : 1;
        }

        if (x.Points != y.Points)
        {
            return x.Points > y.Points ? -1 : 1;
        }

        return CompareMerit(instance, a, b);
    }

    /// <summary>Score descending, then tie-break values.</summary>
    public static int CompareMerit(Instance instance, int a, int b)
    {
        ApplicantSpec x = instance.Applicants[a], y = instance.Applicants[b];
        if (x.Score != y.Score)
        {
            return x.Score > y.Score ? -1 : 1;
        }

        return CompareTiebreak(x.Tiebreak, y.Tiebreak);
    }

    /// <summary>The whole ranking rule at a program: group, points, score, tie-break, lottery, id.</summary>
    public static int CompareAt(Instance instance, TieBreaking mode, int program, int a, int b)
    {
        int c = CompareBeforeLottery(instance, program, a, b);
        if (c != 0)
        {
            return c;
        }

        c = Lottery(instance, mode, program, a).CompareTo(Lottery(instance, mode, program, b));
        return c != 0 ? c : string.CompareOrdinal(instance.Applicants[a].Id, instance.Applicants[b].Id);
    }

    /// <summary>The serial order of serial dictatorship: score, tie-break, single lottery, id.</summary>
    public static int CompareSerial(Instance instance, int a, int b)
    {
        int c = CompareMerit(instance, a, b);
        if (c != 0)
        {
            return c;
        }

        c = Lottery(instance, TieBreaking.Single, -1, a).CompareTo(Lottery(instance, TieBreaking.Single, -1, b));
        return c != 0 ? c : string.CompareOrdinal(instance.Applicants[a].Id, instance.Applicants[b].Id);
    }

    /// <summary>Textbook applicant-proposing deferred acceptance. Program index per applicant, -1 = unplaced.</summary>
    public static int[] DeferredAcceptance(Instance instance, TieBreaking mode)
    {
        int n = instance.ApplicantCount;
        int[] next = new int[n];
        int[] assigned = Enumerable.Repeat(-1, n).ToArray();
        var held = Enumerable.Range(0, instance.ProgramCount).Select(_ => new List<int>()).ToArray();
        var free = new Queue<int>(Enumerable.Range(0, n));
        while (free.TryDequeue(out int a))
        {
            int[] choices = instance.Applicants[a].Choices;
            while (next[a] < choices.Length)
            {
                int p = choices[next[a]++];
                if (!instance.Eligible(a, p) || instance.Capacities[p] == 0)
                {
                    continue;
                }

                held[p].Add(a);
                if (held[p].Count <= instance.Capacities[p])
                {
                    assigned[a] = p;
                    break;
                }

                int worst = held[p].Aggregate((x, y) => CompareAt(instance, mode, p, x, y) > 0 ? x : y);
                held[p].Remove(worst);
                if (worst != a)
                {
                    assigned[a] = p;
                    assigned[worst] = -1;
                    free.Enqueue(worst);
                    break;
                }
            }
        }

        return assigned;
    }

    /// <summary>Immediate acceptance as the issue words it: round k, every unplaced applicant applies to their k-th
    /// choice (skipped when not eligible there); programs admit in rank order up to the seats left; final.</summary>
    public static int[] ImmediateAcceptance(Instance instance, TieBreaking mode)
    {
        int n = instance.ApplicantCount;
        int[] assigned = Enumerable.Repeat(-1, n).ToArray();
        int[] left = (int[])instance.Capacities.Clone();
        int rounds = instance.Applicants.Select(a => a.Choices.Length).DefaultIfEmpty(0).Max();
        for (int k = 0; k < rounds; k++)
        {
            var applications = Enumerable.Range(0, n)
                .Where(a => assigned[a] < 0 && instance.Applicants[a].Choices.Length > k
                    && instance.Eligible(a, instance.Applicants[a].Choices[k]))
                .GroupBy(a => instance.Applicants[a].Choices[k]);
            foreach (var group in applications)
            {
                int p = group.Key;
                var ranked = group.ToList();
                ranked.Sort((x, y) => CompareAt(instance, mode, p, x, y));
                foreach (int a in ranked.Take(left[p]))
                {
                    assigned[a] = p;
                }

                left[p] -= Math.Min(left[p], ranked.Count);
            }
        }

        return assigned;
    }

    /// <summary>Serial dictatorship: in serial order, the first eligible choice with a free seat.</summary>
    public static int[] SerialDictatorship(Instance instance)
    {
        int n = instance.ApplicantCount;
        int[] assigned = Enumerable.Repeat(-1, n).ToArray();
        int[] left = (int[])instance.Capacities.Clone();
        var order = Enumerable.Range(0, n).ToList();
        order.Sort((x, y) => CompareSerial(instance, x, y));
        foreach (int a in order)
        {
            foreach (int p in instance.Applicants[a].Choices)
            {
                if (instance.Eligible(a, p) && left[p] > 0)
                {
                    left[p]--;
                    assigned[a] = p;
                    break;
                }
            }
        }

        return assigned;
    }

    public static int[] Run(Instance instance, Mechanism mechanism, TieBreaking mode) => mechanism switch
    {
        Mechanism.DeferredAcceptance => DeferredAcceptance(instance, mode),
        Mechanism.ImmediateAcceptance => ImmediateAcceptance(instance, mode),
        _ => SerialDictatorship(instance),
    };

    /// <summary>Position of the program in the applicant's choices; unplaced (or not a choice) ranks last.</summary>
    public static int Preference(Instance instance, int applicant, int program)
    {
        int i = program < 0 ? -1 : Array.IndexOf(instance.Applicants[applicant].Choices, program);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>
    /// A blocking pair of the assignment, described, or null when it is stable: an applicant who prefers an
    /// eligible program that has a free seat (waste) or holds someone it ranks below them (justified envy).
    /// </summary>
    public static string? BlockingPair(Instance instance, TieBreaking mode, int[] assigned)
    {
        for (int a = 0; a < instance.ApplicantCount; a++)
        {
            int current = Preference(instance, a, assigned[a]);
            int[] choices = instance.Applicants[a].Choices;
            for (int k = 0; k < Math.Min(current, choices.Length); k++)
            {
                int p = choices[k];
                if (!instance.Eligible(a, p) || instance.Capacities[p] == 0)
                {
                    continue;
                }

                var holders = Enumerable.Range(0, instance.ApplicantCount).Where(b => assigned[b] == p).ToList();
                if (holders.Count < instance.Capacities[p])
                {
                    return $"{instance.Applicants[a].Id} prefers {instance.ProgramIds[p]}, which has a free seat";
                }

                foreach (int b in holders)
                {
                    if (CompareAt(instance, mode, p, a, b) < 0)
                    {
                        return $"{instance.Applicants[a].Id} prefers {instance.ProgramIds[p]} and ranks before {instance.Applicants[b].Id} there";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Every stable assignment, by brute force over all assignments (tiny instances only).</summary>
    public static List<int[]> AllStableAssignments(Instance instance, TieBreaking mode)
    {
        var stable = new List<int[]>();
        int n = instance.ApplicantCount;
        int[] current = new int[n];
        int[] used = new int[instance.ProgramCount];
        Visit(0);
        return stable;

        void Visit(int a)
        {
            if (a == n)
            {
                if (BlockingPair(instance, mode, current) is null)
                {
                    stable.Add((int[])current.Clone());
                }

                return;
            }

            current[a] = -1;
            Visit(a + 1);
            foreach (int p in instance.Applicants[a].Choices)
            {
                if (instance.Eligible(a, p) && used[p] < instance.Capacities[p])
                {
                    used[p]++;
                    current[a] = p;
                    Visit(a + 1);
                    used[p]--;
                }
            }
        }
    }

    public static int[] Programs(AllocationResult result) =>
        [.. Enumerable.Range(0, result.Problem.ApplicantCount).Select(result.GetProgram)];
}
