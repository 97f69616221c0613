using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>An applicant's key at one program, copied into the program's seat array so comparisons in the hot
/// loop read contiguous memory instead of chasing per-slot arrays.</summary>
internal struct RankEntry
{
    public ulong K1;
    public ulong K2;
    public int Applicant;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RankEntry(Ranking ranking, int slot, int applicant)
    {
        K1 = ranking.K1(slot, applicant);
        K2 = ranking.K2(slot, applicant);
        Applicant = applicant;
    }

    /// <summary>True when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(in RankEntry x, in RankEntry y, Ranking ranking) =>
        x.K1 != y.K1 ? x.K1 < y.K1
        : x.K2 != y.K2 ? x.K2 < y.K2
        : ranking.CompareIds(x.Applicant, y.Applicant) < 0;
}

/// <summary>Orders entries best first.</summary>
internal readonly struct RankEntryComparer(Ranking ranking) : IComparer<RankEntry>
{
    public int Compare(RankEntry x, RankEntry y) =>
        x.K1 != y.K1 ? (x.K1 < y.K1 ? -1 : 1)
        : x.K2 != y.K2 ? (x.K2 < y.K2 ? -1 : 1)
        : ranking.CompareIds(x.Applicant, y.Applicant);
}
