namespace Qedu.Allocation;

/// <summary>What is wrong with a row given to <see cref="AllocationProblemBuilder"/>.</summary>
public enum AllocationInputError
{
    /// <summary>A program or applicant id is empty.</summary>
    EmptyId,
    /// <summary>Two programs share an id.</summary>
    DuplicateProgram,
    /// <summary>A program's capacity is below zero.</summary>
    NegativeCapacity,
    /// <summary>Two applicants share an id.</summary>
    DuplicateApplicant,
    /// <summary>A program id that no program has (in an applicant's choices or a priority row).</summary>
    UnknownProgram,
    /// <summary>An applicant id that no applicant has (in a priority row).</summary>
    UnknownApplicant,
    /// <summary>An applicant lists the same program twice.</summary>
    DuplicateChoice,
    /// <summary>Two priority rows for the same program and applicant.</summary>
    DuplicatePriority,
}

/// <summary>A row that cannot be part of an allocation problem. Thrown by <see cref="AllocationProblemBuilder"/>
/// when the row is added, so a caller reading a file still knows which line it came from.</summary>
public sealed class AllocationInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AllocationInputException(AllocationInputError error, string message) : this(error, message, -1)
    {
    }

    /// <summary>Creates the exception for one row of a batch.</summary>
    public AllocationInputException(AllocationInputError error, string message, int row) : base(message)
    {
        Error = error;
        Row = row;
    }

    /// <summary>What is wrong.</summary>
    public AllocationInputError Error { get; }

    /// <summary>For <see cref="AllocationProblemBuilder.AddPriorities"/>: the bad row's position in the batch;
    /// otherwise -1.</summary>
    public int Row { get; }
}
