using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>
/// One seat, two or three applicants who tie on every rule before the one under test: each rule of "group
/// ascending, points descending, score descending, tie-break values descending in order (missing below present),
/// lottery ascending, applicant id ascending (ordinal)" decides on its own, and only after the rules before it.
/// </summary>
public class RankingTests
{
    public static TheoryData<Mechanism> ProgramRankingMechanisms => [Mechanism.DeferredAcceptance, Mechanism.ImmediateAcceptance];

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void Group_ascending_comes_first(Mechanism mechanism)
    {
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", score: 100m, 100m).Priority("X", "A", group: 1, points: 99m)
            .Applicant("B", "X", score: 0m).Priority("X", "B", group: 0)
            .Run(mechanism);

        Assert.Equal("X", outcome.Of("B"));
        Assert.Null(outcome.Of("A"));
    }

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void Points_descending_within_a_group(Mechanism mechanism)
    {
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", score: 100m).Priority("X", "A", group: 3, points: 70.5m)
            .Applicant("B", "X", score: 0m).Priority("X", "B", group: 3, points: 70.6m)
            .Applicant("C", "X", score: 100m).Priority("X", "C", group: 4, points: 99m)
            .Run(mechanism);

        Assert.Equal("X", outcome.Of("B"));
    }

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void Score_descending_after_group_and_points(Mechanism mechanism)
    {
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", 80m, 150m).Priority("X", "A", 2, 5m)
            .Applicant("B", "X", 80.5m, 0m).Priority("X", "B", 2, 5m)
            .Run(mechanism);

        Assert.Equal("X", outcome.Of("B"));
    }

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void Tie_break_values_are_compared_in_order_higher_first(Mechanism mechanism)
    {
        // Equal score; the first value decides before the second is looked at.
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", 600m, 120m, 10m)
            .Applicant("B", "X", 600m, 119m, 150m)
            .Run(mechanism);
        Assert.Equal("X", outcome.Of("A"));

        outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", 600m, 120m, 10m)
            .Applicant("B", "X", 600m, 120m, 10.5m)
            .Run(mechanism);
        Assert.Equal("X", outcome.Of("B"));
    }

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void A_missing_tie_break_value_ranks_below_any_present_one(Mechanism mechanism)
    {
        // A shorter list is missing its last value: [120] ranks below [120, -5].
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", 600m, 120m)
            .Applicant("B", "X", 600m, 120m, -5m)
            .Run(mechanism);
        Assert.Equal("X", outcome.Of("B"));

        // A missing first value loses even to a zero, whatever follows.
        outcome = new Case()
            .Program("X", 1)
            .Applicant("A", "X", 600m, null, 150m)
            .Applicant("B", "X", 600m, 0m, 0m)
            .Run(mechanism);
        Assert.Equal("X", outcome.Of("B"));
    }

    [Theory]
    [MemberData(nameof(ProgramRankingMechanisms))]
    public void A_lower_lottery_number_wins_a_full_tie(Mechanism mechanism)
    {
        // A trailing missing value is the same as no value: these two tie on everything before the lottery.
        foreach (string seed in new[] { "2026", "2027", "qingdao", "种子" })
        {
            Outcome outcome = new Case()
                .Program("X", 1)
                .Applicant("A7", "X", 500m, 90m, null)
                .Applicant("B3", "X", 500m, 90m)
                .Run(mechanism, seed);

            string expected = Oracle.LotteryOf($"{seed}|A7") < Oracle.LotteryOf($"{seed}|B3") ? "A7" : "B3";
            Assert.Equal("X", outcome.Of(expected));
        }
    }

    [Fact]
    public void The_lottery_decides_each_way_for_some_seed()
    {
        // Guards the test above against a lottery that always favours the same applicant.
        var winners = new HashSet<string>();
        for (int i = 0; i < 20; i++)
        {
            Outcome outcome = new Case().Program("X", 1).Applicant("A7", "X").Applicant("B3", "X")
                .Run(Mechanism.DeferredAcceptance, $"seed-{i}");
            winners.Add(outcome.Of("A7") is null ? "B3" : "A7");
        }

        Assert.Equal(2, winners.Count);
    }

    [Fact]
    public void Multiple_tie_breaking_draws_a_lottery_per_program()
    {
        // Two programs, one seat each, two applicants who tie everywhere and both prefer X. With one lottery per
        // program the winner at X is decided by seed|X|id; the other applicant takes Y.
        foreach (string seed in new[] { "1", "2", "3", "4", "5", "6" })
        {
            Outcome outcome = new Case()
                .Program("X", 1).Program("Y", 1)
                .Applicant("A", "X|Y").Applicant("B", "X|Y")
                .Run(Mechanism.DeferredAcceptance, seed, TieBreaking.Multiple);

            string atX = Oracle.LotteryOf($"{seed}|X|A") < Oracle.LotteryOf($"{seed}|X|B") ? "A" : "B";
            Assert.Equal("X", outcome.Of(atX));
            Assert.Equal("Y", outcome.Of(atX == "A" ? "B" : "A"));
        }
    }

