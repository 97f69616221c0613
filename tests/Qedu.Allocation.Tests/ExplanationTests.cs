using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>For any applicant, which higher choices were closed and the rank of the last admitted at each.</summary>
public class ExplanationTests
{
    private static Outcome Sample(Mechanism mechanism) => new Case()
        .Program("X", 2).Program("Y", 1).Program("Z", 0).Program("W", 3)
        .Applicant("A", "X|Z|Y|W", 70m, 88m)
        .Priority("X", "A", 1).Priority("Z", "A", 0).Priority("W", "A", 0)  // no row at Y
        .Applicant("B", "X", 90m).Priority("X", "B", 1, 12.5m)
        .Applicant("C", "X", 75m, 90m, 80m).Priority("X", "C", 1)
        .Applicant("D", "X", 99m).Priority("X", "D", 2)
        .Run(mechanism, "explain");

    [Theory]
    [InlineData(Mechanism.DeferredAcceptance)]
    [InlineData(Mechanism.SerialDictatorship)]
    public void Each_higher_choice_says_why_it_did_not_admit_and_who_was_admitted_last(Mechanism mechanism)
    {
        Outcome outcome = Sample(mechanism);
        Explanation a = outcome.Explain("A");

        Assert.Equal("A", a.ApplicantId);
        Assert.Equal("W", a.ProgramId);
        Assert.Equal(3, a.ChoiceIndex);
        Assert.Equal(
            [ChoiceOutcome.Outranked, ChoiceOutcome.NoSeats, ChoiceOutcome.Ineligible, ChoiceOutcome.Admitted],
            a.Choices.Select(c => c.Outcome));
        Assert.Equal(["X", "Z", "Y", "W"], a.Choices.Select(c => c.ProgramId));
        Assert.All(a.Choices, c => Assert.Null(c.Round));
        Assert.Null(a.Choices[2].Own); // not eligible: no rank there

        // X's two seats: under the program ranking B (group 1, 12.5 points) and C (group 1, 0 points, 75) beat A
        // (group 1, 0 points, 70) and D (group 2); in the serial order D (99) and B (90) go first.
        RankKey cutoff = a.Choices[0].LastAdmitted!;
        RankKey own = a.Choices[0].Own!;
        Assert.Equal(70m, own.Score);
        Assert.Equal([88m], own.Tiebreak);
        Assert.Equal(Oracle.LotteryOf("explain|A"), own.Lottery);
        if (mechanism == Mechanism.DeferredAcceptance)
        {
            Assert.Equal("C", cutoff.ApplicantId);
            Assert.Equal((1, 0m, 75m), (cutoff.Group, cutoff.Points, cutoff.Score));
            Assert.Equal([90m, 80m], cutoff.Tiebreak);
            Assert.Equal((1, 0m), (own.Group, own.Points));
        }
        else
        {
            Assert.Equal("B", cutoff.ApplicantId);
            Assert.Equal(90m, cutoff.Score);
            Assert.Equal((0, 0m), (own.Group, own.Points)); // the serial order ignores priorities
        }
    }

    [Fact]
    public void An_unplaced_applicant_gets_every_choice_explained()
    {
        Outcome outcome = Sample(Mechanism.DeferredAcceptance);
        Explanation d = outcome.Explain("D");

        Assert.Null(d.ProgramId);
        Assert.Null(d.ChoiceIndex);
        ChoiceExplanation x = Assert.Single(d.Choices);
        Assert.Equal(ChoiceOutcome.Outranked, x.Outcome);
        Assert.Equal((2, 99m), (x.Own!.Group, x.Own.Score));
        Assert.Equal("C", x.LastAdmitted!.ApplicantId);
    }

    [Fact]
    public void The_last_admitted_of_a_program_is_its_lowest_ranked_admitted_applicant()
    {
        AllocationResult result = Sample(Mechanism.DeferredAcceptance).Result;
        int x = result.Problem.FindProgram("X");
        Assert.Equal("C", result.Problem.GetApplicantId(result.GetLastAdmitted(x)));
        Assert.Equal(-1, result.GetLastAdmitted(result.Problem.FindProgram("Z")));
        Assert.Equal(-1, result.GetLastAdmitted(result.Problem.FindProgram("Y")));
    }

    [Fact]
    public void A_first_choice_admission_is_explained_by_that_choice_alone()
    {
        Explanation b = Sample(Mechanism.DeferredAcceptance).Explain("B");
        ChoiceExplanation only = Assert.Single(b.Choices);
        Assert.Equal(ChoiceOutcome.Admitted, only.Outcome);
        Assert.Equal(0, b.ChoiceIndex);
    }
}
