using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>Round k: every unplaced applicant applies to their k-th choice; admissions are final.</summary>
public class ImmediateAcceptanceTests
{
    [Fact]
    public void A_first_choice_admission_is_final_even_against_a_better_ranked_second_choice_applicant()
    {
        // The classic case where Boston and deferred acceptance differ: A loses X to B in round 1, then applies to
        // Y in round 2, where C was admitted in round 1 although A ranks higher at Y.
        Case instance = new Case()
            .Program("X", 1).Program("Y", 1)
            .Applicant("A", "X|Y", 80m)
            .Applicant("B", "X", 90m)
            .Applicant("C", "Y", 70m);

        Outcome boston = instance.Run(Mechanism.ImmediateAcceptance);
        Assert.Equal("X", boston.Of("B"));
        Assert.Equal("Y", boston.Of("C"));
        Assert.Null(boston.Of("A"));

        Outcome deferred = instance.Run(Mechanism.DeferredAcceptance);
        Assert.Equal("Y", deferred.Of("A"));
        Assert.Null(deferred.Of("C"));
    }

    [Fact]
    public void A_round_admits_its_applicants_in_rank_order_up_to_the_seats_left()
    {
        // Round 1 fills one of X's three seats; in round 2 three applicants compete for the two left.
        Outcome outcome = new Case()
            .Program("X", 3).Program("Z", 0)
            .Applicant("R1", "X", 10m)
            .Applicant("L", "Z|X", 60m)
            .Applicant("M", "Z|X", 70m)
            .Applicant("N", "Z|X", 50m)
            .Run(Mechanism.ImmediateAcceptance);

        Assert.Equal("X", outcome.Of("R1"));
        Assert.Equal("X", outcome.Of("M"));
        Assert.Equal("X", outcome.Of("L"));
        Assert.Null(outcome.Of("N"));
    }

    [Fact]
    public void An_ineligible_choice_uses_up_its_round()
    {
        // A's first choice has no priority row, so A applies nowhere in round 1 and to Y only in round 2, after
        // B took Y's seat in round 1 — although A ranks first at Y.
        Outcome outcome = new Case()
            .Program("X", 1).Program("Y", 1)
            .Applicant("A", "X|Y").Priority("Y", "A", group: 0)
            .Applicant("B", "Y").Priority("Y", "B", group: 2)
            .Run(Mechanism.ImmediateAcceptance);

        Assert.Equal("Y", outcome.Of("B"));
        Assert.Null(outcome.Of("A"));
        Assert.Equal(ChoiceOutcome.Ineligible, outcome.Explain("A").Choices[0].Outcome);
        Assert.Equal(ChoiceOutcome.FilledInEarlierRound, outcome.Explain("A").Choices[1].Outcome);
    }

    [Fact]
    public void Applying_to_a_program_filled_in_an_earlier_round_is_explained_as_such()
    {
        Outcome outcome = new Case()
            .Program("X", 1).Program("Y", 1).Program("W", 1)
            .Applicant("A", "Y|X|W", 99m)
            .Applicant("B", "X", 1m)
            .Applicant("C", "Y", 100m)
            .Run(Mechanism.ImmediateAcceptance);

        Explanation a = outcome.Explain("A");
        Assert.Equal("W", a.ProgramId);
        Assert.Equal(2, a.ChoiceIndex);
        Assert.Equal([ChoiceOutcome.Outranked, ChoiceOutcome.FilledInEarlierRound, ChoiceOutcome.Admitted], a.Choices.Select(c => c.Outcome));
        Assert.Equal([0, 1, 2], a.Choices.Select(c => c.Round));
        Assert.Equal("C", a.Choices[0].LastAdmitted?.ApplicantId);
        Assert.Equal("B", a.Choices[1].LastAdmitted?.ApplicantId); // admitted with 1 point: rank did not matter, timing did
    }
}