    [Fact]
    public void Multiple_tie_breaking_can_rank_two_applicants_differently_at_two_programs()
    {
        // Find a seed where A wins at X but loses at Y; the assignment must follow each program's own lottery.
        string seed = Enumerable.Range(0, 100).Select(i => $"s{i}").First(s =>
            Oracle.LotteryOf($"{s}|X|A") < Oracle.LotteryOf($"{s}|X|B") && Oracle.LotteryOf($"{s}|Y|A") > Oracle.LotteryOf($"{s}|Y|B"));

        // Both want Y first: B wins Y's own draw (although A would win at X) and A falls back to X.
        Outcome outcome = new Case()
            .Program("X", 1).Program("Y", 1)
            .Applicant("A", "Y|X").Applicant("B", "Y|X")
            .Run(Mechanism.DeferredAcceptance, seed, TieBreaking.Multiple);

        Assert.Equal("Y", outcome.Of("B"));
        Assert.Equal("X", outcome.Of("A"));
    }

    [Theory]
    [InlineData(Mechanism.DeferredAcceptance, TieBreaking.Single)]
    [InlineData(Mechanism.DeferredAcceptance, TieBreaking.Multiple)]
    [InlineData(Mechanism.ImmediateAcceptance, TieBreaking.Single)]
    [InlineData(Mechanism.ImmediateAcceptance, TieBreaking.Multiple)]
    [InlineData(Mechanism.SerialDictatorship, TieBreaking.Single)]
    public void Applicant_id_in_ordinal_order_is_the_last_resort(Mechanism mechanism, TieBreaking tieBreaking)
    {
        // Equal lottery numbers never happen with SHA-256 in practice, so the run substitutes a constant lottery.
        // Ordinal order: "B" (U+0042) before "a" (U+0061), "A10" before "A9"; a culture-aware sort would say otherwise.
        Outcome outcome = new Case()
            .Program("X", 1)
            .Applicant("a", "X").Applicant("B", "X")
            .RunWithEqualLotteries(mechanism, tieBreaking);
        Assert.Equal("X", outcome.Of("B"));

        outcome = new Case()
            .Program("X", 1)
            .Applicant("A9", "X").Applicant("A10", "X")
            .RunWithEqualLotteries(mechanism, tieBreaking);
        Assert.Equal("X", outcome.Of("A10"));
    }

    [Fact]
    public void Serial_dictatorship_orders_by_score_and_ignores_groups_but_not_eligibility()
    {
        Outcome outcome = new Case()
            .Program("X", 1).Program("Y", 1)
            .Applicant("A", "X|Y", score: 500m).Priority("X", "A", group: 0).Priority("Y", "A", group: 0)
            .Applicant("B", "X|Y", score: 510m).Priority("X", "B", group: 2).Priority("Y", "B", group: 2)
            .Applicant("C", "X|Y", score: 600m).Priority("Y", "C", group: 0) // not eligible at X
            .Run(Mechanism.SerialDictatorship);

        // C goes first but cannot take X, so takes Y; B (510) then takes X despite group 2; A is left out.
        Assert.Equal("Y", outcome.Of("C"));
        Assert.Equal("X", outcome.Of("B"));
        Assert.Null(outcome.Of("A"));
    }

    [Fact]
    public void Serial_dictatorship_uses_the_single_lottery_even_when_multiple_is_asked()
    {
        foreach (string seed in new[] { "1", "2", "3", "4" })
        {
            Outcome outcome = new Case().Program("X", 1).Applicant("A", "X").Applicant("B", "X")
                .Run(Mechanism.SerialDictatorship, seed, TieBreaking.Multiple);
            string expected = Oracle.LotteryOf($"{seed}|A") < Oracle.LotteryOf($"{seed}|B") ? "A" : "B";
            Assert.Equal("X", outcome.Of(expected));
        }
    }

    [Fact]
    public void Without_priorities_everyone_is_eligible_everywhere_with_group_0()
    {
        Outcome outcome = new Case().Program("X", 1).Program("Y", 1)
            .Applicant("A", "X|Y", 1m).Applicant("B", "X|Y", 2m)
            .Run(Mechanism.DeferredAcceptance);

        Assert.Equal("X", outcome.Of("B"));
        Assert.Equal("Y", outcome.Of("A"));
    }

    [Fact]
    public void With_priorities_a_choice_without_a_row_is_skipped()
    {
        Outcome outcome = new Case().Program("X", 5).Program("Y", 5)
            .Applicant("A", "X|Y").Priority("Y", "A", 0)
            .Applicant("B", "X").Priority("Y", "B", 0) // a row for a program B did not choose gives nothing
            .Run(Mechanism.DeferredAcceptance);

        Assert.Equal("Y", outcome.Of("A"));
        Assert.Null(outcome.Of("B"));
    }

    [Fact]
    public void Deferred_acceptance_lets_a_better_ranked_late_proposer_displace_a_held_applicant()
    {
        // B holds X until A, rejected at Y by C, comes to X and ranks before B there.
        Outcome outcome = new Case()
            .Program("X", 1).Program("Y", 1)
            .Applicant("A", "Y|X", 50m)
            .Applicant("B", "X", 10m)
            .Applicant("C", "Y", 90m)
            .Run(Mechanism.DeferredAcceptance);

        Assert.Equal("Y", outcome.Of("C"));
        Assert.Equal("X", outcome.Of("A"));
        Assert.Null(outcome.Of("B"));
    }
}
