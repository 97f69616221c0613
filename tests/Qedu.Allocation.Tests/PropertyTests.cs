using FsCheck.Xunit;
using Qedu.Allocation.Internal;
using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>Properties on random instances (see <see cref="Generators"/>), checked for both tie-breakings.</summary>
public class PropertyTests
{
    private static readonly TieBreaking[] BothTieBreakings = [TieBreaking.Single, TieBreaking.Multiple];
    private static readonly Mechanism[] AllMechanisms =
        [Mechanism.DeferredAcceptance, Mechanism.ImmediateAcceptance, Mechanism.SerialDictatorship];

    private static int[] Run(Instance instance, Mechanism mechanism, TieBreaking tieBreaking) =>
        Oracle.Programs(Allocator.Run(instance.Build(), new AllocationOptions(mechanism, instance.Seed, tieBreaking)));

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 300)]
    public void Deferred_acceptance_leaves_no_justified_envy_and_no_wasted_seat(Instance instance)
    {
        foreach (TieBreaking tieBreaking in BothTieBreakings)
        {
            int[] assigned = Run(instance, Mechanism.DeferredAcceptance, tieBreaking);
            Assert.Null(Oracle.BlockingPair(instance, tieBreaking, assigned));
        }
    }

    [Property(Arbitrary = new[] { typeof(TinyInstance) }, MaxTest = 300)]
    public void Deferred_acceptance_is_the_applicant_optimal_stable_assignment(Instance instance)
    {
        foreach (TieBreaking tieBreaking in BothTieBreakings)
        {
            int[] assigned = Run(instance, Mechanism.DeferredAcceptance, tieBreaking);
            List<int[]> stable = Oracle.AllStableAssignments(instance, tieBreaking);
            Assert.Contains(stable, s => s.SequenceEqual(assigned));
            foreach (int[] other in stable)
            {
                for (int a = 0; a < instance.ApplicantCount; a++)
                {
                    // Every applicant likes their deferred-acceptance seat at least as much as any stable one.
                    Assert.True(Oracle.Preference(instance, a, assigned[a]) <= Oracle.Preference(instance, a, other[a]),
                        $"{instance.Applicants[a].Id} is better off in another stable assignment");
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 300)]
    public void Every_mechanism_matches_the_reference_reading_of_the_rules(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            foreach (TieBreaking tieBreaking in BothTieBreakings)
            {
                Assert.Equal(Oracle.Run(instance, mechanism, tieBreaking), Run(instance, mechanism, tieBreaking));
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(ExtremeInstance) }, MaxTest = 200)]
    public void Numbers_too_large_or_too_precise_for_packed_keys_still_rank_exactly(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            Assert.Equal(Oracle.Run(instance, mechanism, TieBreaking.Multiple), Run(instance, mechanism, TieBreaking.Multiple));
            Assert.Equal(Oracle.Run(instance, mechanism, TieBreaking.Single), Run(instance, mechanism, TieBreaking.Single));
        }
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 300)]
    public void Capacity_and_eligibility_are_respected_by_every_mechanism(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            foreach (TieBreaking tieBreaking in BothTieBreakings)
            {
                int[] assigned = Run(instance, mechanism, tieBreaking);
                for (int p = 0; p < instance.ProgramCount; p++)
                {
                    Assert.True(assigned.Count(x => x == p) <= instance.Capacities[p], $"{mechanism}: {instance.ProgramIds[p]} over capacity");
                }

                for (int a = 0; a < instance.ApplicantCount; a++)
                {
                    if (assigned[a] >= 0)
                    {
                        Assert.Contains(assigned[a], instance.Applicants[a].Choices);
                        Assert.True(instance.Eligible(a, assigned[a]), $"{mechanism}: {instance.Applicants[a].Id} placed without a priority row");
                    }
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(OneRankingInstance) }, MaxTest = 300)]
    public void Deferred_acceptance_equals_serial_dictatorship_when_all_programs_share_one_ranking(Instance instance)
    {
        // Every row has group 0 and points 0 (or there are no rows): each program ranks by score, tie-break values,
        // single lottery and id, which is exactly the serial order. Eligibility may still differ per program.
        Assert.Equal(
            Run(instance, Mechanism.SerialDictatorship, TieBreaking.Single),
            Run(instance, Mechanism.DeferredAcceptance, TieBreaking.Single));
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 200)]
    public void The_same_seed_gives_the_same_result_whatever_the_row_order(Instance instance)
    {
        int[] reversed = [.. Enumerable.Range(0, instance.ApplicantCount).Reverse()];
        Instance reordered = instance.WithApplicantOrder(reversed);
        foreach (Mechanism mechanism in AllMechanisms)
        {
            foreach (TieBreaking tieBreaking in BothTieBreakings)
            {
                int[] first = Run(instance, mechanism, tieBreaking);
                Assert.Equal(first, Run(instance, mechanism, tieBreaking));

                // The input order of applicants is not part of the ranking rule.
                int[] other = Run(reordered, mechanism, tieBreaking);
                for (int k = 0; k < reversed.Length; k++)
                {
                    Assert.Equal(first[reversed[k]], other[k]);
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 300)]
    public void Single_and_multiple_tie_breaking_order_applicants_alike_except_where_only_the_lottery_separates_them(Instance instance)
    {
        AllocationProblem problem = instance.Build();
        Ranking single = Ranking.Create(problem, instance.Seed, TieBreaking.Single);
        Ranking multiple = Ranking.Create(problem, instance.Seed, TieBreaking.Multiple);
        for (int a = 0; a < instance.ApplicantCount; a++)
        {
            for (int b = 0; b < instance.ApplicantCount; b++)
            {
                foreach (int p in instance.Applicants[a].Choices.Intersect(instance.Applicants[b].Choices))
                {
                    if (!instance.Eligible(a, p) || !instance.Eligible(b, p))
                    {
                        continue;
                    }

                    int slotA = problem.ChoiceStart[a] + Array.IndexOf(instance.Applicants[a].Choices, p);
                    int slotB = problem.ChoiceStart[b] + Array.IndexOf(instance.Applicants[b].Choices, p);
                    int bySingle = Math.Sign(single.Compare(slotA, a, slotB, b));
                    int byMultiple = Math.Sign(multiple.Compare(slotA, a, slotB, b));
                    int beforeLottery = Math.Sign(Oracle.CompareBeforeLottery(instance, p, a, b));
                    if (beforeLottery != 0)
                    {
                        Assert.Equal(beforeLottery, bySingle);
                        Assert.Equal(beforeLottery, byMultiple);
                    }
                    else
                    {
                        // Only here may they differ, and each must follow its own lottery.
                        Assert.Equal(Math.Sign(Oracle.CompareAt(instance, TieBreaking.Single, p, a, b)), bySingle);
                        Assert.Equal(Math.Sign(Oracle.CompareAt(instance, TieBreaking.Multiple, p, a, b)), byMultiple);
                    }
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(DistinctMeritInstance) }, MaxTest = 300)]
    public void When_no_lottery_can_matter_single_and_multiple_tie_breaking_give_the_same_result(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            Assert.Equal(Run(instance, mechanism, TieBreaking.Single), Run(instance, mechanism, TieBreaking.Multiple));
        }
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 200)]
    public void An_audit_record_verifies_against_a_rebuilt_problem(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            AllocationResult result = Allocator.Run(instance.Build(), new AllocationOptions(mechanism, instance.Seed, TieBreaking.Multiple));
            AuditRecord record = AuditRecord.Create(result);
            Assert.Empty(record.Verify(instance.Build()));
        }
    }

    [Property(Arbitrary = new[] { typeof(AnyInstance) }, MaxTest = 200)]
    public void An_explanation_names_every_choice_down_to_the_seat_and_only_higher_choices_that_were_closed(Instance instance)
    {
        foreach (Mechanism mechanism in AllMechanisms)
        {
            AllocationResult result = Allocator.Run(instance.Build(), new AllocationOptions(mechanism, instance.Seed));
            for (int a = 0; a < instance.ApplicantCount; a++)
            {
                Explanation explanation = result.Explain(a);
                int[] choices = instance.Applicants[a].Choices;
                int placedAt = result.GetChoiceIndex(a);
                Assert.Equal(placedAt < 0 ? choices.Length : placedAt + 1, explanation.Choices.Count);
                for (int k = 0; k < explanation.Choices.Count; k++)
                {
                    ChoiceExplanation choice = explanation.Choices[k];
                    int p = choices[k];
                    Assert.Equal(instance.ProgramIds[p], choice.ProgramId);
                    ChoiceOutcome expected =
                        k == placedAt ? ChoiceOutcome.Admitted
                        : !instance.Eligible(a, p) ? ChoiceOutcome.Ineligible
                        : instance.Capacities[p] == 0 ? ChoiceOutcome.NoSeats
                        : choice.Outcome == ChoiceOutcome.FilledInEarlierRound ? ChoiceOutcome.FilledInEarlierRound
                        : ChoiceOutcome.Outranked;
                    Assert.Equal(expected, choice.Outcome);
                    if (expected is ChoiceOutcome.Outranked or ChoiceOutcome.FilledInEarlierRound)
                    {
                        // Closed to this applicant: the program ended full.
                        Assert.Equal(instance.Capacities[p], Oracle.Programs(result).Count(x => x == p));
                        Assert.NotNull(choice.LastAdmitted);
                    }
                }
            }
        }
    }
}
