using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Qedu.Allocation.Internal;

namespace Qedu.Allocation;

/// <summary>
/// Builds an <see cref="AllocationProblem"/> row by row: first every program, then every applicant, then (when
/// priorities are used) every priority row. Each row is checked when it is added and a bad one throws
/// <see cref="AllocationInputException"/>, so a file reader can name the line it came from.
/// </summary>
/// <remarks>Ids are interned to indices as they arrive; the span overloads let a reader look ids up without
/// allocating a string per field.</remarks>
public sealed class AllocationProblemBuilder
{
    private readonly bool _usesPriorities;

    private readonly List<string> _programIds = [];
    private readonly List<string> _schoolIds = [];
    private readonly List<int> _capacities = [];
    private readonly IdIndex _programIndex = new();

    private readonly List<string> _applicantIds = [];
    private readonly IdIndex _applicantIndex = new();
    private readonly List<decimal> _scores = [];
    private readonly List<int> _choiceStart = [0];
    private readonly List<int> _slotProgram = [];
    private readonly List<int> _tiebreakStart = [0];
    private readonly List<decimal?> _tiebreakValues = [];
    private int[]? _programStamp; // last AddApplicant call that chose each program: finds duplicate choices in O(1)
    private int _stamp;

    // Once priority rows start, a million of them look up an applicant's slots in random order, and each cache
    // miss costs more than the rest of the row. So the choices are frozen into plain arrays, and each slot's
    // program and class (interned (group, points) id, -1 = no row yet) sit side by side: one miss finds the slot
    // and records its class. Build splits them again.
    private int[]? _choiceStartArray;
    private int[]? _slotPairs;
    private readonly Dictionary<(int Group, decimal Points), int> _classIndex = [];
    private readonly List<int> _classGroup = [];
    private readonly List<decimal> _classPoints = [];
    private readonly HashSet<long> _otherPriorityPairs = []; // rows for programs the applicant did not choose
    private readonly ClassCacheEntry[] _classCache = new ClassCacheEntry[64];
    private int _expectedApplicants;
    private int _touched; // where AddPriorities leaves its prefetching loads, so the JIT keeps them

    private Phase _phase = Phase.Programs;

    private enum Phase { Programs, Applicants, Priorities, Built }

    /// <summary>Starts an empty problem.</summary>
    /// <param name="usesPriorities">True when priority rows decide eligibility and rank (an applicant can only be
    /// placed at a program for which a row exists, even when no row is added at all); false when everyone is
    /// eligible everywhere with group 0 and points 0.</param>
    public AllocationProblemBuilder(bool usesPriorities)
    {
        _usesPriorities = usesPriorities;
    }

    /// <summary>
    /// Reserves room for the applicants and choices still to come, so a large file is read without growing (and
    /// copying) the arrays repeatedly. Optional: estimates are fine in either direction.
    /// </summary>
    public void EnsureCapacity(int applicants, int choices)
    {
        _expectedApplicants = applicants;
        _applicantIds.EnsureCapacity(applicants);
        _scores.EnsureCapacity(applicants);
        _choiceStart.EnsureCapacity(applicants + 1);
        _tiebreakStart.EnsureCapacity(applicants + 1);
        _applicantIndex.EnsureCapacity(applicants);
        _slotProgram.EnsureCapacity(choices);
    }

    /// <summary>Number of programs added so far.</summary>
    public int ProgramCount => _programIds.Count;

    /// <summary>Number of applicants added so far.</summary>
    public int ApplicantCount => _applicantIds.Count;

    /// <summary>Adds a program (a pool of seats) and returns its index.</summary>
    public int AddProgram(string programId, string schoolId, int capacity)
    {
        Enter(Phase.Programs);
        if (programId.Length == 0)
        {
            throw new AllocationInputException(AllocationInputError.EmptyId, "program id is empty");
        }

        if (capacity < 0)
        {
            throw new AllocationInputException(AllocationInputError.NegativeCapacity,
                $"capacity {capacity} of program '{programId}' is negative");
        }

        if (!_programIndex.TryAdd(programId))
        {
            throw new AllocationInputException(AllocationInputError.DuplicateProgram, $"duplicate program id '{programId}'");
        }

        _programIds.Add(programId);
        _schoolIds.Add(schoolId);
        _capacities.Add(capacity);
        return _programIds.Count - 1;
    }

    /// <summary>The index of the program with this id, or -1.</summary>
    public int FindProgram(ReadOnlySpan<char> programId) => _programIndex.Find(programId);

