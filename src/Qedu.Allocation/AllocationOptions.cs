using System.Diagnostics.CodeAnalysis;

namespace Qedu.Allocation;

/// <summary>How seats are allocated.</summary>
public enum Mechanism
{
    /// <summary>Applicant-proposing deferred acceptance: the applicant-optimal stable assignment.</summary>
    DeferredAcceptance,

    /// <summary>Immediate acceptance (Boston, 志愿优先): in round k every unplaced applicant applies to their k-th
    /// listed choice (skipped when not eligible there); each program admits that round's applicants in rank order
    /// up to its remaining seats, and admissions are final.</summary>
    ImmediateAcceptance,

    /// <summary>Serial dictatorship (平行志愿): applicants in order of score, tie-break values, single lottery and id
    /// each take their first eligible choice with a free seat. Groups and points do not order applicants.</summary>
    SerialDictatorship,
}

/// <summary>Which lottery breaks ties that survive group, points, score and tie-break values.</summary>
public enum TieBreaking
{
    /// <summary>One lottery number per applicant, the same at every program: SHA-256 of <c>seed|applicant_id</c>.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "\"single\" is the mechanism-design term and the CLI value.")]
    Single,

    /// <summary>One lottery number per applicant and program: SHA-256 of <c>seed|program_id|applicant_id</c>.</summary>
    Multiple,
}

/// <summary>The parameters of one allocation run.</summary>
/// <param name="Mechanism">The mechanism.</param>
/// <param name="Seed">The published lottery seed; anyone re-running with it gets the same result.</param>
/// <param name="TieBreaking">Single (default) or multiple lotteries. Serial dictatorship always orders applicants by
/// the single lottery.</param>
public sealed record AllocationOptions(Mechanism Mechanism, string Seed, TieBreaking TieBreaking = TieBreaking.Single);
