namespace Qedu.Allocation;

/// <summary>
/// Priority rows gathered to be added to an <see cref="AllocationProblemBuilder"/> together
/// (<see cref="AllocationProblemBuilder.AddPriorities"/>). Reusable: <see cref="Clear"/> it after each call.
/// </summary>
/// <remarks>
/// A row's cost is its memory look-ups (the applicant's id, then their choices), which wait on main memory in a
/// city-sized problem. One row at a time, each wait follows the last; a batch issues the look-ups of all its rows
/// before using any, so the waits overlap.
/// </remarks>
public sealed class PriorityBatch
{
    internal char[] Chars = new char[1024];
    internal readonly int[] IdStart;   // IdStart[i] .. IdStart[i + 1] are the characters of row i's applicant id
    internal readonly int[] Programs;
    internal readonly int[] Groups;
    internal readonly decimal[] Points;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="capacity">Rows per batch; a few dozen keep enough look-ups in flight.</param>
    public PriorityBatch(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        IdStart = new int[capacity + 1];
        Programs = new int[capacity];
        Groups = new int[capacity];
        Points = new decimal[capacity];
    }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>True when no more rows fit.</summary>
    public bool IsFull => Count == Programs.Length;

    /// <summary>Adds a row: the applicant (by id) is eligible at the program (by index) with this group and points.</summary>
    public void Add(int program, ReadOnlySpan<char> applicantId, int group, decimal points)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("the batch is full");
        }

        int start = IdStart[Count];
        if (start + applicantId.Length > Chars.Length)
        {
            Array.Resize(ref Chars, Math.Max(Chars.Length * 2, start + applicantId.Length));
        }

        applicantId.CopyTo(Chars.AsSpan(start));
        Programs[Count] = program;
        Groups[Count] = group;
        Points[Count] = points;
        IdStart[++Count] = start + applicantId.Length;
    }

    /// <summary>Empties the batch.</summary>
    public void Clear() => Count = 0;

    internal ReadOnlySpan<char> ApplicantId(int row) => Chars.AsSpan(IdStart[row], IdStart[row + 1] - IdStart[row]);
}
