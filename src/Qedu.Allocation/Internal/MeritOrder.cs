using System.Numerics;
using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>
/// Orders applicants by merit: score descending, then tie-break values descending with a missing value last.
/// Used by every mechanism before lotteries and priorities come in.
/// </summary>
/// <remarks>
/// Sorting 150,000 applicants with decimal comparisons costs tens of milliseconds, more on a cold start. Real scores
/// and subject marks have few decimals and a small range, so each column is scaled to integers and the columns
/// plus the applicant index are packed into one ulong per applicant: one primitive sort then does the work. When a
/// column does not fit, the packed prefix is still used and runs that tie on it are finished with the decimal
/// comparison; when the score itself does not fit, everything falls back to decimal comparison.
/// </remarks>
internal static class MeritOrder
{
    private static readonly ulong[] Pow10 = CreatePow10();

    /// <summary>Applicants in merit order; <paramref name="tiesPrevious"/>[k] is true when the applicant at
    /// position k has the same score and tie-break values as the one at k - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Sort(AllocationProblem problem, out bool[] tiesPrevious)
    {
        int n = problem.ApplicantCount;
        int[] order = new int[n];
        tiesPrevious = new bool[n];
        if (n == 0)
        {
            return order;
        }

        int indexBits = BitLength((ulong)(n - 1));
        int budget = 64 - indexBits;
        Span<int> bits = stackalloc int[4];

        // Score: scale every value to an integer at the largest scale present.
        decimal[] scores = problem.Scores;
        int scoreScale = 0;
        foreach (decimal d in scores)
        {
            scoreScale = Math.Max(scoreScale, d.Scale);
        }

        ulong[] keys = new ulong[n];
        long min = long.MaxValue, max = long.MinValue;
        for (int a = 0; a < n; a++)
        {
            if (!TryScale(scores[a], scoreScale, bits, out long v))
            {
                SortByComparison(problem, order, tiesPrevious);
                return order;
            }

            keys[a] = (ulong)v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        int scoreBits = BitLength((ulong)(max - min));
        if (scoreBits > budget)
        {
            SortByComparison(problem, order, tiesPrevious);
            return order;
        }

        budget -= scoreBits;
        for (int a = 0; a < n; a++)
        {
            keys[a] = (ulong)max - keys[a]; // larger score, smaller key (two's complement keeps the difference exact)
        }

        // Tie-break columns, scaled the same way, in the flattened value array.
        int[] start = problem.TiebreakStart;
        decimal?[] values = problem.TiebreakValues;
        int columns = 0;
        for (int a = 0; a < n; a++)
        {
            columns = Math.Max(columns, start[a + 1] - start[a]);
        }

        int[] scale = new int[columns];
        for (int a = 0; a < n; a++)
        {
            for (int i = start[a]; i < start[a + 1]; i++)
            {
                if (values[i] is decimal d)
                {
                    scale[i - start[a]] = Math.Max(scale[i - start[a]], d.Scale);
                }
            }
        }

        long[] scaled = new long[values.Length];
        long[] columnMin = new long[columns];
        long[] columnMax = new long[columns];
        bool[] fits = new bool[columns];
        Array.Fill(columnMin, long.MaxValue);
        Array.Fill(columnMax, long.MinValue);
        Array.Fill(fits, true);
        for (int a = 0; a < n; a++)
        {
            for (int i = start[a]; i < start[a + 1]; i++)
            {
                int j = i - start[a];
                if (values[i] is decimal d && fits[j])
                {
                    fits[j] = TryScale(d, scale[j], bits, out scaled[i]);
                    columnMin[j] = Math.Min(columnMin[j], scaled[i]);
                    columnMax[j] = Math.Max(columnMax[j], scaled[i]);
                }
            }
        }

        // Pack a prefix of the columns; a missing value gets the key just past the smallest value.
        int packed = 0;
        int[] columnBits = new int[columns];
        ulong[] missing = new ulong[columns];
        for (; packed < columns && fits[packed]; packed++)
        {
            long lo = columnMin[packed] <= columnMax[packed] ? columnMin[packed] : 0;
            long hi = columnMin[packed] <= columnMax[packed] ? columnMax[packed] : 0;
            missing[packed] = (ulong)(hi - lo) + 1;
            columnBits[packed] = BitLength(missing[packed]);
            if (columnBits[packed] > budget)
            {
                break;
            }

            budget -= columnBits[packed];
        }

        for (int a = 0; a < n; a++)
        {
            ulong key = keys[a];
            for (int j = 0; j < packed; j++)
            {
                int i = start[a] + j;
                bool present = i < start[a + 1] && values[i].HasValue;
                key = (key << columnBits[j]) | (present ? (ulong)(columnMax[j] - scaled[i]) : missing[j]);
            }

            keys[a] = (key << indexBits) | (uint)a;
        }

        Array.Sort(keys);
        ulong indexMask = (1UL << indexBits) - 1; // indexBits < 64 because n fits in an int
        for (int k = 0; k < n; k++)
        {
            order[k] = (int)(keys[k] & indexMask);
            tiesPrevious[k] = k > 0 && (keys[k] >> indexBits) == (keys[k - 1] >> indexBits);
        }

        if (packed < columns)
        {
            // Runs that tie on the packed prefix may still differ in the remaining tie-break values.
            for (int first = 0; first < n;)
            {
                int end = first + 1;
                while (end < n && tiesPrevious[end])
                {
                    end++;
                }

                if (end - first > 1)
                {
                    order.AsSpan(first, end - first).Sort((a, b) => Ranking.CompareTiebreak(problem, a, b));
                    for (int k = first + 1; k < end; k++)
                    {
                        tiesPrevious[k] = Ranking.CompareTiebreak(problem, order[k - 1], order[k]) == 0;
                    }
                }

                first = end;
            }
        }

        return order;
    }

    private static void SortByComparison(AllocationProblem problem, int[] order, bool[] tiesPrevious)
    {
        decimal[] scores = problem.Scores;
        for (int a = 0; a < order.Length; a++)
        {
            order[a] = a;
        }

        Comparison<int> merit = (a, b) =>
        {
            int c = scores[b].CompareTo(scores[a]);
            return c != 0 ? c : Ranking.CompareTiebreak(problem, a, b);
        };
        Array.Sort(order, merit);
        for (int k = 1; k < order.Length; k++)
        {
            tiesPrevious[k] = merit(order[k - 1], order[k]) == 0;
        }
    }

    /// <summary>The value times 10^scale as an integer, when it is exact and below 2^62 in magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryScale(decimal d, int scale, Span<int> bits, out long value)
    {
        value = 0;
        decimal.GetBits(d, bits);
        int shift = scale - d.Scale;
        if (bits[2] != 0 || shift >= Pow10.Length)
        {
            return false;
        }

        ulong mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        ulong high = Math.BigMul(mantissa, Pow10[shift], out ulong product);
        if (high != 0 || product >= 1UL << 62)
        {
            return false;
        }

        value = bits[3] < 0 ? -(long)product : (long)product;
        return true;
    }

    private static int BitLength(ulong x) => 64 - BitOperations.LeadingZeroCount(x);

    private static ulong[] CreatePow10()
    {
        var pow = new ulong[19];
        pow[0] = 1;
        for (int i = 1; i < pow.Length; i++)
        {
            pow[i] = pow[i - 1] * 10;
        }

        return pow;
    }
}