    /// <summary>The id of a program added earlier.</summary>
    public string GetProgramId(int program) => _programIds[program];

    /// <summary>The index of the applicant with this id, or -1.</summary>
    public int FindApplicant(ReadOnlySpan<char> applicantId) => _applicantIndex.Find(applicantId);

    /// <summary>Adds an applicant and returns its index.</summary>
    /// <remarks>Compiled fully optimised at once: it runs once per row, and a large file is read only once, so
    /// the runtime's usual start in unoptimised code would be most of its life.</remarks>
    /// <param name="applicantId">Unique, non-empty id; ties that survive every other rule go to the ordinally
    /// smaller id.</param>
    /// <param name="choices">Program indices in preference order (from <see cref="AddProgram"/> or
    /// <see cref="FindProgram"/>); no program twice.</param>
    /// <param name="score">Higher ranks first.</param>
    /// <param name="tiebreak">Values compared in order, higher first; null (or a shorter list) is a missing value,
    /// which ranks below any present one.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int AddApplicant(string applicantId, ReadOnlySpan<int> choices, decimal score, ReadOnlySpan<decimal?> tiebreak)
    {
        Enter(Phase.Applicants);
        if (applicantId.Length == 0)
        {
            throw new AllocationInputException(AllocationInputError.EmptyId, "applicant id is empty");
        }

        int index = _applicantIds.Count;
        int[] stamp = _programStamp ??= new int[_programIds.Count];
        int call = ++_stamp; // per call, not per index: a rejected row must not leave marks for the next one
        for (int i = 0; i < choices.Length; i++)
        {
            int p = choices[i];
            if ((uint)p >= (uint)stamp.Length)
            {
                throw new AllocationInputException(AllocationInputError.UnknownProgram,
                    $"applicant '{applicantId}' chooses unknown program index {p}");
            }

            if (stamp[p] == call)
            {
                throw new AllocationInputException(AllocationInputError.DuplicateChoice,
                    $"applicant '{applicantId}' chooses program '{_programIds[p]}' twice");
            }

            stamp[p] = call;
        }

        // The applicant's choice slots travel with the id, so a priority row found by id needs no second lookup.
        int firstSlot = _slotProgram.Count;
        if (!_applicantIndex.TryAdd(applicantId, firstSlot, firstSlot + choices.Length))
        {
            throw new AllocationInputException(AllocationInputError.DuplicateApplicant,
                $"duplicate applicant id '{applicantId}'");
        }

        _applicantIds.Add(applicantId);
        _scores.Add(score);
        _slotProgram.AddRange(choices);
        _choiceStart.Add(_slotProgram.Count);
        int kept = tiebreak.Length;
        while (kept > 0 && tiebreak[kept - 1] is null)
        {
            kept--; // trailing missing values are the same as a shorter list
        }

        if (index == 0 && kept > 0)
        {
            // Tie-break lists usually have the same length: size the flat list by the first one.
            _tiebreakValues.EnsureCapacity(_expectedApplicants * kept);
        }

        _tiebreakValues.AddRange(tiebreak[..kept]);
        _tiebreakStart.Add(_tiebreakValues.Count);
        return index;
    }

    /// <summary>Adds an applicant whose choices are given by program id; convenient for tests and small callers.</summary>
    public int AddApplicant(string applicantId, IEnumerable<string> choices, decimal score = 0m, params decimal?[] tiebreak)
    {
        var indices = new List<int>();
        foreach (string programId in choices)
        {
            int p = FindProgram(programId);
            if (p < 0)
            {
                throw new AllocationInputException(AllocationInputError.UnknownProgram,
                    $"applicant '{applicantId}' chooses unknown program '{programId}'");
            }

            indices.Add(p);
        }

        return AddApplicant(applicantId, CollectionsMarshal.AsSpan(indices), score, tiebreak);
    }

    /// <summary>
    /// Adds a priority row: the applicant is eligible at the program, ranked by group (lower first), then points
    /// (higher first). Rows for programs the applicant did not choose are accepted and have no effect.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddPriority(int program, int applicant, int group, decimal points)
    {
        Enter(Phase.Priorities);
        if (!_usesPriorities)
        {
            throw new InvalidOperationException("this problem was started without priorities");
        }

        if ((uint)program >= (uint)_programIds.Count)
        {
            throw new AllocationInputException(AllocationInputError.UnknownProgram, $"unknown program index {program}");
        }

        if ((uint)applicant >= (uint)_applicantIds.Count)
        {
            throw new AllocationInputException(AllocationInputError.UnknownApplicant, $"unknown applicant index {applicant}");
        }

        int[] choiceStart = _choiceStartArray ??= [.. _choiceStart];
        AddPriorityAt(program, applicant, choiceStart[applicant], choiceStart[applicant + 1], group, points);
    }

    /// <summary>
    /// Adds a priority row for the applicant with this id, or returns false (adding nothing) when there is none.
    /// The fast path for a reader: the id lookup also yields the applicant's choices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAddPriority(int program, ReadOnlySpan<char> applicantId, int group, decimal points)
    {
        Enter(Phase.Priorities);
        if (!_usesPriorities)
        {
            throw new InvalidOperationException("this problem was started without priorities");
        }

        if ((uint)program >= (uint)_programIds.Count)
        {
            throw new AllocationInputException(AllocationInputError.UnknownProgram, $"unknown program index {program}");
        }

        int applicant = _applicantIndex.Find(applicantId, out int firstSlot, out int endSlot);
        if (applicant < 0)
        {
            return false;
        }

        AddPriorityAt(program, applicant, firstSlot, endSlot, group, points);
        return true;
    }

    /// <summary>
    /// Adds a batch of priority rows, in order; the fast path for a reader of a large file. When a row is bad, the
    /// rows before it stay added, and the exception's <see cref="AllocationInputException.Row"/> says which row of
    /// the batch it was (an unknown or empty applicant id, a duplicate, an unknown program).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddPriorities(PriorityBatch batch)
    {
        Enter(Phase.Priorities);
        if (!_usesPriorities)
        {
            throw new InvalidOperationException("this problem was started without priorities");
        }

        int n = batch.Count;
        Span<int> applicant = stackalloc int[n];
        Span<int> firstSlot = stackalloc int[n];
        Span<int> endSlot = stackalloc int[n];
        int touched = _applicantIndex.FindMany(batch, applicant, firstSlot, endSlot);

        // Touch each applicant's first slot pair before using any, so those misses overlap as well.
        int[] pairs = _slotPairs ??= InterleaveSlots();
        for (int i = 0; i < n; i++)
        {
            if (firstSlot[i] < endSlot[i])
            {
                touched += pairs[2 * firstSlot[i]];
            }
        }

        _touched = touched;
        for (int i = 0; i < n; i++)
        {
            int program = batch.Programs[i];
            if ((uint)program >= (uint)_programIds.Count)
            {
                throw new AllocationInputException(AllocationInputError.UnknownProgram, $"unknown program index {program}", i);
            }

            if (applicant[i] < 0)
            {
                ReadOnlySpan<char> id = batch.ApplicantId(i);
                throw id.IsEmpty
                    ? new AllocationInputException(AllocationInputError.EmptyId, "applicant id is empty", i)
                    : new AllocationInputException(AllocationInputError.UnknownApplicant, $"unknown applicant '{id}'", i);
            }

            if (!TryAddPriorityAt(program, applicant[i], firstSlot[i], endSlot[i], batch.Groups[i], batch.Points[i]))
            {
                throw DuplicatePriority(program, applicant[i], i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddPriorityAt(int program, int applicant, int firstSlot, int endSlot, int group, decimal points)
    {
        if (!TryAddPriorityAt(program, applicant, firstSlot, endSlot, group, points))
        {
            throw DuplicatePriority(program, applicant, -1);
        }
    }

    private AllocationInputException DuplicatePriority(int program, int applicant, int row) =>
        new(AllocationInputError.DuplicatePriority,
            $"duplicate priority for program '{_programIds[program]}' and applicant '{_applicantIds[applicant]}'", row);

    /// <summary>Records the row; false when the program and applicant already have one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAddPriorityAt(int program, int applicant, int firstSlot, int endSlot, int group, decimal points)
    {
        int[] pairs = _slotPairs ??= InterleaveSlots();
        int pair = -1;
        for (int i = 2 * firstSlot, end = 2 * endSlot; i < end; i += 2)
        {
            if (pairs[i] == program)
            {
                pair = i;
                break;
            }
        }

        if (pair >= 0 ? pairs[pair + 1] >= 0 : !_otherPriorityPairs.Add(((long)program << 32) | (uint)applicant))
        {
            return false;
        }

        if (pair >= 0)
        {
            pairs[pair + 1] = InternClass(group, points);
        }

        return true;
    }

    /// <summary>Adds a priority row by ids.</summary>
    public void AddPriority(string programId, string applicantId, int group, decimal points = 0m)
    {
        int program = FindProgram(programId);
        if (program < 0)
        {
            throw new AllocationInputException(AllocationInputError.UnknownProgram, $"unknown program '{programId}'");
        }

        int applicant = FindApplicant(applicantId);
        if (applicant < 0)
        {
            throw new AllocationInputException(AllocationInputError.UnknownApplicant, $"unknown applicant '{applicantId}'");
        }

        AddPriority(program, applicant, group, points);
    }

    /// <summary>Finishes the problem. The builder cannot be used afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AllocationProblem Build()
    {
        Enter(Phase.Built);
        int slots = _slotProgram.Count;
        int[] slotProgram = [.. _slotProgram];
        int[] slotClass;
        int[] classGroup;
        decimal[] classPoints;
        if (!_usesPriorities)
        {
            slotClass = new int[slots]; // everyone eligible, one class: group 0, points 0
            classGroup = [0];
            classPoints = [0m];
        }
        else
        {
            // Replace interned class ids by their rank (group ascending, points descending), so a smaller class is
            // always a better priority and the mechanisms compare plain integers.
            int classes = _classGroup.Count;
            int[] byRank = new int[classes];
            for (int i = 0; i < classes; i++)
            {
                byRank[i] = i;
            }

            Array.Sort(byRank, (x, y) =>
            {
                int c = _classGroup[x].CompareTo(_classGroup[y]);
                return c != 0 ? c : _classPoints[y].CompareTo(_classPoints[x]);
            });
            int[] rankOf = new int[classes];
            classGroup = new int[classes];
            classPoints = new decimal[classes];
            for (int r = 0; r < classes; r++)
            {
                rankOf[byRank[r]] = r;
                classGroup[r] = _classGroup[byRank[r]];
                classPoints[r] = _classPoints[byRank[r]];
            }

            slotClass = new int[slots];
            int[] pairs = _slotPairs ?? InterleaveSlots();
            for (int s = 0; s < slots; s++)
            {
                int cls = pairs[2 * s + 1];
                slotClass[s] = cls < 0 ? -1 : rankOf[cls];
            }
        }

        return new AllocationProblem(
            [.. _programIds], [.. _schoolIds], [.. _capacities], _programIndex,
            [.. _applicantIds], _applicantIndex, [.. _scores],
            _choiceStartArray ?? [.. _choiceStart], slotProgram, slotClass,
            [.. _tiebreakStart], [.. _tiebreakValues],
            classGroup, classPoints, _usesPriorities);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int InternClass(int group, decimal points)
    {
        // A million rows share a few hundred (group, points) pairs: a small direct-mapped cache in front of the
        // dictionary answers almost all of them. A hit compares by value, so it is always right; a miss (or the same
        // value written with another scale) just goes on to the dictionary.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(points, bits);
        ref ClassCacheEntry cached = ref _classCache[(int)((uint)(group * 0x9E3779B1 ^ bits[0] * 0x85EBCA6B ^ bits[3]) >> 26)];
        if (cached.Id > 0 && cached.Group == group && cached.Points == points)
        {
            return cached.Id - 1;
        }

        if (!_classIndex.TryGetValue((group, points), out int id))
        {
            id = _classGroup.Count;
            _classIndex.Add((group, points), id);
            _classGroup.Add(group);
            _classPoints.Add(points);
        }

        cached = new ClassCacheEntry { Group = group, Points = points, Id = id + 1 };
        return id;
    }

    private struct ClassCacheEntry
    {
        public int Group;
        public decimal Points;
        public int Id; // class id + 1; 0 = empty
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] InterleaveSlots()
    {
        var programs = CollectionsMarshal.AsSpan(_slotProgram);
        int[] pairs = new int[2 * programs.Length];
        for (int s = 0; s < programs.Length; s++)
        {
            pairs[2 * s] = programs[s];
            pairs[2 * s + 1] = -1;
        }

        return pairs;
    }

    private void Enter(Phase phase)
    {
        if (phase < _phase || _phase == Phase.Built)
        {
            throw new InvalidOperationException(_phase == Phase.Built
                ? "the problem has already been built"
                : "add programs, then applicants, then priorities");
        }

        _phase = phase;
    }
}
